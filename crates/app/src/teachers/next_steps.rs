//! « Et après ? » (`#/enseignants/et-apres`): how to open the notebooks a pupil takes home, and
//! the path from the app to PyTorch and nanoGPT.

use crate::lessons::common::source_item;
use crate::route::Route;
use course::content::{common, next_steps as text, teachers};
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn NextSteps() -> Html {
    html! {
        <main id="contenu" class="teachers printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ teachers::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::TITLE }</h1>
            <p>{ text::INTRO }</p>
            { for text::SECTIONS.iter().enumerate().map(|(i, (title, lines))| {
                let items = lines.iter().map(|l| html! { <li>{ *l }</li> });
                // The last section is a path to follow: numbered by the list, once.
                let list = if i + 1 == text::SECTIONS.len() {
                    html! { <ol>{ for items }</ol> }
                } else {
                    html! { <ul>{ for items }</ul> }
                };
                html! { <section><h2>{ *title }</h2>{ list }</section> }
            }) }
            <h2>{ common::SOURCES }</h2>
            <ul data-testid="next-sources">{ for text::SOURCES.iter().map(source_item) }</ul>
        </main>
    }
}
