//! Choose what the model learns from: a built-in list, or the pupil's own names (cleaned by the
//! core, with what was dropped explained, and lists too small to learn from refused kindly).

use super::name_chips::explain_drops;
use minigpt::data::Dataset;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Fewer names than this cannot teach the model anything useful.
pub const MIN_NAMES: usize = 10;

#[derive(Clone, Debug, PartialEq)]
pub enum DataChoice {
    Builtin(Dataset),
    Own(Vec<String>),
}

impl DataChoice {
    pub fn names(&self) -> Vec<String> {
        match self {
            DataChoice::Builtin(d) => d.names().into_iter().map(String::from).collect(),
            DataChoice::Own(names) => names.clone(),
        }
    }
    pub fn label(&self) -> String {
        match self {
            DataChoice::Builtin(d) => dataset_label(*d).to_string(),
            DataChoice::Own(n) => format!("ta liste ({} noms)", n.len()),
        }
    }
}

pub fn dataset_label(d: Dataset) -> &'static str {
    match d {
        Dataset::Pokemon => "1 023 Pokémon",
        Dataset::Prenoms => "33 235 prénoms français",
        Dataset::Dinosaures => "1 524 dinosaures",
    }
}

/// Checks a pasted list: Ok(names) or Err(message for the pupil), plus notes on what was dropped.
pub fn check_own_list(text: &str) -> (Result<Vec<String>, String>, Vec<String>) {
    let (names, notes) = explain_drops(text, &[]);
    let result = if names.len() < MIN_NAMES {
        Err(format!(
            "Il faut au moins {MIN_NAMES} noms pour que le modèle apprenne quelque chose : ta liste en a {}. Ajoute-en encore {} !",
            names.len(),
            MIN_NAMES - names.len()
        ))
    } else {
        Ok(names)
    };
    (result, notes)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub choice: DataChoice,
    pub on_change: Callback<DataChoice>,
}

#[function_component]
pub fn DatasetPicker(props: &Props) -> Html {
    let area = use_node_ref();
    let message = use_state(|| None::<(bool, Vec<String>)>);
    let use_own = {
        let (area, message, cb) = (area.clone(), message.clone(), props.on_change.clone());
        Callback::from(move |_| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (result, mut notes) = check_own_list(&el.value());
            match result {
                Ok(names) => {
                    notes.insert(0, format!("C'est parti avec tes {} noms !", names.len()));
                    cb.emit(DataChoice::Own(names));
                    message.set(Some((true, notes)));
                }
                Err(why) => {
                    notes.insert(0, why);
                    message.set(Some((false, notes)));
                }
            }
        })
    };
    let builtin = |d: Dataset| {
        let on = props.choice == DataChoice::Builtin(d);
        let cb = props.on_change.clone();
        html! {
            <label class={classes!("data-option", on.then_some("on"))}>
                <input type="radio" name="dataset" checked={on} data-dataset={d.key()} onchange={move |_| cb.emit(DataChoice::Builtin(d))} />
                <span>{ dataset_label(d) }</span>
                <small>{ d.names().iter().take(4).copied().collect::<Vec<_>>().join(", ") }{ "…" }</small>
            </label>
        }
    };
    let own_on = matches!(props.choice, DataChoice::Own(_));
    html! {
        <div class="widget dataset-picker" data-widget="dataset-picker">
            <fieldset>
                <legend>{ "Sur quels noms le modèle apprend-il ?" }</legend>
                { builtin(Dataset::Pokemon) }
                { builtin(Dataset::Prenoms) }
                { builtin(Dataset::Dinosaures) }
                <div class={classes!("data-option", "own", own_on.then_some("on"))}>
                    <label for="own-list">{ "Ou ta propre liste (prénoms de la classe, mots inventés…), un nom par ligne ou séparés par des virgules :" }</label>
                    <textarea id="own-list" ref={area} rows="4" data-testid="own-list" placeholder="Léa, Hugo, Chloé, Nathan…" />
                    <button type="button" class="btn" onclick={use_own} data-testid="use-own">{ "Utiliser ma liste" }</button>
                </div>
            </fieldset>
            if let Some((ok, notes)) = &*message {
                <ul class={classes!("notes", if *ok { "ok" } else { "ko" })} role="status" data-testid="own-notes">
                    { for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
            <p>{ format!("Choisi : {}.", props.choice.label()) }</p>
        </div>
    }
}
