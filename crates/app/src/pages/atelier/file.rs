//! Files: « Enregistrer le modèle » (its name says whose model and on what data; the page says
//! which model went into it), « Ouvrir un modèle » (refused before reading if too big, then
//! checked by the core), and « Emporter mon modèle » as a notebook. None of them works during a
//! run (the page says why); a download the browser refuses is said too.

use super::run::{JobSlot, Redraw};
use super::{Dispatch, Same};
use crate::icons::{icon, Icon};
use crate::widgets::take_home::{take_home, Make, Ready};
use minigpt::notebook::About;
use course::atelier::settings::{limits, load_error_message, max_file_bytes};
use course::atelier::workshop::{Action, Message, Origin, Shown};
use course::content::atelier as text;
use gloo::file::callbacks::FileReader;
use minigpt::saved;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileProps {
    pub shown: Option<Same<Shown>>,
    /// A run is going on.
    pub busy: bool,
    pub message: Option<Message>,
    /// Who is working (their name goes into the files' names).
    pub pupil: String,
    pub job: JobSlot,
    pub redraw: Same<Redraw>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn FilePanel(props: &FileProps) -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let make: Option<Make> = {
        let made = use_memo(props.shown.clone(), |shown| {
            shown.clone().map(|s| notebook_of(s.0))
        });
        (*made).clone()
    };
    let can_save = props.shown.is_some() && !props.busy;
    html! {
        <div class="card">
            <h2>{ text::SAVE_TITLE }</h2>
            <div class="row">
                <button type="button" class="btn" onclick={save(props)} disabled={!can_save} data-testid="a-save">{ icon(Icon::Save) }{ text::SAVE }</button>
                <label class={classes!("btn", props.busy.then_some("disabled"))}>{ icon(Icon::Open) }{ text::OPEN }
                    <input type="file" accept=".json,application/json" class="sr-only" onchange={open(props, reader)} disabled={props.busy} data-testid="a-load" />
                </label>
            </div>
            if props.busy { <p class="muted" data-testid="a-save-why">{ text::SAVE_BUSY }</p> }
            if let Some(m) = &props.message {
                <p class={classes!("feedback", if m.ok { "ok" } else { "ko" })} role="status" data-testid="a-message">{ m.text.clone() }</p>
            }
            <p class="muted">{ text::LIVES_HERE }</p>
            { take_home(make.unwrap_or_else(|| Rc::new(|| None)), Ready::of(props.shown.is_some(), props.busy)) }
        </div>
    }
}

/// Writes the model on show to a file named for its data and the pupil.
fn save(props: &FileProps) -> Callback<MouseEvent> {
    let (shown, pupil, dispatch) = (
        props.shown.clone(),
        props.pupil.clone(),
        props.dispatch.clone(),
    );
    Callback::from(move |_| {
        let Some(Same(shown)) = &shown else { return };
        let note = match &shown.origin {
            Origin::Trained(t) => text::note(&t.data_label(), t.steps),
            Origin::Opened { note } => note.clone(),
        };
        let json = saved::to_json(&shown.model, &note);
        let file = shown.file_name(&pupil);
        dispatch.dispatch(
            match crate::files::download(&file, "application/json", &json) {
                Ok(()) => Action::Saved {
                    file,
                    bytes: json.len(),
                },
                Err(_) => Action::SaveRefused,
            },
        );
    })
}

/// Opens a model file: refused before reading if too big, then checked by the core. The run
/// shown so far goes: the opened model takes its place.
fn open(props: &FileProps, reader: Rc<std::cell::RefCell<Option<FileReader>>>) -> Callback<Event> {
    let (job, redraw, dispatch) = (
        props.job.clone(),
        props.redraw.0.clone(),
        props.dispatch.clone(),
    );
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > max_file_bytes() {
            dispatch.dispatch(Action::Refused(text::TOO_BIG.into()));
            return;
        }
        let (job, redraw, dispatch) = (job.clone(), redraw.clone(), dispatch.clone());
        let file = gloo::file::File::from(file);
        let task = gloo::file::callbacks::read_as_text(&file, move |result| {
            let opened = match result {
                Err(_) => Err(text::UNREADABLE.to_string()),
                Ok(t) => saved::from_json_within(&t, &limits()).map_err(|e| load_error_message(&e)),
            };
            match opened {
                Ok((gpt, note)) => {
                    drop(job.0.borrow_mut().take());
                    dispatch.dispatch(Action::Opened(Box::new(gpt), note));
                }
                Err(why) => dispatch.dispatch(Action::Refused(why)),
            }
            redraw();
        });
        *reader.borrow_mut() = Some(task);
    })
}

/// What the notebook carries: the model on show, what it learned from, its settings, and the
/// loss the page showed on the names kept aside (2 decimals) — the names the notebook measures.
/// The one place that says it.
fn notebook_of(shown: Rc<Shown>) -> Make {
    Rc::new(move || {
        let model = shown.model.clone();
        let about = match &shown.origin {
            Origin::Trained(t) => {
                let (train, test) = t.job.names();
                let shown = t.test_loss.map(|(value, _)| minigpt::notebook::Shown {
                    value,
                    decimals: 2,
                    names: test,
                });
                About {
                    data: t.label.clone(),
                    dataset: shown_data_part(&t.job.data).to_string(),
                    steps: Some(t.steps),
                    lr: Some(t.job.lr),
                    batch: Some(t.job.batch),
                    shown,
                    train_names: train,
                    ..About::default()
                }
            }
            Origin::Opened { note } => About {
                data: text::FROM_FILE.to_string(),
                note: note.clone(),
                ..About::default()
            },
        };
        Some((model, about))
    })
}

/// The data's short name in the notebook's file name.
fn shown_data_part(data: &course::worker::protocol::Data) -> &'static str {
    course::atelier::files::data_part(&course::atelier::workshop::data_choice(data))
}
