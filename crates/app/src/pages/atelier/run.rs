//! The run: « Entraîner », its status, pause / resume / stop, its curve and losses; the
//! challenges and the history of runs. The job itself lives outside the page's state (a
//! `JobSlot`); the page reads it once per drawing into a `RunView` (everything but the model),
//! and is redrawn for it at most once per animation frame, only when something shown changed.
//!
//! The run panel says what the run is doing for tests and tools: `data-status` is `idle`,
//! `running`, `paused`, `finished` (every step done, or the loss exploded), `stopped` (by the
//! pupil) or `lost` (the workers failed; a message says so), with `data-step` / `data-steps`,
//! and `data-checkpoint-step` (the last checkpoint kept, 0 before the first).

use super::{Dispatch, Same};
use crate::icons::{icon, Icon};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::worker::client::JobHandle;
use course::atelier::settings::{is_sentences, Settings};
use course::atelier::workshop::{Action, Trained};
use course::challenges::{self, mean_last, Finished};
use course::content::atelier as text;
use course::text::{fr, int};
use course::worker::protocol::{Data, JobStatus};
use course::worker::state::JobState;
use gloo::render::{request_animation_frame, AnimationFrame};
use minigpt::data::Dataset;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Called when the job's state changed.
pub type Redraw = Rc<dyn Fn()>;

/// Where the page keeps its job (none before the first run, or after a file was opened).
#[derive(Clone)]
pub struct JobSlot(pub Rc<RefCell<Option<JobHandle>>>);

impl PartialEq for JobSlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the page shows of a job, read once per drawing (the model stays in the job).
#[derive(Clone, Debug, PartialEq)]
pub struct RunView {
    pub label: String,
    pub status: JobStatus,
    pub step: usize,
    pub steps: usize,
    /// The step of the last checkpoint kept (where a run lost by a worker carries on from).
    pub checkpoint_step: Option<usize>,
    pub letters_per_second: f64,
    pub losses: Vec<f32>,
    pub test_loss: Option<f32>,
    pub test_names: usize,
    /// The run learns sentences (its held-out items are sentences, not names).
    pub sentences: bool,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub workers: usize,
    pub in_worker: bool,
    /// Over, with its last model in hand (or failed).
    pub over: bool,
}

/// Whether a job's data are sentences: of the built-in lists, the proverbs (a test in
/// `course::atelier` checks they are the only one); an own list, by its items.
fn learns_sentences(data: &Data) -> bool {
    match data {
        Data::Builtin(d) | Data::BuiltinFirst(d, _) => *d == Dataset::Proverbes,
        Data::Own(items) => is_sentences(items),
    }
}

pub fn snapshot(job: &JobSlot) -> Option<Rc<RunView>> {
    let slot = job.0.borrow();
    let s = slot.as_ref()?.state.borrow();
    Some(Rc::new(RunView {
        label: s.label.clone(),
        status: s.status,
        step: s.step,
        steps: s.job.steps,
        checkpoint_step: s.checkpoint_step,
        letters_per_second: s.tokens_per_second(),
        losses: s.losses.clone(),
        test_loss: s.test_loss,
        test_names: s.test_names,
        sentences: learns_sentences(&s.job.data),
        notice: s.notice.clone(),
        error: s.error.clone(),
        workers: s.workers,
        in_worker: s.in_worker,
        over: s.is_over(),
    }))
}

/// What a redraw would show differently: a worker's sign of life, or a message passed between
/// two workers, changes none of it.
type Seen = (
    usize,
    Option<usize>,
    JobStatus,
    usize,
    Option<u32>,
    usize,
    bool,
    usize,
    bool,
    bool,
);

fn seen(s: &JobState) -> Seen {
    (
        s.step,
        s.checkpoint_step,
        s.status,
        s.losses.len(),
        s.test_loss.map(f32::to_bits),
        s.notice.as_ref().map_or(0, String::len),
        s.error.is_some(),
        s.workers,
        s.in_worker,
        s.is_over(),
    )
}

