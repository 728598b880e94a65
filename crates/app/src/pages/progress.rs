//! « Ma progression »: each lesson's exercises and how they ended, to show or print.

use crate::content::{pages as text, LESSONS};
use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Outcome};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
pub fn MyProgress() -> Html {
    let progress = use_progress();
    let name = use_state(String::new);
    let on_name = {
        let n = name.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            n.set(el.value().chars().take(40).collect());
        })
    };
    let total = crate::content::all_exercises().count();
    let solved = progress.solved(crate::content::all_exercises());
    html! {
        <main id="contenu" class="my-progress printable">
            <h1>{ text::PROGRESS_TITLE }{ if name.is_empty() { String::new() } else { format!(" — {}", *name) } }</h1>
            <p class="no-print">{ text::PROGRESS_INTRO }</p>
            <label class="slider-row no-print name-field">{ text::PROGRESS_NAME }{ " " }<input type="text" maxlength="40" oninput={on_name} data-testid="progress-name" /></label>
            <table class="compare-table" data-testid="progress-table">
                <tr><th>{ text::COL_LESSON }</th><th>{ text::COL_SOLVED }</th><th>{ text::COL_MISSED }</th><th>{ text::COL_TODO }</th></tr>
                { for LESSONS.iter().map(|l| {
                    let ids = || l.exercises.iter().map(|e| e.id);
                    let s = progress.solved(ids());
                    let m = progress.missed(ids());
                    html! { <tr data-lesson={l.number.to_string()}>
                        <td>{ if l.bonus { format!("Bonus\u{a0}: {}", l.title) } else { format!("{}. {}", l.number, l.title) } }</td>
                        <td>{ format!("{s}/{}", l.exercises.len()) }</td><td>{ m }</td><td>{ l.exercises.len() - s - m }</td>
                    </tr> }
                }) }
            </table>
            <p><strong>{ text::progress_total(solved, total) }</strong></p>
            <p class="muted">{ text::PROGRESS_LEGEND }</p>
            { for LESSONS.iter().map(|l| html! {
                <details class="exercise-list">
                    <summary>{ if l.bonus { format!("Bonus\u{a0}: {}", l.title) } else { format!("Leçon {}\u{a0}: {}", l.number, l.title) } }</summary>
                    <ul>{ for l.exercises.iter().enumerate().map(|(i, e)| {
                        let state = match progress.outcome(e.id) { Some(Outcome::Solved) => text::STATE_SOLVED, Some(Outcome::Missed) => text::STATE_MISSED, None => text::STATE_TODO };
                        html! { <li>{ format!("{} — {state}", text::exercise_line(i + 1, e.topic)) }</li> }
                    }) }</ul>
                </details>
            }) }
            <button type="button" class="btn primary no-print" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }} data-testid="print-progress">{ icon(Icon::Print) }{ text::PRINT_PROGRESS }</button>
        </main>
    }
}
