//! The grid of « Ma classe » (`data-testid="class-grid"`): one row per pupil
//! (`tr[data-pupil]`), one cell per exercise (`td[data-exercise][data-outcome]`: a symbol, the
//! tries, the first answer where it tells a misconception), the class line under each
//! exercise, sortable titles (`aria-sort`); then the sentences, and the CSV button. What each
//! cell means is `course::progress::class::grid`.

use super::{clock, Action, State};
use crate::icons::{icon, Icon};
use course::content::{teachers as text, worksheets, LessonMeta, LESSONS};
use course::progress::class::{self as class, Column, Note, Row, Table};
use course::progress::export::ImportError;
use std::rc::Rc;
use yew::prelude::*;

/// The lessons shown: the one chosen, or all.
pub(super) fn shown(lesson: Option<usize>) -> Vec<&'static LessonMeta> {
    match lesson {
        Some(i) => vec![&LESSONS[i]],
        None => LESSONS.iter().collect(),
    }
}

fn note_words(note: &Note) -> String {
    match note {
        Note::Refused { file, why } => {
            let newer;
            let why = match why {
                ImportError::TooBig => text::FILE_TOO_BIG,
                ImportError::NotJson => text::FILE_NOT_JSON,
                ImportError::NotOurs => text::FILE_NOT_OURS,
                ImportError::Newer(v) => {
                    newer = text::file_newer(*v);
                    &newer
                }
                ImportError::Damaged => text::FILE_DAMAGED,
            };
            text::file_refused(file, why)
        }
        Note::BadDate { file } => text::file_bad_date(file),
        Note::Copies { files } => text::files_again(files),
        Note::Ambiguous { name, maybe } => text::no_initial(name, maybe),
    }
}

/// What the teacher should know about the files (not printed).
pub(super) fn notes(table: &Table) -> Html {
    if table.notes.is_empty() {
        return html! {};
    }
    html! {
        <div class="class-notes no-print" role="status" data-testid="class-notes">
            <ul>{ for table.notes.iter().map(|n| html! { <li>{ note_words(n) }</li> }) }</ul>
        </div>
    }
}

/// A sortable column title.
fn sort_header(
    label: String,
    title: Option<&'static str>,
    column: Column,
    state: &UseReducerHandle<State>,
) -> Html {
    let sort = state.sort;
    let aria = match (sort.column == column, sort.descending) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let onclick = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Sort(column)))
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="sort" {title} {onclick}>{ label }</button>
        </th>
    }
}

fn cell(row: &Row, id: &'static str, exercise: &str) -> Html {
    let work = row.work.get(id);
    let state = class::State::of(work).key();
    let tries = work.map_or(0, |w| w.tries);
    let first = work.and_then(class::misconception);
    let seen = work.is_some_and(|w| w.seen);
    let title = text::cell_title(&row.name, exercise, state, tries, first, seen);
    html! {
        <td data-exercise={id} data-outcome={state} class={classes!("cell", state)} {title}>
            <span class="sym" aria-hidden="true">{ text::state_symbol(state) }</span>
            <span class="sr-only">{ text::state_word(state) }</span>
            if tries > 0 { <span class="tries" data-tries={tries.to_string()}>{ tries }</span> }
            if let Some(f) = first { <span class="first">{ course::text::quoted(f) }</span> }
            if seen { <span class="seen">{ text::SEEN }</span> }
        </td>
    }
}

