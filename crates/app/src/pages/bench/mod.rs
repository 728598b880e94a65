//! "Tester la vitesse de cet ordinateur": trains the microgpt-size GPT flat out in the page,
//! then each lesson's training as the pupil starts it, then the big "phase 2" model in Web
//! Workers (`stages`), and gives the teacher a verdict per lesson in words (`course::speed`,
//! with the jobs it runs in the workers). The full figures stay in a closed « Détails
//! techniques » box (used by `cargo xtask bench`).

mod stages;
mod watch;

use crate::clock::now_ms;
use course::content::pages as text;
use course::speed::verdict;
use gloo::timers::callback::Timeout;
use minigpt::data::{shuffled, Dataset};
use minigpt::train::eval_loss;
use minigpt::{Config, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::rc::Rc;
use yew::prelude::*;

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

#[function_component]
pub fn Bench() -> Html {
    let report = use_state(|| None::<serde_json::Value>);
    let running = use_state(|| false);
    let measures: stages::Shared = use_mut_ref(|| None);
    let redraw = use_force_update();
    // First the page's flat-out figures, then the lessons' runs as pupils see them, then the
    // workers' measures (`stages`).
    let start = |quick: bool| {
        let (report, running, measures, redraw) = (
            report.clone(),
            running.clone(),
            measures.clone(),
            redraw.clone(),
        );
        Callback::from(move |_| {
            running.set(true);
            report.set(None);
            let (report, running, measures, redraw) = (
                report.clone(),
                running.clone(),
                measures.clone(),
                redraw.clone(),
            );
            // Let the page draw "Test en cours…" before the page-side runs.
            Timeout::new(50, move || {
                let small = Config::default();
                let mut base = serde_json::json!({
                    "pokemon_1000": timed_run(Dataset::Pokemon, small, 1000, 1023),
                    "prenoms_1000": timed_run(Dataset::Prenoms, small, 1000, 2000),
                    "big_prenoms_100": timed_run(Dataset::Prenoms, Config::phase2(), 100, 200),
                });
                if !quick {
                    base["pokemon_10000"] = timed_run(Dataset::Pokemon, small, 10000, 1023);
                }
                let done: stages::Done = Rc::new(move |full| {
                    report.set(Some(full));
                    running.set(false);
                });
                let redraw: Rc<dyn Fn()> = Rc::new(move || redraw.force_update());
                let seconds = if quick { 10.0 } else { 60.0 };
                stages::start(base, seconds, measures, redraw, done);
            })
            .forget();
        })
    };
    let result = report
        .as_ref()
        .map(|r| serde_json::to_string_pretty(r).unwrap_or_default());
    let verdict = report.as_ref().map(verdict);
    let progress = measures.borrow().as_ref().and_then(|m| {
        let (done_s, tps, workers) = m.measuring()?;
        Some(text::big_model_progress(done_s, m.seconds, tps, workers))
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
                <p role="status" data-testid="bench-running">{ text::BENCH_RUNNING }{ " " }{ progress.unwrap_or_default() }</p>
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
