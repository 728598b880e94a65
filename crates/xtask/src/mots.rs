//! `cargo xtask mots`: makes `data/mots.txt`, the « Mots français » dataset, from the npm package
//! `an-array-of-french-words` (MIT, ~336,000 words from the Letterpress list), reproducibly:
//! no word is written by hand. The recipe (also in data/SOURCES.md):
//!
//! 1. keep words written with the extended alphabet (drops the 3 with ä or ö);
//! 2. drop plurals whose singular is in the list (« maisons » when « maison » is there);
//! 3. drop conjugated verbs and participles: a word made of a verb's stem and a conjugation
//!    ending, when that verb's infinitive is in the list (« chantions » ← « chanter »);
//! 4. drop « -t- » forms (« a-t-il »), words over 15 letters (a default-size model reads 16
//!    tokens) and a short list of rude or sexual words (a class of 10-14 year olds uses this);
//! 5. keep one word in four, chosen by a hash of the word (FNV-1a), so the file stays small
//!    and the choice never depends on the order of the list.
//!
//! It also makes `data/dictionnaire.z`, the French word list `minigpt::judge` checks generated
//! sentences against (`dictionary`): every word of the package written with the extended
//! alphabet's letters (all forms, no sampling), the elided forms and the few words written with
//! an apostrophe, and every word of the « Proverbes » the judge would not otherwise call French.

use crate::{root, Result};
use minigpt::judge::dictionary::{
    fold, is_french_in, words_in, Dictionary, ELIDED, WITH_APOSTROPHE,
};
use std::collections::HashSet;
use std::path::PathBuf;

pub const OUTPUT: &str = "data/mots.txt";
pub const DICTIONARY: &str = "data/dictionnaire.z";
const PROVERBS: &str = "data/proverbes.txt";
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzéèêëàâîïôûùüçœæ-";
const MAX_LETTERS: usize = 15;
const KEEP_ONE_IN: u64 = 4;

/// Conjugation endings, longest first (so « erions » is tried before « ions »).
const ENDINGS: &[&str] = &[
    "eraient", "issaient", "iraient", "assions", "issions", "assiez", "issiez", "erions", "eriez",
    "erais", "erait", "erons", "eront", "issent", "issons", "issais", "issait", "irions", "iriez",
    "irais", "irait", "irons", "iront", "assent", "èrent", "irent", "issez", "aient", "asses",
    "isses", "antes", "erai", "eras", "erez", "irai", "iras", "irez", "asse", "isse", "âmes",
    "âtes", "îmes", "îtes", "ions", "ante", "ants", "ées", "ues", "ies", "iez", "ais", "ait",
    "ant", "ons", "ent", "era", "ira", "ée", "és", "es", "ez", "ai", "as", "ât", "ît", "it", "is",
    "ie", "ue", "us", "é", "e", "a", "i", "u", "t", "s",
];

/// Rude, insulting or sexual words left out for a school audience…
const LEFT_OUT: &[&str] = &[
    "bite", "bordel", "chiant", "chier", "clitoris", "con", "conard", "connard", "connasse",
    "conne", "cul", "gouine", "nègre", "négro", "pédé", "pénis", "pute", "putain", "tapette",
    "vagin",
];
/// …and every word starting with one of these stems.
const LEFT_OUT_STEMS: &[&str] = &[
    "branl", "couill", "encul", "enfoir", "foutr", "merd", "niqu", "orgasm", "putass", "salop",
    "sodom",
];

fn package_json() -> PathBuf {
    root().join("tests/node_modules/an-array-of-french-words/index.json")
}

