//! The free workshop: any data (with the extended alphabet if wished), any model size, trained
//! in a Web Worker with its held-out loss, three challenges the page checks, generation, and
//! saving the model to a file and loading it back (a wrong, damaged or oversized file gets a
//! French message, never a crash). One function per panel: data, size and run, challenges,
//! save, talk.

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action, ProgressHandle};
use crate::training::use_runs;
use crate::widgets::controls::{choice_slider, temperature_slider};
use crate::widgets::dataset_picker::DatasetPicker;
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::take_home::{about as notebook_about, take_home, Make};
use crate::widgets::word_input::WordInput;
use crate::worker::client::JobHandle;
use course::challenges::{self, mean_last, Finished};
use course::content::common::shown_name;
use course::content::{atelier as text, DATASET_SOURCES};
use course::dataset::DataChoice;
use course::progress::store::Change;
use course::text::int;
use course::worker::protocol::{Data, Job, JobStatus};
use course::worker::state::JobState;
use gloo::file::callbacks::FileReader;
use minigpt::data::Dataset;
use minigpt::sample::{generate, probabilities_at};
use minigpt::saved::{self, Limits, LoadError};
use minigpt::{Alphabet, Config, Gpt, Model, Tape};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const LAYERS: [usize; 4] = [1, 2, 3, 4];
const HEADS: [usize; 4] = [1, 2, 3, 4];
const CARDS: [usize; 8] = [8, 16, 24, 32, 40, 48, 56, 64];
const CONTEXTS: [usize; 7] = [8, 12, 16, 20, 24, 28, 32];
const BATCHES: [usize; 5] = [1, 4, 8, 16, 32];
const RATES: [f32; 5] = [0.001, 0.003, 0.005, 0.01, 0.03];
const STEPS: [usize; 6] = [500, 1000, 3000, 5000, 10000, 20000];
/// The workers a run may use, up to the cores the browser reports.
static CORE_CHOICES: [usize; 8] = [1, 2, 3, 4, 5, 6, 7, 8];
/// (layers, heads, cards, context, names per step, learning rate) of the ready-made sizes.
const PRESETS: [(usize, usize, usize, usize, usize, f32); 3] = [
    (1, 4, 16, 16, 1, 0.01),
    (2, 4, 32, 32, 16, 0.005),
    (4, 4, 64, 32, 32, 0.005),
];

/// The largest model the Atelier makes (4 layers, cards of 64, context 32, 46 tokens): no file
/// may hold a bigger one.
pub fn largest() -> Config {
    Config::phase2().with_alphabet(Alphabet::Extended)
}

/// What a model file may hold here.
pub fn limits() -> Limits {
    Limits {
        max_params: largest().param_count(),
        ..Limits::default()
    }
}

/// Files bigger than this cannot hold the largest model (about 13 bytes per number, and a
/// note): refused before reading them.
pub fn max_file_bytes() -> f64 {
    largest().param_count() as f64 * 20.0 + 100_000.0
}

/// The pupil-facing message for a file that cannot be loaded.
pub fn load_error_message(e: &LoadError) -> String {
    match e {
        LoadError::NotAModel(_) => text::NOT_A_MODEL.into(),
        LoadError::UnknownVersion(v) => text::unknown_version(*v),
        LoadError::Damaged(_) => text::DAMAGED.into(),
        LoadError::TooBig(n) => text::too_big_model(*n, largest().param_count()),
        LoadError::AbsurdWeights => text::ABSURD_WEIGHTS.into(),
    }
}

/// The settings a pupil finds on arrival (microgpt's size, Pokémon, one name per step).
const FIRST: Config = Config {
    vocab: 27,
    n_embd: 16,
    n_head: 4,
    n_layer: 1,
    block_size: 16,
    alphabet: Alphabet::Letters,
};
const FIRST_BATCH: usize = 1;
const FIRST_LR: f32 = 0.01;
const FIRST_STEPS: usize = 1000;

