//! "Confidentialité": what the browser keeps, where, and how to erase it (after a confirmation
//! that says exactly what goes): the pupil's own work, or, for the teacher, every pupil's.

use crate::progress::{use_progress, Action};
use crate::widgets::pupil::ClearComputer;
use course::content::pages as text;
use yew::prelude::*;

#[function_component]
pub fn Privacy() -> Html {
    let progress = use_progress();
    let message = use_state(|| None::<&'static str>);
    let erase = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(&text::erase_confirm(&progress.display()))
                        .ok()
                })
                .unwrap_or(false);
            if ok {
                progress.dispatch(Action::EraseSession);
                message.set(Some(text::ERASED));
            } else {
                message.set(Some(text::NOT_ERASED));
            }
        })
    };
    html! {
        <main id="contenu">
            <h1>{ text::PRIVACY_TITLE }</h1>
            <ul>{ for text::PRIVACY.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
            <button type="button" class="btn" onclick={erase} data-testid="erase-all">{ text::ERASE_ALL }</button>
            if let Some(m) = *message { <p class="feedback" role="status" data-testid="erase-message">{ m }</p> }
            <h2>{ text::CLEAR_COMPUTER }</h2>
            <ClearComputer />
            <p class="muted">{ text::PUBLISHER }</p>
            <p><yew_router::prelude::Link<crate::route::Route> to={crate::route::Route::Dpo}>{ course::content::legal::DPO_LINK }</yew_router::prelude::Link<crate::route::Route>></p>
        </main>
    }
}
