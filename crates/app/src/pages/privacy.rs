//! "Confidentialité": what the app keeps, where, and how to erase it (after a confirmation).

use crate::progress::{use_progress, Action};
use course::content::pages as text;
use course::progress::store::Change;
use yew::prelude::*;

#[function_component]
pub fn Privacy() -> Html {
    let progress = use_progress();
    let message = use_state(|| None::<&'static str>);
    let erase = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(text::ERASE_CONFIRM).ok())
                .unwrap_or(false);
            if ok {
                progress.dispatch(Action::Change(Change::Erase));
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
            <p class="muted">{ text::PUBLISHER }</p>
            <p><yew_router::prelude::Link<crate::route::Route> to={crate::route::Route::Dpo}>{ course::content::legal::DPO_LINK }</yew_router::prelude::Link<crate::route::Route>></p>
        </main>
    }
}