/// The run « Entraîner » starts on arrival: what the speed test times.
pub fn first_job() -> Job {
    Job {
        config: FIRST,
        data: Data::Builtin(Dataset::Pokemon),
        seed: 42,
        steps: FIRST_STEPS,
        lr: FIRST_LR,
        batch: FIRST_BATCH,
        max_seconds: None,
        test_split: true,
    }
}

/// The page's state: the settings, the run, the model on show, the history.
struct State {
    choice: UseStateHandle<DataChoice>,
    alphabet: UseStateHandle<Alphabet>,
    n_layer: UseStateHandle<usize>,
    n_head: UseStateHandle<usize>,
    n_embd: UseStateHandle<usize>,
    block: UseStateHandle<usize>,
    batch: UseStateHandle<usize>,
    lr: UseStateHandle<f32>,
    steps: UseStateHandle<usize>,
    /// How many workers a big run may use (the computer's cores by default).
    workers: UseStateHandle<usize>,
    job: Rc<RefCell<Option<JobHandle>>>,
    redraw: Rc<dyn Fn()>,
    loaded: UseStateHandle<Option<(Gpt, String)>>,
    message: UseStateHandle<Option<(bool, String)>>,
    prefix: UseStateHandle<String>,
    temperature: UseStateHandle<f32>,
    names: UseStateHandle<Vec<String>>,
    history: UseStateHandle<Vec<Finished>>,
    /// The model on show was written to a file since it last changed.
    in_file: UseStateHandle<bool>,
    reader: Rc<RefCell<Option<FileReader>>>,
    progress: ProgressHandle,
}

impl State {
    fn config(&self) -> Config {
        Config {
            n_embd: *self.n_embd,
            n_head: *self.n_head,
            n_layer: *self.n_layer,
            block_size: *self.block,
            ..Config::default()
        }
        .with_alphabet(*self.alphabet)
    }
    fn job_state(&self) -> Option<JobState> {
        self.job.borrow().as_ref().map(|j| j.state.borrow().clone())
    }
    /// The model on show: the one being trained (as far as the worker sent it), else the loaded one.
    fn current(&self) -> Option<Gpt> {
        self.job_state()
            .and_then(|s| s.model)
            .or_else(|| self.loaded.as_ref().map(|(g, _)| g.clone()))
    }
}

