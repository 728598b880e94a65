//! Choose what the model learns from: a built-in list, or the pupil's own names (cleaned by the
//! core for the chosen alphabet, with what changed explained, and lists too small to learn from
//! refused kindly). Where the page allows it, the extended alphabet (French accents) is a choice.

use super::name_chips::explain_drops;
use course::content::widgets as text;
use course::dataset::{dataset_label, DataChoice};
use minigpt::data::Dataset;
use minigpt::Alphabet;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Fewer names than this cannot teach the model anything useful.
pub const MIN_NAMES: usize = 10;

/// Checks a pasted list: Ok(names) or Err(message for the pupil), plus notes on what changed.
pub fn check_own_list(
    text: &str,
    alphabet: Alphabet,
) -> (Result<Vec<String>, String>, Vec<String>) {
    let (names, notes) = explain_drops(text, &[], alphabet);
    let result = if names.len() < MIN_NAMES {
        Err(text::too_few_names(MIN_NAMES, names.len()))
    } else {
        Ok(names)
    };
    (result, notes)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub choice: DataChoice,
    pub on_change: Callback<DataChoice>,
    /// The built-in lists offered.
    #[prop_or(vec![Dataset::Pokemon, Dataset::Prenoms, Dataset::Dinosaures])]
    pub offered: Vec<Dataset>,
    #[prop_or_default]
    pub alphabet: Alphabet,
    /// Offer the extended alphabet (accents): called when the pupil changes it.
    #[prop_or_default]
    pub on_alphabet: Option<Callback<Alphabet>>,
    /// Distinguishes two pickers on one page (radio groups, ids).
    #[prop_or("data")]
    pub name: &'static str,
}

#[function_component]
pub fn DatasetPicker(props: &Props) -> Html {
    let area = use_node_ref();
    let message = use_state(|| None::<(bool, Vec<String>)>);
    let use_own = {
        let (area, message, cb, alphabet) = (
            area.clone(),
            message.clone(),
            props.on_change.clone(),
            props.alphabet,
        );
        Callback::from(move |_| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (result, mut notes) = check_own_list(&el.value(), alphabet);
            match result {
                Ok(names) => {
                    notes.insert(0, text::off_we_go(names.len()));
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
    // Changing the alphabet cleans the pupil's list again (accents kept or removed).
    let toggle_alphabet = props.on_alphabet.clone().map(|cb| {
        let (area, message, on_change, own) = (
            area.clone(),
            message.clone(),
            props.on_change.clone(),
            matches!(props.choice, DataChoice::Own(_)),
        );
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let alphabet = if el.checked() {
                Alphabet::Extended
            } else {
                Alphabet::Letters
            };
            cb.emit(alphabet);
            if own {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    if let (Ok(names), notes) = check_own_list(&area.value(), alphabet) {
                        on_change.emit(DataChoice::Own(names));
                        message.set(Some((true, notes)));
                    }
                }
            }
        })
    });
    let builtin = |d: Dataset| {
        let on = props.choice == DataChoice::Builtin(d);
        let cb = props.on_change.clone();
        let examples: Vec<&str> = d
            .names()
            .into_iter()
            .step_by(d.names().len() / 4 + 1)
            .take(4)
            .collect();
        html! {
            <label class={classes!("data-option", on.then_some("on"))}>
                <input type="radio" name={props.name} checked={on} data-dataset={d.key()} onchange={move |_| cb.emit(DataChoice::Builtin(d))} />
                <span>{ dataset_label(d) }</span>
                <small>{ text::for_example(&examples.join(", ")) }</small>
            </label>
        }
    };
    let own_on = matches!(props.choice, DataChoice::Own(_));
    let area_id = format!("{}-own-list", props.name);
    html! {
        <div class="widget dataset-picker" data-widget="dataset-picker">
            <fieldset>
                <legend>{ text::WHICH_NAMES }</legend>
                { for props.offered.iter().map(|&d| builtin(d)) }
                <div class={classes!("data-option", "own", own_on.then_some("on"))}>
                    <label for={area_id.clone()}>{ text::OWN_LIST_LABEL }</label>
                    <textarea id={area_id} ref={area} rows="4" data-testid="own-list" placeholder={text::OWN_LIST_PLACEHOLDER} />
                    <button type="button" class="btn" onclick={use_own} data-testid="use-own">{ text::USE_MY_LIST }</button>
                </div>
                if let Some(toggle) = toggle_alphabet {
                    <label class="data-option alphabet-option">
                        <input type="checkbox" checked={props.alphabet == Alphabet::Extended} onchange={toggle} data-testid="extended-alphabet" />
                        <span>{ text::EXTENDED }</span>
                        <small>{ text::EXTENDED_NOTE }</small>
                    </label>
                }
            </fieldset>
            if let Some((ok, notes)) = &*message {
                <ul class={classes!("notes", if *ok { "ok" } else { "ko" })} role="status" data-testid="own-notes">
                    { for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                </ul>
            }
            <p>{ text::chosen(&props.choice.label()) }</p>
        </div>
    }
}
