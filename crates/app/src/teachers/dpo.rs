//! « Note pour le ou la DPO » (`#/enseignants/dpo`): what the collected files contain, where to
//! keep them, when to delete them, and that nothing else leaves the PC. Printable; its text is
//! `content::legal`.

use super::print_button;
use crate::route::Route;
use course::content::{legal as text, teachers};
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn DpoNote() -> Html {
    html! {
        <main id="contenu" class="teachers printable" data-testid="dpo">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ teachers::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::DPO_TITLE }</h1>
            <p>{ text::DPO_INTRO }</p>
            { for text::DPO.iter().map(|(title, paragraphs)| html! { <section>
                <h2>{ *title }</h2>
                { for paragraphs.iter().map(|p| html! { <p>{ *p }</p> }) }
            </section> }) }
            { print_button() }
        </main>
    }
}
