//! Lesson 6 « Entraîner le modèle »: choose the data, predict the first loss, put the dominos
//! of back-propagation in order, train the real microgpt-size GPT live (speed, photo album,
//! comparisons), generate, train on your own list (copies, new or odd names?), reflect, recap,
//! and end the course with a diploma that says what it certifies. The exercises' rules are in
//! `rules`.

use course::rules::l6 as rules;

use super::common::{
    curious, explain, invent_names, learned, mark_chip, paragraph, reflection, sources, welcome,
};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::route::Route;
use crate::training::saved::{self, SavedRun};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::controls::temperature_slider;
use crate::widgets::dataset_picker::DatasetPicker;
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::take_home::{about as notebook_about, take_home, Make, Ready};
use crate::widgets::train_controls::TrainControls;
use crate::widgets::word_input::WordInput;
use course::content::common::shown_name;
use course::content::{
    common as shared, l6 as text, DINOSAURES_SOURCE, POKEMON_SOURCE, PRENOMS_SOURCE,
};
use course::dataset::DataChoice;
use course::ids;
use course::text::{decimal, fr, int};
use minigpt::bigram::BigramCounts;
use minigpt::data::{shuffled, Dataset};
use minigpt::sample::probabilities_at;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, Config, Gpt, Model, Status, Tape, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rules::{Finished, Mark};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::Link;

pub const STEP_CHOICES: [usize; 3] = [300, 1000, 3000];
pub const OWN_STEP_CHOICES: [usize; 3] = [100, 300, 1000];
pub const LR_CHOICES: [f32; 4] = [0.003, 0.01, 0.03, 0.1];
/// At most this many steps per frame, so even a fast run is seen learning (~1 s for 1000 steps).
pub const STEPS_PER_FRAME: usize = 20;
/// Estimated training compute of GPT-4 (Epoch AI, 2023; not published by OpenAI).
pub const GPT4_FLOP: f64 = 2e25;
const SEED: u64 = 42;
pub const EVAL_NAMES: usize = 1023;
/// Exercise 4's lists: cold at most this, hot at least that.
const COLD: f32 = 0.5;
const HOT: f32 = 1.5;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "donnees", title: text::S_DATA, exercises: &[], view: step_data },
    Step { key: "loss-depart", title: text::S_START_LOSS, exercises: &[ids::L6_E1], view: step_start_loss },
    Step { key: "dominos", title: text::S_DOMINOS, exercises: &[ids::L6_E2], view: step_dominos },
    Step { key: "entrainement", title: text::S_TRAIN, exercises: &[ids::L6_E3], view: step_train },
    Step { key: "generer", title: text::S_GENERATE, exercises: &[ids::L6_E4], view: step_generate },
    Step { key: "ta-liste", title: text::S_OWN, exercises: &[ids::L6_E5], view: step_own },
    Step { key: "reflechir", title: text::S_REFLECT, exercises: &[], view: step_reflect },
    Step { key: "bilan", title: text::S_LEARNED, exercises: &[], view: step_learned },
    Step { key: "fin", title: text::S_END, exercises: &[], view: step_end },
];

pub struct GptRun {
    pub steps: usize,
    pub lr: f32,
    pub own: bool,
    pub run: LabRun<Gpt>,
    pub names: Rc<Vec<String>>,
    eval: Cell<Option<f32>>,
    /// Names invented by each snapshot of the album, drawn once.
    album: RefCell<Vec<(usize, Vec<String>)>>,
}

