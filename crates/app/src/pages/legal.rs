//! « Mentions légales » (`#/mentions-legales`): who publishes this copy of Tuto LLM (set at
//! build time by the publisher; an empty field says, for a head teacher, what to fill in),
//! personal data (none collected), licences and credits.

use crate::route::Route;
use course::content::legal as text;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn Legal() -> Html {
    html! {
        <main id="contenu" class="legal">
            <h1>{ text::TITLE }</h1>
            <dl data-testid="publisher">
                { for text::publisher_lines().iter().map(|(label, value, to_fill)| {
                    let value = if value.is_empty() {
                        html! { <em class="to-fill">{ *to_fill }</em> }
                    } else if value.starts_with("https://") {
                        html! { <a href={*value}>{ *value }</a> }
                    } else {
                        html! { { *value } }
                    };
                    html! { <><dt>{ *label }</dt><dd>{ value }</dd></> }
                }) }
            </dl>
            <h2>{ text::DATA_TITLE }</h2>
            <p>{ text::DATA }{ " " }<Link<Route> to={Route::Dpo}>{ text::DPO_LINK }</Link<Route>></p>
            <h2>{ text::LICENCE_TITLE }</h2>
            <p>{ text::LICENCE }</p>
            <h2>{ text::CREDITS_TITLE }</h2>
            <p>{ text::CREDITS }</p>
        </main>
    }
}
