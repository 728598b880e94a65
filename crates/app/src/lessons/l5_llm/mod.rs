//! Lesson 5 « Mon premier LLM »: the architecture with real numbers for ".pik", the parameter
//! count, an untrained model's gibberish, temperature, and a Pokémon of the pupil's own.
//!
//! What the pupil did lives in one reducer (`course::lessons::l5`); the model trained briefly
//! for steps 5-6 is started by an effect when the pupil reaches them, and the tables the steps
//! read (the untrained model's trace, the Pokémon's marks) are memos: drawing computes nothing
//! big.

mod plan;

use course::lessons::l5::{Action, State, COLD, NETWORK_BLOCK};
use course::rules::l5 as rules;
use course::rules::marks::Marker;
use course::rules::Verdict;

use super::common::{
    as_task, curious, distinct_count, invent_names, marked_name, marks_rule, paragraph, recap,
    welcome, wrong_try,
};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::{use_progress, ProgressHandle};
use crate::training::{play, pokemon_gpt_run, use_runs, LabRun};
use crate::widgets::architecture::ArchitectureDiagram;
use crate::widgets::controls::{choice_input, temperature_input};
use crate::widgets::prob_bars::{ranked, ProbBars};
use crate::widgets::word_input::WordInput;
use course::content::common::shown_name;
use course::content::{l5 as text, POKEMON_SOURCE};
use course::ids;
use course::text::int;
use minigpt::data::Dataset;
use minigpt::sample::probabilities_at;
use minigpt::{Alphabet, Config, Gpt, Model, Status, Tape, Trace};
use plan::{block_detail, lit_neurons};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::rc::Rc;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;
const TRAIN_STEPS: usize = 1000;
const EMBD_CHOICES: [usize; 6] = [8, 16, 24, 32, 48, 64];
const HEAD_CHOICES: [usize; 3] = [1, 2, 4];
/// Up to 6: the pupil checks exercise 2's prediction (6 layers) once it is made.
const LAYER_CHOICES: [usize; 6] = [1, 2, 3, 4, 5, 6];
/// The first step that needs the briefly trained model (0-based): the temperature.
const TRAINED_FROM: usize = 4;

#[rustfmt::skip]
pub const STEPS: &[Step<Ctx>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "plan", title: text::S_DIAGRAM, exercises: &[ids::L5_E1], view: step_diagram },
    Step { key: "parametres", title: text::S_PARAMS, exercises: &[ids::L5_E2, ids::L5_E3], view: step_params },
    Step { key: "pas-entraine", title: text::S_UNTRAINED, exercises: &[], view: step_untrained },
    Step { key: "temperature", title: text::S_TEMPERATURE, exercises: &[ids::L5_E4, ids::L5_E5], view: step_temperature },
    Step { key: "ton-pokemon", title: text::S_CREATE, exercises: &[ids::L5_E6], view: step_create },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

/// The page's state for Yew: `course::lessons::l5::State` and its actions.
pub type Page = super::page::Page<State>;

/// What a step draws from: the page's state, and what was computed once for it.
pub struct Ctx {
    page: UseReducerHandle<Page>,
    progress: ProgressHandle,
    /// The untrained model's trace of « .pik » and the names it invents.
    trace: Rc<Trace>,
    gibberish: Rc<Vec<String>>,
    /// The briefly trained model once its training is over, else the step it is at.
    trained: Result<Rc<Gpt>, usize>,
    pokemon: Rc<Marker>,
}

impl Ctx {
    fn s(&self) -> &State {
        &self.page.0
    }
    fn send(&self, action: Action) -> impl Fn() {
        let page = self.page.dispatcher();
        move || page.dispatch(action.clone())
    }
}

/// The probabilities after a prefix (".bul" → letters after "bul").
fn next_probs(model: &Gpt, prefix: &str, temperature: f32) -> Vec<f32> {
    let ids = L.encode_name(prefix);
    probabilities_at(
        &model.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
        temperature,
    )
}

/// The GPT trained briefly when the pupil reaches step 5 (the speed test times it too).
pub fn first_run() -> LabRun<Gpt> {
    pokemon_gpt_run(TRAIN_STEPS, 5)
}

