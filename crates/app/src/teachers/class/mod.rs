//! « Ma classe » (`#/enseignants/classe`): the teacher opens the pupils' progress files (file
//! picker or drag and drop, in as many batches as she likes) and reads, per pupil and per
//! exercise, what was understood (`grid`); sortable, filtered by lesson, printable, exportable
//! as CSV. Nothing leaves the teacher's browser. The reading and merging are
//! `course::progress::class`.
//!
//! One reducer owns the files read: each file, once read, dispatches its own result, so a batch
//! chosen while another is still being read is added to the same table, never to a stale copy.
//! The table is computed once no file is left to read (a memo, not during the render).

mod grid;

use crate::icons::{icon, Icon};
use crate::route::Route;
use course::content::{legal, teachers as text, LESSONS};
use course::progress::class::{self as class, Class, Column, Loaded, Sort};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

/// The class's name as the teacher typed it (« 4e B »), kept in this browser.
const CLASS_NAME_KEY: &str = "tuto-llm.classe";

#[derive(Clone, PartialEq)]
struct State {
    class: Class,
    /// Files chosen and not read yet.
    pending: usize,
    /// Changes with every file read and every « Vider »: what the table's memo watches.
    generation: u64,
    /// Readers of an older batch than the last « Vider » are ignored.
    epoch: u64,
    sort: Sort,
    /// An index in `LESSONS`, or every lesson.
    lesson: Option<usize>,
    name: String,
    csv_refused: bool,
}

enum Action {
    Chosen(usize),
    Read { epoch: u64, loaded: Box<Loaded> },
    Sort(Column),
    Lesson(Option<usize>),
    Name(String),
    Clear,
    CsvRefused(bool),
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Chosen(n) => s.pending += n,
            Action::Read { epoch, loaded } => {
                if epoch != s.epoch {
                    return self;
                }
                s.class.add(*loaded);
                s.pending = s.pending.saturating_sub(1);
                s.generation += 1;
            }
            Action::Sort(column) => s.sort = s.sort.clicked(column),
            Action::Lesson(l) => s.lesson = l,
            Action::Name(name) => s.name = name,
            Action::Clear => {
                s.class = Class::default();
                s.pending = 0;
                s.generation += 1;
                s.epoch += 1;
            }
            Action::CsvRefused(refused) => s.csv_refused = refused,
        }
        Rc::new(s)
    }
}

/// The teacher's clock: milliseconds since 1970, and minutes ahead of UTC.
fn clock() -> (f64, i32) {
    let now = js_sys::Date::new_0();
    (now.get_time(), -(now.get_timezone_offset() as i32))
}

/// Reads every file of `files`; each one, once read, goes to the reducer on its own.
fn read_files(
    files: web_sys::FileList,
    state: UseReducerHandle<State>,
    readers: Rc<RefCell<Vec<FileReader>>>,
) {
    let epoch = state.epoch;
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    state.dispatch(Action::Chosen(files.len()));
    for file in files {
        let name = file.name();
        let state = state.clone();
        let reader =
            gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                // A file the browser cannot read is refused like any unreadable file.
                let content = result.unwrap_or_default();
                let loaded = class::read(&name, &content, clock().0);
                state.dispatch(Action::Read {
                    epoch,
                    loaded: Box::new(loaded),
                });
            });
        readers.borrow_mut().push(reader);
    }
}

/// The file field: a button-like label; the real input is visually hidden, still focusable
/// and named for screen readers (the browser's « No file chosen » never shows).
fn picker(on_files: Callback<Event>, on_drop: Callback<DragEvent>) -> Html {
    html! {
        <div class="drop-zone no-print" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <input id="class-files" class="sr-only file-input" type="file" accept=".json,application/json" multiple=true onchange={on_files} data-testid="class-files" />
            <label for="class-files" class="btn primary">{ icon(Icon::Open) }{ text::CLASS_PICK }</label>
            <span>{ text::CLASS_DROP }</span>
        </div>
    }
}

fn name_field(state: &UseReducerHandle<State>) -> Html {
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let name: String = input.value().chars().take(40).collect();
            let _ = crate::storage::set(CLASS_NAME_KEY, &name);
            state.dispatch(Action::Name(name));
        })
    };
    html! {
        <p class="no-print class-name">
            <label for="class-name">{ text::CLASS_NAME }</label>
            <input id="class-name" type="text" maxlength="40" value={state.name.clone()} {oninput} data-testid="class-name" />
            { " " }<span class="muted">{ text::CLASS_NAME_HINT }</span>
        </p>
    }
}

