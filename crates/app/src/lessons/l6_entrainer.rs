//! Lesson 6 « Entraîner le modèle »: choose the data, predict the first loss, put the dominos
//! of back-propagation in order, train the real microgpt-size GPT live (speed, photo album,
//! comparisons), generate, train on your own list (copies or new names?), reflect, recap, and end
//! the course with a diploma that says what it certifies.

use super::common::{
    curious, distinct_count, invent_names, learned, marked_name, paragraph, reflection, sources,
    welcome,
};
use super::StepProps;
use crate::content::{
    common as shared, l6 as text, DINOSAURES_SOURCE, POKEMON_SOURCE, PRENOMS_SOURCE,
};
use crate::exercise::{Exercise, Kind, Verdict};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::route::Route;
use crate::text::{decimal, fr, int, parse_number, shown_name};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::controls::temperature_slider;
use crate::widgets::dataset_picker::{DataChoice, DatasetPicker};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::train_controls::TrainControls;
use crate::widgets::word_input::WordInput;
use minigpt::data::{shuffled, Dataset};
use minigpt::sample::probabilities_at;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, Config, Gpt, Model, Status, Tape, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
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
/// The own-list exercise: new names out of 10, from a model trained at least this many steps.
pub const OWN_NEW_NEEDED: usize = 3;
pub const OWN_MIN_STEPS: usize = 300;

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

