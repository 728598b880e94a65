//! The speed test's measures, one after the other (each starts when the last is over):
//! - each lesson's training as the pupil starts it, animated on the page as in the lesson: the
//!   wall seconds the pupil waits;
//! - the Atelier's first run, in its worker;
//! - the same-bits check: 3 steps of the phase-2 model on 2 workers, whose model must be the
//!   native trainer's with 2 threads, bit for bit (`tests/e2e/golden.json`), once through the
//!   page and once by MessageChannel (`team_check`, `team_check_channel`);
//! - the phase-2 model on every core, then on one worker (each after a short calibration run
//!   that sets its steps, so that the learning rate's schedule ends with the time budget).

use super::watch::MainThreadWatch;
use crate::clock::now_ms;
use crate::lessons;
use crate::training::{play, LabRun};
use crate::worker::client::JobHandle;
use course::speed::{check_job, fingerprint, phase2_job, CHECK_WORKERS};
use course::worker::route::Route;
use gloo::timers::callback::Timeout;
use minigpt::{Model, Status};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    /// Lesson `n`'s training (7: the bonus has none on the page).
    Lesson(u8),
    Atelier,
    /// The same-bits check, its team's messages forced onto one route (each is checked: a
    /// run keeps whichever is faster).
    Check(Route),
    Calibrate(usize),
    Measure(usize),
}

/// A lesson's run under way, seen from here: whether it is over, and the run itself.
struct TimedLesson {
    is_over: Box<dyn Fn() -> bool>,
    _run: Box<dyn std::any::Any>,
}

fn time_lesson<M: Model + 'static>(run: LabRun<M>, on_frame: Rc<dyn Fn()>) -> TimedLesson {
    play(&run.anim, on_frame);
    let anim = run.anim.clone();
    TimedLesson {
        is_over: Box::new(move || anim.borrow().trainer.status() != Status::Running),
        _run: Box::new(run),
    }
}

enum Current {
    Lesson(TimedLesson),
    Job(JobHandle),
}

impl Current {
    fn is_over(&self) -> bool {
        match self {
            Current::Lesson(l) => (l.is_over)(),
            Current::Job(j) => j.state.borrow().is_over(),
        }
    }
}

pub struct Measures {
    /// The figures so far; each stage adds its own.
    report: serde_json::Value,
    /// Seconds of each phase-2 measure.
    pub seconds: f64,
    stages: VecDeque<Stage>,
    current: Option<(Stage, f64, Current)>,
    /// Steps for the next measure, from the last calibration.
    steps: usize,
    watch: Option<MainThreadWatch>,
}

impl Measures {
    /// The phase-2 run under way: its state's figures, and on how many workers.
    pub fn measuring(&self) -> Option<(f64, f64, usize)> {
        let (Stage::Measure(workers), _, Current::Job(job)) = self.current.as_ref()? else {
            return None;
        };
        let s = job.state.borrow();
        Some((s.compute_ms / 1000.0, s.tokens_per_second(), *workers))
    }
}

pub type Shared = Rc<RefCell<Option<Measures>>>;
/// Called with the full report once every stage is done.
pub type Done = Rc<dyn Fn(serde_json::Value)>;

/// Starts the measures after the page-side figures `report`.
pub fn start(
    report: serde_json::Value,
    seconds: f64,
    shared: Shared,
    redraw: Rc<dyn Fn()>,
    done: Done,
) {
    let cores = crate::worker::spawn::cores();
    let mut stages: VecDeque<Stage> = [2, 3, 4, 5, 6].into_iter().map(Stage::Lesson).collect();
    stages.extend([
        Stage::Atelier,
        Stage::Check(Route::Page),
        Stage::Check(Route::Channel),
        Stage::Calibrate(cores),
        Stage::Measure(cores),
    ]);
    if cores > 1 {
        stages.extend([Stage::Calibrate(1), Stage::Measure(1)]);
    }
    *shared.borrow_mut() = Some(Measures {
        report,
        seconds,
        stages,
        current: None,
        steps: 10,
        watch: None,
    });
    next(shared, redraw, done);
}

