//! « Qui es-tu ? » / « Changer d'élève »: on a room PC shared by several pupils, each first name
//! keeps its own progress on this browser. A pupil without a name who gives one keeps their work.

use crate::progress::{use_progress, Action};
use course::content::pages as text;
use course::progress::store::MAX_NAME;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
pub fn PupilBar() -> Html {
    let progress = use_progress();
    let open = use_state(|| false);
    let input = use_node_ref();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let submit = {
        let (progress, open, input) = (progress.clone(), open.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<HtmlInputElement>() {
                progress.dispatch(Action::Name(el.value()));
                open.set(false);
            }
        })
    };
    let switch_to = |name: String| {
        let (progress, open) = (progress.clone(), open.clone());
        Callback::from(move |_| {
            progress.dispatch(Action::SwitchPupil(name.clone()));
            open.set(false);
        })
    };
    let others: Vec<String> = progress
        .pupils()
        .into_iter()
        .filter(|n| *n != progress.pupil)
        .collect();
    let label = if progress.pupil.is_empty() {
        text::WHO_ARE_YOU.to_string()
    } else {
        text::pupil_label(&progress.pupil)
    };
    html! {
        <div class="pupil-bar">
            <button type="button" class="btn subtle" aria-expanded={open.to_string()} onclick={toggle} data-testid="pupil-button">{ label }</button>
            if *open {
                <div class="pupil-panel card" role="dialog" aria-label={text::WHO_ARE_YOU}>
                    <form onsubmit={submit} class="row">
                        <label>{ if progress.pupil.is_empty() { text::YOUR_NAME } else { text::OTHER_PUPIL } }
                            <input ref={input} type="text" maxlength={MAX_NAME.to_string()} autocomplete="off" data-testid="pupil-name" />
                        </label>
                        <button type="submit" class="btn primary" data-testid="pupil-ok">{ text::PUPIL_OK }</button>
                    </form>
                    if !others.is_empty() {
                        <p>{ text::PUPILS_HERE }</p>
                        <ul class="chips">{ for others.into_iter().map(|n| html! {
                            <li><button type="button" class="btn subtle" onclick={switch_to(n.clone())} data-pupil-choice={n.clone()}>{ n }</button></li>
                        }) }</ul>
                    }
                    if !progress.pupil.is_empty() {
                        <button type="button" class="btn subtle" onclick={switch_to(String::new())} data-testid="pupil-nobody">{ text::NO_NAME }</button>
                    }
                    <p class="muted">{ text::PUPIL_NOTE }</p>
                </div>
            }
        </div>
    }
}