/// What a finished run of this lesson keeps besides its model: how to train it again, and
/// its album (the model at each photo is not kept, only the names it invented).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KeptRun {
    choice: KeptChoice,
    alphabet: Alphabet,
    steps: usize,
    lr: f32,
    album: Vec<(usize, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum KeptChoice {
    Builtin(Dataset),
    Own(Vec<String>),
}

/// The run a pupil starts first (the Pokémon, 1,000 steps, 0,01): what the speed test times.
pub fn first_run() -> Option<LabRun<Gpt>> {
    let choice = DataChoice::Builtin(Dataset::Pokemon);
    let names = shuffled(&choice.names(Alphabet::Letters), SEED);
    let trainer = GptRun::trainer(&names, Alphabet::Letters, FIRST_STEPS, FIRST_LR)?;
    let label = text::run_label(&choice.label(), FIRST_STEPS, &decimal(FIRST_LR));
    Some(LabRun::new(label, trainer, STEPS_PER_FRAME))
}
const FIRST_STEPS: usize = 1000;
const FIRST_LR: f32 = 0.01;

impl GptRun {
    fn trainer(
        names: &[String],
        alphabet: Alphabet,
        steps: usize,
        lr: f32,
    ) -> Option<Trainer<Gpt>> {
        let config = Config::default().with_alphabet(alphabet);
        let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(SEED)).ok()?;
        Trainer::new(
            gpt,
            names,
            TrainConfig {
                steps,
                lr,
                ..TrainConfig::default()
            },
        )
        .ok()
    }

    fn with(
        choice: &DataChoice,
        names: Vec<String>,
        steps: usize,
        lr: f32,
        run: LabRun<Gpt>,
    ) -> GptRun {
        GptRun {
            steps,
            lr,
            own: matches!(choice, DataChoice::Own(_)),
            run,
            names: Rc::new(names),
            eval: Cell::new(None),
            album: Default::default(),
        }
    }

    pub fn start(
        choice: &DataChoice,
        alphabet: Alphabet,
        steps: usize,
        lr: f32,
        on_frame: Rc<dyn Fn()>,
    ) -> Option<GptRun> {
        let names = shuffled(&choice.names(alphabet), SEED);
        let trainer = Self::trainer(&names, alphabet, steps, lr)?;
        let run = LabRun::new(
            text::run_label(&choice.label(), steps, &decimal(lr)),
            trainer,
            STEPS_PER_FRAME,
        );
        run.anim.borrow_mut().keep_snapshots(&[0, 50, 250, steps]);
        play(&run.anim, on_frame);
        Some(Self::with(choice, names, steps, lr, run))
    }

    /// This run as the browser keeps it (once finished).
    fn kept(&self) -> Option<SavedRun<KeptRun>> {
        let choice = if self.own {
            KeptChoice::Own(self.names.to_vec())
        } else {
            KeptChoice::Builtin(self.builtin()?)
        };
        let extra = KeptRun {
            choice,
            alphabet: self.run.anim.borrow().trainer.model().config.alphabet,
            steps: self.steps,
            lr: self.lr,
            album: self.album(),
        };
        SavedRun::of(&self.run, extra)
    }

    /// The built-in list this run learned, found by its size (the lesson offers three).
    fn builtin(&self) -> Option<Dataset> {
        Dataset::ALL
            .into_iter()
            .find(|d| d.names().len() == self.names.len())
    }

    /// A run kept by the browser, back as a finished run.
    fn restore(kept: SavedRun<KeptRun>) -> Option<GptRun> {
        let k = kept.extra.clone();
        let choice = match k.choice {
            KeptChoice::Builtin(d) => DataChoice::Builtin(d),
            KeptChoice::Own(names) => DataChoice::Own(names),
        };
        let names = shuffled(&choice.names(k.alphabet), SEED);
        let run = kept.restore(
            Self::trainer(&names, k.alphabet, k.steps, k.lr)?,
            STEPS_PER_FRAME,
        )?;
        let g = Self::with(&choice, names, k.steps, k.lr, run);
        *g.album.borrow_mut() = k.album;
        Some(g)
    }
    pub fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    pub fn model(&self) -> Gpt {
        self.run.anim.borrow().trainer.model().clone()
    }
    pub fn eval_count(&self) -> usize {
        self.names.len().min(EVAL_NAMES)
    }
    /// Mean loss per letter over the first names of the list, computed once at the end.
    pub fn eval_loss(&self) -> Option<f32> {
        if !self.finished() {
            return None;
        }
        if self.eval.get().is_none() {
            self.eval
                .set(eval_loss(&self.model(), &self.names[..self.eval_count()]));
        }
        self.eval.get()
    }
    /// The photo album: names invented at each kept step (drawn once per snapshot).
    pub fn album(&self) -> Vec<(usize, Vec<String>)> {
        let anim = self.run.anim.borrow();
        let mut album = self.album.borrow_mut();
        // A run restarted forgets its old photos (a run restored from the browser has only them).
        if !anim.snapshots.is_empty() {
            album.retain(|(s, _)| anim.snapshots.iter().any(|(t, _)| t == s));
        }
        for (step, model) in &anim.snapshots {
            if !album.iter().any(|(s, _)| s == step) {
                album.push((*step, invent_names(model, "", 0.8, 5, 7)));
            }
        }
        album.sort_by_key(|(s, _)| *s);
        album.clone()
    }
    /// The loss curve, smoothed over the last 50 names (one name per step is noisy).
    pub fn smoothed(&self) -> Run {
        let raw = self.run.losses();
        let mut out = Vec::with_capacity(raw.len());
        let mut sum = 0.0;
        for (i, l) in raw.iter().enumerate() {
            sum += l;
            if i >= 50 {
                sum -= raw[i - 50];
            }
            out.push(sum / (i + 1).min(50) as f32);
        }
        Run {
            label: self.run.label.clone(),
            losses: out,
            exploded: self.run.exploded(),
        }
    }
}

