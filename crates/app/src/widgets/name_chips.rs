//! The dataset as chips: remove one with its ×, add your own names (cleaned by the core, with a
//! French explanation of anything changed or left out).
//!
//! Any paste is handled in time linear in its length: the text is cut at `MAX_TEXT_CHARS`, the
//! list at `MAX_NAMES`, duplicates are found with a set, the chips share one list (no copy per
//! chip), and only the first `SHOWN_CHIPS` chips and `SHOWN_IN_NOTE` names of a note are drawn.

use course::content::widgets as text;
use minigpt::vocab::DropReason;
use minigpt::Alphabet;
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Longer pasted text is cut (about 1 MB of names).
pub const MAX_TEXT_CHARS: usize = 1_000_000;
/// Longer lists are cut: no lesson or model needs more names.
pub const MAX_NAMES: usize = 50_000;
/// Chips drawn at most (the rest is counted).
pub const SHOWN_CHIPS: usize = 200;
/// Names quoted at most in one note.
pub const SHOWN_IN_NOTE: usize = 8;

/// `text` cut at `MAX_TEXT_CHARS` characters (on a character boundary), and whether it was.
fn cut_text(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// A few names for a note, with how many more.
pub fn few(names: &[String]) -> String {
    let shown = &names[..names.len().min(SHOWN_IN_NOTE)];
    text::some_names(shown, names.len() - shown.len())
}

/// The names `clean` kept from `text` (new ones only: not in `existing`), and what it changed
/// or left out, said for a pupil in a few lines.
pub fn explain_drops(
    text: &str,
    existing: &[String],
    alphabet: Alphabet,
) -> (Vec<String>, Vec<String>) {
    explain(text, existing, alphabet, true)
}

/// The same, for one word: repeated names are not worth a note.
pub fn explain_drops_without_repeats(text: &str, alphabet: Alphabet) -> (Vec<String>, Vec<String>) {
    explain(text, &[], alphabet, false)
}

fn explain(
    text: &str,
    existing: &[String],
    alphabet: Alphabet,
    report_repeats: bool,
) -> (Vec<String>, Vec<String>) {
    let (text, cut) = cut_text(text);
    let report = alphabet.clean(text);
    let mut notes = Vec::new();
    if cut {
        notes.push(text::text_cut(MAX_TEXT_CHARS));
    }
    if !report.accents_removed.is_empty() {
        let mut letters: Vec<char> = report.accents_removed.clone();
        letters.sort_unstable();
        letters.dedup();
        let letters: String = letters.into_iter().take(20).collect();
        notes.push(match alphabet {
            Alphabet::Letters => text::accents_removed_letters(&letters),
            Alphabet::Extended | Alphabet::Accents => text::accents_removed_extended(&letters),
        });
    }
    for (reason, note) in [
        (
            DropReason::Digit,
            text::digits_removed as fn(usize) -> String,
        ),
        (DropReason::Punctuation, text::punctuation_removed),
        (DropReason::Other, text::symbols_removed),
    ] {
        let n = report.count(reason);
        if n > 0 {
            notes.push(note(n));
        }
    }
    let known: HashSet<&str> = existing.iter().map(String::as_str).collect();
    let (mut new, dup): (Vec<String>, Vec<String>) = report
        .names
        .into_iter()
        .partition(|n| !known.contains(n.as_str()));
    let repeated: Vec<String> = dup.into_iter().chain(report.duplicates).collect();
    if report_repeats && !repeated.is_empty() {
        notes.push(text::already_in_list(&few(&repeated)));
    }
    let room = MAX_NAMES.saturating_sub(existing.len());
    if new.len() > room {
        new.truncate(room);
        notes.push(text::names_cut(MAX_NAMES));
    }
    (new, notes)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The list, shared (never copied per chip).
    pub names: Rc<Vec<String>>,
    pub on_change: Callback<Vec<String>>,
    /// Names that cannot be removed (the lesson's base list stays).
    #[prop_or_default]
    pub locked: usize,
}

#[function_component]
pub fn NameChips(props: &Props) -> Html {
    let input = use_node_ref();
    let notes = use_state(Vec::<String>::new);
    let add = {
        let (input, notes, names, cb) = (
            input.clone(),
            notes.clone(),
            props.names.clone(),
            props.on_change.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let (new, mut msgs) = explain_drops(&el.value(), &names, Alphabet::Letters);
            if new.is_empty() && msgs.is_empty() {
                msgs.push(text::WRITE_A_NAME.into());
            }
            if !new.is_empty() {
                msgs.insert(0, text::added(&few(&new)));
                let mut all = (*names).clone();
                all.extend(new);
                cb.emit(all);
                el.set_value("");
            }
            notes.set(msgs);
        })
    };
    // One removal callback for every chip: it copies the list once, when used.
    let remove_at = {
        let (names, cb) = (props.names.clone(), props.on_change.clone());
        Callback::from(move |i: usize| {
            let mut all = (*names).clone();
            all.remove(i);
            cb.emit(all);
        })
    };
    let shown = props.names.len().min(SHOWN_CHIPS);
    html! {
        <div class="widget name-chips" data-widget="name-chips">
            <ul class="chips" aria-label={text::names_in_list(props.names.len())}>
                { for props.names[..shown].iter().enumerate().map(|(i, name)| {
                    let removable = i >= props.locked;
                    let remove = remove_at.clone();
                    html! {
                        <li class={classes!("chip", removable.then_some("mine"))}>
                            { name.clone() }
                            if removable {
                                <button type="button" class="chip-x" aria-label={text::remove(name)} onclick={move |_| remove.emit(i)}>{ "×" }</button>
                            }
                        </li>
                    }
                }) }
                if props.names.len() > shown {
                    <li class="chip more" data-testid="more-names">{ text::and_more(props.names.len() - shown) }</li>
                }
            </ul>
            <form class="add-name" onsubmit={add}>
                <label>{ text::ADD_NAMES_LABEL }
                    <input ref={input} type="text" placeholder={text::ADD_NAMES_PLACEHOLDER} data-testid="add-name-input" />
                </label>
                <button type="submit" class="btn">{ text::ADD }</button>
            </form>
            if !notes.is_empty() {
                <ul class="notes" role="status">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_paste_of_repeated_names_is_cut_and_summed_up_in_a_few_lines() {
        let words: Vec<String> = (0..120_000)
            .map(|i| format!("nom{}", to_letters(i)))
            .collect();
        let pasted = format!("{}\n{}", words.join("\n"), words.join("\n"));
        let start = std::time::Instant::now();
        let (new, notes) = explain_drops(&pasted, &[], Alphabet::Letters);
        assert!(start.elapsed().as_secs_f64() < 5.0, "linear, not quadratic");
        assert!(new.len() <= MAX_NAMES);
        assert!(notes.iter().all(|n| n.chars().count() < 300), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("très longue")));
    }

    #[test]
    fn names_already_there_are_said_not_added() {
        let existing = vec!["pikachu".to_string()];
        let (new, notes) = explain_drops("Pikachu, tortank, tortank", &existing, Alphabet::Letters);
        assert_eq!(new, ["tortank"]);
        assert_eq!(notes, ["Déjà dans la liste\u{a0}: pikachu, tortank."]);
    }

    fn to_letters(mut i: usize) -> String {
        let mut s = String::new();
        loop {
            s.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
            if i == 0 {
                return s;
            }
        }
    }
}
