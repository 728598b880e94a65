//! A box where the pupil types a word (their first name, a beginning of name…), cleaned by the
//! core for the model's alphabet, with a French explanation of anything changed.

use super::name_chips::{explain_drops_without_repeats, MAX_TEXT_CHARS, SHOWN_IN_NOTE};
use course::content::widgets as text;
use course::text::quoted;
use minigpt::Alphabet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: &'static str,
    pub max_len: usize,
    pub on_word: Callback<String>,
    #[prop_or(text::WORD_PLACEHOLDER)]
    pub placeholder: &'static str,
    pub testid: &'static str,
    /// The alphabet of the model that will read the word.
    #[prop_or_default]
    pub alphabet: Alphabet,
    /// Refuse a word with letters the model cannot read (instead of removing their accents).
    #[prop_or_default]
    pub strict: bool,
}

/// The distinct letters of `typed` that a model of `alphabet` cannot read (case aside), in order.
pub fn unreadable(typed: &str, alphabet: Alphabet) -> Vec<char> {
    let mut seen = std::collections::HashSet::new();
    typed
        .chars()
        .take(MAX_TEXT_CHARS)
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphabetic() && alphabet.encode_char(*c).is_none() && seen.insert(*c))
        .collect()
}

/// Why a model of `alphabet` refuses these letters (French, for the pupil; a few of them).
pub fn refusal(letters: &[char], alphabet: Alphabet) -> String {
    let shown: Vec<String> = letters.iter().take(SHOWN_IN_NOTE).map(quoted).collect();
    let more = letters.len().saturating_sub(SHOWN_IN_NOTE);
    text::cannot_read_letters(
        &text::some_names(&shown, more),
        alphabet != Alphabet::Letters,
    )
}

/// The word kept from what was typed, and the messages for the pupil.
pub fn keep_word(typed: &str, max_len: usize, alphabet: Alphabet) -> (Option<String>, Vec<String>) {
    let (names, mut notes) = explain_drops_without_repeats(typed, alphabet);
    let Some(first) = names.first() else {
        notes.push(match alphabet {
            Alphabet::Letters => text::ONE_WORD_LETTERS.into(),
            Alphabet::Extended | Alphabet::Accents => text::ONE_WORD_EXTENDED.into(),
        });
        return (None, notes);
    };
    if names.len() > 1 {
        notes.push(text::one_word_at_a_time(first));
    }
    let mut word = first.clone();
    if word.chars().count() > max_len {
        word = word.chars().take(max_len).collect();
        notes.push(text::word_too_long(max_len, &word));
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
            <button type="submit" class="btn">{ text::VALIDATE }</button>
            if !notes.is_empty() {
                <ul class="notes" role="status">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </form>
    }
}