fn chips(names: &[String], testid: &'static str) -> Html {
    html! { <ul class="chips" data-testid={testid}>{ for names.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul> }
}

fn pick_row<T: Copy + PartialEq + 'static>(
    label: &str,
    choices: &'static [T],
    value: T,
    show: fn(T) -> String,
    set: UseStateHandle<T>,
    testid: &'static str,
) -> Html {
    html! {
        <div class="row" role="radiogroup" aria-label={label.to_string()}>
            <span>{ course::content::widgets::label_colon(label) }</span>
            { for choices.iter().enumerate().map(|(i, &c)| {
                let s = set.clone();
                html! { <button type="button" role="radio" aria-checked={(c == value).to_string()} class={classes!("btn", (c == value).then_some("primary"))}
                    data-testid={format!("{testid}-{i}")} onclick={move |_| s.set(c)}>{ show(c) }</button> }
            }) }
        </div>
    }
}

/// A beginning that fits the chosen data, for the bars after training.
fn demo_prefix(choice: &DataChoice) -> &'static str {
    match choice {
        DataChoice::Builtin(Dataset::Prenoms) => "mar",
        DataChoice::Builtin(Dataset::Dinosaures) => "tyr",
        DataChoice::Builtin(Dataset::Mots) => "mai",
        _ => "pik",
    }
}

/// Brings a freshly started run's results into view (a click must show what it produced),
/// once the page has drawn them.
fn scroll_into_view(id: &'static str) {
    gloo::timers::callback::Timeout::new(80, move || {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            options.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    })
    .forget();
}

pub struct State {
    choice: UseStateHandle<DataChoice>,
    woke: UseStateHandle<bool>,
    /// Exercise 1 answered here, or before: the measured loss shows.
    predicted: UseStateHandle<bool>,
    e1_settled: bool,
    e2_settled: bool,
    domino_order: UseStateHandle<Vec<usize>>,
    /// The last wrong domino clicked, and the one that was expected.
    domino_wrong: UseStateHandle<Option<(usize, usize)>>,
    fallen: UseStateHandle<bool>,
    steps: UseStateHandle<usize>,
    lr: UseStateHandle<f32>,
    runs: Rc<RefCell<Vec<GptRun>>>,
    on_frame: Rc<dyn Fn()>,
    prefix: UseStateHandle<String>,
    temperature: UseStateHandle<f32>,
    /// Lists generated at step 6: (prefix, temperature, names).
    generated: UseStateHandle<Vec<(String, f32, Vec<String>)>>,
    own_choice: UseStateHandle<Option<DataChoice>>,
    own_alphabet: UseStateHandle<Alphabet>,
    own_steps: UseStateHandle<usize>,
    own_temperature: UseStateHandle<f32>,
    own_generated: UseStateHandle<Vec<String>>,
    diploma_name: UseStateHandle<String>,
    start: Callback<(DataChoice, Alphabet, usize, f32)>,
}

impl State {
    fn latest(&self, own: bool) -> Option<Gpt> {
        self.runs
            .borrow()
            .iter()
            .rev()
            .find(|r| r.finished() && r.own == own)
            .map(GptRun::model)
    }
    fn best_speed(&self) -> f64 {
        self.runs
            .borrow()
            .iter()
            .map(|r| r.run.anim.borrow().tokens_per_second())
            .fold(0.0f64, f64::max)
    }
    /// Trains on the chosen data with the chosen settings (and shows the run).
    fn train_now(&self) -> Callback<MouseEvent> {
        let (start, c, st, l) = (
            self.start.clone(),
            self.choice.clone(),
            self.steps.clone(),
            self.lr.clone(),
        );
        Callback::from(move |_| {
            start.emit(((*c).clone(), Alphabet::Letters, *st, *l));
            scroll_into_view("live");
        })
    }
}

#[function_component]
pub fn Lesson6(props: &StepProps) -> Html {
    let progress = use_progress();
    let (runs, on_frame) = use_runs::<Vec<GptRun>>();
    // Leaving during a run asks first; finished runs are kept by the browser.
    crate::training::use_leave_guard(runs.borrow().iter().any(|r| r.run.is_playing()));
    use_kept_runs(&runs, &on_frame, &progress.pupil);
    let start = {
        let (runs, on_frame) = (runs.clone(), on_frame.clone());
        Callback::from(
            move |(data, alphabet, steps, lr): (DataChoice, Alphabet, usize, f32)| {
                if let Some(run) = GptRun::start(&data, alphabet, steps, lr, on_frame.clone()) {
                    let mut list = runs.borrow_mut();
                    list.push(run);
                    if list.len() > 6 {
                        list.remove(0);
                    }
                }
                on_frame();
            },
        )
    };
    let s = State {
        choice: use_state(|| DataChoice::Builtin(Dataset::Pokemon)),
        woke: use_state(|| false),
        predicted: use_state(|| false),
        e1_settled: progress.is_settled(ids::L6_E1),
        e2_settled: progress.is_settled(ids::L6_E2),
        domino_order: use_state(Vec::<usize>::new),
        domino_wrong: use_state(|| None),
        fallen: use_state(|| false),
        steps: use_state(|| FIRST_STEPS),
        lr: use_state(|| FIRST_LR),
        runs,
        on_frame,
        prefix: use_state(String::new),
        temperature: use_state(|| 0.8f32),
        generated: use_state(Vec::new),
        own_choice: use_state(|| None::<DataChoice>),
        own_alphabet: use_state(|| Alphabet::Letters),
        own_steps: use_state(|| 1000usize),
        own_temperature: use_state(|| 0.8f32),
        own_generated: use_state(Vec::<String>::new),
        diploma_name: use_state(String::new),
        start,
    };
    (pick(STEPS, props.step).view)(&s)
}

