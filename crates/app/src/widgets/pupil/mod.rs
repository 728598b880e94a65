//! Who is at the keyboard, on a room PC shared by several pupils (each keeps their own progress
//! on this browser, by first name and initial):
//! - `PupilBar`: the top bar's « Qui es-tu ? » / « Élève : Léa B. · Changer d'élève » button and
//!   its box (closes with Échap or a click outside);
//! - `form::WhoForm`: the names typed, « Nous sommes deux », « c'est bien toi ? »;
//! - `gate::Gate`: the question asked before anything else on a PC where someone was named;
//! - `clear::ClearComputer`: « Vider ce poste », for the teacher.

pub mod clear;
pub mod form;
pub mod gate;

pub use clear::ClearComputer;
pub use gate::Gate;

use crate::progress::{use_progress, Action};
use course::content::pages as text;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While the box is open: Échap closes it (the focus back on its button), and so does a click
/// anywhere outside it.
#[hook]
fn use_closing(open: UseStateHandle<bool>, bar: NodeRef, button: NodeRef) {
    use_effect_with(*open, move |&is_open| {
        let listeners = is_open.then(|| {
            let document = gloo::utils::document();
            let escape = {
                let (open, button) = (open.clone(), button.clone());
                EventListener::new(&document, "keydown", move |e| {
                    let escaped = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if escaped {
                        open.set(false);
                        if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                            let _ = b.focus();
                        }
                    }
                })
            };
            let outside = EventListener::new(&document, "pointerdown", move |e| {
                let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let inside = bar
                    .cast::<web_sys::Node>()
                    .is_some_and(|b| b.contains(target.as_ref()));
                if !inside {
                    open.set(false);
                }
            });
            (escape, outside)
        });
        move || drop(listeners)
    });
}

#[function_component]
pub fn PupilBar() -> Html {
    let progress = use_progress();
    let open = use_state(|| false);
    let (bar, button) = (use_node_ref(), use_node_ref());
    use_closing(open.clone(), bar.clone(), button.clone());
    let asking = progress.asking().is_some();
    let toggle = {
        let open = open.clone();
        // While « Qui es-tu ? » fills the page, it is the only place to answer.
        Callback::from(move |_| open.set(!*open && !asking))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    let nobody = {
        let (progress, open) = (progress.clone(), open.clone());
        Callback::from(move |_| {
            progress.dispatch(Action::Nobody);
            open.set(false);
        })
    };
    let named = !progress.names().is_empty() && !asking;
    let label = if named {
        text::pupil_label(&progress.display(), progress.names().len() > 1)
    } else {
        text::WHO_ARE_YOU.to_string()
    };
    html! {
        <div class="pupil-bar" ref={bar}>
            <button type="button" ref={button} class="btn subtle" aria-expanded={(*open && !asking).to_string()} onclick={toggle} data-testid="pupil-button">{ label }</button>
            if *open && !asking {
                <div class="pupil-panel card" role="dialog" aria-label={text::WHO_ARE_YOU}>
                    <form::WhoForm on_done={close} />
                    if named {
                        <button type="button" class="btn subtle" onclick={nobody} data-testid="pupil-nobody">{ text::NO_NAME }</button>
                    }
                    <p class="muted">{ text::PUPIL_NOTE }</p>
                </div>
            }
        </div>
    }
}
