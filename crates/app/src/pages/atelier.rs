//! The free workshop: any data (with the extended alphabet if wished), any model size, trained
//! in a Web Worker with its held-out loss, three challenges the page checks, generation, and
//! saving the model to a file and loading it back (a wrong or damaged file gets a French
//! message, never a crash).

use crate::content::{atelier as text, DATASET_SOURCES};
use crate::icons::{icon, Icon};
use crate::progress::store::Change;
use crate::progress::{use_progress, Action};
use crate::text::{int, shown_name};
use crate::training::use_runs;
use crate::widgets::controls::{choice_slider, temperature_slider};
use crate::widgets::dataset_picker::{DataChoice, DatasetPicker};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::word_input::WordInput;
use crate::worker::client::{JobHandle, JobState};
use crate::worker::protocol::{Data, Job, JobStatus};
use gloo::file::callbacks::FileReader;
use minigpt::data::Dataset;
use minigpt::sample::{generate, probabilities_at};
use minigpt::saved::{self, LoadError};
use minigpt::{Alphabet, Config, Gpt, Model, Tape};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const LAYERS: [usize; 4] = [1, 2, 3, 4];
const HEADS: [usize; 4] = [1, 2, 3, 4];
const CARDS: [usize; 8] = [8, 16, 24, 32, 40, 48, 56, 64];
const CONTEXTS: [usize; 7] = [8, 12, 16, 20, 24, 28, 32];
const BATCHES: [usize; 5] = [1, 4, 8, 16, 32];
const RATES: [f32; 5] = [0.001, 0.003, 0.005, 0.01, 0.03];
const STEPS: [usize; 6] = [500, 1000, 3000, 5000, 10000, 20000];
/// Model files bigger than this are not ours (the largest Atelier model is ~4 MB of JSON).
const MAX_FILE_BYTES: f64 = 20e6;
/// (layers, heads, cards, context, names per step, learning rate) of the ready-made sizes.
const PRESETS: [(usize, usize, usize, usize, usize, f32); 3] = [
    (1, 4, 16, 16, 1, 0.01),
    (2, 4, 32, 32, 16, 0.005),
    (4, 4, 64, 32, 32, 0.005),
];

/// The pupil-facing message for a file that cannot be loaded.
pub fn load_error_message(e: &LoadError) -> String {
    match e {
        LoadError::NotAModel(_) => text::NOT_A_MODEL.into(),
        LoadError::UnknownVersion(v) => text::unknown_version(*v),
        LoadError::Damaged(_) => text::DAMAGED.into(),
    }
}

fn download(filename: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// A finished run, remembered for the challenges.
#[derive(Clone, PartialEq)]
struct Finished {
    label: String,
    data: DataChoice,
    params: usize,
    train_loss: f32,
    test_loss: f32,
}

fn mean_last(losses: &[f32]) -> Option<f32> {
    let l = &losses[losses.len().saturating_sub(50)..];
    (!l.is_empty()).then(|| l.iter().sum::<f32>() / l.len() as f32)
}

/// Which challenges the finished runs meet.
fn challenges(runs: &[Finished]) -> [bool; 3] {
    let low = runs
        .iter()
        .any(|r| r.data == DataChoice::Builtin(Dataset::Prenoms) && r.test_loss < 2.2);
    let by_heart = runs.iter().any(|r| r.train_loss < r.test_loss - 0.5);
    let bigger_not_better = runs.iter().any(|big| {
        runs.iter().any(|small| {
            small.data == big.data
                && big.params >= 2 * small.params
                && big.test_loss >= small.test_loss - 0.01
        })
    });
    [low, by_heart, bigger_not_better]
}

fn demo_prefix(choice: &DataChoice) -> &'static str {
    match choice {
        DataChoice::Builtin(Dataset::Prenoms) => "mar",
        DataChoice::Builtin(Dataset::Dinosaures) => "tyr",
        DataChoice::Builtin(Dataset::Mots) => text::MOTS_DEMO_PREFIX,
        _ => "pik",
    }
}

