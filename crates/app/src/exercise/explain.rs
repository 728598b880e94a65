//! « À toi d'expliquer »: one sentence in the pupil's own words per lesson. The page does not
//! grade it; once saved with its button it is kept with the progress, shown on « Ma progression »
//! and sent to the teacher. What is typed before that is a draft, kept as it is typed (a reload
//! or another step keeps it: `progress::drafts`) and said to be one; an empty box is refused.

use crate::icons::{icon, Icon};
use crate::progress::{drafts, use_progress, Action};
use course::content::common as text;
use course::progress::store::{Change, MAX_EXPLANATION};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How long typing must pause before the draft is written (ms).
const DRAFT_DELAY: u32 = 400;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The lesson's key ("l1", "b").
    pub lesson: &'static str,
    /// What to explain, in the lesson's words.
    pub question: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Status {
    /// The box holds the saved sentence (or nothing).
    Clean,
    /// The box holds a draft: being typed (`kept: None`), or written (`Some(false)`: refused).
    Draft { kept: Option<bool> },
    /// Just saved with the button.
    Saved,
    /// « Enregistrer » on an empty box.
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    length: usize,
    status: Status,
}

enum Event {
    Shown { length: usize, draft: bool },
    Typed { length: usize, draft: bool },
    Kept(bool),
    Saved,
    RefusedEmpty,
}

impl Reducible for State {
    type Action = Event;

    fn reduce(self: Rc<Self>, event: Event) -> Rc<Self> {
        let draft = |d: bool| {
            if d {
                Status::Draft { kept: Some(true) }
            } else {
                Status::Clean
            }
        };
        let (length, status) = match event {
            Event::Shown { length, draft: d } => (length, draft(d)),
            Event::Typed {
                length,
                draft: true,
            } => (length, Status::Draft { kept: None }),
            Event::Typed {
                length,
                draft: false,
            } => (length, Status::Clean),
            Event::Kept(ok) => match self.status {
                Status::Draft { .. } => (self.length, Status::Draft { kept: Some(ok) }),
                other => (self.length, other),
            },
            Event::Saved => (self.length, Status::Saved),
            Event::RefusedEmpty => (self.length, Status::Empty),
        };
        Rc::new(State { length, status })
    }
}

/// The draft waiting to be written, and its timer.
#[derive(Default)]
struct Pending {
    text: Option<String>,
    timer: Option<Timeout>,
}

/// Writes the waiting draft now (before a reload's unload, a blur, leaving the step).
fn flush(pending: &Rc<RefCell<Pending>>, session: &str, lesson: &str) -> Option<bool> {
    let mut p = pending.borrow_mut();
    p.timer = None;
    p.text
        .take()
        .map(|t| drafts::set(session, lesson, &t).is_ok())
}

#[function_component]
pub fn Explain(props: &Props) -> Html {
    let progress = use_progress();
    let area = use_node_ref();
    let saved = progress.explanation(props.lesson);
    let session = progress.pupil.clone();
    let state = use_reducer(|| State {
        length: 0,
        status: Status::Clean,
    });
    let pending = use_mut_ref(Pending::default);
    // The box starts with the draft if there is one, else the saved sentence; leaving writes
    // what is still waiting.
    {
        let (area, saved, state, pending) =
            (area.clone(), saved.clone(), state.clone(), pending.clone());
        use_effect_with((props.lesson, session.clone()), move |(lesson, session)| {
            let draft = drafts::get(session, lesson);
            let shown = draft.clone().unwrap_or(saved);
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value(&shown);
            }
            state.dispatch(Event::Shown {
                length: shown.chars().count(),
                draft: draft.is_some(),
            });
            let (lesson, session) = (*lesson, session.clone());
            // A reload or a closed tab does not unmount: the page's hiding writes it too.
            let hiding = {
                let (pending, session) = (pending.clone(), session.clone());
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    flush(&pending, &session, lesson);
                })
            };
            move || {
                drop(hiding);
                flush(&pending, &session, lesson);
            }
        });
    }
    let oninput = {
        let (state, pending, saved, session, lesson) = (
            state.clone(),
            pending.clone(),
            saved.clone(),
            session.clone(),
            props.lesson,
        );
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            let value = el.value();
            let draft = !value.trim().is_empty() && value.trim() != saved.trim();
            state.dispatch(Event::Typed {
                length: value.chars().count(),
                draft,
            });
            let timer = {
                let (pending, state, session) = (pending.clone(), state.clone(), session.clone());
                Timeout::new(DRAFT_DELAY, move || {
                    if let Some(ok) = flush(&pending, &session, lesson) {
                        state.dispatch(Event::Kept(ok));
                    }
                })
            };
            let mut p = pending.borrow_mut();
            p.text = Some(if draft { value } else { String::new() });
            p.timer = Some(timer);
        })
    };
    let onblur = {
        let (state, pending, session, lesson) = (
            state.clone(),
            pending.clone(),
            session.clone(),
            props.lesson,
        );
        Callback::from(move |_: FocusEvent| {
            if let Some(ok) = flush(&pending, &session, lesson) {
                state.dispatch(Event::Kept(ok));
            }
        })
    };
    let save = {
        let (area, progress, state, pending, session, lesson) = (
            area.clone(),
            progress.clone(),
            state.clone(),
            pending.clone(),
            session.clone(),
            props.lesson,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if el.value().trim().is_empty() {
                state.dispatch(Event::RefusedEmpty);
                return;
            }
            progress.dispatch(Action::Change(Change::Explain {
                lesson: lesson.into(),
                text: el.value(),
            }));
            *pending.borrow_mut() = Pending::default();
            let _ = drafts::set(&session, lesson, "");
            state.dispatch(Event::Saved);
        })
    };
    let id = format!("explain-{}", props.lesson);
    let draft_state = match state.status {
        Status::Draft { kept: None } => "pending",
        Status::Draft { kept: Some(true) } => "kept",
        Status::Draft { kept: Some(false) } => "memory",
        _ => "none",
    };
    html! {
        <form class="card explain" onsubmit={save} data-explain={props.lesson} data-draft={draft_state}>
            <h3>{ icon(Icon::Think) }{ text::EXPLAIN_TITLE }</h3>
            <label for={id.clone()}>{ props.question }</label>
            <textarea id={id} ref={area} rows="3" maxlength={MAX_EXPLANATION.to_string()} oninput={oninput} onblur={onblur}
                placeholder={text::EXPLAIN_PLACEHOLDER} data-testid="explain-input" />
            <p class="row">
                <button type="submit" class="btn primary" data-testid="explain-save">{ text::EXPLAIN_SAVE }</button>
                <span class="muted">{ text::characters_left(MAX_EXPLANATION.saturating_sub(state.length)) }</span>
            </p>
            { status_line(state.status) }
            <p class="muted">{ text::EXPLAIN_NOTE }</p>
        </form>
    }
}

fn status_line(status: Status) -> Html {
    match status {
        Status::Saved => html! {
            <p class="feedback ok" role="status" data-testid="explain-saved">{ icon(Icon::Check) }{ text::EXPLAIN_SAVED }</p>
        },
        Status::Empty => html! {
            <p class="feedback ko" role="status" data-testid="explain-empty">{ icon(Icon::Cross) }{ text::EXPLAIN_EMPTY }</p>
        },
        Status::Draft { kept } => html! {
            <p class="feedback todo" role="status" data-testid="explain-draft">{ icon(Icon::Arrow) }
                { if kept == Some(false) { text::EXPLAIN_DRAFT_UNSAVED } else { text::EXPLAIN_DRAFT } }</p>
        },
        Status::Clean => html! {},
    }
}