/// The infinitives a conjugated form with this stem could come from.
fn infinitives(stem: &str) -> Vec<String> {
    let mut out = vec![
        format!("{stem}er"),
        format!("{stem}ir"),
        format!("{stem}re"),
        format!("{stem}oir"),
    ];
    let drop_last = |s: &str| {
        let mut c = s.chars();
        c.next_back();
        c.as_str().to_string()
    };
    if stem.ends_with('r') {
        out.push(format!("{stem}e")); // vendr-ions ← vendre
    }
    if stem.ends_with('i') {
        out.push(format!("{}yer", drop_last(stem))); // essai-e ← essayer
    }
    if stem.ends_with("ge") {
        out.push(format!("{}er", drop_last(stem))); // mange-ons ← manger
    }
    if stem.ends_with('ç') {
        out.push(format!("{}cer", drop_last(stem))); // commenç-ons ← commencer
    }
    if stem.ends_with('s') || stem.ends_with('v') {
        out.push(format!("{}re", drop_last(stem))); // condui-s ← conduire, écri-v ← écrire
    }
    if stem.ends_with("tt") || stem.ends_with("ll") {
        out.push(format!("{}er", drop_last(stem))); // jett-e ← jeter
    }
    if let Some(i) = stem.rfind('è') {
        out.push(format!("{}e{}er", &stem[..i], &stem[i + 'è'.len_utf8()..])); // gèl-e ← geler
    }
    out
}

fn is_conjugated(word: &str, all: &HashSet<&str>) -> bool {
    ENDINGS.iter().any(|ending| {
        word.strip_suffix(ending)
            .filter(|stem| stem.chars().count() > 1)
            .is_some_and(|stem| {
                infinitives(stem)
                    .iter()
                    .any(|inf| inf != word && all.contains(inf.as_str()))
            })
    })
}

fn is_plural(word: &str, all: &HashSet<&str>) -> bool {
    word.strip_suffix(['s', 'x'])
        .is_some_and(|singular| all.contains(singular))
}

fn is_left_out(word: &str) -> bool {
    LEFT_OUT.contains(&word) || LEFT_OUT_STEMS.iter().any(|stem| word.starts_with(stem))
}

fn fnv1a(word: &str) -> u64 {
    word.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

/// The dataset's text (one word per line) made from the package's word list.
pub fn make(words: &[String]) -> String {
    let written: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty() && w.chars().all(|c| LETTERS.contains(c)))
        .collect();
    let all: HashSet<&str> = written.iter().copied().collect();
    let mut kept: Vec<&str> = written
        .into_iter()
        .filter(|w| w.chars().count() <= MAX_LETTERS && !w.contains("-t-"))
        .filter(|w| !is_plural(w, &all) && !is_conjugated(w, &all) && !is_left_out(w))
        .collect();
    eprintln!("{} words pass the recipe's filters", kept.len());
    kept.retain(|w| fnv1a(w).is_multiple_of(KEEP_ONE_IN));
    kept.sort_unstable();
    kept.dedup();
    let mut text = kept.join("\n");
    text.push('\n');
    text
}

/// The judge's word list: the package's words written with the extended alphabet's letters,
/// the elided forms and words with an apostrophe, and the proverbs' words it would miss.
pub fn dictionary(words: &[String], proverbs: &str) -> Dictionary {
    let mut known: HashSet<String> = words
        .iter()
        .filter(|w| !w.is_empty() && w.chars().all(|c| LETTERS.contains(c)))
        .map(|w| fold(w).into_owned())
        .chain(ELIDED.iter().chain(&WITH_APOSTROPHE).map(|w| w.to_string()))
        .collect();
    let mut added = Vec::new();
    for proverb in proverbs.lines() {
        let contains = |w: &str| known.contains(w);
        let missing: Vec<String> = words_in(proverb, &contains)
            .into_iter()
            .map(|range| fold(&proverb[range]).into_owned())
            .filter(|word| !is_french_in(word, &contains))
            .collect();
        for word in missing {
            if known.insert(word.clone()) {
                added.push(word);
            }
        }
    }
    eprintln!(
        "{} words of the proverbs added: {}",
        added.len(),
        added.join(", ")
    );
    let all: Vec<&String> = known.iter().collect();
    Dictionary::from_words(&all)
}

