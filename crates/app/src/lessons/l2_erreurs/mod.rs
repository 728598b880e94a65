//! Lesson 2 « Apprendre de ses erreurs »: the loss as surprise, random and zero weights,
//! gradient descent, the learning rate, and the learned table next to the counted one.

use course::rules::l2::{self as rules, LEARNING_RATES};

use super::common::{curious, paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::training::{self, play, use_runs};
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::loss_slider::LossSlider;
use crate::widgets::train_controls::TrainControls;
use course::content::{l2 as text, POKEMON_SOURCE};
use course::ids;
use course::text::fr;
use minigpt::bigram::BigramCounts;
use minigpt::data::TEACHING_SET;
use minigpt::optim::OptimizerKind;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, BigramTable, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;

const GOOD_LR_INDEX: usize = 5;
pub const TRAIN_STEPS: usize = 100;
/// A run "learns well" when its final loss goes below this (the counted table reaches ≈ 1,72).
pub const GOOD_LOSS: f32 = 2.2;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "loss", title: text::S_LOSS, exercises: &[ids::L2_E1, ids::L2_E2], view: step_loss },
    Step { key: "hasard", title: text::S_RANDOM, exercises: &[ids::L2_E3], view: step_random },
    Step { key: "pas", title: text::S_TRAIN, exercises: &[], view: step_train },
    Step { key: "taux", title: text::S_RATE, exercises: &[ids::L2_E4], view: step_learning_rate },
    Step { key: "compare", title: text::S_COMPARE, exercises: &[ids::L2_E5, ids::L2_E6], view: step_compare },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

type LabRun = training::LabRun<BigramTable>;

fn learned_well(run: &LabRun) -> bool {
    run.status() == Status::Finished && run.final_loss().is_some_and(|l| l < GOOD_LOSS)
}

/// The run a pupil starts first (the good learning rate): what the speed test times.
pub fn first_run() -> LabRun {
    new_run(LEARNING_RATES[GOOD_LR_INDEX])
}

/// Every run starts from all weights at zero: the true "at random", loss 3,30.
fn new_run(lr: f32) -> LabRun {
    let model = BigramTable::new(L, 0.0, &mut ChaCha8Rng::seed_from_u64(2));
    let cfg = TrainConfig {
        steps: TRAIN_STEPS,
        lr,
        optimizer: OptimizerKind::Sgd,
        lr_decay: false,
        batch_size: TEACHING_SET.len(),
        test_split: false,
    };
    let trainer =
        Trainer::new(model, &TEACHING_SET, cfg).expect("20 names and a positive learning rate");
    LabRun::new(text::run_label(lr), trainer, 2)
}

fn probability_rows(model: &BigramTable) -> Vec<Vec<f32>> {
    (0..L.size()).map(|r| model.probabilities(r)).collect()
}

pub struct State {
    p: UseStateHandle<f32>,
    /// 0 = all weights at zero, else the seed of random weights.
    weights_seed: UseStateHandle<u64>,
    /// « Tous les poids à zéro » was tried (exercise 3 needs both kinds of weights seen).
    tried_zero: UseStateHandle<bool>,
    runs: Rc<RefCell<Vec<LabRun>>>,
    on_frame: Rc<dyn Fn()>,
    lr_index: UseStateHandle<usize>,
    invented: UseStateHandle<Vec<Invented>>,
    p_compare: UseStateHandle<f32>,
    /// Exercise 5 answered here, or before: the names invented by the learned table show.
    compared: UseStateHandle<bool>,
    e5_settled: bool,
    start_run: Callback<f32>,
}

impl State {
    fn curves(&self) -> Vec<Run> {
        self.runs.borrow().iter().map(LabRun::curve).collect()
    }

    /// The best run that learned well, if any.
    fn best(&self) -> Option<BigramTable> {
        self.runs
            .borrow()
            .iter()
            .filter(|r| learned_well(r))
            .min_by(|a, b| {
                a.final_loss()
                    .unwrap_or(f32::INFINITY)
                    .total_cmp(&b.final_loss().unwrap_or(f32::INFINITY))
            })
            .map(|r| r.anim.borrow().trainer.model().clone())
    }

    fn controls(&self) -> Html {
        html! { <TrainControls state={self.runs.borrow().last().map(|r| r.controls(&self.on_frame))} /> }
    }
}

#[function_component]
pub fn Lesson2(props: &StepProps) -> Html {
    let progress = use_progress();
    let (runs, on_frame) = use_runs::<Vec<LabRun>>();
    let start_run = {
        let (runs, on_frame) = (runs.clone(), on_frame.clone());
        Callback::from(move |lr: f32| {
            let run = new_run(lr);
            play(&run.anim, on_frame.clone());
            let mut list = runs.borrow_mut();
            list.push(run);
            if list.len() > 6 {
                list.remove(0);
            }
            drop(list);
            on_frame();
        })
    };
    let s = State {
        p: use_state(|| 0.2f32),
        weights_seed: use_state(|| 1u64),
        tried_zero: use_state(|| false),
        runs,
        on_frame,
        lr_index: use_state(|| GOOD_LR_INDEX),
        invented: use_state(Vec::<Invented>::new),
        p_compare: use_state(|| 0.5f32),
        compared: use_state(|| false),
        e5_settled: progress.is_settled(ids::L2_E5),
        start_run,
    };
    (pick(STEPS, props.step).view)(&s)
}