#[function_component]
pub fn Atelier() -> Html {
    let (job, redraw) = use_runs::<Option<JobHandle>>();
    let s = State {
        choice: use_state(|| DataChoice::Builtin(Dataset::Pokemon)),
        alphabet: use_state(|| Alphabet::Letters),
        n_layer: use_state(|| FIRST.n_layer),
        n_head: use_state(|| FIRST.n_head),
        n_embd: use_state(|| FIRST.n_embd),
        block: use_state(|| FIRST.block_size),
        batch: use_state(|| FIRST_BATCH),
        lr: use_state(|| FIRST_LR),
        steps: use_state(|| FIRST_STEPS),
        workers: use_state(crate::worker::spawn::cores),
        job,
        redraw,
        loaded: use_state(|| None::<(Gpt, String)>),
        message: use_state(|| None::<(bool, String)>),
        prefix: use_state(String::new),
        temperature: use_state(|| 0.8f32),
        names: use_state(Vec::<String>::new),
        history: use_state(Vec::<Finished>::new),
        in_file: use_state(|| false),
        reader: use_mut_ref(|| None::<FileReader>),
        progress: use_progress(),
    };
    use_history(&s);
    let busy = s.job_state().is_some_and(|j| !j.is_over());
    let current = s.current();
    crate::training::use_leave_guard(busy || (current.is_some() && !*s.in_file));
    html! {
        <main id="contenu" class="atelier">
            <h1>{ text::TITLE }</h1>
            <p>{ text::INTRO }</p>
            <details class="card guide" open=true>
                <summary>{ text::GUIDE_TITLE }</summary>
                <dl>{ for text::GUIDE.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
            </details>
            { data_panel(&s) }
            { size_panel(&s, busy) }
            { challenges_panel(&s) }
            { save_panel(&s, current.as_ref()) }
            if let Some(model) = current { { talk_panel(&s, &model) } }
            <div class="card sources">
                <h2>{ text::SOURCES_TITLE }</h2>
                <ul>{ for DATASET_SOURCES.iter().map(crate::lessons::common::source_item) }</ul>
            </div>
        </main>
    }
}

/// A run that just ended joins the history, and the challenges it meets are recorded.
#[hook]
fn use_history(s: &State) {
    let state = s.job_state();
    let ended = state
        .as_ref()
        .filter(|j| j.is_over() && j.test_loss.is_some())
        .map(|j| (j.label.clone(), j.step, j.test_loss));
    let finished = state.as_ref().and_then(|j| {
        Some(Finished {
            label: j.label.clone(),
            data: match &j.job.data {
                Data::Builtin(d) | Data::BuiltinFirst(d, _) => DataChoice::Builtin(*d),
                Data::Own(n) => DataChoice::Own(n.clone()),
            },
            params: j.job.config.param_count(),
            train_loss: mean_last(&j.losses)?,
            test_loss: j.test_loss?,
        })
    });
    let (history, progress) = (s.history.clone(), s.progress.clone());
    use_effect_with(ended, move |ended| {
        let Some(f) = finished.filter(|_| ended.is_some()) else {
            return;
        };
        let mut all = (*history).clone();
        if all.contains(&f) {
            return;
        }
        all.push(f);
        for (i, met) in challenges::met(&all).iter().enumerate() {
            if *met {
                let id = course::ids::ATELIER[i].to_string();
                progress.dispatch(Action::Change(Change::Completed(id)));
            }
        }
        history.set(all);
    });
}

fn data_panel(s: &State) -> Html {
    html! {
        <div class="card">
            <h2>{ text::DATA_TITLE }</h2>
            <DatasetPicker choice={(*s.choice).clone()} on_change={{ let c = s.choice.clone(); Callback::from(move |v| c.set(v)) }} name="atelier-data"
                offered={Dataset::ALL.to_vec()} alphabet={*s.alphabet} on_alphabet={{ let a = s.alphabet.clone(); Callback::from(move |v| a.set(v)) }} />
        </div>
    }
}

/// Starts a run with the chosen data, size and settings.
fn train(s: &State) -> Callback<MouseEvent> {
    let config = s.config();
    let (job, choice, redraw, loaded, message, names, in_file) = (
        s.job.clone(),
        s.choice.clone(),
        s.redraw.clone(),
        s.loaded.clone(),
        s.message.clone(),
        s.names.clone(),
        s.in_file.clone(),
    );
    let (lr, steps, batch, workers) = (*s.lr, *s.steps, *s.batch, *s.workers);
    Callback::from(move |_| {
        let data = match &*choice {
            DataChoice::Builtin(d) => Data::Builtin(*d),
            DataChoice::Own(n) => Data::Own(n.clone()),
        };
        let spec = Job {
            config,
            data,
            seed: 42,
            steps,
            lr,
            batch,
            max_seconds: None,
            test_split: true,
        };
        let label = text::run_label(
            config.n_layer,
            config.n_head,
            config.n_embd,
            &choice.label(),
        );
        *job.borrow_mut() = Some(JobHandle::start(spec, label, workers, redraw.clone()));
        in_file.set(false);
        loaded.set(None);
        message.set(None);
        names.set(Vec::new());
        redraw();
    })
}

fn size_panel(s: &State, busy: bool) -> Html {
    let config = s.config();
    let valid = config.validate();
    let preset = |i: usize| {
        let (l, h, e, b, bt, r) = PRESETS[i];
        let (nl, nh, ne, nb, nbt, nr) = (
            s.n_layer.clone(),
            s.n_head.clone(),
            s.n_embd.clone(),
            s.block.clone(),
            s.batch.clone(),
            s.lr.clone(),
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
    let show_usize = |v: usize| int(v as u64);
    let state = s.job_state();
    let cores = crate::worker::spawn::cores();
    html! {
        <div class="card">
            <h2>{ text::SIZE_TITLE }</h2>
            <div class="row"><span>{ text::PRESETS }</span>
                { for (0..3).map(|i| html! { <button type="button" class="btn" onclick={preset(i)} data-testid={format!("a-preset-{i}")}>{ text::PRESET_NAMES[i] }</button> }) }
            </div>
            { choice_slider(text::LAYERS, &LAYERS, *s.n_layer, show_usize, s.n_layer.clone(), "a-layers") }
            { choice_slider(text::HEADS, &HEADS, *s.n_head, show_usize, s.n_head.clone(), "a-heads") }
            { choice_slider(text::CARDS, &CARDS, *s.n_embd, show_usize, s.n_embd.clone(), "a-embd") }
            { choice_slider(text::CONTEXT, &CONTEXTS, *s.block, show_usize, s.block.clone(), "a-block") }
            { choice_slider(text::BATCH, &BATCHES, *s.batch, show_usize, s.batch.clone(), "a-batch") }
            { choice_slider(text::LR, &RATES, *s.lr, course::text::decimal, s.lr.clone(), "a-lr") }
            { choice_slider(text::STEPS, &STEPS, *s.steps, show_usize, s.steps.clone(), "a-steps") }
            if cores > 1 {
                { choice_slider(text::CORES, &CORE_CHOICES[..cores], *s.workers, show_usize, s.workers.clone(), "a-workers") }
                <p class="muted">{ text::cores_hint(cores) }</p>
            }
            if valid.is_ok() {
                <p class="param-count">{ text::PARAMS }<strong data-testid="a-params">{ int(config.param_count() as u64) }</strong></p>
            } else {
                <p class="feedback ko" role="alert">{ text::heads_dont_divide(*s.n_embd, *s.n_head) }</p>
            }
            <button type="button" class="btn primary" onclick={train(s)} disabled={valid.is_err() || busy} data-testid="a-train">{ icon(Icon::Play) }{ text::TRAIN }</button>
            { controls(&s.job, &s.redraw, state.as_ref()) }
            if let Some(j) = &state {
                <LossCurve runs={vec![Run { label: j.label.clone(), losses: j.losses.clone(), exploded: matches!(j.status, JobStatus::Diverged(_)) }]} steps={j.job.steps} show_last={false} />
                if let Some(l) = mean_last(&j.losses) { <p>{ text::train_loss(l) }</p> }
                if let Some(t) = j.test_loss { <p class="big-number" data-testid="a-test-loss">{ text::test_loss(t, j.test_names) }</p> }
            }
        </div>
    }
}

fn challenges_panel(s: &State) -> Html {
    let done = challenges::met(&s.history);
    html! {
        <div class="card">
            <h2>{ text::CHALLENGES_TITLE }</h2>
            <p>{ text::CHALLENGES_INTRO }</p>
            <ul class="challenges">
                { for text::CHALLENGES.iter().enumerate().map(|(i, (name, what))| {
                    let met = done[i] || s.progress.is_solved(course::ids::ATELIER[i]);
                    html! { <li class={classes!(met.then_some("met"))} data-challenge={(i + 1).to_string()}>
                        <strong>{ *name }</strong>{ text::challenge_line(what) }
                        <span class="pill">{ if met { text::CHALLENGE_DONE } else { text::CHALLENGE_TODO } }</span></li> }
                }) }
            </ul>
            if !s.history.is_empty() {
                <h3>{ text::HISTORY_TITLE }</h3>
                <table class="compare-table" data-testid="a-history">
                    <thead><tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_TRAIN }</th><th>{ text::COL_TEST }</th></tr></thead>
                    <tbody>{ for s.history.iter().map(|f| html! { <tr><td>{ f.label.clone() }</td><td>{ int(f.params as u64) }</td>
                        <td>{ course::text::fr(f.train_loss, 2) }</td><td>{ course::text::fr(f.test_loss, 2) }</td></tr> }) }</tbody>
                </table>
            }
        </div>
    }
}

/// Writes the model on show to a file.
fn save(s: &State, current: Option<&Gpt>) -> Callback<MouseEvent> {
    let (current, choice, message, in_file) = (
        current.cloned(),
        s.choice.clone(),
        s.message.clone(),
        s.in_file.clone(),
    );
    let steps = s.job_state().map_or(0, |j| j.step);
    Callback::from(move |_| {
        let Some(model) = &current else { return };
        let json = saved::to_json(model, &text::note(&choice.label(), steps));
        let ok = crate::files::download(text::FILE_NAME, "application/json", &json).is_ok();
        in_file.set(ok);
        message.set(Some(if ok {
            (true, text::SAVED.into())
        } else {
            (false, text::SAVE_REFUSED.into())
        }));
    })
}

/// Opens a model file: refused before reading if too big, then checked by the core.
fn open(s: &State) -> Callback<Event> {
    let (reader, loaded, message, job, redraw, in_file) = (
        s.reader.clone(),
        s.loaded.clone(),
        s.message.clone(),
        s.job.clone(),
        s.redraw.clone(),
        s.in_file.clone(),
    );
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > max_file_bytes() {
            message.set(Some((false, text::TOO_BIG.into())));
            return;
        }
        let (loaded, message, job, redraw, in_file) = (
            loaded.clone(),
            message.clone(),
            job.clone(),
            redraw.clone(),
            in_file.clone(),
        );
        let task =
            gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
                let outcome = match result {
                    Err(_) => Err(text::UNREADABLE.to_string()),
                    Ok(t) => {
                        saved::from_json_within(&t, &limits()).map_err(|e| load_error_message(&e))
                    }
                };
                match outcome {
                    Ok((gpt, note)) => {
                        drop(job.borrow_mut().take());
                        let extended = gpt.config.alphabet != Alphabet::Letters;
                        message.set(Some((
                            true,
                            text::loaded(
                                gpt.config.param_count(),
                                extended,
                                &text::short_note(&note),
                            ),
                        )));
                        loaded.set(Some((gpt, note)));
                        in_file.set(true);
                    }
                    Err(m) => message.set(Some((false, m))),
                }
                redraw();
            });
        *reader.borrow_mut() = Some(task);
    })
}

