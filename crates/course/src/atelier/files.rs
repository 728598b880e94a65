//! The names of the files the Atelier hands out: whose model, trained on what
//! (`tuto-llm-modele-pokemon-ines-b.json`), so two pupils' models on one PC never share a name.

use crate::content::atelier as text;
use crate::dataset::DataChoice;
use minigpt::Alphabet;

/// The longest piece a name or a dataset adds to a file name.
const PART_CHARS: usize = 30;

/// A piece of a file name from any text: « Inès B. » → `ines-b`. Lower-case ASCII letters
/// (accents folded as the model's 26-letter alphabet folds them), words joined by hyphens, at
/// most 30 characters; empty if no letter is left.
pub fn file_part(text: &str) -> String {
    // A space stays inside an item of `clean`: the words are cleaned one by one. The page
    // passes the session's key (`progress::identity::session_key`: « ines|b+lucas|m »), whose
    // `|` and `+` part words too.
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '|' || c == '+')
        .filter(|w| !w.is_empty())
        .flat_map(|word| Alphabet::Letters.clean(word).names)
        .collect();
    let words = words.join("-");
    let mut part: String = words.chars().take(PART_CHARS).collect();
    while part.ends_with('-') {
        part.pop();
    }
    part
}

/// The data's short name in a file name: the built-in list's key, or « ma-liste ».
pub fn data_part(data: &DataChoice) -> &'static str {
    match data {
        DataChoice::Builtin(d) => d.key(),
        DataChoice::Own(_) => text::OWN_LIST_FILE,
    }
}

/// `tuto-llm-modele[-<data>][-<pupil>].json`.
pub fn model_file_name(data: Option<&DataChoice>, pupil: &str) -> String {
    let mut name = text::MODEL_FILE_STEM.to_string();
    for part in [
        data.map(data_part).unwrap_or_default().to_string(),
        file_part(pupil),
    ] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(&part);
        }
    }
    name + ".json"
}

#[cfg(test)]
mod tests {
    use super::*;
    use minigpt::data::Dataset;

    #[test]
    fn a_model_file_says_whose_and_on_what() {
        let pokemon = DataChoice::Builtin(Dataset::Pokemon);
        assert_eq!(
            model_file_name(Some(&pokemon), "Inès B."),
            "tuto-llm-modele-pokemon-ines-b.json"
        );
        let own = DataChoice::Own(vec!["lea".into()]);
        assert_eq!(
            model_file_name(Some(&own), "Zoé"),
            "tuto-llm-modele-ma-liste-zoe.json"
        );
        assert_eq!(model_file_name(None, ""), "tuto-llm-modele.json");
        // The session's key, as the page passes it.
        assert_eq!(
            model_file_name(Some(&pokemon), "ines|b+lucas|m"),
            "tuto-llm-modele-pokemon-ines-b-lucas-m.json"
        );
        assert_eq!(
            model_file_name(Some(&pokemon), "  / 5e \u{202e}"),
            "tuto-llm-modele-pokemon-e.json"
        );
    }

    #[test]
    fn file_parts_are_short_plain_ascii() {
        assert_eq!(file_part("Jean-Noël Œdipe"), "jeannoel-oedipe");
        let long = file_part(&"abcdefghij ".repeat(10));
        assert!(long.len() <= PART_CHARS && !long.ends_with('-'), "{long}");
        assert!(file_part("ÀÉÎÕÜ ç ß ø")
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-'));
        assert_eq!(file_part("🙂 123"), "");
    }
}
