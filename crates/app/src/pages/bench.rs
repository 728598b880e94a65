//! "Tester la vitesse de cet ordinateur": trains the microgpt-size GPT flat out in the page (the
//! way lesson 6 trains), then the big "phase 2" model in a Web Worker, and gives the teacher a
//! verdict in words. The full figures stay in a closed « Détails techniques » box (used by
//! `cargo xtask bench`).

use crate::content::pages as text;
use crate::training::now_ms;
use crate::worker::client::JobHandle;
use crate::worker::protocol::{Data, Job};
use gloo::timers::callback::{Interval, Timeout};
use minigpt::data::{shuffled, Dataset};
use minigpt::train::eval_loss;
use minigpt::{Config, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The phase-2 model: 4 layers, cards of 64 numbers, 4 heads, context 32 (202,112 parameters).
pub fn phase2() -> Config {
    Config {
        n_embd: 64,
        n_head: 4,
        n_layer: 4,
        block_size: 32,
        ..Config::default()
    }
}

fn timed_run(data: Dataset, config: Config, steps: usize, eval_docs: usize) -> serde_json::Value {
    let names = shuffled(&data.names(), 42);
    let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(42)).expect("valid config");
    let mut trainer = Trainer::new(
        gpt,
        &names,
        TrainConfig {
            steps,
            ..TrainConfig::default()
        },
    )
    .expect("names");
    let (mut slowest, start) = (0.0f64, now_ms());
    while trainer.status() == minigpt::Status::Running {
        let t = now_ms();
        trainer.advance(1);
        slowest = slowest.max(now_ms() - t);
    }
    let ms = now_ms() - start;
    let eval = eval_loss(trainer.model(), &names[..eval_docs.min(names.len())]);
    serde_json::json!({
        "data": data.key(), "params": config.param_count(), "steps": trainer.step(), "tokens": trainer.tokens_seen(),
        "ms": ms, "tokens_per_s": trainer.tokens_seen() as f64 / ms * 1000.0, "slowest_step_ms": slowest, "eval_loss": eval,
    })
}

/// Watches the page's main thread while the worker trains: the longest task, from the browser's
/// own long-task reports where it has them, else from the lateness of a 25 ms heartbeat.
struct MainThreadWatch {
    longest: Rc<Cell<f64>>,
    _observer: Option<(web_sys::PerformanceObserver, EntriesCallback)>,
    _heartbeat: Option<Interval>,
}

type EntriesCallback = Closure<dyn FnMut(web_sys::PerformanceObserverEntryList)>;

impl MainThreadWatch {
    fn start() -> MainThreadWatch {
        let longest = Rc::new(Cell::new(0.0f64));
        // PerformanceObserver.supportedEntryTypes (read by hand: not every browser has it).
        let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
            .and_then(|po| js_sys::Reflect::get(&po, &"supportedEntryTypes".into()))
            .ok()
            .filter(js_sys::Array::is_array)
            .is_some_and(|v| {
                js_sys::Array::from(&v)
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("longtask"))
            });
        if supported {
            let l = longest.clone();
            let callback = Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
                move |list: web_sys::PerformanceObserverEntryList| {
                    for e in list.get_entries().iter() {
                        let e: web_sys::PerformanceEntry = e.unchecked_into();
                        l.set(l.get().max(e.duration()));
                    }
                },
            );
            if let Ok(observer) =
                web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref())
            {
                let init =
                    web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(&"longtask".into()));
                observer.observe(&init);
                return MainThreadWatch {
                    longest,
                    _observer: Some((observer, callback)),
                    _heartbeat: None,
                };
            }
        }
        let (l, last) = (longest.clone(), Rc::new(Cell::new(now_ms())));
        let heartbeat = Interval::new(25, move || {
            let now = now_ms();
            l.set(l.get().max(now - last.get() - 25.0));
            last.set(now);
        });
        MainThreadWatch {
            longest,
            _observer: None,
            _heartbeat: Some(heartbeat),
        }
    }
}

impl Drop for MainThreadWatch {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self._observer {
            observer.disconnect();
        }
    }
}

/// The worker-side measures, one after the other: the same-bits check on 2 workers, then the
/// phase-2 model on every core and on one worker (each after a short calibration run that
/// sets its steps, so that the learning rate's schedule ends with the time budget).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Check,
    Calibrate(usize),
    Measure(usize),
}

struct Phase2 {
    /// The figures so far; the phase-2 entries are added as they come.
    base: serde_json::Value,
    seconds: f64,
    stages: VecDeque<Stage>,
    current: Option<(Stage, JobHandle)>,
    /// Steps for the next measure, from the last calibration.
    steps: usize,
    watch: Option<MainThreadWatch>,
}