/// Runs trained before a reload come back; each newly finished run is kept.
#[hook]
fn use_kept_runs(runs: &Rc<RefCell<Vec<GptRun>>>, redraw: &Rc<dyn Fn()>, pupil: &str) {
    {
        let (runs, redraw, pupil) = (runs.clone(), redraw.clone(), pupil.to_string());
        use_effect_with((), move |_| {
            if runs.borrow().is_empty() {
                if let Some(kept) = saved::load::<Vec<SavedRun<KeptRun>>>(&pupil, 6) {
                    *runs.borrow_mut() = kept.into_iter().filter_map(GptRun::restore).collect();
                    redraw();
                }
            }
        });
    }
    let finished = runs.borrow().iter().filter(|r| r.finished()).count();
    let (runs, pupil) = (runs.clone(), pupil.to_string());
    use_effect_with(finished, move |&n| {
        if n > 0 {
            let kept: Vec<SavedRun<KeptRun>> =
                runs.borrow().iter().filter_map(GptRun::kept).collect();
            saved::save(&pupil, 6, &kept);
        }
    });
}

fn step_welcome(s: &State) -> Html {
    let wake = {
        let w = s.woke.clone();
        move |_| w.set(true)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::WAKE) }
                <button type="button" class="btn primary" onclick={wake} data-testid="first-click">{ icon(Icon::Alarm) }{ text::WAKE_BUTTON }</button>
                if *s.woke { <p role="status">{ text::hello(Config::default().param_count()) }</p> }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_data(s: &State) -> Html {
    html! {
        <div class="card">
            { paragraph(text::DATA) }
            <DatasetPicker choice={(*s.choice).clone()} on_change={{ let c = s.choice.clone(); Callback::from(move |v| c.set(v)) }} name="l6-data" />
        </div>
    }
}

fn step_start_loss(s: &State) -> Html {
    let untrained =
        Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(SEED)).expect("default config");
    let names: Vec<String> = s
        .choice
        .names(Alphabet::Letters)
        .into_iter()
        .take(300)
        .collect();
    let measured = eval_loss(&untrained, &names).unwrap_or(0.0);
    let reveal = {
        let p = s.predicted.clone();
        Callback::from(move |_| p.set(true))
    };
    html! {
        <>
            <div class="card">{ paragraph(text::START_LOSS) }</div>
            <Exercise id={ids::L6_E1} on_answered={reveal} prompt={html! { <p>{ text::e1_prompt(&s.choice.label()) }</p> }} hint={text::E1_HINT}
                kind={Kind::Predict { placeholder: text::A_DECIMAL, check: Callback::from(move |a: String| rules::start_loss(measured, &a)) }} />
            if *s.predicted || s.e1_settled {
                <p class="big-number card" role="status">{ text::MEASURED }<strong data-testid="initial-loss">{ fr(measured, 2) }</strong></p>
            }
        </>
    }
}

