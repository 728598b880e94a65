//! "Tester la vitesse de cet ordinateur": trains the microgpt-size GPT flat out in the page,
//! then each lesson's training as the pupil starts it, then the big "phase 2" model in Web
//! Workers (`stages`), and gives the teacher a verdict per lesson in words. The full figures
//! stay in a closed « Détails techniques » box (used by `cargo xtask bench`).

mod stages;
mod watch;

use crate::training::now_ms;
use course::content::pages as text;
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

/// How long a pupil waits for a lesson's training.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// A few seconds at most: nobody notices.
    Smooth,
    /// A wait of this many seconds, acceptable in class.
    Seconds(u32),
    /// Too long for a class (seconds): show it on the projector from a faster computer.
    TooSlow(u32),
}

/// Up to 3 s is smooth; up to 45 s a wait; beyond, too slow for a class.
pub fn wait_of(seconds: f64) -> Wait {
    let rounded = seconds.ceil().max(1.0) as u32;
    if seconds <= 3.0 {
        Wait::Smooth
    } else if seconds <= 45.0 {
        Wait::Seconds(rounded)
    } else {
        Wait::TooSlow(rounded)
    }
}

/// A wait in the teacher's words.
fn wait_words(w: Wait) -> String {
    match w {
        Wait::Smooth => text::WAIT_SMOOTH.to_string(),
        Wait::Seconds(s) => text::wait_seconds(s),
        Wait::TooSlow(s) => text::too_slow(s),
    }
}

/// The verdict, one sentence per lesson, then the Atelier and the cores.
pub fn verdict(report: &serde_json::Value) -> Vec<String> {
    let lessons = &report["lessons"];
    let wait = |key: &str| lessons[key].as_f64().map(wait_of);
    let mut lines = vec![text::lesson_without_training(1)];
    for n in 2..=6u8 {
        if let Some(w) = wait(&format!("l{n}")) {
            lines.push(text::lesson_wait(n, &wait_words(w)));
        }
    }
    let p2 = &report["phase2"];
    let big_tps = p2["tokens_per_s"].as_f64().unwrap_or(0.0);
    let race = lessons["bonus"].as_f64().unwrap_or(20.0);
    lines.push(text::bonus_verdict(race, big_tps));
    if let Some(w) = wait("atelier") {
        lines.push(text::atelier_verdict(&wait_words(w), big_tps));
    }
    let workers = p2["workers"].as_u64().unwrap_or(1) as usize;
    let one = report["phase2_one_worker"]["tokens_per_s"]
        .as_f64()
        .unwrap_or(0.0);
    if workers > 1 && one > 0.0 {
        lines.push(text::cores_verdict(workers, big_tps / one));
    }
    if !p2["in_worker"].as_bool().unwrap_or(true) {
        lines.push(text::NO_WORKERS_VERDICT.to_string());
    }
    lines
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_judged_as_a_class_would() {
        assert_eq!(wait_of(0.4), Wait::Smooth);
        assert_eq!(wait_of(3.0), Wait::Smooth);
        assert_eq!(wait_of(3.2), Wait::Seconds(4));
        assert_eq!(wait_of(45.0), Wait::Seconds(45));
        assert_eq!(wait_of(70.0), Wait::TooSlow(70));
    }

    #[test]
    fn the_verdict_speaks_of_every_lesson_from_the_measured_waits() {
        let report = serde_json::json!({
            "lessons": { "l2": 0.3, "l3": 70.0, "l4": 1.0, "l5": 2.0, "l6": 12.5, "bonus": 20.0, "atelier": 4.0 },
            "phase2": { "tokens_per_s": 30000.0, "workers": 2, "in_worker": true },
            "phase2_one_worker": { "tokens_per_s": 18000.0 },
        });
        let lines = verdict(&report);
        let all = lines.join("\n");
        for n in 1..=6 {
            assert!(
                all.contains(&format!("Leçon {n}\u{a0}:")),
                "lesson {n} in {all}"
            );
        }
        assert!(
            lines[2].contains("trop lent (70\u{a0}s") && lines[2].contains("vidéoprojecteur"),
            "{}",
            lines[2]
        );
        assert!(
            lines[5].contains("attente d'environ 13\u{a0}s"),
            "{}",
            lines[5]
        );
        assert!(all.contains("Leçon bonus") && all.contains("Atelier"));
        assert!(all.contains("1,7 fois plus rapides"), "{all}");
        let slow_cores = serde_json::json!({
            "lessons": {}, "phase2": { "tokens_per_s": 15000.0, "workers": 2 },
            "phase2_one_worker": { "tokens_per_s": 16000.0 },
        });
        assert!(verdict(&slow_cores)
            .join(" ")
            .contains("choisissez 1\u{a0}cœur"));
    }

    /// The e2e tests read the same file: the browser's 2 workers must give these bits.
    #[test]
    fn the_same_bits_check_matches_the_recorded_fingerprint() {
        let golden: serde_json::Value =
            serde_json::from_str(include_str!("../../../../../tests/e2e/golden.json")).unwrap();
        let model = crate::worker::runner::team_model(&stages::check_job(), stages::CHECK_WORKERS);
        let check = &golden["team_check"];
        assert_eq!(check["workers"], stages::CHECK_WORKERS);
        assert_eq!(check["steps"], stages::check_job().steps);
        assert_eq!(check["params_fnv"], stages::fingerprint(&model));
    }
}
