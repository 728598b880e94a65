//! The free workshop: any data (with the extended alphabet if wished), any model size, trained
//! in Web Workers with its held-out loss, three challenges the page checks, generation with
//! lesson 6's marks, saving the model to a file and opening it back (a wrong, damaged or
//! oversized file gets a French message, never a crash), and taking it home as a notebook.
//!
//! Read like Yew's examples: the page's state is one `course::atelier::workshop::Workshop` in
//! `use_reducer`, changed only by its `Action`s; each panel is a component drawn from that
//! state (`settings`: data and size, `run`: the run and the challenges, `talk`: generation,
//! `file`: save, open, take home). The running job is not in the state: it lives in a
//! `JobSlot` and the page reads it once per drawing (`run::snapshot`), redrawn at most once
//! per animation frame when something shown changed (`run::frame_redraw`).

mod file;
mod run;
mod settings;
mod talk;

use crate::progress::{use_progress, Action as Progress};
use crate::training::{use_leave_guard, use_runs};
use crate::worker::client::JobHandle;
use course::atelier::workshop::{Action, Workshop};
use course::content::{atelier as text, DATASET_SOURCES};
use course::progress::store::Change;
use std::rc::Rc;
use yew::prelude::*;

pub use course::atelier::settings::first_job;
use run::{JobSlot, Redraw};

/// The Atelier's state in Yew's reducer.
#[derive(Clone, PartialEq)]
pub struct Page(Workshop);

impl Reducible for Page {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Page(Rc::unwrap_or_clone(self).0.reduce(action)))
    }
}

pub type Dispatch = UseReducerDispatcher<Page>;

/// A shared value compared by identity (a model is not compared number by number at each
/// drawing).
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component]
pub fn Atelier() -> Html {
    let page = use_reducer(|| Page(Workshop::new(crate::worker::spawn::cores())));
    let (slot, force) = use_runs::<Option<JobHandle>>();
    let job = JobSlot(slot);
    let redraw: Rc<Redraw> = {
        let job = job.clone();
        use_memo((), move |_| run::frame_redraw(job, force))
    };
    let run = run::snapshot(&job);
    let busy = run.as_ref().is_some_and(|r| !r.over);
    let w = &page.0;
    run::use_ended(
        &job,
        &page.dispatcher(),
        w.runs,
        run.as_ref().is_some_and(|r| r.over),
    );
    use_challenges(&w.history);
    use_leave_guard(busy || w.unsaved());
    let progress = use_progress();
    let dispatch = page.dispatcher();
    let shown = w.shown.clone().map(Same);
    let solved = course::ids::ATELIER.map(|id| progress.is_solved(id));
    html! {
        <main id="contenu" class="atelier">
            <h1>{ text::TITLE }</h1>
            <p>{ text::INTRO }</p>
            <details class="card guide" open=true>
                <summary>{ text::GUIDE_TITLE }</summary>
                <dl>{ for text::GUIDE.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
            </details>
            <settings::DataPanel data={w.settings.data.clone()} alphabet={w.settings.alphabet} dispatch={dispatch.clone()} />
            <settings::SizePanel settings={w.settings.clone()} dispatch={dispatch.clone()} />
            <run::RunPanel settings={w.settings.clone()} run={run} stop_asked={w.stop_asked} job={job.clone()} redraw={Same(redraw.clone())} dispatch={dispatch.clone()} />
            if let Some(shown) = shown.clone() {
                <talk::TalkPanel shown={shown} prefix={w.prefix.clone()} temperature={w.temperature} invented={w.invented.clone()} dispatch={dispatch.clone()} />
            }
            <run::ChallengesPanel history={w.history.clone()} solved={solved} />
            <file::FilePanel shown={shown} busy={busy} message={w.message.clone()} pupil={progress.display()} job={job} redraw={Same(redraw)} dispatch={dispatch} />
            <div class="card sources">
                <h2>{ text::SOURCES_TITLE }</h2>
                <ul>{ for DATASET_SOURCES.iter().map(crate::lessons::common::source_item) }</ul>
            </div>
        </main>
    }
}

/// A challenge the runs meet for the first time is recorded in the pupil's progress (once).
#[hook]
fn use_challenges(history: &[course::challenges::Finished]) {
    let progress = use_progress();
    let recorded = use_mut_ref(|| [false; 3]);
    let met = course::challenges::met(history);
    use_effect_with(met, move |met| {
        let mut recorded = recorded.borrow_mut();
        for i in 0..met.len() {
            if met[i] && !recorded[i] {
                recorded[i] = true;
                let id = course::ids::ATELIER[i].to_string();
                progress.dispatch(Progress::Change(Change::Completed(id)));
            }
        }
    });
}