fn step_dominos(s: &State) -> Html {
    let order = (*s.domino_order).clone();
    let complete = order.len() == text::DOMINO_STAGES.len();
    let click = |stage: usize| {
        let (o, wrong) = (s.domino_order.clone(), s.domino_wrong.clone());
        Callback::from(move |_| {
            let mut v = (*o).clone();
            if v.len() == text::DOMINO_STAGES.len() || v.contains(&stage) {
                return;
            }
            if stage == v.len() {
                v.push(stage);
                wrong.set(None);
            } else {
                wrong.set(Some((stage, v.len())));
                v.clear();
            }
            o.set(v);
        })
    };
    let fall = {
        let f = s.fallen.clone();
        move |_| f.set(!*f)
    };
    html! {
        <>
            <div class="card">{ paragraph(text::DOMINOS) }</div>
            <Exercise id={ids::L6_E2} prompt={html! {
                <>
                    <p>{ text::E2_PROMPT }</p>
                    <div class="domino-order" role="group" aria-label={text::DOMINOS_SHUFFLED}>
                        { for text::DOMINO_SHOWN.iter().map(|&i| {
                            let placed = order.iter().position(|&x| x == i);
                            html! { <button type="button" class={classes!("btn", "domino-choice", placed.is_some().then_some("placed"))} data-stage={i.to_string()}
                                disabled={placed.is_some()} onclick={click(i)}>
                                if let Some(p) = placed { <span class="domino-rank">{ format!("{}", p + 1) }</span> }
                                { text::DOMINO_STAGES[i] }
                            </button> }
                        }) }
                    </div>
                </>
            }} hint={text::E2_HINT} kind={Kind::Task { verdict: rules::dominos(&order, *s.domino_wrong) }} />
            if complete || s.e2_settled {
                <div class="card">
                    <button type="button" class="btn primary" onclick={fall} data-testid="dominos">{ icon(Icon::Domino) }{ if *s.fallen { text::DOMINO_RESET } else { text::DOMINO_BUTTON } }</button>
                    <div class={classes!("dominos", s.fallen.then_some("fallen"))} role="img" aria-label={text::DOMINOS_PICTURE}>
                        { for text::DOMINO_STAGES.iter().enumerate().map(|(i, st)| html! {
                            <div class="domino" style={format!("transition-delay:{}ms", i * 150)}>{ *st }</div>
                        }) }
                    </div>
                    if *s.fallen { <p role="status">{ text::DOMINO_FALLEN }</p> }
                </div>
            }
        </>
    }
}

/// The runs of step 5 (the built-in data), as exercise 3 and the table see them.
fn builtin_runs(s: &State) -> (Vec<Finished>, bool) {
    let runs = s.runs.borrow();
    let finished = runs
        .iter()
        .filter(|g| !g.own)
        .filter_map(|g| {
            Some(Finished {
                label: g.run.label.clone(),
                steps: g.steps,
                lr: g.lr,
                loss: g.eval_loss()?,
            })
        })
        .collect();
    let busy = runs.iter().any(|g| !g.own && g.run.is_playing());
    (finished, busy)
}

fn step_train(s: &State) -> Html {
    let (finished, busy) = builtin_runs(s);
    let compared = rules::compared_runs(&finished);
    let labels: Vec<String> = compared.iter().map(|r| r.label.clone()).collect();
    html! {
        <>
            // On the projector, the settings and « Entraîner » come first (the teacher tells the text).
            <div class="card train-card">
                { paragraph(text::TRAIN) }
                <p>{ text::data_line(&s.choice.label()) }</p>
                <div class="train-settings">
                    { pick_row(text::STEPS_LABEL, &STEP_CHOICES, *s.steps, |v| int(v as u64), s.steps.clone(), "steps") }
                    { pick_row(text::LR_LABEL, &LR_CHOICES, *s.lr, decimal, s.lr.clone(), "lr") }
                    <button type="button" class="btn primary" onclick={s.train_now()} disabled={busy} data-testid="train">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
                </div>
                <p class="muted">{ text::LR_NOTE }</p>
            </div>
            { live_panel(s) }
            { album_panel(s) }
            { bars_panel(s) }
            <Exercise id={ids::L6_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Choice { options: labels, check: Callback::from(move |i| rules::best_run(i, &compared, busy)) }} />
        </>
    }
}

/// A run's final loss, « a explosé » if it diverged, « en cours… » while it trains.
fn final_cell(g: &GptRun) -> String {
    match (g.eval_loss(), g.run.status()) {
        (Some(e), _) => fr(e, 2),
        (None, Status::Diverged { .. }) => text::EXPLODED.to_string(),
        (None, _) => text::RUNNING.to_string(),
    }
}

/// The runs of step 5: controls, speed, curves and the table of final losses.
fn live_panel(s: &State) -> Html {
    let runs = s.runs.borrow();
    let builtin: Vec<&GptRun> = runs.iter().filter(|g| !g.own).collect();
    let last = builtin.last();
    let curves: Vec<Run> = builtin.iter().map(|g| g.smoothed()).collect();
    let table: Vec<(String, String, usize)> = builtin
        .iter()
        .map(|g| (g.run.label.clone(), final_cell(g), g.eval_count()))
        .collect();
    let speed = last.map(|g| {
        let a = g.run.anim.borrow();
        (a.tokens_per_second(), a.compute_ms, a.trainer.step())
    });
    let controls = last.map(|g| g.run.controls(&s.on_frame));
    let max_steps = builtin.iter().map(|g| g.steps).max().unwrap_or(*s.steps);
    let eval_header = table.first().map_or(EVAL_NAMES, |t| t.2);
    html! {
        <div class="card" id="live" hidden={table.is_empty()}>
            <TrainControls state={controls} />
            if let Some((tps, ms, step)) = speed {
                <p class="speed" data-testid="speed">{ icon(Icon::Bolt) }{ text::speed(tps, step, ms) }</p>
            }
            if !table.is_empty() {
                <p class="muted">{ text::MODEL_LIVES_HERE }</p>
                <LossCurve runs={curves} steps={max_steps} show_last={false} />
                <table class="compare-table" data-testid="final-table">
                    <thead><tr><th>{ text::COL_RUN }</th><th>{ text::col_final(eval_header) }</th></tr></thead>
                    <tbody>{ for table.iter().map(|(l, e, _)| html! { <tr><td>{ l.clone() }</td><td data-testid="eval-loss">{ e.clone() }</td></tr> }) }</tbody>
                </table>
            }
        </div>
    }
}