#[function_component]
pub fn Lesson5(props: &StepProps) -> Html {
    let progress = use_progress();
    let page = use_reducer(Page::default);
    let (run, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    let trace = use_memo((), |_| {
        let untrained =
            Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(5)).expect("default config");
        let trace = untrained.trace(&L.encode_name("pik")[..4]);
        (
            Rc::new(trace),
            Rc::new(invent_names(&untrained, "", 1.0, 8, 11)),
        )
    });
    let pokemon = use_memo((), |_| Marker::new(L, &Dataset::Pokemon.names()));
    // Trained on arrival at the temperature step, in an effect: never while drawing.
    {
        let (run, on_frame) = (run.clone(), on_frame.clone());
        use_effect_with(props.step >= TRAINED_FROM, move |&needed| {
            if needed && run.borrow().is_none() {
                let started = first_run();
                play(&started.anim, on_frame.clone());
                *run.borrow_mut() = Some(started);
                on_frame();
            }
        });
    }
    let (over, step) = run.borrow().as_ref().map_or((false, 0), |r| {
        (
            r.status() == Status::Finished,
            r.anim.borrow().trainer.step(),
        )
    });
    let model = {
        let run = run.clone();
        use_memo(over, move |&over| {
            over.then(|| {
                let run = run.borrow();
                let model = run
                    .as_ref()
                    .map(|r| r.anim.borrow().trainer.model().clone());
                model.map(Rc::new)
            })
            .flatten()
        })
    };
    let ctx = Ctx {
        page,
        progress,
        trace: trace.0.clone(),
        gibberish: trace.1.clone(),
        trained: (*model).clone().ok_or(step),
        pokemon,
    };
    (pick(STEPS, props.step).view)(&ctx)
}

fn step_welcome(c: &Ctx) -> Html {
    let show = c.send(Action::ShowPieces);
    html! {
        <>
            <div class="card">
                { paragraph(text::LEGO) }
                <button type="button" class="btn primary" onclick={move |_| show()} data-testid="first-click">{ icon(Icon::Bricks) }{ text::LEGO_BUTTON }</button>
                if c.s().pieces_shown {
                    <ul class="chips" role="status">{ for text::BLOCKS.iter().map(|(n, _)| html! { <li class="chip">{ *n }</li> }) }</ul>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_diagram(c: &Ctx) -> Html {
    let t = &*c.trace;
    let b = c.s().block;
    let lit = lit_neurons(t);
    let total = t.mlp_hidden[0][t.tokens.len() - 1].len();
    let opened = c.s().opened_network;
    let on_select = {
        let page = c.page.dispatcher();
        Callback::from(move |i| page.dispatch(Action::OpenBlock(i)))
    };
    debug_assert!(NETWORK_BLOCK < text::BLOCKS.len());
    html! {
        <>
            <div class="card">
                { paragraph(text::DIAGRAM) }
                <div class="two-cols">
                    <ArchitectureDiagram selected={b} on_select={on_select} />
                    <div class="block-detail" aria-live="polite" data-testid="block-detail">
                        <h3>{ text::BLOCKS[b].0 }</h3>
                        <p>{ text::BLOCKS[b].1 }</p>
                        { block_detail(t, b) }
                    </div>
                </div>
            </div>
            <Exercise id={ids::L5_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::neurons_off(lit, total, opened, &a)) }} />
        </>
    }
}

/// The sliders, « Compter les paramètres » and the count: only the model counted shows, until
/// exercise 3 is over (then the count follows the sliders).
fn size_panel(c: &Ctx) -> Html {
    let s = c.s();
    let send = |f: fn(usize) -> Action| {
        let page = c.page.dispatcher();
        Callback::from(move |v| page.dispatch(f(v)))
    };
    let live = c.progress.is_settled(ids::L5_E3);
    let count = {
        let (page, progress, size, counted) =
            (c.page.dispatcher(), c.progress.clone(), s.size, s.counted);
        Callback::from(move |_| {
            // Counting the same model again is no new try.
            if counted != Some(size) && matches!(rules::params_in_range(&size), Verdict::Wrong(_)) {
                wrong_try(&progress, ids::L5_E3);
            }
            page.dispatch(Action::Count);
        })
    };
    let shown = if live { Some(s.size) } else { s.counted };
    let show_int = |n: usize| int(n as u64);
    html! {
        <>
            { choice_input(text::SIZE_LABEL, &EMBD_CHOICES, s.size.n_embd, show_int, send(Action::CardSize), "embd-slider") }
            { choice_input(text::HEADS_LABEL, &HEAD_CHOICES, s.size.n_head, show_int, send(Action::Heads), "head-slider") }
            { choice_input(text::LAYERS_LABEL, &LAYER_CHOICES, s.size.n_layer, show_int, send(Action::Layers), "layer-slider") }
            if !s.size.n_embd.is_multiple_of(s.size.n_head) {
                <p class="feedback ko">{ text::heads_dont_divide(s.size.n_embd, s.size.n_head) }</p>
            }
            if !live {
                <button type="button" class="btn primary" onclick={count} data-testid="count-params">{ text::COUNT_BUTTON }</button>
            }
            if let Some(m) = shown.filter(|m| m.validate().is_ok()) {
                <p class="param-count">{ text::PARAMS_LABEL }<strong data-testid="gpt-params">{ int(m.param_count() as u64) }</strong></p>
                <p class="muted">{ text::counted(m.n_embd, m.n_layer) }</p>
            } else if !live {
                <p class="muted">{ text::COUNT_NOTE }</p>
            }
        </>
    }
}

fn step_params(c: &Ctx) -> Html {
    // The sliders would show the prediction's answer: they open once it is made.
    let open = c.s().predicted || c.progress.is_settled(ids::L5_E2);
    let answered = {
        let predicted = c.send(Action::Predicted);
        Callback::from(move |_| predicted())
    };
    html! {
        <>
            <div class="card">{ paragraph(text::PARAMS) }</div>
            <Exercise id={ids::L5_E2} on_answered={answered} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Predict { check: Callback::from(|a: String| rules::predict_params(&a)) }} />
            <div class="card">
                if open {
                    { size_panel(c) }
                } else {
                    <p class="muted" data-testid="sliders-closed">{ text::SLIDERS_AFTER_E2 }</p>
                }
                <table class="giants">
                    <thead><tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_SOURCE }</th></tr></thead>
                    <tbody>{ for text::GIANTS.iter().map(|(m, p, src)| html! { <tr><td>{ *m }</td><td>{ *p }</td><td>{ *src }</td></tr> }) }</tbody>
                </table>
                <p>{ text::GIANTS_NOTE }</p>
            </div>
            if open {
                <Exercise id={ids::L5_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                    kind={Kind::Task { verdict: c.s().counted_verdict().map(as_task) }} />
            }
        </>
    }
}