/// The job's redraw: the workers call it at each message (many per step); the page is drawn at
/// most once per animation frame, and only if something it shows changed.
pub fn frame_redraw(job: JobSlot, force: Redraw) -> Redraw {
    let pending: Rc<RefCell<Option<AnimationFrame>>> = Rc::default();
    let last: Rc<Cell<Option<Seen>>> = Rc::default();
    Rc::new(move || {
        if pending.borrow().is_some() {
            return;
        }
        let (job, force, last, done) = (job.clone(), force.clone(), last.clone(), pending.clone());
        let frame = request_animation_frame(move |_| {
            done.borrow_mut().take();
            let now = job.0.borrow().as_ref().map(|j| seen(&j.state.borrow()));
            if now != last.get() {
                last.set(now);
                force();
            }
        });
        *pending.borrow_mut() = Some(frame);
    })
}

/// When the run is over, what it left (its last model, what it was) joins the page's state.
#[hook]
pub fn use_ended(job: &JobSlot, dispatch: &Dispatch, runs: u32, over: bool) {
    let (job, dispatch) = (job.clone(), dispatch.clone());
    use_effect_with((runs, over), move |&(_, over)| {
        if !over {
            return;
        }
        let ended = job.0.borrow().as_ref().map(|j| ended(&j.state.borrow()));
        if let Some(ended) = ended {
            dispatch.dispatch(Action::Ended(Box::new(ended)));
        }
    });
}

fn ended(s: &JobState) -> (Option<minigpt::Gpt>, Trained) {
    let trained = Trained {
        job: s.job.clone(),
        label: s.label.clone(),
        steps: s.step,
        test_loss: s.test_loss.map(|t| (t, s.test_names)),
        train_loss: mean_last(&s.losses),
    };
    (s.model.clone(), trained)
}

/// The run's state as the panel's `data-status`.
fn run_status(run: Option<&RunView>, stop_asked: bool) -> &'static str {
    let Some(r) = run else { return "idle" };
    match (r.over, r.status) {
        (false, JobStatus::Paused) => "paused",
        (false, _) => "running",
        _ if r.error.is_some() => "lost",
        (true, JobStatus::Stopped) if stop_asked => "stopped",
        // Ended by the page itself: its workers were lost.
        (true, JobStatus::Stopped) => "lost",
        (true, _) => "finished",
    }
}

