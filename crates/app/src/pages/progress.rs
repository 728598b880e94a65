//! « Ma progression »: each lesson's exercises, how they ended (and after how many tries), the
//! pupil's own sentences; printable, and « Envoyer à mon professeur » (a file the teacher's
//! « Ma classe » page reads).

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Outcome, Progress};
use course::content::{common, pages as text, LessonMeta, LESSONS};
use course::progress::export;
use yew::prelude::*;

fn lesson_name(l: &LessonMeta) -> String {
    if l.bonus {
        text::bonus_name(l.title)
    } else {
        text::lesson_name(l.number, l.title)
    }
}

fn counts_row(l: &LessonMeta, progress: &Progress) -> Html {
    let ids = || l.exercises.iter().map(|e| e.id);
    let (solved, done) = (progress.solved(ids()), progress.done(ids()));
    html! {
        <tr data-lesson={l.number.to_string()}>
            <td>{ lesson_name(l) }</td>
            <td>{ format!("{solved}/{}", l.exercises.len()) }</td><td>{ done }</td><td>{ l.exercises.len() - solved - done }</td>
        </tr>
    }
}

fn lesson_detail(l: &LessonMeta, progress: &Progress) -> Html {
    let sentence = progress.explanation(l.key);
    html! {
        <section class="exercise-list" data-lesson={l.number.to_string()}>
            <h2>{ lesson_name(l) }</h2>
            <ul>{ for l.exercises.iter().enumerate().map(|(i, e)| {
                let r = progress.record(e.id);
                let state = match r.outcome {
                    Some(Outcome::Solved) => text::state_solved(r.tries),
                    Some(Outcome::Done) => text::state_done(r.tries),
                    None => text::STATE_TODO.to_string(),
                };
                html! { <li>{ format!("{} — {state}", text::exercise_line(i + 1, e.topic)) }</li> }
            }) }</ul>
            if !sentence.is_empty() {
                <p class="sentence"><strong>{ course::content::widgets::label_colon(common::EXPLAIN_TITLE) }</strong>{ sentence }</p>
            }
        </section>
    }
}

/// The day of `now` on this computer's clock.
fn today(now: f64) -> export::Day {
    let offset = -js_sys::Date::new_0().get_timezone_offset() as i64;
    export::Day::of(now, offset)
}

#[function_component]
pub fn MyProgress() -> Html {
    let progress = use_progress();
    let message = use_state(|| None::<&'static str>);
    let total = course::content::all_exercises().count();
    let solved = progress.solved(course::content::all_exercises());
    let send = {
        let (progress, message) = (progress.clone(), message.clone());
        Callback::from(move |_| {
            let now = js_sys::Date::now();
            let file = export::write(&[&progress.current()], now);
            let name = export::file_name(&[&progress.pupil], today(now));
            let ok = crate::files::download(&name, "application/json", &file).is_ok();
            message.set(Some(if ok {
                text::EXPORTED
            } else {
                text::EXPORT_REFUSED
            }));
        })
    };
    let named = !progress.pupil.is_empty();
    html! {
        <main id="contenu" class="my-progress printable">
            <h1>{ text::PROGRESS_TITLE }{ if named { format!(" — {}", progress.pupil) } else { String::new() } }</h1>
            <p class="no-print">{ text::PROGRESS_INTRO }</p>
            <table class="compare-table" data-testid="progress-table">
                <thead><tr><th>{ text::COL_LESSON }</th><th>{ text::COL_SOLVED }</th><th>{ text::COL_DONE }</th><th>{ text::COL_TODO }</th></tr></thead>
                <tbody>{ for LESSONS.iter().map(|l| counts_row(l, &progress)) }</tbody>
            </table>
            <p><strong>{ text::progress_total(solved, total) }</strong></p>
            <p class="muted">{ common::WHAT_SOLVED_MEANS }</p>
            { for LESSONS.iter().map(|l| lesson_detail(l, &progress)) }
            <div class="card no-print send">
                <h2>{ text::SEND_TITLE }</h2>
                if named {
                    <p>{ text::send_intro(&export::file_name(&[&progress.pupil], today(js_sys::Date::now()))) }</p>
                } else {
                    <p class="feedback todo">{ text::SEND_NAME_FIRST }</p>
                }
                <button type="button" class="btn primary" onclick={send} disabled={!named} data-testid="progress-export">{ icon(Icon::Download) }{ text::SEND }</button>
                if let Some(m) = *message { <p class="feedback ok" role="status" data-testid="export-message">{ m }</p> }
            </div>
            <button type="button" class="btn no-print" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }} data-testid="print-progress">{ icon(Icon::Print) }{ text::PRINT_PROGRESS }</button>
        </main>
    }
}