/// The photo album of the last run: names invented at a few steps.
fn album_panel(s: &State) -> Html {
    let album = s
        .runs
        .borrow()
        .iter()
        .rev()
        .find(|g| !g.own)
        .map(|g| g.album())
        .unwrap_or_default();
    if album.is_empty() {
        return html! {};
    }
    html! {
        <div class="card">
            <h3>{ icon(Icon::Camera) }{ text::ALBUM }</h3>
            <div class="album" data-testid="album">
                { for album.iter().map(|(st, names)| html! { <div class="photo"><h4>{ text::photo_title(*st) }</h4>{ chips(names, "album-names") }</div> }) }
            </div>
            <p class="muted">{ text::ALBUM_NOTE }</p>
        </div>
    }
}

/// What the last trained model predicts after a beginning that suits the data.
fn bars_panel(s: &State) -> Html {
    let model = s
        .runs
        .borrow()
        .iter()
        .rev()
        .find(|g| !g.own)
        .filter(|g| g.finished())
        .map(GptRun::model);
    let Some(model) = model else { return html! {} };
    let prefix = demo_prefix(&s.choice);
    let ids = Alphabet::Letters.encode_name(prefix);
    let probs = probabilities_at(
        &model.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
        1.0,
    );
    html! {
        <div class="card">
            <ProbBars probs={probs} labels={Alphabet::Letters.symbols()} title={text::prefix_bars(prefix)} />
        </div>
    }
}

fn step_generate(s: &State) -> Html {
    let model = s.latest(false);
    let prefix = (*s.prefix).clone();
    let lists = (*s.generated).clone();
    let with_prefix: Vec<&(String, f32, Vec<String>)> = lists
        .iter()
        .filter(|(p, _, _)| !p.is_empty() && *p == prefix)
        .collect();
    let cold = with_prefix
        .iter()
        .find(|(_, t, _)| *t <= COLD + 1e-3)
        .map(|l| l.2.clone());
    let hot = with_prefix
        .iter()
        .find(|(_, t, _)| *t >= HOT - 1e-3)
        .map(|l| l.2.clone());
    let pairs = Rc::new(BigramCounts::from_names(
        Alphabet::Letters,
        &s.choice.names(Alphabet::Letters),
    ));
    let gen = {
        let (g, m, p, t) = (
            s.generated.clone(),
            model.clone(),
            s.prefix.clone(),
            s.temperature.clone(),
        );
        move |_| {
            if let Some(m) = &m {
                let mut all = (*g).clone();
                all.insert(
                    0,
                    (
                        (*p).clone(),
                        *t,
                        invent_names(m, &p, *t, 10, js_sys::Date::now() as u64),
                    ),
                );
                all.truncate(4);
                g.set(all);
            }
        }
    };
    let check = {
        let pairs = pairs.clone();
        Callback::from(move |i| {
            let both = cold.as_deref().zip(hot.as_deref());
            rules::odder_list(i, &prefix, both, &pairs)
        })
    };
    let odd_mark = |n: &String| match n.is_empty() {
        true => None,
        false if course::rules::well_formed(n, &pairs) => Some(("new", text::MARK_TYPICAL)),
        false => Some(("odd", text::MARK_ODD)),
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::GENERATE) }
                if model.is_some() {
                    <WordInput label={text::PREFIX_LABEL} max_len={10} on_word={{ let p = s.prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder={text::PREFIX_PLACEHOLDER} testid="gen-prefix" strict={true} />
                    <p>{ text::prefix_chosen(&s.prefix) }</p>
                    { temperature_slider(*s.temperature, s.temperature.clone(), "gen-temp") }
                    <button type="button" class="btn primary" onclick={gen} data-testid="generate">{ text::INVENT }</button>
                    { for lists.iter().map(|(p, t, names)| html! { <div class="generated-list"><h4>{ text::list_title(p, *t) }</h4>
                        <ul class="chips marked" data-testid="generated">{ for names.iter().map(|n| mark_chip(n, odd_mark(n))) }</ul></div> }) }
                } else {
                    <p>{ text::TRAIN_FIRST }</p>
                    <button type="button" class="btn primary" onclick={s.train_now()} data-testid="train-generate">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
                    { live_panel(s) }
                }
            </div>
            <Exercise id={ids::L6_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Choice { options: text::E4_CHOICES.iter().map(|s| s.to_string()).collect(), check }} />
        </>
    }
}