fn row_html(row: &Row, lessons: &[&'static LessonMeta]) -> Html {
    html! {
        <tr data-pupil={row.name.clone()}>
            <th scope="row">
                { row.name.clone() }
                if !row.maybe.is_empty() { <span class="mark">{ text::NO_INITIAL_MARK }</span> }
            </th>
            { for lessons.iter().flat_map(|l| l.exercises.iter().enumerate().map(move |(k, e)| {
                cell(row, e.id, &text::exercise_short(l.number, l.bonus, k + 1))
            })) }
            <td data-total="">{ class::total_solved(row, lessons) }</td>
        </tr>
    }
}

/// Under each exercise: the whole class in words.
fn class_line(rows: &[&Row], lessons: &[&'static LessonMeta]) -> Html {
    html! {
        <tr class="class-line">
            <th scope="row">{ text::WHOLE_CLASS }</th>
            { for lessons.iter().flat_map(|l| l.exercises.iter()).map(|e| {
                let l = class::line(rows, e.id);
                let prediction = worksheets::PREDICTIONS.contains(&e.id);
                let words = text::class_line(l.pupils, l.solved, l.done, l.tried, prediction);
                html! { <td data-line={e.id}>{ for words.iter().map(|w| html! { <span>{ w.clone() }</span> }) }</td> }
            }) }
            <td></td>
        </tr>
    }
}

fn legend() -> Html {
    html! {
        <p class="grid-legend">
            { for text::LEGEND.iter().map(|(state, words)| html! {
                <span class={classes!("cell", *state)}><span class="sym" aria-hidden="true">{ text::state_symbol(state) }</span>{ " " }{ *words }</span>
            }) }
        </p>
    }
}

/// The sentences « À toi d'expliquer », per lesson and per pupil, dated when several.
fn sentences(rows: &[&Row], lessons: &[&'static LessonMeta]) -> Html {
    let (_, offset) = clock();
    html! {
        <section class="class-sentences" data-testid="class-sentences">
            <h2>{ text::SENTENCES_TITLE }</h2>
            { for lessons.iter().map(|l| {
                let said: Vec<(&Row, &class::Sentence)> = rows.iter()
                    .flat_map(|r| r.sentences.get(l.key).into_iter().flatten().map(move |s| (*r, s)))
                    .collect();
                if said.is_empty() { return html! {}; }
                html! { <>
                    <h3>{ text::lesson_short(l.number, l.bonus) }{ " — " }{ l.explain }</h3>
                    <ul>{ for said.iter().map(|(r, s)| {
                        let several = r.sentences.get(l.key).is_some_and(|v| v.len() > 1);
                        let day = s.day.filter(|_| several).map(|d| {
                            let (y, m, dd) = class::day_of(d, offset);
                            format!(" ({})", text::sent_on(y, m, dd))
                        });
                        html! { <li data-pupil={r.name.clone()}>
                            <strong>{ format!("{}{}", r.name, course::text::NBSP) }</strong>{ ": " }{ s.text.clone() }
                            if let Some(d) = day { <span class="muted">{ d }</span> }
                        </li> }
                    }) }</ul>
                </> }
            }) }
        </section>
    }
}

/// The grid and the sentences, in the order and for the lessons chosen.
pub(super) fn view(state: &UseReducerHandle<State>, table: &Table, order: &[usize]) -> Html {
    let lessons = shown(state.lesson);
    let rows: Vec<&Row> = order.iter().filter_map(|&i| table.rows.get(i)).collect();
    let one_lesson = lessons.len() == 1;
    html! { <>
        <p>{ text::pupils_count(rows.len()) }</p>
        { legend() }
        <p class="no-print muted">{ text::SORT_HINT }</p>
        <div class="scroll-x">
            <table class="compare-table class-grid" data-testid="class-grid">
                <caption>{ text::CLASS_CAPTION }</caption>
                <thead><tr>
                    { sort_header(text::COL_PUPIL.to_string(), None, Column::Name, state) }
                    { for lessons.iter().flat_map(|l| l.exercises.iter().enumerate().map(move |(k, e)| (l, k, e))).map(|(l, k, e)| {
                        let label = if one_lesson { format!("ex.{}{}", course::text::NBSP, k + 1) } else { text::exercise_short(l.number, l.bonus, k + 1) };
                        sort_header(label, Some(e.topic), Column::Exercise(e.id), state)
                    }) }
                    { sort_header(text::COL_TOTAL.to_string(), None, Column::Total, state) }
                </tr></thead>
                <tbody>{ for rows.iter().map(|r| row_html(r, &lessons)) }</tbody>
                <tfoot>{ class_line(&rows, &lessons) }</tfoot>
            </table>
        </div>
        { sentences(&rows, &lessons) }
    </> }
}

/// « Exporter en CSV »: every exercise, the rows in the order shown.
pub(super) fn csv_button(
    state: &UseReducerHandle<State>,
    table: Rc<Option<Table>>,
    order: Rc<Vec<usize>>,
) -> Html {
    let onclick = {
        let state = state.clone();
        Callback::from(move |_| {
            let Some(table) = table.as_ref() else { return };
            let (now, offset) = clock();
            let rows: Vec<&Row> = order.iter().filter_map(|&i| table.rows.get(i)).collect();
            let text = class::csv(&rows, &state.name, offset);
            let name = class::file_name(&state.name, now, offset);
            let refused = crate::files::download(&name, "text/csv;charset=utf-8", &text).is_err();
            state.dispatch(Action::CsvRefused(refused));
        })
    };
    html! {
        <button type="button" class="btn primary" {onclick} data-testid="class-csv">{ icon(Icon::Download) }{ text::CLASS_CSV }</button>
    }
}
