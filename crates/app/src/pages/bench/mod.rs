//! "Tester la vitesse de cet ordinateur": trains the microgpt-size GPT flat out in the page,
//! then each lesson's training as the pupil starts it, then the big "phase 2" model in Web
//! Workers (`stages`), and gives the teacher one line for the PC and a verdict per lesson in
//! words (`course::speed`, with the jobs it runs in the workers), on a card she names (« PC 7 »)
//! and prints. The name and the last result stay in this browser. The Atelier's figures and
//! the raw report stay in a closed « Détails techniques » box (used by `cargo xtask bench`),
//! never printed.

mod stages;
mod watch;

use crate::clock::now_ms;
use course::content::pages as text;
use course::speed::{verdict, Verdict};
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

/// This PC's name, as the teacher typed it.
const PC_NAME_KEY: &str = "tuto-llm.poste";
/// The last report and the day it was measured.
const LAST_KEY: &str = "tuto-llm.vitesse";

fn today() -> String {
    String::from(
        js_sys::Date::new_0().to_locale_date_string("fr-FR", &wasm_bindgen::JsValue::UNDEFINED),
    )
}

/// The last result kept in this browser: (report, day).
fn last_result() -> Option<(serde_json::Value, String)> {
    let text = crate::storage::get(LAST_KEY).ok()??;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some((v["report"].clone(), v["day"].as_str()?.to_string()))
}

/// The name field of the card: kept in this browser as it is typed; printed as text.
#[function_component]
fn PcName() -> Html {
    let name = use_state(|| {
        crate::storage::get(PC_NAME_KEY)
            .ok()
            .flatten()
            .unwrap_or_default()
    });
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value: String = input.value().chars().take(40).collect();
            let _ = crate::storage::set(PC_NAME_KEY, &value);
            name.set(value);
        })
    };
    html! {
        <p class="pc-name">
            <label for="pc-name">{ text::PC_NAME }</label>
            <input id="pc-name" type="text" maxlength="40" value={(*name).clone()} {oninput} data-testid="bench-label" />
        </p>
    }
}

/// The PC's card: its name, the day, the one line, the lessons; printable alone.
fn card(v: &Verdict, day: &str) -> Html {
    html! {
        <div class="card verdict pc-card" data-testid="bench-verdict">
            <h2>{ text::VERDICT_TITLE }</h2>
            <PcName />
            <p class="muted">{ text::tested_on(day) }</p>
            <p class="fit" data-testid="bench-fit">{ v.fit.clone() }</p>
            <ul>{ for v.lessons.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
        </div>
    }
}

#[function_component]
pub fn Bench() -> Html {
    let last = use_memo((), |_| last_result());
    let report = use_state(|| last.as_ref().as_ref().map(|(r, _)| r.clone()));
    let day = use_state(|| {
        last.as_ref()
            .as_ref()
            .map(|(_, d)| d.clone())
            .unwrap_or_else(today)
    });
    let running = use_state(|| false);
    let measures: stages::Shared = use_mut_ref(|| None);
    let redraw = use_force_update();
    // First the page's flat-out figures, then the lessons' runs as pupils see them, then the
    // workers' measures (`stages`).
    let start = |quick: bool| {
        let (report, running, measures, redraw, day) = (
            report.clone(),
            running.clone(),
            measures.clone(),
            redraw.clone(),
            day.clone(),
        );
        Callback::from(move |_| {
            running.set(true);
            report.set(None);
            let (report, running, measures, redraw, day) = (
                report.clone(),
                running.clone(),
                measures.clone(),
                redraw.clone(),
                day.clone(),
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
                    let kept = serde_json::json!({ "report": full, "day": today() });
                    let _ = crate::storage::set(LAST_KEY, &kept.to_string());
                    day.set(today());
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
    let result = use_memo((*report).clone(), |r| {
        r.as_ref()
            .map(|r| serde_json::to_string_pretty(r).unwrap_or_default())
    });
    let verdict = use_memo((*report).clone(), |r| r.as_ref().map(verdict));
    let progress = measures.borrow().as_ref().and_then(|m| {
        let (done_s, tps, workers) = m.measuring()?;
        Some(text::big_model_progress(done_s, m.seconds, tps, workers))
    });
    // A result read back from this browser, not measured just now: say so.
    let from_before = last
        .as_ref()
        .as_ref()
        .is_some_and(|(r, _)| report.as_ref() == Some(r));
    let last_note = from_before.then_some(text::LAST_RESULT);
    html! {
        <main id="contenu" class="bench-page">
            <h1>{ text::BENCH_TITLE }</h1>
            <p>{ text::BENCH_INTRO }</p>
            <p class="muted">{ text::PC_NAME_HINT }</p>
            <div class="row">
                <button type="button" class="btn primary" onclick={start(true)} disabled={*running} data-testid="bench-run">{ text::BENCH_QUICK }</button>
                <button type="button" class="btn" onclick={start(false)} disabled={*running} data-testid="bench-full">{ text::BENCH_FULL }</button>
            </div>
            if *running {
                <p role="status" data-testid="bench-running">{ text::BENCH_RUNNING }{ " " }{ progress.unwrap_or_default() }</p>
            }
            if let (Some(v), false) = (verdict.as_ref(), *running) {
                if let Some(note) = last_note { <p class="no-print">{ note }</p> }
                { card(v, &day) }
                <p class="row"><button type="button" class="btn no-print" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }} data-testid="bench-print">
                    { crate::icons::icon(crate::icons::Icon::Print) }{ text::PRINT_CARD }</button></p>
            }
            if let (Some(r), Some(v), false) = ((*result).clone(), verdict.as_ref(), *running) {
                <details class="tech no-print">
                    <summary>{ text::BENCH_DETAILS }</summary>
                    <ul data-testid="bench-technical">{ for v.technical.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                    <pre data-testid="bench-result">{ r }</pre>
                </details>
            }
        </main>
    }
}
