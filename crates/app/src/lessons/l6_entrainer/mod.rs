//! Lesson 6 « Entraîner le modèle »: choose the data, predict the first loss, put the dominos
//! of back-propagation in order, train the real microgpt-size GPT live (speed, photo album, a
//! bet on what a setting changes), generate, train on your own list (copies, new or odd
//! names?), reflect, recap, and end the course with a diploma that says what it certifies.
//!
//! - `mod.rs`: the step table, the page's state (one reducer, `course::lessons::l6`), what is
//!   computed once for the steps (memos and effects: nothing big while drawing), short steps;
//! - `run.rs`: a training run, and how the browser keeps it (`use_kept_runs`);
//! - `steps/`: the loss and the dominos, training, generating, the pupil's own list;
//! - `ending.rs`: the end of the course and the diploma.
//!
//! The exercises' rules are `course::rules::l6`.

mod ending;
mod run;
mod steps;

pub use run::first_run;

use super::common::{explain, learned, paragraph, reflection, welcome};
use super::{pick, Step, StepProps};
use crate::icons::{icon, Icon};
use crate::progress::{use_progress, ProgressHandle};
use crate::training::saved::use_kept_runs;
use crate::training::use_runs;
use crate::widgets::dataset_picker::DatasetPicker;
use course::content::{common as shared, l6 as text};
use course::dataset::DataChoice;
use course::ids;
use course::lessons::l6::{Action, State};
use course::rules::marks::Marker;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, Config, Gpt};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use run::{GptRun, Start};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Estimated training compute of GPT-4 (Epoch AI, 2023; not published by OpenAI).
pub const GPT4_FLOP: f64 = 2e25;
/// The runs the page keeps (the oldest goes).
const RUNS_KEPT: usize = 6;

#[rustfmt::skip]
pub const STEPS: &[Step<Ctx>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "donnees", title: text::S_DATA, exercises: &[], view: step_data },
    Step { key: "loss-depart", title: text::S_START_LOSS, exercises: &[ids::L6_E1], view: steps::start::step_start_loss },
    Step { key: "dominos", title: text::S_DOMINOS, exercises: &[ids::L6_E2], view: steps::start::step_dominos },
    Step { key: "entrainement", title: text::S_TRAIN, exercises: &[ids::L6_E3], view: steps::train::step_train },
    Step { key: "generer", title: text::S_GENERATE, exercises: &[ids::L6_E4], view: steps::generate::step_generate },
    Step { key: "ta-liste", title: text::S_OWN, exercises: &[ids::L6_E5], view: steps::own::step_own },
    Step { key: "reflechir", title: text::S_REFLECT, exercises: &[], view: step_reflect },
    Step { key: "bilan", title: text::S_LEARNED, exercises: &[], view: step_learned },
    Step { key: "fin", title: text::S_END, exercises: &[], view: ending::step_end },
];

/// The page's state for Yew: `course::lessons::l6::State` and its actions.
pub type Page = super::page::Page<State>;

/// What a step draws from: the page's state, the runs, and what was computed once for them.
pub struct Ctx {
    page: UseReducerHandle<Page>,
    progress: ProgressHandle,
    runs: Rc<RefCell<Vec<GptRun>>>,
    on_frame: Rc<dyn Fn()>,
    /// Starts a run and shows it.
    start: Callback<Start>,
    /// The untrained model's loss on the chosen data (exercise 1's answer, shown after it).
    start_loss: Rc<f32>,
    /// The marks of the names the latest model of step 5 invents (its data), and of the
    /// pupil's own model (its list).
    marker: Rc<Marker>,
    own_marker: Rc<Option<Marker>>,
}

impl Ctx {
    fn s(&self) -> &State {
        &self.page.0
    }
    /// A callback sending `f(value)` to the page's state.
    fn send<T: 'static>(&self, f: fn(T) -> Action) -> Callback<T> {
        let page = self.page.dispatcher();
        Callback::from(move |v| page.dispatch(f(v)))
    }
    /// The latest finished model of step 5 (`own` false) or of the own list (true).
    fn latest(&self, own: bool) -> Option<Gpt> {
        let runs = self.runs.borrow();
        let run = runs.iter().rev().find(|r| r.finished() && r.own == own);
        run.map(GptRun::model)
    }
    fn best_speed(&self) -> f64 {
        self.runs
            .borrow()
            .iter()
            .map(|r| r.run.anim.borrow().tokens_per_second())
            .fold(0.0f64, f64::max)
    }
    /// Whether a run trains now.
    fn busy(&self) -> bool {
        self.runs.borrow().iter().any(|r| r.run.is_playing())
    }
}

/// The data the marks of step 6 refer to: the latest finished model's, else the chosen one.
fn marked_data(runs: &[GptRun], own: bool) -> Option<Rc<DataChoice>> {
    let run = runs.iter().rev().find(|r| r.finished() && r.own == own);
    run.map(|r| r.choice.clone())
}

/// The untrained model's loss on the first 300 names of `choice`.
fn untrained_loss(choice: &DataChoice) -> f32 {
    let untrained = Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(42))
        .expect("the default config is valid");
    let names: Vec<String> = choice
        .names(Alphabet::Letters)
        .into_iter()
        .take(300)
        .collect();
    eval_loss(&untrained, &names).unwrap_or(0.0)
}

/// Milliseconds of measuring per task: a slow computer's page still answers (8 ms, as training).
const MEASURE_BUDGET_MS: f64 = crate::training::FRAME_BUDGET_MS;