#[derive(Properties, PartialEq)]
pub struct RunProps {
    pub settings: Settings,
    pub run: Option<Rc<RunView>>,
    pub stop_asked: bool,
    pub job: JobSlot,
    pub redraw: Same<Redraw>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn RunPanel(props: &RunProps) -> Html {
    let run = props.run.as_deref();
    let busy = run.is_some_and(|r| !r.over);
    let valid = props.settings.config().validate().is_ok();
    html! {
        <div class="card run" data-testid="a-run" data-status={run_status(run, props.stop_asked)}
            data-step={run.map_or(0, |r| r.step).to_string()} data-steps={run.map_or(0, |r| r.steps).to_string()}
            data-checkpoint-step={run.and_then(|r| r.checkpoint_step).unwrap_or(0).to_string()}>
            <h2>{ text::RUN_TITLE }</h2>
            <button type="button" class="btn primary" onclick={start(props)} disabled={!valid || busy} data-testid="a-train">{ icon(Icon::Play) }{ text::TRAIN }</button>
            if let Some(r) = run {
                { controls(props, r) }
                <LossCurve runs={vec![Run { label: r.label.clone(), losses: r.losses.clone(), exploded: matches!(r.status, JobStatus::Diverged(_)) }]} steps={r.steps} show_last={false} />
                if let Some(l) = mean_last(&r.losses) { <p>{ text::train_loss(l) }</p> }
                if let Some(t) = r.test_loss { <p class="big-number" data-testid="a-test-loss">{ text::test_loss(t, r.test_names, r.sentences) }</p> }
            }
        </div>
    }
}

/// « Entraîner »: a job with the chosen data, size and settings.
fn start(props: &RunProps) -> Callback<MouseEvent> {
    let s = &props.settings;
    let (spec, label, workers) = (s.job(), s.label(), s.workers);
    let (job, redraw, dispatch) = (
        props.job.clone(),
        props.redraw.0.clone(),
        props.dispatch.clone(),
    );
    Callback::from(move |_| {
        dispatch.dispatch(Action::Started);
        let redraw: Redraw = (*redraw).clone();
        let handle = JobHandle::start(spec.clone(), label.clone(), workers, redraw.clone());
        *job.0.borrow_mut() = Some(handle);
        redraw();
    })
}

/// Pause / resume / stop, then the run's status in words; below them, what the pupil should
/// know. The buttons come first and the toggle keeps one width (`.btn.toggle`): a status line
/// growing with the step count, or a notice, never moves a button under the pupil's pointer.
fn controls(props: &RunProps, r: &RunView) -> Html {
    let act = |f: fn(&JobHandle), stop: bool| {
        let (job, redraw, dispatch) = (
            props.job.clone(),
            props.redraw.0.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |_| {
            if stop {
                dispatch.dispatch(Action::StopAsked);
            }
            if let Some(j) = job.0.borrow().as_ref() {
                f(j);
            }
            redraw();
        })
    };
    html! {
        <>
            <div class="row controls" role="group" aria-label={course::content::widgets::CONTROLS}>
                if r.status == JobStatus::Running && !r.over {
                    <button type="button" class="btn toggle" onclick={act(JobHandle::pause, false)} data-testid="a-pause">{ icon(Icon::Pause) }{ text::PAUSE }</button>
                }
                if r.status == JobStatus::Paused && !r.over {
                    <button type="button" class="btn toggle" onclick={act(JobHandle::resume, false)} data-testid="a-resume">{ icon(Icon::Play) }{ text::RESUME }</button>
                }
                if !r.over {
                    <button type="button" class="btn" onclick={act(JobHandle::stop, true)} data-testid="a-stop">{ text::STOP }</button>
                }
                <span class="status" aria-live="polite" data-testid="a-status">{ status_line(r) }</span>
                if r.workers > 1 && !r.over { <span class="muted" data-testid="a-cores">{ text::working_cores(r.workers) }</span> }
            </div>
            if !r.in_worker { <p class="muted">{ text::NOT_IN_WORKER }</p> }
            if let Some(n) = &r.notice { <p class="feedback" role="status" data-testid="a-notice">{ n.clone() }</p> }
            if let Some(e) = &r.error { <p class="feedback ko" role="alert">{ e.clone() }</p> }
        </>
    }
}

fn status_line(r: &RunView) -> String {
    let line = text::status_line(r.step, r.steps, r.letters_per_second);
    match r.status {
        JobStatus::Starting => text::STATUS_STARTING.to_string(),
        JobStatus::Running => line,
        JobStatus::Paused => format!("{} {line}", text::STATUS_PAUSED),
        JobStatus::Finished | JobStatus::TimeUp => format!("{} {line}", text::STATUS_FINISHED),
        JobStatus::Stopped => text::STATUS_STOPPED.to_string(),
        JobStatus::Diverged(step) => text::status_diverged(step),
    }
}

#[derive(Properties, PartialEq)]
pub struct ChallengesProps {
    pub history: Vec<Finished>,
    /// Each challenge already « réussi » in the pupil's progress.
    pub solved: [bool; 3],
}

#[function_component]
pub fn ChallengesPanel(props: &ChallengesProps) -> Html {
    let met = challenges::met(&props.history);
    html! {
        <div class="card">
            <h2>{ text::CHALLENGES_TITLE }</h2>
            <p>{ text::CHALLENGES_INTRO }</p>
            <ul class="challenges">
                { for text::CHALLENGES.iter().enumerate().map(|(i, (name, what))| {
                    let met = met[i] || props.solved[i];
                    html! { <li class={classes!(met.then_some("met"))} data-challenge={(i + 1).to_string()}>
                        <strong>{ *name }</strong>{ text::challenge_line(what) }
                        <span class="pill">{ if met { text::CHALLENGE_DONE } else { text::CHALLENGE_TODO } }</span></li> }
                }) }
            </ul>
            if !props.history.is_empty() {
                <h3>{ text::HISTORY_TITLE }</h3>
                <table class="compare-table" data-testid="a-history">
                    <thead><tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_TRAIN }</th><th>{ text::COL_TEST }</th></tr></thead>
                    <tbody>{ for props.history.iter().map(|f| html! { <tr><td>{ f.label.clone() }</td><td>{ int(f.params as u64) }</td>
                        <td>{ fr(f.train_loss, 2) }</td><td>{ fr(f.test_loss, 2) }</td></tr> }) }</tbody>
                </table>
            }
        </div>
    }
}