/// Starts the next stage, or hands the report over once there is none left.
fn next(shared: Shared, redraw: Rc<dyn Fn()>, done: Done) {
    let mut guard = shared.borrow_mut();
    let Some(m) = guard.as_mut() else { return };
    let Some(stage) = m.stages.pop_front() else {
        let report = finish(m);
        *guard = None;
        drop(guard);
        done(report);
        return;
    };
    let on_change: Rc<dyn Fn()> = {
        let (shared, redraw, done) = (shared.clone(), redraw.clone(), done.clone());
        Rc::new(move || changed(&shared, &redraw, &done))
    };
    if matches!(stage, Stage::Measure(_)) && m.watch.is_none() {
        // From here (a task of its own, after the page's runs), the page only draws.
        m.watch = Some(MainThreadWatch::start());
    }
    let current = match stage {
        Stage::Lesson(n) => Current::Lesson(lesson_run(n, on_change)),
        Stage::Atelier => Current::Job(JobHandle::start(
            crate::pages::atelier::first_job(),
            "atelier".into(),
            1,
            on_change,
        )),
        Stage::Check(route) => Current::Job(JobHandle::start_with(
            check_job(),
            "same-bits check".into(),
            CHECK_WORKERS,
            Some(route),
            on_change,
        )),
        Stage::Calibrate(w) => Current::Job(JobHandle::start(
            phase2_job(1_000_000, 3.0),
            "calibration".into(),
            w,
            on_change,
        )),
        Stage::Measure(w) => Current::Job(JobHandle::start(
            phase2_job(m.steps, m.seconds),
            "phase 2".into(),
            w,
            on_change,
        )),
    };
    m.current = Some((stage, now_ms(), current));
}

/// Lesson `n`'s first training, as the pupil starts it.
fn lesson_run(n: u8, on_frame: Rc<dyn Fn()>) -> TimedLesson {
    match n {
        2 => time_lesson(lessons::l2_erreurs::first_run(), on_frame),
        3 => time_lesson(lessons::l3_memoire::first_run(), on_frame),
        4 => time_lesson(lessons::l4_attention::heads_run(), on_frame),
        5 => time_lesson(lessons::l5_llm::first_run(), on_frame),
        _ => match lessons::l6_entrainer::first_run() {
            Some(run) => time_lesson(run, on_frame),
            None => TimedLesson {
                is_over: Box::new(|| true),
                _run: Box::new(()),
            },
        },
    }
}

/// A stage changed: once it is over, keep its figures and go on.
fn changed(shared: &Shared, redraw: &Rc<dyn Fn()>, done: &Done) {
    redraw();
    {
        let Ok(mut guard) = shared.try_borrow_mut() else {
            return;
        };
        let Some(m) = guard.as_mut() else { return };
        let Some((stage, started, current)) = &m.current else {
            return;
        };
        if !current.is_over() {
            return;
        }
        let (stage, wall) = (*stage, (now_ms() - started) / 1000.0);
        let current = m.current.take().map(|(_, _, c)| c);
        if let Some(Current::Job(job)) = &current {
            let s = job.state.borrow().clone();
            m.record_job(stage, wall, &s);
        } else if let Stage::Lesson(n) = stage {
            m.report["lessons"][format!("l{n}")] = wall.into();
        }
    }
    // The next stage starts after this callback (the job's state is borrowed by its caller).
    let (shared, redraw, done) = (shared.clone(), redraw.clone(), done.clone());
    Timeout::new(0, move || next(shared, redraw, done)).forget();
}

impl Measures {
    fn record_job(&mut self, stage: Stage, wall: f64, s: &course::worker::state::JobState) {
        let figures = serde_json::json!({
            "params": s.job.config.param_count(), "batch": s.job.batch, "steps": s.step, "tokens": s.tokens,
            "seconds": s.compute_ms / 1000.0, "tokens_per_s": s.tokens_per_second(), "test_loss": s.test_loss,
            "in_worker": s.in_worker, "workers": s.workers, "route": s.route, "error": s.error, "notice": s.notice,
        });
        match stage {
            Stage::Lesson(_) => {}
            Stage::Atelier => {
                self.report["lessons"]["atelier"] = wall.into();
                self.report["atelier_first_run"] = figures;
            }
            Stage::Check(route) => {
                let print = s.model.as_ref().map(|m| fingerprint(&m.flat_params()));
                let key = match route {
                    Route::Page => "team_check",
                    Route::Channel => "team_check_channel",
                };
                self.report[key] = serde_json::json!({ "workers": s.workers, "steps": s.step, "params_fnv": print, "route": s.route });
            }
            Stage::Calibrate(_) => {
                let steps_per_s = s.step as f64 / (s.compute_ms / 1000.0).max(0.1);
                self.steps = ((steps_per_s * self.seconds).ceil() as usize).max(10);
            }
            Stage::Measure(1) if self.report.get("phase2").is_some() => {
                self.report["phase2_one_worker"] = figures
            }
            Stage::Measure(_) => self.report["phase2"] = figures,
        }
    }
}

/// The report, completed: the main thread's longest task, the one-worker figures (the same as
/// every core's on a one-core computer), and the bonus race's wait (its chosen duration).
fn finish(m: &mut Measures) -> serde_json::Value {
    let mut report = m.report.take();
    let longest = m.watch.as_ref().map_or(0.0, |w| w.longest.get());
    report["phase2"]["longest_main_thread_task_ms"] = longest.into();
    if report.get("phase2_one_worker").is_none() {
        report["phase2_one_worker"] = report["phase2"].clone();
    }
    report["lessons"]["bonus"] = f64::from(lessons::bonus::FIRST_RACE_SECONDS).into();
    report
}