fn lesson_filter(state: &UseReducerHandle<State>) -> Html {
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.dispatch(Action::Lesson(select.value().parse().ok()));
        })
    };
    html! {
        <p class="no-print">
            <label for="class-lesson">{ text::FILTER }</label>
            <select id="class-lesson" {onchange} data-testid="class-lesson">
                <option value="all" selected={state.lesson.is_none()}>{ text::ALL_LESSONS }</option>
                { for LESSONS.iter().enumerate().map(|(i, l)| html! {
                    <option value={i.to_string()} selected={state.lesson == Some(i)}>{ super::lesson_name(l.number) }</option>
                }) }
            </select>
        </p>
    }
}

/// The printed title: the class, the day, the lesson shown.
fn print_title(state: &State) -> String {
    let (now, offset) = clock();
    let (y, m, d) = class::day_of(now, offset);
    let lesson = state.lesson.map(|i| super::lesson_name(LESSONS[i].number));
    text::print_title(&state.name, &text::long_day(y, m, d), lesson.as_deref())
}

#[function_component]
pub fn ClassPage() -> Html {
    let state = use_reducer(|| State {
        class: Class::default(),
        pending: 0,
        generation: 0,
        epoch: 0,
        sort: Sort::default(),
        lesson: None,
        name: crate::storage::get(CLASS_NAME_KEY)
            .ok()
            .flatten()
            .unwrap_or_default(),
        csv_refused: false,
    });
    let readers = use_mut_ref(Vec::<FileReader>::new);
    // Computed once every chosen file is read: 500 files are one merge, not 500.
    let table = {
        let class = state.class.clone();
        use_memo((state.generation, state.pending == 0), move |(_, idle)| {
            idle.then(|| class.table())
        })
    };
    // The rows' order, for the column and the lesson chosen.
    let order = {
        let table = table.clone();
        let key = (
            state.generation,
            state.pending == 0,
            state.sort,
            state.lesson,
        );
        use_memo(key, move |(_, _, sort, lesson)| {
            table.as_ref().as_ref().map_or(vec![], |t| {
                class::order(&t.rows, *sort, &grid::shown(*lesson))
            })
        })
    };
    let on_files = {
        let (state, readers) = (state.clone(), readers.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                read_files(files, state.clone(), readers.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (state, readers) = (state.clone(), readers.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                read_files(files, state.clone(), readers.clone());
            }
        })
    };
    let clear = {
        let (state, readers) = (state.clone(), readers.clone());
        Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(text::CLASS_CLEAR_CONFIRM).ok())
                .unwrap_or(false);
            if ok {
                readers.borrow_mut().clear();
                state.dispatch(Action::Clear);
            }
        })
    };
    let reading = state.pending > 0;
    let table_rc = table.clone();
    html! {
        <main id="contenu" class="teachers class-page printable" data-state={if reading { "reading" } else { "ready" }} data-files={state.class.len().to_string()}>
            <p class="crumb no-print"><Link<Route> to={Route::Teachers}>{ text::CORNER_TITLE }</Link<Route>></p>
            <h1 class="no-print">{ text::CLASS_TITLE }</h1>
            <h1 class="print-only" data-testid="class-print-title">{ print_title(&state) }</h1>
            <p class="no-print">{ text::CLASS_INTRO }{ " " }<Link<Route> to={Route::Dpo}>{ legal::DPO_LINK }</Link<Route>></p>
            { name_field(&state) }
            { picker(on_files, on_drop) }
            if reading {
                <p role="status" data-testid="class-reading">{ text::reading(state.class.len(), state.class.len() + state.pending) }</p>
            }
            if let Some(table) = table.as_ref().as_ref() {
                { grid::notes(table) }
                if !table.rows.is_empty() {
                    { lesson_filter(&state) }
                    { grid::view(&state, table, &order) }
                    if state.csv_refused {
                        <p class="feedback no-print" role="alert">{ text::CSV_REFUSED }</p>
                    }
                    <p class="row no-print">
                        { grid::csv_button(&state, table_rc.clone(), order.clone()) }
                        { super::print_button() }
                        <button type="button" class="btn" onclick={clear} data-testid="class-clear">{ text::CLASS_CLEAR }</button>
                    </p>
                }
            }
        </main>
    }
}