#[function_component]
pub fn Atelier() -> Html {
    let progress = use_progress();
    let choice = use_state(|| DataChoice::Builtin(Dataset::Pokemon));
    let alphabet = use_state(|| Alphabet::Letters);
    let n_layer = use_state(|| 1usize);
    let n_head = use_state(|| 4usize);
    let n_embd = use_state(|| 16usize);
    let block = use_state(|| 16usize);
    let batch = use_state(|| 1usize);
    let lr = use_state(|| 0.01f32);
    let steps = use_state(|| 1000usize);
    let (job, redraw) = use_runs::<Option<JobHandle>>();
    let loaded = use_state(|| None::<(Gpt, String)>);
    let message = use_state(|| None::<(bool, String)>);
    let prefix = use_state(String::new);
    let temperature = use_state(|| 0.8f32);
    let names = use_state(Vec::<String>::new);
    let history = use_state(Vec::<Finished>::new);
    // The model on show was written to a file since it last changed.
    let in_file = use_state(|| false);
    let reader = use_mut_ref(|| None::<FileReader>);
    let config = Config {
        n_embd: *n_embd,
        n_head: *n_head,
        n_layer: *n_layer,
        block_size: *block,
        ..Config::default()
    }
    .with_alphabet(*alphabet);
    let valid = config.validate();
    let state: Option<JobState> = job.borrow().as_ref().map(|j| j.state.borrow().clone());

    // A run that just ended joins the history (and the challenges are checked).
    {
        let (history, progress) = (history.clone(), progress.clone());
        let ended = state
            .as_ref()
            .filter(|s| s.is_over() && s.test_loss.is_some())
            .map(|s| (s.label.clone(), s.step, s.test_loss));
        let finished = state.as_ref().and_then(|s| {
            Some(Finished {
                label: s.label.clone(),
                data: match &s.job.data {
                    Data::Builtin(d) => DataChoice::Builtin(*d),
                    Data::Own(n) => DataChoice::Own(n.clone()),
                    Data::BuiltinFirst(d, _) => DataChoice::Builtin(*d),
                },
                params: s.job.config.param_count(),
                train_loss: mean_last(&s.losses)?,
                test_loss: s.test_loss?,
            })
        });
        use_effect_with(ended, move |ended| {
            if ended.is_some() {
                if let Some(f) = finished {
                    let mut all = (*history).clone();
                    if !all.contains(&f) {
                        all.push(f);
                        for (i, met) in challenges(&all).iter().enumerate() {
                            if *met {
                                let id = crate::ids::ATELIER[i].to_string();
                                progress.dispatch(Action::Change(Change::Completed(id)));
                            }
                        }
                        history.set(all);
                    }
                }
            }
        });
    }

    // The model on show: the one being trained (as far as the worker sent it), else the loaded one.
    let current: Option<Gpt> = state
        .as_ref()
        .and_then(|s| s.model.clone())
        .or_else(|| loaded.as_ref().map(|(g, _)| g.clone()));
    let current_alphabet = current.as_ref().map_or(*alphabet, |g| g.config.alphabet);
    crate::training::use_leave_warning(current.is_some() && !*in_file);
    let train = {
        let was_saved = in_file.clone();
        let (job, choice, redraw, loaded, message, lr, steps, batch, names) = (
            job.clone(),
            choice.clone(),
            redraw.clone(),
            loaded.clone(),
            message.clone(),
            lr.clone(),
            steps.clone(),
            batch.clone(),
            names.clone(),
        );
        Callback::from(move |_| {
            let data = match &*choice {
                DataChoice::Builtin(d) => Data::Builtin(*d),
                DataChoice::Own(n) => Data::Own(n.clone()),
            };
            let spec = Job {
                config,
                data,
                seed: 42,
                steps: *steps,
                lr: *lr,
                batch: *batch,
                max_seconds: None,
                test_split: true,
                snapshot_steps: vec![],
            };
            let label = text::run_label(
                config.n_layer,
                config.n_head,
                config.n_embd,
                &choice.label(),
            );
            *job.borrow_mut() = Some(JobHandle::start(spec, label, redraw.clone()));
            was_saved.set(false);
            loaded.set(None);
            message.set(None);
            names.set(Vec::new());
            redraw();
        })
    };
    let save = {
        let (current, choice, message, steps, was_saved) = (
            current.clone(),
            choice.clone(),
            message.clone(),
            state.as_ref().map_or(0, |s| s.step),
            in_file.clone(),
        );
        Callback::from(move |_| {
            let Some(model) = &current else { return };
            let json = saved::to_json(model, &text::note(&choice.label(), steps));
            let ok = download("tuto-llm-modele.json", &json).is_ok();
            was_saved.set(ok);
            message.set(Some(if ok {
                (true, text::SAVED.into())
            } else {
                (false, text::SAVE_REFUSED.into())
            }));
        })
    };
    let load = {
        let was_saved = in_file.clone();
        let (reader, loaded, message, job, redraw) = (
            reader.clone(),
            loaded.clone(),
            message.clone(),
            job.clone(),
            redraw.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            if file.size() > MAX_FILE_BYTES {
                message.set(Some((false, text::TOO_BIG.into())));
                return;
            }
            let (loaded, message, job, redraw, was_saved) = (
                loaded.clone(),
                message.clone(),
                job.clone(),
                redraw.clone(),
                was_saved.clone(),
            );
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                    let outcome = match result {
                        Err(_) => Err(text::UNREADABLE.to_string()),
                        Ok(t) => saved::from_json(&t).map_err(|e| load_error_message(&e)),
                    };
                    match outcome {
                        Ok((gpt, note)) => {
                            drop(job.borrow_mut().take());
                            message.set(Some((
                                true,
                                text::loaded(
                                    gpt.config.param_count(),
                                    gpt.config.alphabet == Alphabet::Extended,
                                    &note,
                                ),
                            )));
                            loaded.set(Some((gpt, note)));
                            was_saved.set(true);
                        }
                        Err(m) => message.set(Some((false, m))),
                    }
                    redraw();
                });
            *reader.borrow_mut() = Some(task);
        })
    };
    let gen = {
        let (current, names, prefix, temperature) = (
            current.clone(),
            names.clone(),
            prefix.clone(),
            temperature.clone(),
        );
        Callback::from(move |_| {
            let Some(m) = &current else { return };
            let mut rng = ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
            names.set(
                (0..10)
                    .map(|_| generate(m, &prefix, *temperature, 30, &mut rng).0)
                    .collect(),
            );
        })
    };
    let preset = |i: usize| {
        let (l, h, e, b, bt, r) = PRESETS[i];
        let (nl, nh, ne, nb, nbt, nr) = (
            n_layer.clone(),
            n_head.clone(),
            n_embd.clone(),
            block.clone(),
            batch.clone(),
            lr.clone(),
        );
        Callback::from(move |_| {
            nl.set(l);
            nh.set(h);
            ne.set(e);
            nb.set(b);
            nbt.set(bt);
            nr.set(r);
        })
    };
    let busy = state.as_ref().is_some_and(|s| !s.is_over());
    let show_usize = |v: usize| int(v as u64);
    let show_rate = crate::text::decimal;
    let done = challenges(&history);
    let demo = demo_prefix(&choice);
    html! {
        <main id="contenu" class="atelier">
            <h1>{ text::TITLE }</h1>
            <p>{ text::INTRO }</p>
            <details class="card guide" open=true>
                <summary>{ text::GUIDE_TITLE }</summary>
                <dl>{ for text::GUIDE.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
            </details>
            <div class="card">
                <h2>{ text::DATA_TITLE }</h2>
                <DatasetPicker choice={(*choice).clone()} on_change={{ let c = choice.clone(); Callback::from(move |v| c.set(v)) }} name="atelier-data"
                    offered={Dataset::ALL.to_vec()} alphabet={*alphabet} on_alphabet={{ let a = alphabet.clone(); Callback::from(move |v| a.set(v)) }} />
            </div>
            <div class="card">
                <h2>{ text::SIZE_TITLE }</h2>
                <div class="row"><span>{ text::PRESETS }</span>
                    { for (0..3).map(|i| html! { <button type="button" class="btn" onclick={preset(i)} data-testid={format!("a-preset-{i}")}>{ text::PRESET_NAMES[i] }</button> }) }
                </div>
                { choice_slider(text::LAYERS, &LAYERS, *n_layer, show_usize, n_layer.clone(), "a-layers") }
                { choice_slider(text::HEADS, &HEADS, *n_head, show_usize, n_head.clone(), "a-heads") }
                { choice_slider(text::CARDS, &CARDS, *n_embd, show_usize, n_embd.clone(), "a-embd") }
                { choice_slider(text::CONTEXT, &CONTEXTS, *block, show_usize, block.clone(), "a-block") }
                { choice_slider(text::BATCH, &BATCHES, *batch, show_usize, batch.clone(), "a-batch") }
                { choice_slider(text::LR, &RATES, *lr, show_rate, lr.clone(), "a-lr") }
                { choice_slider(text::STEPS, &STEPS, *steps, show_usize, steps.clone(), "a-steps") }
                if valid.is_ok() {
                    <p class="param-count">{ text::PARAMS }<strong data-testid="a-params">{ int(config.param_count() as u64) }</strong></p>
                } else {
                    <p class="feedback ko" role="alert">{ text::heads_dont_divide(*n_embd, *n_head) }</p>
                }
                <button type="button" class="btn primary" onclick={train} disabled={valid.is_err() || busy} data-testid="a-train">{ icon(Icon::Play) }{ text::TRAIN }</button>
                { controls(&job, &redraw, state.as_ref()) }
                if let Some(s) = &state {
                    <LossCurve runs={vec![Run { label: s.label.clone(), losses: s.losses.clone(), exploded: matches!(s.status, JobStatus::Diverged(_)) }]} steps={s.job.steps} show_last={false} />
                    if let Some(l) = mean_last(&s.losses) { <p>{ text::train_loss(l) }</p> }
                    if let Some(t) = s.test_loss { <p class="big-number" data-testid="a-test-loss">{ text::test_loss(t, s.test_names) }</p> }
                }
            </div>
            <div class="card">
                <h2>{ text::CHALLENGES_TITLE }</h2>
                <p>{ text::CHALLENGES_INTRO }</p>
                <ul class="challenges">
                    { for text::CHALLENGES.iter().enumerate().map(|(i, (name, what))| {
                        let met = done[i] || progress.is_solved(crate::ids::ATELIER[i]);
                        html! { <li class={classes!(met.then_some("met"))} data-challenge={(i + 1).to_string()}>
                            <strong>{ *name }</strong>{ format!(" — {what} ") }
                            <span class="pill">{ if met { text::CHALLENGE_DONE } else { text::CHALLENGE_TODO } }</span></li> }
                    }) }
                </ul>
                if !history.is_empty() {
                    <h3>{ text::HISTORY_TITLE }</h3>
                    <table class="compare-table" data-testid="a-history">
                        <tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_TRAIN }</th><th>{ text::COL_TEST }</th></tr>
                        { for history.iter().map(|f| html! { <tr><td>{ f.label.clone() }</td><td>{ int(f.params as u64) }</td>
                            <td>{ crate::text::fr(f.train_loss, 2) }</td><td>{ crate::text::fr(f.test_loss, 2) }</td></tr> }) }
                    </table>
                }
            </div>
            <div class="card">
                <h2>{ text::SAVE_TITLE }</h2>
                <div class="row">
                    <button type="button" class="btn" onclick={save} disabled={current.is_none()} data-testid="a-save">{ icon(Icon::Save) }{ text::SAVE }</button>
                    <label class="btn">{ icon(Icon::Open) }{ text::OPEN }<input type="file" accept=".json,application/json" class="sr-only" onchange={load} data-testid="a-load" /></label>
                </div>
                if let Some((ok, m)) = &*message {
                    <p class={classes!("feedback", if *ok { "ok" } else { "ko" })} role="status" data-testid="a-message">{ m.clone() }</p>
                }
                <p class="muted">{ text::LIVES_HERE }</p>
            </div>
            if let Some(model) = current {
                <div class="card">
                    <h2>{ text::TALK_TITLE }</h2>
                    { next_bars(&model, if prefix.is_empty() { demo } else { prefix.as_str() }) }
                    <WordInput label={text::PREFIX} max_len={20} on_word={{ let p = prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder={text::PREFIX_PLACEHOLDER} testid="a-prefix" alphabet={current_alphabet} strict={true} />
                    { temperature_slider(*temperature, temperature.clone(), "a-temp") }
                    <button type="button" class="btn primary" onclick={gen} data-testid="a-generate">{ text::invent(&prefix) }</button>
                    <ul class="chips" data-testid="a-names">{ for names.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul>
                </div>
            }
            <div class="card sources">
                <h2>{ text::SOURCES_TITLE }</h2>
                <ul>{ for DATASET_SOURCES.iter().map(|(t, d)| html! { <li><cite>{ *t }</cite>{ " — " }{ *d }</li> }) }</ul>
            </div>
        </main>
    }
}

/// The bars after a beginning that suits the data (skipped if the model cannot read it).
fn next_bars(model: &Gpt, prefix: &str) -> Html {
    let alphabet = model.config.alphabet;
    if !alphabet.can_write(prefix) {
        return html! {};
    }
    let ids = alphabet.encode_name(prefix);
    let probs = probabilities_at(
        &model.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
        1.0,
    );
    html! { <ProbBars probs={probs} labels={alphabet.symbols()} title={text::bars_title(prefix)} /> }
}

/// Pause / resume / stop for the worker's run, with its status in words.
fn controls(
    job: &std::rc::Rc<std::cell::RefCell<Option<JobHandle>>>,
    redraw: &std::rc::Rc<dyn Fn()>,
    state: Option<&JobState>,
) -> Html {
    let Some(s) = state else { return html! {} };
    let status = match s.status {
        JobStatus::Starting => text::STATUS_STARTING.to_string(),
        JobStatus::Running => text::status_line(s.step, s.job.steps, s.tokens_per_second()),
        JobStatus::Paused => format!(
            "{} {}",
            text::STATUS_PAUSED,
            text::status_line(s.step, s.job.steps, s.tokens_per_second())
        ),
        JobStatus::Finished | JobStatus::TimeUp => format!(
            "{} {}",
            text::STATUS_FINISHED,
            text::status_line(s.step, s.job.steps, s.tokens_per_second())
        ),
        JobStatus::Stopped => text::STATUS_STOPPED.to_string(),
        JobStatus::Diverged(step) => text::status_diverged(step),
    };
    let act = |f: fn(&JobHandle, std::rc::Rc<dyn Fn()>)| {
        let (job, redraw) = (job.clone(), redraw.clone());
        Callback::from(move |_| {
            if let Some(j) = job.borrow().as_ref() {
                f(j, redraw.clone());
            }
        })
    };
    html! {
        <div class="row controls" role="group" aria-label={crate::content::widgets::CONTROLS}>
            <span class="status" aria-live="polite" data-testid="a-status">{ status }</span>
            if s.status == JobStatus::Running {
                <button type="button" class="btn" onclick={act(|j, _| j.pause())} data-testid="a-pause">{ icon(Icon::Pause) }{ text::PAUSE }</button>
            }
            if s.status == JobStatus::Paused {
                <button type="button" class="btn" onclick={act(|j, r| j.resume(r))} data-testid="a-resume">{ icon(Icon::Play) }{ text::RESUME }</button>
            }
            if !s.is_over() {
                <button type="button" class="btn" onclick={act(|j, _| j.stop())} data-testid="a-stop">{ text::STOP }</button>
            }
            if !s.in_worker { <p class="muted">{ text::NOT_IN_WORKER }</p> }
            if let Some(e) = &s.error { <p class="feedback ko" role="alert">{ e.clone() }</p> }
        </div>
    }
}