fn save_panel(s: &State, current: Option<&Gpt>) -> Html {
    html! {
        <div class="card">
            <h2>{ text::SAVE_TITLE }</h2>
            <div class="row">
                <button type="button" class="btn" onclick={save(s, current)} disabled={current.is_none()} data-testid="a-save">{ icon(Icon::Save) }{ text::SAVE }</button>
                <label class="btn">{ icon(Icon::Open) }{ text::OPEN }<input type="file" accept=".json,application/json" class="sr-only" onchange={open(s)} data-testid="a-load" /></label>
            </div>
            if let Some((ok, m)) = &*s.message {
                <p class={classes!("feedback", if *ok { "ok" } else { "ko" })} role="status" data-testid="a-message">{ m.clone() }</p>
            }
            <p class="muted">{ text::LIVES_HERE }</p>
            { take_home(notebook_of(s), current.is_some()) }
        </div>
    }
}

/// What the notebook carries: the model on show, what it learned from, its unseen names.
fn notebook_of(s: &State) -> Make {
    let (job, loaded) = (s.job.clone(), s.loaded.clone());
    Rc::new(move || {
        if let Some(j) = job.borrow().as_ref() {
            let st = j.state.borrow();
            if let (true, Some(model)) = (st.is_over(), &st.model) {
                let (train, test) = st.job.names();
                return Some((
                    model.clone(),
                    notebook_about(model, st.label.clone(), Some(st.step), train, &test),
                ));
            }
        }
        let (model, note) = loaded.as_ref()?.clone();
        let data = if note.is_empty() {
            text::FROM_FILE.to_string()
        } else {
            note
        };
        Some((
            model.clone(),
            notebook_about(&model, data, None, Vec::new(), &[]),
        ))
    })
}