/// The pupil's list, its run, and the names it invented (each marked).
fn own_panel(s: &State, list: &[String]) -> Html {
    let runs = s.runs.borrow();
    let own_run = runs.iter().rev().find(|g| g.own);
    let own_model = own_run.filter(|g| g.finished()).map(|g| g.model());
    let controls = own_run.map(|g| g.run.controls(&s.on_frame));
    let curve: Vec<Run> = own_run.map(|g| vec![g.smoothed()]).unwrap_or_default();
    let own_steps_run = own_run.map_or(0, |g| g.steps);
    drop(runs);
    let generated = (*s.own_generated).clone();
    let pairs = BigramCounts::from_names(rules::alphabet_of(list), list);
    let marks: Vec<Mark> = generated
        .iter()
        .map(|n| rules::mark(n, list, &pairs))
        .collect();
    let count = |m: Mark| marks.iter().filter(|&&x| x == m).count();
    let verdict = (!generated.is_empty()).then(|| {
        let (copies, new, odd) = (count(Mark::Copy), count(Mark::New), count(Mark::Odd));
        if copies > new && copies >= odd {
            text::memorised(copies, generated.len())
        } else if odd > new {
            text::babbling(odd, generated.len())
        } else {
            text::inventing(new, generated.len())
        }
    });
    let gen_own = {
        let (g, m, t) = (
            s.own_generated.clone(),
            own_model.clone(),
            s.own_temperature.clone(),
        );
        move |_| {
            if let Some(m) = &m {
                g.set(invent_names(m, "", *t, 10, js_sys::Date::now() as u64))
            }
        }
    };
    let chip = |(n, m): (&String, &Mark)| {
        let mark = match m {
            Mark::Nothing => None,
            Mark::Copy => Some(("copy", text::MARK_COPY)),
            Mark::New => Some(("new", text::MARK_NEW)),
            Mark::Odd => Some(("odd", text::MARK_ODD)),
        };
        mark_chip(n, mark)
    };
    html! {
        <div class="card" id="own-live">
            <TrainControls state={controls} />
            if !curve.is_empty() { <LossCurve runs={curve} steps={own_steps_run.max(1)} show_last={false} /> }
            if own_model.is_some() {
                { temperature_slider(*s.own_temperature, s.own_temperature.clone(), "own-temp") }
                <button type="button" class="btn primary" onclick={gen_own} data-testid="generate-own">{ text::INVENT }</button>
                <ul class="chips marked" data-testid="own-generated">{ for generated.iter().zip(&marks).map(chip) }</ul>
                if let Some(v) = verdict { <p class="verdict" role="status" data-testid="own-verdict">{ v }</p> }
            }
        </div>
    }
}

fn step_own(s: &State) -> Html {
    let list: Option<Vec<String>> = s.own_choice.as_ref().map(|c| c.names(*s.own_alphabet));
    let (own_running, trained_steps) = {
        let runs = s.runs.borrow();
        let own_run = runs.iter().rev().find(|g| g.own);
        (
            own_run.is_some_and(|g| g.run.is_playing()),
            own_run.filter(|g| g.finished()).map(|g| g.steps),
        )
    };
    let verdict = rules::own_list(list.as_deref(), trained_steps, &s.own_generated);
    let train_own = {
        let (start, oc, alphabet, steps, g) = (
            s.start.clone(),
            s.own_choice.clone(),
            s.own_alphabet.clone(),
            s.own_steps.clone(),
            s.own_generated.clone(),
        );
        move |_| {
            if let Some(c) = &*oc {
                g.set(Vec::new());
                start.emit((c.clone(), *alphabet, *steps, 0.01));
                scroll_into_view("own-live");
            }
        }
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::OWN) }
                <DatasetPicker choice={(*s.own_choice).clone().unwrap_or(DataChoice::Own(vec![]))} offered={Vec::<Dataset>::new()} name="l6-own"
                    alphabet={*s.own_alphabet} on_alphabet={{ let a = s.own_alphabet.clone(); Callback::from(move |v| a.set(v)) }}
                    on_change={{ let c = s.own_choice.clone(); Callback::from(move |v| c.set(Some(v))) }} />
                { pick_row(text::OWN_STEPS, &OWN_STEP_CHOICES, *s.own_steps, |v| int(v as u64), s.own_steps.clone(), "own-steps") }
                <button type="button" class="btn primary" onclick={train_own} disabled={s.own_choice.is_none() || own_running} data-testid="train-own">{ icon(Icon::Play) }{ text::own_train(*s.own_steps) }</button>
            </div>
            { own_panel(s, list.as_deref().unwrap_or_default()) }
            <Exercise id={ids::L6_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT} kind={Kind::Task { verdict }} />
        </>
    }
}

