//! Lesson 2 « Apprendre de ses erreurs »: the loss as surprise, random and zero weights,
//! gradient descent, the learning rate, and the learned table next to the counted one.

use super::common::{curious, paragraph, recap, welcome};
use super::StepProps;
use crate::content::{common as shared, l2 as text, POKEMON_SOURCE};
use crate::exercise::{Exercise, Kind, Verdict};
use crate::icons::{icon, Icon};
use crate::text::{fr, parse_number};
use crate::training::{self, play, use_runs};
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::widgets::loss_slider::{loss_of, LossSlider};
use crate::widgets::train_controls::TrainControls;
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

/// Learning rates the slider offers (plain gradient descent on the 20 names, full batch).
pub const LEARNING_RATES: [f32; 11] = [
    0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0,
];
const GOOD_LR_INDEX: usize = 5;
pub const STEPS: usize = 100;
/// A run "learns well" when its final loss goes below this (the counted table reaches ≈ 1,72).
pub const GOOD_LOSS: f32 = 2.2;

type LabRun = training::LabRun<BigramTable>;

fn learned_well(run: &LabRun) -> bool {
    run.status() == Status::Finished && run.final_loss().is_some_and(|l| l < GOOD_LOSS)
}

/// Every run starts from all weights at zero: the true "at random", loss 3,30.
fn new_run(lr: f32) -> LabRun {
    let model = BigramTable::new(L, 0.0, &mut ChaCha8Rng::seed_from_u64(2));
    let cfg = TrainConfig {
        steps: STEPS,
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

struct State {
    p: UseStateHandle<f32>,
    /// 0 = all weights at zero, else the seed of random weights.
    weights_seed: UseStateHandle<u64>,
    runs: Rc<RefCell<Vec<LabRun>>>,
    on_frame: Rc<dyn Fn()>,
    lr_index: UseStateHandle<usize>,
    invented: UseStateHandle<Vec<Invented>>,
    p_compare: UseStateHandle<f32>,
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
}

#[function_component]
pub fn Lesson2(props: &StepProps) -> Html {
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
        runs,
        on_frame,
        lr_index: use_state(|| GOOD_LR_INDEX),
        invented: use_state(Vec::<Invented>::new),
        p_compare: use_state(|| 0.5f32),
        start_run,
    };
    match props.step {
        0 => step_welcome(),
        1 => step_loss(&s),
        2 => step_random(&s),
        3 => step_train(&s),
        4 => step_learning_rate(&s),
        5 => step_compare(&s),
        _ => recap(
            text::REFLECTION,
            text::QUESTION,
            text::LEARNED,
            text::LIMIT,
            3,
            &[POKEMON_SOURCE],
        ),
    }
}

fn step_welcome() -> Html {
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
    let p = *s.p;
    let on_change = {
        let state = s.p.clone();
        Callback::from(move |v| state.set(v))
    };
    let outcome = if p < 0.995 && loss_of(p) < 0.1 {
        Some(Ok(text::e2_right(p, loss_of(p))))
    } else if p >= 0.995 {
        Some(Err(text::E2_PERFECT.to_string()))
    } else {
        None
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::LOSS) }
                <LossSlider p={p} on_change={on_change} />
                <p>{ text::LOSS_NOTE }</p>
                { curious(text::LOSS_CURIOUS) }
            </div>
            <Exercise id="l2.e1" number={1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { placeholder: "par exemple 1,23", check: Callback::from(|a: String| match parse_number(&a) {
                    Some(x) if (x - 0.69).abs() <= 0.02 => Ok(text::E1_RIGHT.into()),
                    Some(_) => Err(text::E1_WRONG.into()),
                    None => Err(shared::WRITE_A_NUMBER.into()),
                }) }} />
            <Exercise id="l2.e2" number={2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Task { outcome }} />
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
        let s = s.weights_seed.clone();
        move |_| s.set(0)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::WEIGHTS) }
                <div class="row">
                    <button type="button" class="btn" onclick={reroll} data-testid="random-weights">{ icon(Icon::Dice) }{ text::RANDOM_BUTTON }</button>
                    <button type="button" class="btn" onclick={to_zero} data-testid="zero-weights">{ text::ZERO_BUTTON }</button>
                </div>
                <Heatmap name="random" values={probability_rows(&model)} labels={L.symbols()} scale={Scale::Probabilities}
                    title={text::RANDOM_TITLE} description={text::RANDOM_DESC} />
                <p class="big-number" aria-live="polite">{ text::loss_on_names(zero) }<strong data-testid="random-loss">{ fr(loss, 2) }</strong></p>
                { paragraph(text::RANDOM) }
            </div>
            <Exercise id="l2.e3" number={3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Answer { placeholder: "par exemple 1,23", check: Callback::from(move |a: String| {
                    if !zero { return Err(text::E3_NOT_YET.into()) }
                    match parse_number(&a) {
                        Some(x) if (x - 27f32.ln()).abs() <= 0.015 => Ok(text::E3_RIGHT.into()),
                        Some(_) => Err(text::E3_WRONG.into()),
                        None => Err(shared::WRITE_A_NUMBER.into()),
                    }
                }) }} />
        </>
    }
}