fn talk_panel(s: &State, model: &Gpt) -> Html {
    let gen = {
        let (model, names, prefix, temperature) = (
            model.clone(),
            s.names.clone(),
            s.prefix.clone(),
            *s.temperature,
        );
        Callback::from(move |_| {
            let mut rng = ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
            names.set(
                (0..10)
                    .map(|_| generate(&model, &prefix, temperature, 30, &mut rng).0)
                    .collect(),
            );
        })
    };
    let demo = s.choice.demo_prefix();
    let shown = if s.prefix.is_empty() {
        demo
    } else {
        s.prefix.as_str()
    };
    html! {
        <div class="card">
            <h2>{ text::TALK_TITLE }</h2>
            { next_bars(model, shown) }
            <WordInput label={text::PREFIX} max_len={20} on_word={{ let p = s.prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder={text::PREFIX_PLACEHOLDER} testid="a-prefix" alphabet={model.config.alphabet} strict={true} />
            { temperature_slider(*s.temperature, s.temperature.clone(), "a-temp") }
            <button type="button" class="btn primary" onclick={gen} data-testid="a-generate">{ text::invent(&s.prefix) }</button>
            <ul class="chips" data-testid="a-names">{ for s.names.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul>
        </div>
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

/// The run's status in words, and pause / resume / stop.
fn status_line(s: &JobState) -> String {
    let line = text::status_line(s.step, s.job.steps, s.tokens_per_second());
    match s.status {
        JobStatus::Starting => text::STATUS_STARTING.to_string(),
        JobStatus::Running => line,
        JobStatus::Paused => format!("{} {line}", text::STATUS_PAUSED),
        JobStatus::Finished | JobStatus::TimeUp => format!("{} {line}", text::STATUS_FINISHED),
        JobStatus::Stopped => text::STATUS_STOPPED.to_string(),
        JobStatus::Diverged(step) => text::status_diverged(step),
    }
}

fn controls(
    job: &Rc<RefCell<Option<JobHandle>>>,
    redraw: &Rc<dyn Fn()>,
    state: Option<&JobState>,
) -> Html {
    let Some(s) = state else { return html! {} };
    let act = |f: fn(&JobHandle)| {
        let (job, redraw) = (job.clone(), redraw.clone());
        Callback::from(move |_| {
            if let Some(j) = job.borrow().as_ref() {
                f(j);
            }
            redraw();
        })
    };
    html! {
        <div class="row controls" role="group" aria-label={course::content::widgets::CONTROLS}>
            <span class="status" aria-live="polite" data-testid="a-status">{ status_line(s) }</span>
            if s.status == JobStatus::Running {
                <button type="button" class="btn" onclick={act(JobHandle::pause)} data-testid="a-pause">{ icon(Icon::Pause) }{ text::PAUSE }</button>
            }
            if s.status == JobStatus::Paused {
                <button type="button" class="btn" onclick={act(JobHandle::resume)} data-testid="a-resume">{ icon(Icon::Play) }{ text::RESUME }</button>
            }
            if !s.is_over() {
                <button type="button" class="btn" onclick={act(JobHandle::stop)} data-testid="a-stop">{ text::STOP }</button>
            }
            if s.workers > 1 && !s.is_over() { <span class="muted" data-testid="a-cores">{ text::working_cores(s.workers) }</span> }
            if !s.in_worker { <p class="muted">{ text::NOT_IN_WORKER }</p> }
            if let Some(n) = &s.notice { <p class="feedback" role="status" data-testid="a-notice">{ n.clone() }</p> }
            if let Some(e) = &s.error { <p class="feedback ko" role="alert">{ e.clone() }</p> }
        </div>
    }
}