/// The same-bits check: 3 steps of the phase-2 model on 2 workers. Its model's fingerprint is
/// the one the native trainer gives with 2 threads (`tests/e2e/golden.json`).
pub fn check_job() -> Job {
    Job {
        config: phase2(),
        data: Data::Builtin(Dataset::Prenoms),
        seed: 42,
        steps: 3,
        lr: 0.005,
        batch: 32,
        max_seconds: None,
        test_split: true,
    }
}
pub const CHECK_WORKERS: usize = 2;

/// FNV-1a over the bits of every number, in hexadecimal (a JSON number would lose bits).
pub fn fingerprint(values: &[f32]) -> String {
    let hash = values.iter().fold(0xcbf29ce484222325u64, |h, v| {
        (h ^ v.to_bits() as u64).wrapping_mul(0x100000001b3)
    });
    format!("{hash:016x}")
}

fn phase2_job(steps: usize, seconds: f64) -> Job {
    Job {
        config: phase2(),
        data: Data::Builtin(Dataset::Prenoms),
        seed: 42,
        steps,
        lr: 0.005,
        batch: 32,
        max_seconds: Some(seconds),
        test_split: true,
    }
}

#[function_component]
pub fn Bench() -> Html {
    let report = use_state(|| None::<serde_json::Value>);
    let running = use_state(|| false);
    let phase2_state = use_mut_ref(|| None::<Phase2>);
    let redraw = use_force_update();
    // The lesson-6-like runs happen on the page (where lessons train); then the worker's turn.
    let start = |quick: bool| {
        let (report, running, phase2_state, redraw) = (
            report.clone(),
            running.clone(),
            phase2_state.clone(),
            redraw.clone(),
        );
        Callback::from(move |_| {
            running.set(true);
            report.set(None);
            let (report, running, phase2_state, redraw) = (
                report.clone(),
                running.clone(),
                phase2_state.clone(),
                redraw.clone(),
            );
            // Let the page draw "Test en cours…" before the page-side runs.
            Timeout::new(50, move || {
                let small = Config::default();
                let mut base = serde_json::json!({
                    "pokemon_1000": timed_run(Dataset::Pokemon, small, 1000, 1023),
                    "prenoms_1000": timed_run(Dataset::Prenoms, small, 1000, 2000),
                    "big_prenoms_100": timed_run(Dataset::Prenoms, phase2(), 100, 200),
                });
                if !quick {
                    base["pokemon_10000"] = timed_run(Dataset::Pokemon, small, 10000, 1023);
                }
                start_phase2(
                    base,
                    if quick { 10.0 } else { 60.0 },
                    phase2_state,
                    report,
                    running,
                    redraw,
                );
            })
            .forget();
        })
    };
    let result = report
        .as_ref()
        .map(|r| serde_json::to_string_pretty(r).unwrap_or_default());
    let verdict = report.as_ref().and_then(|r| {
        let l6 = r["pokemon_1000"]["ms"].as_f64()? / 1000.0;
        let p2 = r.get("phase2");
        Some(text::verdict(
            l6,
            p2.and_then(|p| p["tokens_per_s"].as_f64()),
            p2.is_none_or(|p| p["in_worker"].as_bool().unwrap_or(true)),
        ))
    });
    let phase2_progress = phase2_state.borrow().as_ref().and_then(|p| {
        let (Stage::Measure(workers), job) = p.current.as_ref()? else {
            return None;
        };
        let s = job.state.borrow();
        Some(text::big_model_progress(
            s.compute_ms / 1000.0,
            p.seconds,
            s.tokens_per_second(),
            *workers,
        ))
    });
    html! {
        <main id="contenu">
            <h1>{ text::BENCH_TITLE }</h1>
            <p>{ text::BENCH_INTRO }</p>
            <div class="row">
                <button type="button" class="btn primary" onclick={start(true)} disabled={*running} data-testid="bench-run">{ text::BENCH_QUICK }</button>
                <button type="button" class="btn" onclick={start(false)} disabled={*running} data-testid="bench-full">{ text::BENCH_FULL }</button>
            </div>
            if *running {
                <p role="status" data-testid="bench-running">{ text::BENCH_RUNNING }{ " " }{ phase2_progress.unwrap_or_default() }</p>
            }
            if let (Some(lines), false) = (verdict, *running) {
                <div class="card verdict" data-testid="bench-verdict">
                    <h2>{ text::VERDICT_TITLE }</h2>
                    <ul>{ for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                </div>
            }
            if let (Some(r), false) = (result, *running) {
                <details class="tech">
                    <summary>{ text::BENCH_DETAILS }</summary>
                    <pre data-testid="bench-result">{ r }</pre>
                </details>
            }
        </main>
    }
}

/// The worker-side measures (`Stage`), the main thread watched meanwhile.
fn start_phase2(
    base: serde_json::Value,
    seconds: f64,
    state: Rc<RefCell<Option<Phase2>>>,
    report: UseStateHandle<Option<serde_json::Value>>,
    running: UseStateHandle<bool>,
    redraw: UseForceUpdateHandle,
) {
    let cores = crate::worker::spawn::cores();
    let mut stages = VecDeque::from([Stage::Check, Stage::Calibrate(cores), Stage::Measure(cores)]);
    if cores > 1 {
        stages.extend([Stage::Calibrate(1), Stage::Measure(1)]);
    }
    *state.borrow_mut() = Some(Phase2 {
        base,
        seconds,
        stages,
        current: None,
        steps: 10,
        watch: None,
    });
    next_stage(state, report, running, redraw);
}

/// Starts the next stage, or shows the report once there is none left.
fn next_stage(
    state: Rc<RefCell<Option<Phase2>>>,
    report: UseStateHandle<Option<serde_json::Value>>,
    running: UseStateHandle<bool>,
    redraw: UseForceUpdateHandle,
) {
    let mut st = state.borrow_mut();
    let Some(p) = st.as_mut() else { return };
    let Some(stage) = p.stages.pop_front() else {
        let mut full = p.base.clone();
        let longest = p.watch.as_ref().map_or(0.0, |w| w.longest.get());
        full["phase2"]["longest_main_thread_task_ms"] = longest.into();
        if full.get("phase2_one_worker").is_none() {
            full["phase2_one_worker"] = full["phase2"].clone();
        }
        *st = None;
        drop(st);
        report.set(Some(full));
        running.set(false);
        return;
    };
    let (job, workers, label) = match stage {
        Stage::Check => (check_job(), CHECK_WORKERS, "vérification"),
        Stage::Calibrate(w) => (phase2_job(1_000_000, 3.0), w, "calibrage"),
        Stage::Measure(w) => (phase2_job(p.steps, p.seconds), w, "phase 2"),
    };
    let on_change: Rc<dyn Fn()> = {
        let (state, report, running, redraw) = (
            state.clone(),
            report.clone(),
            running.clone(),
            redraw.clone(),
        );
        Rc::new(move || stage_changed(&state, &report, &running, &redraw))
    };
    if matches!(stage, Stage::Measure(_)) && p.watch.is_none() {
        // From here (a task of its own, after the page-side runs), the page only draws.
        p.watch = Some(MainThreadWatch::start());
    }
    p.current = Some((
        stage,
        JobHandle::start(job, label.into(), workers, on_change),
    ));
}

/// A stage's job changed: once it is over, keep its figures and go on.
fn stage_changed(
    state: &Rc<RefCell<Option<Phase2>>>,
    report: &UseStateHandle<Option<serde_json::Value>>,
    running: &UseStateHandle<bool>,
    redraw: &UseForceUpdateHandle,
) {
    redraw.force_update();
    {
        let Ok(mut st) = state.try_borrow_mut() else {
            return;
        };
        let Some(p) = st.as_mut() else { return };
        let Some((stage, job)) = &p.current else {
            return;
        };
        let s = job.state.borrow().clone();
        if !s.is_over() {
            return;
        }
        let figures = serde_json::json!({
            "params": s.job.config.param_count(), "batch": s.job.batch, "steps": s.step, "tokens": s.tokens,
            "seconds": s.compute_ms / 1000.0, "tokens_per_s": s.tokens_per_second(), "test_loss": s.test_loss,
            "in_worker": s.in_worker, "workers": s.workers, "error": s.error, "notice": s.notice,
        });
        match *stage {
            Stage::Check => {
                let print = s.model.as_ref().map(|m| fingerprint(&m.flat_params()));
                p.base["team_check"] = serde_json::json!({ "workers": s.workers, "steps": s.step, "params_fnv": print });
            }
            Stage::Calibrate(_) => {
                let steps_per_s = s.step as f64 / (s.compute_ms / 1000.0).max(0.1);
                p.steps = ((steps_per_s * p.seconds).ceil() as usize).max(10);
            }
            Stage::Measure(1) if p.base.get("phase2").is_some() => {
                p.base["phase2_one_worker"] = figures
            }
            Stage::Measure(_) => p.base["phase2"] = figures,
        }
        p.current = None;
    }
    // The next job starts after this callback (its handle's state is borrowed here).
    let (state, report, running, redraw) = (
        state.clone(),
        report.clone(),
        running.clone(),
        redraw.clone(),
    );
    Timeout::new(0, move || next_stage(state, report, running, redraw)).forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The e2e tests read the same file: the browser's 2 workers must give these bits.
    #[test]
    fn the_same_bits_check_matches_the_recorded_fingerprint() {
        let golden: serde_json::Value =
            serde_json::from_str(include_str!("../../../../tests/e2e/golden.json")).unwrap();
        let model = crate::worker::runner::team_model(&check_job(), CHECK_WORKERS);
        let check = &golden["team_check"];
        assert_eq!(check["workers"], CHECK_WORKERS);
        assert_eq!(check["steps"], check_job().steps);
        assert_eq!(check["params_fnv"], fingerprint(&model));
    }
}
