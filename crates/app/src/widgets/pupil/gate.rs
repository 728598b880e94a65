//! « Qui es-tu ? » before anything else: on a PC where someone was named, a new browser session
//! or half an hour alone shows this instead of the page (no exercise drawn behind it, nothing of
//! the last pupil shown). The last pupil is offered (« C'est moi, Tom B. »), never assumed.

use super::form::WhoForm;
use crate::progress::{use_progress, Action};
use course::content::pages as text;
use course::progress::identity::Name;
use yew::prelude::*;

#[function_component]
pub fn Gate() -> Html {
    let progress = use_progress();
    let other = use_state(|| false);
    let first_button = use_node_ref();
    // Keyboard users start on the first choice.
    {
        let first_button = first_button.clone();
        use_effect_with((), move |_| {
            if let Some(el) = first_button.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let last: Vec<String> = progress
        .asking()
        .unwrap_or_default()
        .iter()
        .map(Name::display)
        .collect();
    let act = |action: fn() -> Action| {
        let progress = progress.clone();
        Callback::from(move |_| progress.dispatch(action()))
    };
    let someone_else = {
        let other = other.clone();
        Callback::from(move |_| other.set(true))
    };
    html! {
        <main id="contenu" class="gate">
            <div class="card gate-card" role="dialog" aria-modal="true" aria-labelledby="gate-title" data-testid="pupil-gate">
                <h1 id="gate-title">{ text::WHO_ARE_YOU }</h1>
                <p>{ text::GATE_INTRO }</p>
                if *other {
                    <WhoForm on_done={Callback::noop()} />
                } else {
                    <p class="gate-choices">
                        if !last.is_empty() {
                            <button type="button" ref={first_button.clone()} class="btn primary" onclick={act(|| Action::Resume)} data-testid="pupil-resume">{ text::resume(&last) }</button>
                        }
                        <button type="button" ref={if last.is_empty() { first_button.clone() } else { NodeRef::default() }} class="btn" onclick={someone_else} data-testid="pupil-other">{ text::SOMEONE_ELSE }</button>
                    </p>
                }
                <p><button type="button" class="btn subtle" onclick={act(|| Action::Nobody)} data-testid="pupil-nobody">{ text::NO_NAME }</button></p>
                <p class="muted">{ text::PUPIL_NOTE }</p>
            </div>
        </main>
    }
}
