//! The dataset as chips: remove one with its ×, add your own names (cleaned by the core, with a
//! French explanation of anything left out).

use minigpt::vocab::{clean, DropReason};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub names: Vec<String>,
    pub on_change: Callback<Vec<String>>,
    /// Names that cannot be removed (the lesson's base list stays).
    #[prop_or_default]
    pub locked: usize,
}

/// What `clean` left out, said for a pupil.
pub fn explain_drops(text: &str, existing: &[String]) -> (Vec<String>, Vec<String>) {
    let report = clean(text);
    let mut notes = Vec::new();
    let digits = report.count(DropReason::Digit);
    let punct = report.count(DropReason::Punctuation);
    let other = report.count(DropReason::Other);
    if digits > 0 {
        notes.push(format!(
            "{digits} chiffre(s) enlevé(s) : le modèle ne connaît que les lettres."
        ));
    }
    if punct > 0 {
        notes.push(format!("{punct} signe(s) de ponctuation enlevé(s)."));
    }
    if other > 0 {
        notes.push(format!(
            "{other} symbole(s) ou emoji enlevé(s) : ils ne font pas partie des 26 lettres."
        ));
    }
    let (new, dup): (Vec<String>, Vec<String>) = report
        .names
        .into_iter()
        .partition(|n| !existing.contains(n));
    if !dup.is_empty() || !report.duplicates.is_empty() {
        notes.push(format!(
            "Déjà dans la liste : {}.",
            dup.iter()
                .chain(&report.duplicates)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    (new, notes)
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
            let (new, mut msgs) = explain_drops(&el.value(), &names);
            if new.is_empty() && msgs.is_empty() {
                msgs.push("Écris un nom avec des lettres, par exemple « tortank ».".into());
            }
            if !new.is_empty() {
                msgs.insert(0, format!("Ajouté : {}.", new.join(", ")));
                let mut all = names.clone();
                all.extend(new);
                cb.emit(all);
                el.set_value("");
            }
            notes.set(msgs);
        })
    };
    html! {
        <div class="widget name-chips" data-widget="name-chips">
            <ul class="chips" aria-label={format!("{} noms dans la liste", props.names.len())}>
                { for props.names.iter().enumerate().map(|(i, name)| {
                    let removable = i >= props.locked;
                    let remove = {
                        let (names, cb) = (props.names.clone(), props.on_change.clone());
                        Callback::from(move |_| { let mut all = names.clone(); all.remove(i); cb.emit(all); })
                    };
                    html! {
                        <li class={classes!("chip", removable.then_some("mine"))}>
                            { name.clone() }
                            if removable {
                                <button type="button" class="chip-x" aria-label={format!("Enlever {name}")} onclick={remove}>{ "×" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <form class="add-name" onsubmit={add}>
                <label>{ "Ajoute tes noms (sépare-les par des espaces) : " }
                    <input ref={input} type="text" placeholder="ex. : tortank, Zoé" data-testid="add-name-input" />
                </label>
                <button type="submit" class="btn">{ "Ajouter" }</button>
            </form>
            if !notes.is_empty() {
                <ul class="notes" role="status">{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            }
        </div>
    }
}