fn step_train(s: &State) -> Html {
    let controls = s.runs.borrow().last().map(|r| r.controls(&s.on_frame));
    let launch = {
        let start = s.start_run.clone();
        move |_| start.emit(LEARNING_RATES[GOOD_LR_INDEX])
    };
    html! {
        <div class="card">
            { paragraph(text::STEP) }
            <button type="button" class="btn primary" onclick={launch} data-testid="train">{ icon(Icon::Play) }{ text::TRAIN_BUTTON }</button>
            <TrainControls state={controls} />
            <LossCurve runs={s.curves()} steps={STEPS} />
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
    let outcome = match (exploded, good) {
        (true, true) => Some(Ok(text::E4_BOTH.to_string())),
        (true, false) => Some(Err(text::E4_EXPLODED.to_string())),
        (false, true) => Some(Err(text::E4_GOOD.to_string())),
        (false, false) => None,
    };
    let lr = LEARNING_RATES[*s.lr_index];
    html! {
        <>
            <div class="card">
                { paragraph(text::LR) }
                <label class="slider-row">{ format!("{}\u{a0}: ", text::LR_LABEL) }<strong data-testid="lr-value">{ text::lr_text(lr) }</strong>
                    <input type="range" min="0" max={(LEARNING_RATES.len() - 1).to_string()} step="1" value={s.lr_index.to_string()} oninput={oninput}
                        aria-label={text::LR_LABEL} aria-valuetext={text::lr_text(lr)} data-testid="lr-slider" />
                </label>
                <div class="row">
                    <button type="button" class="btn primary" onclick={launch} data-testid="train-lr">{ icon(Icon::Play) }{ text::LR_TRAIN }</button>
                    <button type="button" class="btn" onclick={clear}>{ text::LR_CLEAR }</button>
                </div>
                <TrainControls state={s.runs.borrow().last().map(|r| r.controls(&s.on_frame))} />
                <LossCurve runs={s.curves()} steps={STEPS} />
            </div>
            <Exercise id="l2.e4" number={4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Task { outcome }} />
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
    let running = s.runs.borrow().iter().any(|r| r.is_playing());
    html! {
        <>
            <div class="card">
                { paragraph(text::COMPARE) }
                if let Some(learned) = learned.clone() {
                    <div class="side-by-side">
                        <Heatmap name="learned" values={learned.clone()} labels={L.symbols()} scale={Scale::Probabilities} title={text::LEARNED_TITLE} description={text::LEARNED_DESC} />
                        <Heatmap name="counted" values={counted} labels={L.symbols()} scale={Scale::Probabilities} title={text::COUNTED_TITLE} description={text::COUNTED_DESC} />
                    </div>
                    <h4>{ text::GENERATE_TITLE }</h4>
                    <Generator table={Rc::new(learned)} invented={(*s.invented).clone()} on_invent={on_invent} />
                    <p>{ text::GENERATE_NOTE }</p>
                } else {
                    <p>{ text::NEED_MODEL }</p>
                    <button type="button" class="btn primary" onclick={launch} disabled={running} data-testid="train-compare">{ icon(Icon::Play) }{ text::TRAIN_NOW }</button>
                    <TrainControls state={s.runs.borrow().last().map(|r| r.controls(&s.on_frame))} />
                }
            </div>
            <Exercise id="l2.e5" number={5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Choice { options: text::E5_CHOICES.iter().map(|s| s.to_string()).collect(), check: Callback::from(move |i: usize| {
                    if !shown { Verdict::NotYet(text::E5_NOT_YET.into()) }
                    else if i == text::E5_RIGHT_INDEX { Verdict::Right(text::E5_RIGHT.into()) }
                    else { Verdict::Wrong(text::E5_WRONG.into()) }
                }) }} />
            if shown {
                <div class="card">
                    <LossSlider p={*s.p_compare} on_change={on_p} testid="p-slider-compare" />
                </div>
            }
            <Exercise id="l2.e6" number={6} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT}
                kind={Kind::Answer { placeholder: "par exemple 1,23", check: Callback::from(move |answer: String| {
                    let Some(p) = p_ar else { return Err(text::E5_NOT_YET.into()) };
                    match parse_number(&answer) {
                        Some(x) if (x - loss_of(p)).abs() <= 0.08 => Ok(text::e6_right(p, loss_of(p))),
                        Some(_) => Err(text::e6_wrong(p)),
                        None => Err(shared::WRITE_A_NUMBER.into()),
                    }
                }) }} />
        </>
    }
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
            <svg viewBox="0 0 300 80" role="img" aria-label={format!("{} lancers. Écart au panier\u{a0}: {}", throws.len(), throws.iter().map(|x| format!("{x:.0} cm")).collect::<Vec<_>>().join(", "))}>
                <title>{ "Chaque lancer corrige l'erreur du précédent" }</title>
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
