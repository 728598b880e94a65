//! « Vider ce poste »: the teacher erases every pupil of this browser at the end of a session,
//! after a confirmation that says how many. The seen log stays (erasing must not launder).

use crate::progress::{use_progress, Action};
use course::content::pages as text;
use yew::prelude::*;

#[function_component]
pub fn ClearComputer() -> Html {
    let progress = use_progress();
    let message = use_state(|| None::<String>);
    let clear = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |_| {
            let pupils = progress.pupils_here();
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(&text::clear_confirm(pupils)).ok())
                .unwrap_or(false);
            if ok {
                // The page is drawn anew for nobody: the notice above says what was done.
                progress.dispatch(Action::ClearComputer);
            } else {
                message.set(Some(text::NOT_ERASED.to_string()));
            }
        })
    };
    html! {
        <div class="clear-computer">
            <p class="muted">{ text::CLEAR_COMPUTER_NOTE }</p>
            <button type="button" class="btn" onclick={clear} data-testid="clear-computer">{ text::CLEAR_COMPUTER }</button>
            if let Some(m) = &*message { <p class="feedback" role="status" data-testid="clear-message">{ m.clone() }</p> }
        </div>
    }
}