fn step_untrained(c: &Ctx) -> Html {
    let p = c.trace.probs[c.trace.tokens.len() - 1].clone();
    html! {
        <div class="card">
            { paragraph(text::UNTRAINED) }
            <ProbBars probs={p} labels={L.symbols()} title={text::UNTRAINED_BARS} />
            <p>{ text::one_in_27() }</p>
            <p>{ text::UNTRAINED_NAMES }</p>
            <ul class="chips" data-testid="gibberish">{ for c.gibberish.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul>
        </div>
    }
}

/// While the model of steps 5-6 trains: where it is.
fn training_note(step: usize) -> Html {
    html! { <div class="card"><p role="status" data-testid="l5-training">{ text::training(step, TRAIN_STEPS) }</p></div> }
}

fn step_temperature(c: &Ctx) -> Html {
    let model = match &c.trained {
        Ok(m) => m.clone(),
        Err(step) => return training_note(*step),
    };
    let s = c.s();
    let probs = next_probs(&model, &s.prefix, s.temperature);
    let warm = next_probs(&model, &s.prefix, 1.0);
    let cold = next_probs(&model, &s.prefix, COLD);
    let favourite = ranked(&warm)[0];
    let (p_warm, p_cold) = (warm[favourite], cold[favourite]);
    let draw = |t: f32, cold: bool| {
        let (model, prefix, page) = (model.clone(), s.prefix.clone(), c.page.dispatcher());
        Callback::from(move |_| {
            let names = invent_names(&*model, &prefix, t, 10, js_sys::Date::now() as u64);
            page.dispatch(Action::Drawn { cold, names });
        })
    };
    let lists = (!s.cold.is_empty() && !s.hot.is_empty())
        .then(|| (distinct_count(&s.cold), distinct_count(&s.hot)));
    let tried_cold = s.tried_cold;
    let send_prefix = |p: String| {
        let page = c.page.dispatcher();
        move || page.dispatch(Action::Prefix(p.clone()))
    };
    let on_temperature = {
        let page = c.page.dispatcher();
        Callback::from(move |v: f32| page.dispatch(Action::Temperature(v)))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::TEMPERATURE) }
                <div class="row">
                    { for ["bul", "evo", "pik"].iter().map(|p| { let set = send_prefix(p.to_string()); html! {
                        <button type="button" class={classes!("btn", (s.prefix == *p).then_some("primary"))} aria-pressed={(s.prefix == *p).to_string()} data-prefix={*p} onclick={move |_| set()}>{ format!(".{p}") }</button> } }) }
                </div>
                <WordInput label={text::OTHER_PREFIX} max_len={12} on_word={{ let page = c.page.dispatcher(); Callback::from(move |w| page.dispatch(Action::Prefix(w))) }} placeholder={text::PREFIX_PLACEHOLDER} testid="prefix" strict={true} />
                { temperature_input(s.temperature, on_temperature, "temp-slider") }
                <ProbBars probs={probs} labels={L.symbols()} title={text::bars_at(&s.prefix, s.temperature)} />
                { curious(text::TEMPERATURE_CURIOUS) }
            </div>
            <Exercise id={ids::L5_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Choice { options: text::E4_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::cold_favourite(i, tried_cold, favourite, p_warm, p_cold)) }} />
            <div class="card">
                <div class="row">
                    <button type="button" class="btn primary" onclick={draw(0.1, true)} data-testid="gen-cold">{ icon(Icon::Snow) }{ text::GEN_COLD }</button>
                    <button type="button" class="btn primary" onclick={draw(2.0, false)} data-testid="gen-hot">{ icon(Icon::Fire) }{ text::GEN_HOT }</button>
                </div>
                <div class="side-by-side">
                    <div><h4>{ text::COLD_TITLE }</h4><ul class="chips" data-testid="cold-names">{ for s.cold.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul></div>
                    <div><h4>{ text::HOT_TITLE }</h4><ul class="chips" data-testid="hot-names">{ for s.hot.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul></div>
                </div>
            </div>
            <Exercise id={ids::L5_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Choice { options: text::E5_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::repetitive_list(i, lists)) }} />
        </>
    }
}