/// Draws each run's photos once taken, and measures each finished run's final loss a chunk at
/// a time in tasks of their own (`measure_runs`): never while drawing, never in one long task.
#[hook]
fn use_measured_runs(runs: &Rc<RefCell<Vec<GptRun>>>, redraw: &Rc<dyn Fn()>) {
    let seen = {
        let runs = runs.borrow();
        let finished = runs.iter().filter(|r| r.finished()).count();
        let photos: usize = runs
            .iter()
            .map(|r| r.run.anim.borrow().snapshots.len())
            .sum();
        (runs.len(), finished, photos)
    };
    let (runs, redraw) = (runs.clone(), redraw.clone());
    use_effect_with(seen, move |_| {
        let drew = runs.borrow().iter().fold(false, |d, r| r.draw_album() | d);
        if drew {
            redraw();
        }
        measure_runs(Rc::downgrade(&runs), redraw);
    });
}

/// Measures the finished runs' final losses, `MEASURE_BUDGET_MS` per task, then redraws.
fn measure_runs(runs: std::rc::Weak<RefCell<Vec<GptRun>>>, redraw: Rc<dyn Fn()>) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(list) = runs.upgrade() else { return };
        let pending = list
            .borrow()
            .iter()
            .find(|r| r.finished() && r.evaluated().is_none())
            .is_some_and(|r| r.measure(MEASURE_BUDGET_MS));
        let more = pending
            || list
                .borrow()
                .iter()
                .any(|r| r.finished() && r.evaluated().is_none());
        if more {
            measure_runs(runs, redraw);
        } else {
            redraw();
        }
    })
    .forget();
}

#[function_component]
pub fn Lesson6(props: &StepProps) -> Html {
    let progress = use_progress();
    let page = use_reducer(Page::default);
    let (runs, on_frame) = use_runs::<Vec<GptRun>>();
    // Leaving during a run asks first; finished runs are kept by the browser.
    crate::training::use_leave_guard(runs.borrow().iter().any(|r| r.run.is_playing()));
    use_kept_runs(&runs, &on_frame, &progress.pupil, Rc::new(()));
    use_measured_runs(&runs, &on_frame);
    // Another pupil at the keyboard: nothing of the last one's stays on screen.
    {
        let page = page.dispatcher();
        use_effect_with(progress.pupil.clone(), move |_| {
            page.dispatch(Action::Reset)
        });
    }
    let start = {
        let (runs, on_frame) = (runs.clone(), on_frame.clone());
        Callback::from(move |start: Start| {
            if let Some(run) = GptRun::start(&start, on_frame.clone()) {
                let mut list = runs.borrow_mut();
                list.push(run);
                if list.len() > RUNS_KEPT {
                    list.remove(0);
                }
            }
            on_frame();
        })
    };
    let start_loss = use_memo(page.0.choice.clone(), |c| untrained_loss(c));
    let (marked, own_marked) = {
        let runs = runs.borrow();
        let own = page.0.own_choice.clone();
        let marked = marked_data(&runs, false).unwrap_or_else(|| page.0.choice.clone());
        (marked, marked_data(&runs, true).or(own))
    };
    let marker = use_memo(marked, |c| {
        Marker::new(Alphabet::Letters, &c.names(Alphabet::Letters))
    });
    let own_marker = use_memo(own_marked, |c| {
        c.as_ref().map(|c| {
            let list = c.names(Alphabet::Extended);
            Marker::new(course::rules::l6::alphabet_of(&list), &list)
        })
    });
    let ctx = Ctx {
        page,
        progress,
        runs,
        on_frame,
        start,
        start_loss,
        marker,
        own_marker,
    };
    (pick(STEPS, props.step).view)(&ctx)
}

fn step_welcome(c: &Ctx) -> Html {
    let wake = {
        let page = c.page.dispatcher();
        move |_| page.dispatch(Action::Wake)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::WAKE) }
                <button type="button" class="btn primary" onclick={wake} data-testid="first-click">{ icon(Icon::Alarm) }{ text::WAKE_BUTTON }</button>
                if c.s().woke { <p role="status">{ text::hello(Config::default().param_count()) }</p> }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_data(c: &Ctx) -> Html {
    html! {
        <div class="card">
            { paragraph(text::DATA) }
            <DatasetPicker choice={(*c.s().choice).clone()} on_change={c.send(Action::Choose)} name="l6-data" />
        </div>
    }
}

fn step_reflect(c: &Ctx) -> Html {
    let speed = c.best_speed();
    let ops = speed * 6.0 * Config::default().param_count() as f64;
    let years = if ops > 0.0 {
        GPT4_FLOP / ops / 3.15e7
    } else {
        0.0
    };
    html! {
        <>
            { reflection(text::BIAS_TITLE, text::BIAS, text::BIAS_QUESTION) }
            { reflection(text::HALLUCINATION_TITLE, text::HALLUCINATION, text::HALLUCINATION_QUESTION) }
            <div class="card reflection">
                <h3>{ icon(Icon::Bolt) }{ text::ENERGY_TITLE }</h3>
                <p>{ text::ENERGY }</p>
                <p>{ text::CALCULATOR }</p>
                if ops > 0.0 {
                    <p class="big-number" data-testid="gpt4-years">{ text::calculator_result(ops, years) }</p>
                } else {
                    <p>{ text::CALCULATOR_FIRST }</p>
                }
                { super::common::curious(text::CALCULATOR_CURIOUS) }
                <p class="question"><strong>{ shared::DISCUSS }</strong>{ " " }{ text::ENERGY_QUESTION }</p>
            </div>
        </>
    }
}

fn step_learned(_: &Ctx) -> Html {
    html! {
        <>
            { reflection(shared::REFLECTION, text::REFLECTION, text::QUESTION) }
            { explain(&text::META) }
            { learned(text::LEARNED, Some(text::NEXT), None) }
        </>
    }
}