fn read_proverbs() -> Result<String> {
    let path = root().join(PROVERBS);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_package() -> Result<Vec<String>> {
    let path = package_json();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run `npm ci` in tests/ first; `cargo xtask test` does)",
            path.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes data/mots.txt and data/dictionnaire.z.
pub fn write() -> Result {
    let package = read_package()?;
    let dictionary = dictionary(&package, &read_proverbs()?);
    let bytes = dictionary.compress();
    let out = root().join(DICTIONARY);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "✓ {} words written to {} ({} bytes)",
        dictionary.len(),
        out.display(),
        bytes.len()
    );
    let text = make(&package);
    let out = root().join(OUTPUT);
    std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "✓ {} words written to {}",
        text.lines().count(),
        out.display()
    );
    Ok(())
}

/// Fails if data/mots.txt or the words of data/dictionnaire.z are not exactly what the package
/// and the recipes give.
pub fn check() -> Result {
    let package = read_package()?;
    let expected = dictionary(&package, &read_proverbs()?);
    let path = root().join(DICTIONARY);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let actual = Dictionary::decompress(&bytes).map_err(|e| format!("{DICTIONARY}: {e}"))?;
    if !actual.words().eq(expected.words()) {
        return Err(format!(
            "{DICTIONARY} differs from what `cargo xtask mots` makes from the npm package and \
             the proverbs: run it again"
        ));
    }
    eprintln!("✓ {DICTIONARY} is reproducible ({} words)", actual.len());
    let expected = make(&package);
    let path = root().join(OUTPUT);
    let actual = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if actual != expected {
        return Err(format!(
            "{OUTPUT} differs from what `cargo xtask mots` makes from the npm package: run it again"
        ));
    }
    eprintln!("✓ {OUTPUT} is reproducible from an-array-of-french-words");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recipe_keeps_dictionary_words_and_drops_their_forms() {
        let words: Vec<String> = [
            "chanter",
            "chantions",
            "chanté",
            "chanteur",
            "maison",
            "maisons",
            "vendre",
            "vendrions",
            "manger",
            "mangeons",
            "a-t-il",
            "naïveté",
            "mäander",
            "anticonstitutionnel",
            "con",
            "conseil",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let all: HashSet<&str> = words.iter().map(String::as_str).collect();
        for form in ["chantions", "chanté", "vendrions", "mangeons"] {
            assert!(is_conjugated(form, &all), "{form}");
        }
        for word in ["chanteur", "maison", "conseil", "naïveté"] {
            assert!(
                !is_conjugated(word, &all) && !is_plural(word, &all),
                "{word}"
            );
        }
        assert!(is_plural("maisons", &all));
        assert!(is_left_out("con") && is_left_out("merdique") && !is_left_out("conseil"));
        // Without the sampling, the kept words are exactly the dictionary ones.
        let text = make(&words);
        assert!(text.lines().all(|w| fnv1a(w).is_multiple_of(KEEP_ONE_IN)));
        assert!(!text.contains("mäander") && !text.contains("a-t-il"));
        assert!(!text.contains("anticonstitutionnel"));
    }

    #[test]
    fn the_judges_list_holds_every_form_the_elisions_and_the_proverbs_words() {
        let package: Vec<String> = ["chantions", "coeur", "mäander", "le", "fait", "nid", "son"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let d = dictionary(
            &package,
            "petit à petit, l'oiseau fait son nid\nloin du cœur\n",
        );
        for word in [
            "chantions",
            "coeur",
            "l'",
            "qu'",
            "aujourd'hui",
            "petit",
            "à",
            "oiseau",
        ] {
            assert!(d.contains(word), "{word}");
        }
        // Not written with the extended alphabet; and « l' » is not added as « l'oiseau ».
        assert!(!d.contains("mäander") && !d.contains("l'oiseau"));
        assert!(d.is_french("cœur") && d.is_french("loin") && d.is_french("du"));
        let back = Dictionary::decompress(&d.compress()).unwrap();
        assert!(back.words().eq(d.words()));
    }
}
