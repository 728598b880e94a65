//! The end of the course: the six lessons in one list, the diploma (only for exercises actually
//! succeeded, saying so, and in the name of the session's pupil: nobody else's name can be
//! typed on it), « Emporter mon modèle », and what comes next.

use super::super::common::sources;
use super::steps::take_home_panel;
use super::Ctx;
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::route::Route;
use course::content::{
    common as shared, l6 as text, DINOSAURES_SOURCE, POKEMON_SOURCE, PRENOMS_SOURCE,
};
use course::ids;
use yew::prelude::*;
use yew_router::prelude::Link;

pub fn step_end(c: &Ctx) -> Html {
    let trained = c.runs.borrow().iter().any(|r| r.finished());
    html! {
        <>
            <Ending trained={trained} />
            if trained { { take_home_panel(c) } }
        </>
    }
}

/// The name the diploma is made out to: the pupil of this session (« Qui es-tu ? »), if named.
fn diploma_name(pupil: &str) -> Option<String> {
    let name = pupil.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[derive(Properties, PartialEq)]
struct EndingProps {
    /// A model of this lesson finished training (kept in this browser for this pupil).
    trained: bool,
}

#[function_component]
fn Ending(props: &EndingProps) -> Html {
    let progress = use_progress();
    let total = course::content::all_exercises().count();
    let solved = progress.solved(course::content::all_exercises());
    let done = progress.done(course::content::all_exercises());
    let trained = props.trained || progress.outcome(ids::L6_E3).is_some();
    let name = diploma_name(&progress.display());
    let today = js_sys::Date::new_0()
        .to_locale_date_string("fr-FR", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    html! {
        <>
            <div class="card">
                <h3>{ text::COURSE_TITLE }</h3>
                <ol>{ for text::COURSE.iter().map(|(l, d)| html! { <li><strong>{ *l }</strong>{ text::course_line(d) }</li> }) }</ol>
            </div>
            <div class="card">
                if solved == 0 {
                    <p class="feedback todo" data-testid="diploma-empty">{ text::DIPLOMA_EMPTY }</p>
                } else if let Some(name) = name {
                    <div class="certificate" data-testid="certificate">
                        <p class="medal">{ icon(Icon::Medal) }</p>
                        <h2>{ text::DIPLOMA_TITLE }</h2>
                        <p>{ text::DIPLOMA_TO }</p>
                        <p class="who" data-testid="diploma-name">{ name }</p>
                        <p>{ text::diploma_body(solved, total, trained) }</p>
                        if done > 0 { <p class="small">{ text::diploma_done(done) }</p> }
                        <p class="muted">{ text::diploma_date(&today) }</p>
                    </div>
                    <p class="muted">{ text::DIPLOMA_WHO }{ " " }{ text::DIPLOMA_CERTIFIES }{ " " }{ shared::WHAT_SOLVED_MEANS }</p>
                    <button type="button" class="btn primary" onclick={print} data-testid="print-diploma">{ icon(Icon::Print) }{ text::PRINT }</button>
                } else {
                    <p class="feedback todo" data-testid="diploma-nameless">{ text::DIPLOMA_NAMELESS }</p>
                }
                <p><Link<Route> to={Route::Progress}>{ text::PROGRESS_LINK }</Link<Route>></p>
                <p><Link<Route> to={Route::Lesson { n: 7 }}>{ text::BONUS_LINK }</Link<Route>></p>
                <p><Link<Route> to={Route::Atelier}>{ text::ATELIER_LINK }</Link<Route>></p>
            </div>
            { sources(&[POKEMON_SOURCE, PRENOMS_SOURCE, DINOSAURES_SOURCE, text::GPT4_SOURCE]) }
        </>
    }
}
