//! A box where the pupil types a word (their first name…), cleaned by the core with a French
//! explanation of anything changed.

use super::name_chips::explain_drops;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: &'static str,
    pub max_len: usize,
    pub on_word: Callback<String>,
    #[prop_or("ex. : Zoé")]
    pub placeholder: &'static str,
    pub testid: &'static str,
}

/// The word kept from what was typed, and the messages for the pupil.
pub fn keep_word(typed: &str, max_len: usize) -> (Option<String>, Vec<String>) {
    let (names, mut notes) = explain_drops(typed, &[]);
    notes.retain(|n| !n.starts_with("Déjà"));
    let Some(first) = names.first() else {
        notes.push("Écris un mot avec des lettres de a à z.".into());
        return (None, notes);
    };
    if names.len() > 1 {
        notes.push(format!("Un seul mot à la fois : je garde « {first} »."));
    }
    let mut word = first.clone();
    if word.len() > max_len {
        word.truncate(max_len);
        notes.push(format!(
            "Mot trop long : je garde les {max_len} premières lettres, « {word} »."
        ));
    }
    (Some(word), notes)
}

#[function_component]
pub fn WordInput(props: &Props) -> Html {
    let input = use_node_ref();
    let notes = use_state(Vec::<String>::new);
    let submit = {
        let (input, notes, cb, max_len) = (
            input.clone(),
            notes.clone(),
            props.on_word.clone(),
            props.max_len,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let (word, msgs) = keep_word(&el.value(), max_len);
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
