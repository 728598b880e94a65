//! « Ma classe » (`#/enseignants/classe`): the teacher opens the pupils' progress files at once
//! (file picker or drag and drop) and sees one table, sortable, printable, exportable as CSV.
//! Nothing leaves the teacher's browser. The reading and counting are `progress::class`.

use crate::icons::{icon, Icon};
use course::content::{teachers as text, LESSONS};
use course::progress::class::{counts, csv, total_solved, Class, Entry, Note, SortBy};
use course::progress::export::ImportError;
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the teacher should know about a file, naming it.
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
        Note::Twice {
            pupil,
            kept,
            dropped,
        } => text::file_twice(pupil, kept, dropped),
    }
}

/// Reads every file of `files` into the class, one after the other as they come.
fn read_files(
    files: web_sys::FileList,
    class: UseStateHandle<Class>,
    notes: UseStateHandle<Vec<String>>,
    readers: Rc<RefCell<Vec<FileReader>>>,
) {
    // The latest class, shared by the readers (each answer builds on the one before).
    let shared = Rc::new(RefCell::new(((*class).clone(), (*notes).clone())));
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let (class, notes, shared) = (class.clone(), notes.clone(), shared.clone());
        let reader =
            gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                let mut s = shared.borrow_mut();
                let note = match result {
                    Ok(content) => s.0.add(&name, &content),
                    Err(_) => Some(Note::Refused {
                        file: name.clone(),
                        why: ImportError::NotJson,
                    }),
                };
                if let Some(note) = note {
                    s.1.push(note_words(&note));
                }
                class.set(s.0.clone());
                notes.set(s.1.clone());
            });
        readers.borrow_mut().push(reader);
    }
}

fn header() -> Vec<String> {
    let mut h = vec![text::COL_PUPIL.to_string()];
    for l in &LESSONS {
        let short = text::lesson_short(l.number, l.bonus);
        h.extend(
            [text::CSV_SOLVED, text::CSV_DONE, text::CSV_TODO].map(|w| format!("{short} {w}")),
        );
    }
    h.push(text::CSV_TOTAL.to_string());
    h.extend(LESSONS.iter().map(|l| {
        format!(
            "{} {}",
            text::lesson_short(l.number, l.bonus),
            text::CSV_SENTENCE
        )
    }));
    h
}

fn row(e: &Entry) -> Html {
    html! {
        <tr data-pupil={e.sheet.pupil.clone()}>
            <th scope="row">{ e.sheet.pupil.clone() }</th>
            { for LESSONS.iter().map(|l| {
                let c = counts(&e.sheet, l);
                html! { <td data-lesson={l.number.to_string()} title={text::counts_title(c.solved, c.done, c.todo)}>
                    <strong>{ c.solved }</strong>{ " · " }{ c.done }{ " · " }{ c.todo }</td> }
            }) }
            <td data-total="">{ total_solved(&e.sheet) }</td>
        </tr>
    }
}

fn sentences(rows: &[&Entry]) -> Html {
    let any = rows.iter().any(|e| !e.sheet.explanations.is_empty());
    if !any {
        return html! {};
    }
    html! {
        <section class="class-sentences">
            <h2>{ text::SENTENCES_TITLE }</h2>
            { for LESSONS.iter().map(|l| {
                let said: Vec<(&str, &str)> = rows.iter()
                    .filter_map(|e| e.sheet.explanations.get(l.key).map(|s| (e.sheet.pupil.as_str(), s.as_str())))
                    .collect();
                if said.is_empty() { return html! {}; }
                html! { <>
                    <h3>{ text::lesson_short(l.number, l.bonus) }{ " — " }{ l.explain }</h3>
                    <ul>{ for said.iter().map(|(p, s)| html! { <li><strong>{ format!("{p}{}", course::text::NBSP) }</strong>{ ": " }{ *s }</li> }) }</ul>
                </> }
            }) }
        </section>
    }
}

/// A column header that sorts the table when clicked.
fn sort_header(label: String, by: SortBy, sort: &UseStateHandle<SortBy>) -> Html {
    let active = **sort == by;
    let onclick = {
        let sort = sort.clone();
        Callback::from(move |_| sort.set(by))
    };
    html! {
        <th scope="col" aria-sort={if active { "descending" } else { "none" }}>
            <button type="button" class="sort" onclick={onclick}>{ label }</button>
        </th>
    }
}

#[function_component]
pub fn ClassPage() -> Html {
    let class = use_state(Class::default);
    let notes = use_state(Vec::<String>::new);
    let sort = use_state(|| SortBy::Name);
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let on_files = {
        let (class, notes, readers) = (class.clone(), notes.clone(), readers.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                read_files(files, class.clone(), notes.clone(), readers.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (class, notes, readers) = (class.clone(), notes.clone(), readers.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                read_files(files, class.clone(), notes.clone(), readers.clone());
            }
        })
    };
    let export = {
        let class = class.clone();
        Callback::from(move |_| {
            let _ = crate::files::download(
                text::CSV_FILE,
                "text/csv;charset=utf-8",
                &csv(&class, &header()),
            );
        })
    };
    let rows = class.sorted(*sort);
    html! {
        <main id="contenu" class="teachers class-page printable">
            <h1>{ text::CLASS_TITLE }</h1>
            <p class="no-print">{ text::CLASS_INTRO }</p>
            <label class="drop-zone no-print" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                { icon(Icon::Open) }{ text::CLASS_PICK }
                <input type="file" accept=".json,application/json" multiple=true onchange={on_files} data-testid="class-files" />
            </label>
            if !notes.is_empty() {
                <div class="class-notes" role="status"><ul>{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul></div>
            }
            if !rows.is_empty() {
                <p>{ text::pupils_count(rows.len()) }</p>
                <table class="compare-table class-table" data-testid="class-table">
                    <caption>{ text::CLASS_CAPTION }</caption>
                    <thead><tr>
                        { sort_header(text::COL_PUPIL.to_string(), SortBy::Name, &sort) }
                        { for LESSONS.iter().enumerate().map(|(i, l)| sort_header(text::lesson_short(l.number, l.bonus), SortBy::Lesson(i), &sort)) }
                        { sort_header(text::COL_TOTAL.to_string(), SortBy::Total, &sort) }
                    </tr></thead>
                    <tbody>{ for rows.iter().map(|e| row(e)) }</tbody>
                </table>
                { sentences(&rows) }
                <p class="row no-print">
                    <button type="button" class="btn primary" onclick={export} data-testid="class-csv">{ icon(Icon::Download) }{ text::CLASS_CSV }</button>
                    { super::print_button() }
                </p>
            }
        </main>
    }
}