impl GptRun {
    pub fn start(
        choice: &DataChoice,
        alphabet: Alphabet,
        steps: usize,
        lr: f32,
        on_frame: Rc<dyn Fn()>,
    ) -> Option<GptRun> {
        let names = shuffled(&choice.names(alphabet), SEED);
        let config = Config::default().with_alphabet(alphabet);
        let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(SEED)).ok()?;
        let trainer = Trainer::new(
            gpt,
            &names,
            TrainConfig {
                steps,
                lr,
                ..TrainConfig::default()
            },
        )
        .ok()?;
        let run = LabRun::new(
            text::run_label(&choice.label(), steps, &decimal(lr)),
            trainer,
            STEPS_PER_FRAME,
        );
        run.anim.borrow_mut().keep_snapshots(&[0, 50, 250, steps]);
        play(&run.anim, on_frame);
        Some(GptRun {
            steps,
            lr,
            own: matches!(choice, DataChoice::Own(_)),
            run,
            names: Rc::new(names),
            eval: Cell::new(None),
            album: Default::default(),
        })
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
        album.retain(|(s, _)| anim.snapshots.iter().any(|(t, _)| t == s));
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
            <span>{ format!("{label}\u{a0}:") }</span>
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

struct State {
    choice: UseStateHandle<DataChoice>,
    woke: UseStateHandle<bool>,
    predicted: UseStateHandle<bool>,
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
}

#[function_component]
pub fn Lesson6(props: &StepProps) -> Html {
    let progress = use_progress();
    let (runs, on_frame) = use_runs::<Vec<GptRun>>();
    crate::training::use_leave_warning(runs.borrow().iter().any(GptRun::finished));
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
        domino_order: use_state(Vec::<usize>::new),
        domino_wrong: use_state(|| None),
        fallen: use_state(|| false),
        steps: use_state(|| 1000usize),
        lr: use_state(|| 0.01f32),
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
    match props.step {
        0 => step_welcome(&s),
        1 => step_data(&s),
        2 => step_start_loss(&s, progress.is_done("l6.e1")),
        3 => step_dominos(&s, progress.is_done("l6.e2")),
        4 => step_train(&s),
        5 => step_generate(&s),
        6 => step_own(&s),
        7 => step_reflect(&s),
        8 => step_learned(),
        _ => step_end(&s),
    }
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

fn step_start_loss(s: &State, done: bool) -> Html {
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
            <Exercise id="l6.e1" number={1} on_answered={reveal} prompt={html! { <p>{ text::e1_prompt(&s.choice.label()) }</p> }} hint={text::E1_HINT}
                kind={Kind::Predict { placeholder: "par exemple 1,23", check: Callback::from(move |a: String| match parse_number(&a) {
                    Some(x) if (x - 27f32.ln()).abs() <= 0.15 => Verdict::Right(text::e1_right(measured)),
                    Some(x) => Verdict::Wrong(text::e1_wrong(x, measured)),
                    None => Verdict::NotYet(shared::WRITE_A_NUMBER.into()),
                }) }} />
            if *s.predicted || done {
                <p class="big-number card" role="status">{ text::MEASURED }<strong data-testid="initial-loss">{ fr(measured, 2) }</strong></p>
            }
        </>
    }
}

fn step_dominos(s: &State, done: bool) -> Html {
    let order = (*s.domino_order).clone();
    let complete = order.len() == text::DOMINO_STAGES.len();
    let last_wrong = s.domino_wrong.clone();
    let click = |stage: usize| {
        let (o, wrong) = (s.domino_order.clone(), last_wrong.clone());
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
    let outcome = if complete {
        Some(Ok(text::E2_RIGHT.to_string()))
    } else if let Some((clicked, expected)) = *last_wrong {
        Some(Err(text::e2_wrong(
            text::DOMINO_STAGES[clicked],
            text::DOMINO_STAGES[expected],
        )))
    } else if !order.is_empty() {
        Some(Err(text::e2_progress(
            &order
                .iter()
                .map(|&i| text::DOMINO_STAGES[i])
                .collect::<Vec<_>>(),
        )))
    } else {
        None
    };
    let fall = {
        let f = s.fallen.clone();
        move |_| f.set(!*f)
    };
    html! {
        <>
            <div class="card">{ paragraph(text::DOMINOS) }</div>
            <Exercise id="l6.e2" number={2} prompt={html! {
                <>
                    <p>{ text::E2_PROMPT }</p>
                    <div class="domino-order" role="group" aria-label="Les dominos, dans le désordre">
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
            }} hint={text::E2_HINT} kind={Kind::Task { outcome }} />
            if complete || done {
                <div class="card">
                    <button type="button" class="btn primary" onclick={fall} data-testid="dominos">{ icon(Icon::Domino) }{ if *s.fallen { text::DOMINO_RESET } else { text::DOMINO_BUTTON } }</button>
                    <div class={classes!("dominos", s.fallen.then_some("fallen"))} role="img" aria-label="Les dominos, de la loss jusqu'aux cartes\u{a0}: l'erreur les fait tomber en remontant le modèle.">
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

fn step_train(s: &State) -> Html {
    let runs = s.runs.borrow();
    let builtin: Vec<&GptRun> = runs.iter().filter(|g| !g.own).collect();
    let last = builtin.last();
    let album = last.map(|g| g.album()).unwrap_or_default();
    let curves: Vec<Run> = builtin.iter().map(|g| g.smoothed()).collect();
    let table: Vec<(String, Option<f32>, usize)> = builtin
        .iter()
        .map(|g| (g.run.label.clone(), g.eval_loss(), g.eval_count()))
        .collect();
    let speed = last.map(|g| {
        let a = g.run.anim.borrow();
        (a.tokens_per_second(), a.compute_ms, a.trainer.step())
    });
    let busy = builtin.iter().any(|g| g.run.is_playing());
    let last_model = last.filter(|g| g.finished()).map(|g| g.model());
    let controls = last.map(|g| g.run.controls(&s.on_frame));
    let max_steps = builtin.iter().map(|g| g.steps).max().unwrap_or(*s.steps);
    let finished: Vec<(&GptRun, f32)> = builtin
        .iter()
        .filter_map(|g| g.eval_loss().map(|l| (*g, l)))
        .collect();
    let distinct = finished.iter().enumerate().any(|(i, (a, _))| {
        finished[..i]
            .iter()
            .any(|(b, _)| (b.steps, b.lr) != (a.steps, a.lr))
    });
    let outcome = if distinct {
        finished
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(g, l)| Ok(text::e3_right(&g.run.label, *l)))
    } else if builtin.len() >= 2 && busy {
        Some(Err(text::E3_WAIT.to_string()))
    } else if !finished.is_empty() {
        Some(Err(text::E3_SECOND.to_string()))
    } else {
        None
    };
    let eval_header = table.first().map_or(EVAL_NAMES, |t| t.2);
    let launch = {
        let (start, c, st, l) = (
            s.start.clone(),
            s.choice.clone(),
            s.steps.clone(),
            s.lr.clone(),
        );
        move |_| {
            start.emit(((*c).clone(), Alphabet::Letters, *st, *l));
            scroll_into_view("live");
        }
    };
    let prefix = demo_prefix(&s.choice);
    drop(runs);
    html! {
        <>
            <div class="card">
                { paragraph(text::TRAIN) }
                <p>{ text::data_line(&s.choice.label()) }</p>
                { pick_row(text::STEPS_LABEL, &STEP_CHOICES, *s.steps, |v| int(v as u64), s.steps.clone(), "steps") }
                { pick_row(text::LR_LABEL, &LR_CHOICES, *s.lr, decimal, s.lr.clone(), "lr") }
                <p class="muted">{ text::LR_NOTE }</p>
                <button type="button" class="btn primary" onclick={launch} disabled={busy} data-testid="train">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
            </div>
            <div class="card" id="live" hidden={table.is_empty()}>
                <TrainControls state={controls} />
                if let Some((tps, ms, step)) = speed {
                    <p class="speed" data-testid="speed">{ icon(Icon::Bolt) }{ text::speed(tps, step, ms) }</p>
                }
                if !table.is_empty() {
                    <p class="muted">{ text::MODEL_LIVES_HERE }</p>
                    <LossCurve runs={curves} steps={max_steps} show_last={false} />
                    <table class="compare-table" data-testid="final-table">
                        <tr><th>{ text::COL_RUN }</th><th>{ text::col_final(eval_header) }</th></tr>
                        { for table.iter().map(|(l, e, _)| html! { <tr><td>{ l.clone() }</td><td data-testid="eval-loss">{ e.map_or(text::RUNNING.into(), |e| fr(e, 2)) }</td></tr> }) }
                    </table>
                }
            </div>
            if !album.is_empty() {
                <div class="card">
                    <h3>{ icon(Icon::Camera) }{ text::ALBUM }</h3>
                    <div class="album" data-testid="album">
                        { for album.iter().map(|(st, names)| html! { <div class="photo"><h4>{ text::photo_title(*st) }</h4>{ chips(names, "album-names") }</div> }) }
                    </div>
                    <p class="muted">{ text::ALBUM_NOTE }</p>
                </div>
            }
            if let Some(model) = last_model {
                <div class="card">
                    <ProbBars probs={probabilities_at(&model.next_logits(&mut Tape::new(), &Alphabet::Letters.encode_name(prefix)[..prefix.len() + 1]), 1.0)}
                        labels={Alphabet::Letters.symbols()} title={text::prefix_bars(prefix)} />
                </div>
            }
            <Exercise id="l6.e3" number={3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT} kind={Kind::Task { outcome }} />
        </>
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
    let cold = with_prefix.iter().find(|(_, t, _)| *t <= 0.5 + 1e-3);
    let hot = with_prefix.iter().find(|(_, t, _)| *t >= 1.5 - 1e-3);
    let outcome = if lists.is_empty() {
        None
    } else if prefix.is_empty() {
        Some(Err(text::E4_PREFIX.to_string()))
    } else {
        match (cold, hot) {
            (Some(c), Some(h)) => Some(Ok(text::e4_right(
                &prefix,
                distinct_count(&c.2),
                distinct_count(&h.2),
            ))),
            (None, _) => Some(Err(text::E4_COLD.to_string())),
            (_, None) => Some(Err(text::E4_HOT.to_string())),
        }
    };
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
    html! {
        <>
            <div class="card">
                { paragraph(text::GENERATE) }
                if model.is_some() {
                    <WordInput label={text::PREFIX_LABEL} max_len={10} on_word={{ let p = s.prefix.clone(); Callback::from(move |w| p.set(w)) }} placeholder="ex.\u{a0}: ma" testid="gen-prefix" strict={true} />
                    <p>{ text::prefix_chosen(&prefix) }</p>
                    { temperature_slider(*s.temperature, s.temperature.clone(), "gen-temp") }
                    <button type="button" class="btn primary" onclick={gen} data-testid="generate">{ text::INVENT }</button>
                    { for lists.iter().map(|(p, t, names)| html! { <div class="generated-list"><h4>{ text::list_title(p, *t) }</h4>{ chips(names, "generated") }</div> }) }
                } else {
                    <p>{ text::TRAIN_FIRST }</p>
                }
            </div>
            <Exercise id="l6.e4" number={4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT} kind={Kind::Task { outcome }} />
        </>
    }
}

fn step_own(s: &State) -> Html {
    let runs = s.runs.borrow();
    let own_run = runs.iter().rev().find(|g| g.own);
    let own_model = own_run
        .filter(|g| g.finished())
        .map(|g| (g.model(), g.steps));
    let own_names: Vec<String> = s
        .own_choice
        .as_ref()
        .map(|c| c.names(*s.own_alphabet))
        .unwrap_or_default();
    let controls = own_run.map(|g| g.run.controls(&s.on_frame));
    let own_running = own_run.is_some_and(|g| g.run.is_playing());
    let curve: Vec<Run> = own_run.map(|g| vec![g.smoothed()]).unwrap_or_default();
    let own_steps_run = own_run.map_or(0, |g| g.steps);
    drop(runs);
    let generated = (*s.own_generated).clone();
    let is_new = |n: &String| !n.is_empty() && !own_names.contains(n);
    let new_count = generated.iter().filter(|n| is_new(n)).count();
    let copies = generated.iter().filter(|n| own_names.contains(n)).count();
    let verdict = if generated.is_empty() {
        None
    } else if copies > new_count {
        Some(text::memorised(copies, generated.len()))
    } else {
        Some(text::inventing(new_count, generated.len()))
    };
    let outcome = if s.own_choice.is_none() {
        None
    } else if own_model.is_none() || generated.is_empty() {
        Some(Err(text::E5_TRAIN.to_string()))
    } else if own_steps_run < OWN_MIN_STEPS {
        Some(Err(text::E5_FEW_STEPS.to_string()))
    } else if new_count >= OWN_NEW_NEEDED {
        let example = generated
            .iter()
            .find(|n| is_new(n))
            .cloned()
            .unwrap_or_default();
        Some(Ok(text::e5_right(new_count, &example)))
    } else {
        Some(Err(text::e5_not_yet(new_count)))
    };
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
    let gen_own = {
        let (g, m, t) = (
            s.own_generated.clone(),
            own_model.clone(),
            s.own_temperature.clone(),
        );
        move |_| {
            if let Some((m, _)) = &m {
                g.set(invent_names(m, "", *t, 10, js_sys::Date::now() as u64))
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
            <div class="card" id="own-live">
                <TrainControls state={controls} />
                if !curve.is_empty() { <LossCurve runs={curve} steps={own_steps_run.max(1)} show_last={false} /> }
                if own_model.is_some() {
                    { temperature_slider(*s.own_temperature, s.own_temperature.clone(), "own-temp") }
                    <button type="button" class="btn primary" onclick={gen_own} data-testid="generate-own">{ text::INVENT }</button>
                    <ul class="chips marked" data-testid="own-generated">
                        { for generated.iter().map(|n| html! {
                            marked_name(n, own_names.contains(n), text::MARK_NEW, text::MARK_COPY)
                        }) }
                    </ul>
                    if let Some(v) = verdict { <p class="verdict" role="status" data-testid="own-verdict">{ v }</p> }
                }
            </div>
            <Exercise id="l6.e5" number={5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT} kind={Kind::Task { outcome }} />
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

fn step_learned() -> Html {
    html! {
        <>
            { reflection(shared::REFLECTION, text::REFLECTION, text::QUESTION) }
            { learned(text::LEARNED, Some(text::NEXT), None) }
        </>
    }
}

fn step_end(s: &State) -> Html {
    html! { <Ending name={s.diploma_name.clone()} /> }
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
    let total = crate::content::all_exercises().count();
    let solved = progress.solved(crate::content::all_exercises());
    let missed = progress.missed(crate::content::all_exercises());
    let trained = progress.is_solved("l6.e3");
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
                <ol>{ for text::COURSE.iter().map(|(l, d)| html! { <li><strong>{ *l }</strong>{ format!("\u{a0}: {d}") }</li> }) }</ol>
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
                        if missed > 0 { <p class="small">{ text::diploma_missed(missed) }</p> }
                        <p class="muted">{ format!("Tuto LLM — {today}") }</p>
                    </div>
                    <p class="muted">{ text::DIPLOMA_CERTIFIES }</p>
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