fn step_reflect(s: &State) -> Html {
    let speed = s.best_speed();
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
                { curious(text::CALCULATOR_CURIOUS) }
                <p class="question"><strong>{ shared::DISCUSS }</strong>{ " " }{ text::ENERGY_QUESTION }</p>
            </div>
        </>
    }
}

fn step_learned(_: &State) -> Html {
    html! {
        <>
            { reflection(shared::REFLECTION, text::REFLECTION, text::QUESTION) }
            { explain(&text::META) }
            { learned(text::LEARNED, Some(text::NEXT), None) }
        </>
    }
}

fn step_end(s: &State) -> Html {
    let trained = s.runs.borrow().iter().any(GptRun::finished);
    let training = s.runs.borrow().iter().any(|r| r.run.is_playing());
    html! {
        <>
            <Ending name={s.diploma_name.clone()} />
            if trained {
                <div class="card">{ take_home(last_model(s), Ready::of(true, training)) }</div>
            }
        </>
    }
}

/// The notebook of the last model trained in this lesson: its names, its steps.
fn last_model(s: &State) -> Make {
    let runs = s.runs.clone();
    Rc::new(move || {
        let runs = runs.borrow();
        let run = runs.iter().rev().find(|r| r.finished())?;
        let anim = run.run.anim.borrow();
        let model = anim.trainer.model().clone();
        let names = run.names.to_vec();
        let about = notebook_about(
            &model,
            run.run.label.clone(),
            Some(anim.trainer.step()),
            names.clone(),
            &names,
        );
        Some((model, about))
    })
}

#[derive(Properties, PartialEq)]
struct EndingProps {
    name: UseStateHandle<String>,
}

/// The end of the course: the six lessons in one list, and the diploma (only for exercises
/// actually succeeded, and saying so).
#[function_component]
fn Ending(props: &EndingProps) -> Html {
    let progress = use_progress();
    let total = course::content::all_exercises().count();
    let solved = progress.solved(course::content::all_exercises());
    let done = progress.done(course::content::all_exercises());
    let trained = progress.outcome(ids::L6_E3).is_some();
    let on_name = {
        let n = props.name.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            n.set(el.value().chars().take(40).collect());
        })
    };
    let today = js_sys::Date::new_0()
        .to_locale_date_string("fr-FR", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default();
    html! {
        <>
            <div class="card">
                <h3>{ text::COURSE_TITLE }</h3>
                <ol>{ for text::COURSE.iter().map(|(l, d)| html! { <li><strong>{ *l }</strong>{ text::course_line(d) }</li> }) }</ol>
            </div>
            <div class="card">
                if solved == 0 {
                    <p class="feedback todo" data-testid="diploma-empty">{ text::DIPLOMA_EMPTY }</p>
                } else {
                    <label class="slider-row name-field">{ text::DIPLOMA_NAME }{ " " }<input type="text" oninput={on_name} maxlength="40" data-testid="diploma-name" /></label>
                    <div class="certificate" data-testid="certificate">
                        <p class="medal">{ icon(Icon::Medal) }</p>
                        <h2>{ text::DIPLOMA_TITLE }</h2>
                        <p>{ text::DIPLOMA_TO }</p>
                        <p class="who">{ if props.name.is_empty() { "…".to_string() } else { (*props.name).clone() } }</p>
                        <p>{ text::diploma_body(solved, total, trained) }</p>
                        if done > 0 { <p class="small">{ text::diploma_done(done) }</p> }
                        <p class="muted">{ text::diploma_date(&today) }</p>
                    </div>
                    <p class="muted">{ text::DIPLOMA_CERTIFIES }{ " " }{ shared::WHAT_SOLVED_MEANS }</p>
                    <button type="button" class="btn primary" onclick={|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }} data-testid="print-diploma">{ icon(Icon::Print) }{ text::PRINT }</button>
                }
                <p><Link<Route> to={Route::Progress}>{ text::PROGRESS_LINK }</Link<Route>></p>
                <p><Link<Route> to={Route::Lesson { n: 7 }}>{ text::BONUS_LINK }</Link<Route>></p>
                <p><Link<Route> to={Route::Atelier}>{ text::ATELIER_LINK }</Link<Route>></p>
            </div>
            { sources(&[POKEMON_SOURCE, PRENOMS_SOURCE, DINOSAURES_SOURCE, text::GPT4_SOURCE]) }
        </>
    }
}