fn step_create(c: &Ctx) -> Html {
    let model = match &c.trained {
        Ok(m) => m.clone(),
        Err(step) => return training_note(*step),
    };
    let s = c.s();
    let prefix = s
        .own_name
        .as_deref()
        .map(|name| rules::own_prefix(name, &c.pokemon));
    let usable = prefix.as_ref().and_then(|p| p.as_ref().ok()).cloned();
    let invent = {
        let (page, progress, pokemon) =
            (c.page.dispatcher(), c.progress.clone(), c.pokemon.clone());
        let (prefix, chosen) = (usable.clone(), s.own_temperature_set());
        let t = s.own_temperature;
        Callback::from(move |_| {
            let Some(p) = &prefix else { return };
            let names = invent_names(&*model, p, t, 10, js_sys::Date::now() as u64);
            if let Some(Verdict::Wrong(_)) = rules::own_pokemon(p, &names, chosen, &pokemon) {
                wrong_try(&progress, ids::L5_E6);
            }
            page.dispatch(Action::Invented(names));
        })
    };
    let verdict = match (&prefix, &usable) {
        (Some(Err(why)), _) => Some(Verdict::Wrong(why.clone())),
        (_, Some(p)) => rules::own_pokemon(p, &s.own_names, s.own_chosen, &c.pokemon).map(as_task),
        _ => None,
    };
    let on_name = {
        let page = c.page.dispatcher();
        Callback::from(move |w: String| page.dispatch(Action::OwnName(w)))
    };
    let on_temperature = {
        let page = c.page.dispatcher();
        Callback::from(move |v: f32| page.dispatch(Action::OwnTemperature(v)))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::CREATE) }
                <WordInput label={text::FIRST_NAME} max_len={20} on_word={on_name} testid="own-prefix" />
                if let Some(p) = &usable { <p>{ text::prefix_chosen(p) }</p> }
                { temperature_input(s.own_temperature, on_temperature, "create-temp") }
                <button type="button" class="btn primary" onclick={invent} disabled={usable.is_none()} data-testid="invent-own">{ text::INVENT }</button>
                <ul class="chips marked" data-testid="own-names">
                    { for s.own_names.iter().map(|n| marked_name(n, c.pokemon.mark(n))) }
                </ul>
                { marks_rule() }
            </div>
            <Exercise id={ids::L5_E6} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT} kind={Kind::Task { verdict }} />
        </>
    }
}

fn step_recap(_: &Ctx) -> Html {
    recap(
        &text::META,
        text::REFLECTION,
        text::QUESTION,
        text::LEARNED,
        text::LIMIT,
        6,
        &[POKEMON_SOURCE],
    )
}