fn step_welcome(_: &State) -> Html {
    html! {
        <>
            <div class="card">
                <p>{ text::BASKET }</p>
                <p>{ text::BASKET_CLICK }</p>
                <BasketDemo />
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_loss(s: &State) -> Html {
    let on_change = {
        let state = s.p.clone();
        Callback::from(move |v| state.set(v))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::LOSS) }
                <LossSlider p={*s.p} on_change={on_change} />
                <p>{ text::LOSS_NOTE }</p>
                { curious(text::LOSS_CURIOUS) }
            </div>
            <Exercise id={ids::L2_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { check: Callback::from(|a: String| rules::loss_at_half(&a)) }} />
            <Exercise id={ids::L2_E2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { check: Callback::from(|a: String| rules::smallest_under_a_tenth(&a)) }} />
        </>
    }
}

fn step_random(s: &State) -> Html {
    let seed = *s.weights_seed;
    let zero = seed == 0;
    let model = BigramTable::new(
        L,
        if zero { 0.0 } else { 1.0 },
        &mut ChaCha8Rng::seed_from_u64(seed),
    );
    let loss = eval_loss(&model, &TEACHING_SET).unwrap_or(0.0);
    let reroll = {
        let s = s.weights_seed.clone();
        move |_| s.set(if *s == 0 { 1 } else { *s + 1 })
    };
    let to_zero = {
        let (s, tried) = (s.weights_seed.clone(), s.tried_zero.clone());
        move |_| {
            s.set(0);
            tried.set(true);
        }
    };
    let tried_zero = *s.tried_zero;
    html! {
        <>
            <div class="card">
                { paragraph(text::WEIGHTS) }
                <div class="row">
                    <button type="button" class="btn" onclick={reroll} data-testid="random-weights">{ icon(Icon::Dice) }{ text::RANDOM_BUTTON }</button>
                    <button type="button" class="btn" onclick={to_zero} data-testid="zero-weights">{ text::ZERO_BUTTON }</button>
                </div>
                // The result of a click sits right under the buttons, in view.
                <p class="big-number" aria-live="polite">{ text::loss_on_names(zero) }<strong data-testid="random-loss">{ fr(loss, 2) }</strong></p>
                <Heatmap name="random" values={probability_rows(&model)} labels={L.symbols()} scale={Scale::Probabilities}
                    title={text::RANDOM_TITLE} description={text::RANDOM_DESC} />
                { paragraph(text::RANDOM) }
            </div>
            <Exercise id={ids::L2_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Choice { options: text::E3_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::zero_beats_random(i, tried_zero)) }} />
        </>
    }
}

fn step_train(s: &State) -> Html {
    let launch = {
        let start = s.start_run.clone();
        move |_| start.emit(LEARNING_RATES[GOOD_LR_INDEX])
    };
    html! {
        <div class="card">
            { paragraph(text::STEP) }
            <button type="button" class="btn primary" onclick={launch} data-testid="train">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
            { s.controls() }
            <LossCurve runs={s.curves()} steps={TRAIN_STEPS} />
            <p>{ text::TRAIN_NOTE }</p>
            { curious(text::STEP_CURIOUS) }
        </div>
    }
}

fn step_learning_rate(s: &State) -> Html {
    let oninput = {
        let i = s.lr_index.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = el.value().parse::<usize>() {
                i.set(v.min(LEARNING_RATES.len() - 1));
            }
        })
    };
    let launch = {
        let (start, i) = (s.start_run.clone(), s.lr_index.clone());
        move |_| start.emit(LEARNING_RATES[*i])
    };
    let clear = {
        let (runs, redraw) = (s.runs.clone(), s.on_frame.clone());
        move |_| {
            runs.borrow_mut().clear();
            redraw();
        }
    };
    let (exploded, good) = {
        let r = s.runs.borrow();
        (r.iter().any(LabRun::exploded), r.iter().any(learned_well))
    };
    let lr = LEARNING_RATES[*s.lr_index];
    html! {
        <>
            <div class="card">
                { paragraph(text::LR) }
                <label class="slider-row">{ course::content::widgets::label_colon(text::LR_LABEL) }<strong data-testid="lr-value">{ text::lr_text(lr) }</strong>
                    <input type="range" min="0" max={(LEARNING_RATES.len() - 1).to_string()} step="1" value={s.lr_index.to_string()} oninput={oninput}
                        aria-label={text::LR_LABEL} aria-valuetext={text::lr_text(lr)} data-testid="lr-slider" />
                </label>
                <div class="row">
                    <button type="button" class="btn primary" onclick={launch} data-testid="train-lr">{ icon(Icon::Play) }{ text::LR_TRAIN }</button>
                    <button type="button" class="btn" onclick={clear}>{ text::LR_CLEAR }</button>
                </div>
                { s.controls() }
                <LossCurve runs={s.curves()} steps={TRAIN_STEPS} />
            </div>
            <Exercise id={ids::L2_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Task { verdict: rules::rates_found(exploded, good) }} />
        </>
    }
}

