//! A box where the pupil types a word (their first name, a beginning of name…), cleaned by the
//! core for the model's alphabet, with a French explanation of anything changed.

use super::name_chips::explain_drops;
use minigpt::Alphabet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: &'static str,
    pub max_len: usize,
    pub on_word: Callback<String>,
    #[prop_or("ex.\u{a0}: Zoé")]
    pub placeholder: &'static str,
    pub testid: &'static str,
    /// The alphabet of the model that will read the word.
    #[prop_or_default]
    pub alphabet: Alphabet,
    /// Refuse a word with letters the model cannot read (instead of removing their accents).
    #[prop_or_default]
    pub strict: bool,
}

/// The letters of `typed` that a model of `alphabet` cannot read (case aside).
pub fn unreadable(typed: &str, alphabet: Alphabet) -> Vec<char> {
    let mut out: Vec<char> = typed
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic() && alphabet.encode_char(*c).is_none())
        .collect();
    out.dedup();
    out
}

/// Why a model of `alphabet` refuses these letters (French, for the pupil).
pub fn refusal(letters: &[char], alphabet: Alphabet) -> String {
    let shown: Vec<String> = letters
        .iter()
        .map(|c| format!("«\u{a0}{c}\u{a0}»"))
        .collect();
    match alphabet {
        Alphabet::Letters => format!(
            "Ce modèle ne sait pas lire {}\u{a0}: il a appris avec les 26 lettres sans accent. Écris sans accent, ou entraîne un modèle avec l'alphabet étendu.",
            shown.join(", ")
        ),
        Alphabet::Extended => format!(
            "Ce modèle ne sait pas lire {}\u{a0}: ces lettres ne sont pas dans son alphabet.",
            shown.join(", ")
        ),
    }
}

/// The word kept from what was typed, and the messages for the pupil.
pub fn keep_word(typed: &str, max_len: usize, alphabet: Alphabet) -> (Option<String>, Vec<String>) {
    let (names, mut notes) = explain_drops(typed, &[], alphabet);
    notes.retain(|n| !n.starts_with("Déjà"));
    let Some(first) = names.first() else {
        notes.push(match alphabet {
            Alphabet::Letters => "Écris un mot avec des lettres de a à z.".into(),
            Alphabet::Extended => {
                "Écris un mot avec des lettres (accents et trait d'union permis).".into()
            }
        });
        return (None, notes);
    };
    if names.len() > 1 {
        notes.push(format!(
            "Un seul mot à la fois\u{a0}: je garde «\u{a0}{first}\u{a0}»."
        ));
    }
    let mut word = first.clone();
    if word.chars().count() > max_len {
        word = word.chars().take(max_len).collect();
        notes.push(format!(
            "Mot trop long\u{a0}: je garde les {max_len} premières lettres, «\u{a0}{word}\u{a0}»."
        ));
    }
    (Some(word), notes)
}

#[function_component]
pub fn WordInput(props: &Props) -> Html {
    let input = use_node_ref();
    let notes = use_state(Vec::<String>::new);
    let submit = {
        let (input, notes, cb, max_len, alphabet, strict) = (
            input.clone(),
            notes.clone(),
            props.on_word.clone(),
            props.max_len,
            props.alphabet,
            props.strict,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let bad = unreadable(&el.value(), alphabet);
            if strict && !bad.is_empty() {
                notes.set(vec![refusal(&bad, alphabet)]);
                return;
            }
            let (word, msgs) = keep_word(&el.value(), max_len, alphabet);
            if let Some(w) = word {
                cb.emit(w);
            }
            notes.set(msgs);
        })
    };
    html! {
        <form class="add-name word-input" onsubmit={submit}>
            <label>{ props.label }{ " " }<input ref={input} type="text" placeholder={props.placeholder} data-testid={props.testid} /></label>
            <button type="submit" class="btn">{ "Valider" }</button>
            if !notes.is_empty() {
                <ul class="notes" role="status">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </form>
    }
}
