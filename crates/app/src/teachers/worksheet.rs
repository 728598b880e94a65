//! The « fiche d'activité » of a lesson (`#/fiche/N/activite`), printed on at most two A4
//! pages: each exercise in the order of the steps (from the lesson's step table) with two lines
//! to write on, predictions to write before clicking, « À toi d'expliquer », and an exit ticket
//! to cut off (with its own name line).

use crate::route::Route;
use course::content::{common, lesson, teachers as text, worksheets as sheet};
use yew::prelude::*;
use yew_router::prelude::*;

/// Lines to write on.
fn lines(n: usize) -> Html {
    html! { <div class="write-lines">{ for (0..n).map(|_| html! { <div class="write-line"></div> }) }</div> }
}

#[function_component]
pub fn Worksheet(props: &super::LessonProps) -> Html {
    let (Some(meta), Some(steps)) = (lesson(props.n), crate::lessons::outline(props.n)) else {
        return html! { <main id="contenu"><p>{ course::content::pages::NO_LESSON }</p></main> };
    };
    let mut k = 0;
    let exercises: Vec<Html> = steps
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.exercises.iter().map(move |id| (i + 1, s.title, *id)))
        .filter_map(|(step, title, id)| {
            let e = meta.exercises.iter().find(|e| e.id == id)?;
            k += 1;
            let predict = sheet::PREDICTIONS.contains(&id);
            Some(html! {
                <section class="ws-exercise" data-exercise={id}>
                    <h3>{ sheet::exercise_heading(k, step, title) }</h3>
                    <p>{ e.question }</p>
                    <p class="ws-label">{ if predict { sheet::PREDICTION } else { sheet::ANSWER } }</p>
                    { lines(2) }
                    if !predict { <p class="ws-label">{ sheet::HOW }</p>{ lines(2) } }
                </section>
            })
        })
        .collect();
    html! {
        <main id="contenu" class="sheet worksheet printable">
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1>{ text::titled(sheet::WORKSHEET_TITLE, &super::lesson_name(props.n)) }</h1>
            <p class="sheet-name">{ text::SHEET_NAME }</p>
            <p>{ sheet::WORKSHEET_INTRO }</p>
            { for exercises }
            <section class="ws-explain">
                <h2>{ common::EXPLAIN_TITLE }</h2>
                <p>{ meta.explain }</p>
                { lines(3) }
            </section>
            // Cut off and handed in alone: it carries its own name line.
            <section class="ws-ticket">
                <h2>{ sheet::TICKET_TITLE }</h2>
                <p class="sheet-name">{ text::SHEET_NAME }</p>
                <p class="muted">{ sheet::TICKET_INTRO }</p>
                <ol>{ for sheet::exit_ticket(props.n).iter().map(|t| html! { <li><p>{ t.question }</p>{ lines(2) }</li> }) }</ol>
            </section>
            { super::print_button() }
        </main>
    }
}