fn step_compare(s: &State) -> Html {
    let counted = BigramCounts::from_names(L, &TEACHING_SET).probability_table(0.0);
    let launch = {
        let start = s.start_run.clone();
        move |_| start.emit(LEARNING_RATES[GOOD_LR_INDEX])
    };
    let learned = s.best().map(|m| probability_rows(&m));
    let shown = learned.is_some();
    let (a, r) = (L.encode_char('a').unwrap(), L.encode_char('r').unwrap());
    let p_ar = learned.as_ref().map(|rows| rows[a][r]);
    let on_invent = {
        let inv = s.invented.clone();
        Callback::from(move |v| inv.set(v))
    };
    let on_p = {
        let p = s.p_compare.clone();
        Callback::from(move |v| p.set(v))
    };
    let compared = {
        let c = s.compared.clone();
        Callback::from(move |_| c.set(true))
    };
    let running = s.runs.borrow().iter().any(|r| r.is_playing());
    let names_open = *s.compared || s.e5_settled;
    html! {
        <>
            <div class="card">
                { paragraph(text::COMPARE) }
                if let Some(learned) = learned.clone() {
                    <div class="side-by-side">
                        <Heatmap name="learned" values={learned} labels={L.symbols()} scale={Scale::Probabilities} title={text::LEARNED_TITLE} description={text::LEARNED_DESC} />
                        <Heatmap name="counted" values={counted} labels={L.symbols()} scale={Scale::Probabilities} title={text::COUNTED_TITLE} description={text::COUNTED_DESC} />
                    </div>
                } else {
                    <p>{ text::NEED_MODEL }</p>
                    <button type="button" class="btn primary" onclick={launch} disabled={running} data-testid="train-compare">{ icon(Icon::Play) }{ text::TRAIN_NOW }</button>
                    { s.controls() }
                }
            </div>
            <Exercise id={ids::L2_E5} on_answered={compared} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Choice { options: text::E5_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::tables_alike(i, shown)) }} />
            if let Some(learned) = learned {
                <div class="card">
                    <h4>{ text::GENERATE_TITLE }</h4>
                    if names_open {
                        <Generator table={Rc::new(learned)} invented={(*s.invented).clone()} on_invent={on_invent} />
                        <p>{ text::GENERATE_NOTE }</p>
                    } else {
                        <p class="muted">{ text::E5_FIRST }</p>
                    }
                    <LossSlider p={*s.p_compare} on_change={on_p} testid="p-slider-compare" />
                </div>
            }
            <Exercise id={ids::L2_E6} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::surprise_r_after_a(p_ar, &a)) }} />
        </>
    }
}

fn step_recap(_: &State) -> Html {
    recap(
        &text::META,
        text::REFLECTION,
        text::QUESTION,
        text::LEARNED,
        text::LIMIT,
        3,
        &[POKEMON_SOURCE],
    )
}

/// The basketball analogy as a one-click demo: each throw corrects half of the last miss.
#[function_component]
fn BasketDemo() -> Html {
    let throws = use_state(Vec::<f32>::new);
    let throw = {
        let t = throws.clone();
        move |_| {
            let mut v = (*t).clone();
            let last = v.last().copied().unwrap_or(60.0);
            v.push(if v.is_empty() { last } else { last * 0.5 });
            t.set(v);
        }
    };
    html! {
        <div class="basket">
            <button type="button" class="btn primary" onclick={throw} data-testid="first-click">{ icon(Icon::Ball) }{ text::BASKET_BUTTON }</button>
            <svg viewBox="0 0 300 80" role="img" aria-label={text::basket_label(&throws)}>
                <title>{ text::BASKET_PICTURE }</title>
                <circle cx="150" cy="40" r="14" class="hoop" />
                { for throws.iter().enumerate().map(|(i, x)| html! {
                    <circle cx={(150.0 + x).to_string()} cy="40" r="6" class="ball" opacity={(0.3 + 0.7 * (i + 1) as f32 / throws.len() as f32).to_string()} />
                }) }
            </svg>
            if let Some(x) = throws.last() {
                <p aria-live="polite">{ if *x < 2.0 { text::BASKET_SCORE.to_string() } else { text::basket_miss(*x) } }</p>
            }
        </div>
    }
}
