//! Lesson 5 « Mon premier LLM »: the architecture with real numbers for ".pik", the parameter
//! count, an untrained model's gibberish, temperature, and a Pokémon of the pupil's own.

use course::rules::l5 as rules;
use course::rules::well_formed;

use super::common::{curious, distinct_count, invent_names, mark_chip, paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::training::{play, pokemon_gpt_run, use_runs, LabRun};
use crate::widgets::architecture::ArchitectureDiagram;
use crate::widgets::controls::{choice_slider, temperature_input, temperature_slider};
use crate::widgets::embedding::diverging;
use crate::widgets::prob_bars::{ranked, ProbBars};
use crate::widgets::word_input::WordInput;
use course::content::common::shown_name;
use course::content::{l5 as text, POKEMON_SOURCE};
use course::ids;
use course::text::{fr, int, letter, percent};
use minigpt::data::Dataset;
use minigpt::sample::probabilities_at;
use minigpt::{Alphabet, Config, Gpt, Model, Status, Tape, Trace};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;
const TRAIN_STEPS: usize = 1000;
const EMBD_CHOICES: [usize; 6] = [8, 16, 24, 32, 48, 64];
const HEAD_CHOICES: [usize; 3] = [1, 2, 4];
const LAYER_CHOICES: [usize; 4] = [1, 2, 3, 4];
/// Exercise 4 compares the bars at temperature 1 and at this one.
const COLD: f32 = 0.5;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "plan", title: text::S_DIAGRAM, exercises: &[ids::L5_E1], view: step_diagram },
    Step { key: "parametres", title: text::S_PARAMS, exercises: &[ids::L5_E2, ids::L5_E3], view: step_params },
    Step { key: "pas-entraine", title: text::S_UNTRAINED, exercises: &[], view: step_untrained },
    Step { key: "temperature", title: text::S_TEMPERATURE, exercises: &[ids::L5_E4, ids::L5_E5], view: step_temperature },
    Step { key: "ton-pokemon", title: text::S_CREATE, exercises: &[ids::L5_E6], view: step_create },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

/// A vector as a strip of coloured cells; its numbers wait in a closed box.
pub fn strip(values: &[f32]) -> Html {
    let scale = values.iter().fold(1e-6f32, |m, x| m.max(x.abs()));
    html! {
        <>
            <div class="strip" aria-hidden="true">{ for values.iter().map(|&x| html! { <span style={format!("background:{}", diverging(x, scale))} title={fr(x, 2)}></span> }) }</div>
            <details class="curious numbers-box"><summary>{ text::NUMBERS_CURIOUS }</summary>
                <p class="numbers">{ values.iter().map(|x| fr(*x, 2)).collect::<Vec<_>>().join(" · ") }</p>
            </details>
        </>
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

fn lit_neurons(trace: &Trace) -> usize {
    let last = trace.tokens.len() - 1;
    trace.mlp_hidden[0][last]
        .iter()
        .filter(|&&x| x > 0.0)
        .count()
}

pub struct State {
    shown: UseStateHandle<bool>,
    block: UseStateHandle<usize>,
    /// The network's block was opened (exercise 1 reads it).
    opened_network: UseStateHandle<bool>,
    n_embd: UseStateHandle<usize>,
    n_head: UseStateHandle<usize>,
    n_layer: UseStateHandle<usize>,
    prefix: UseStateHandle<String>,
    temperature: UseStateHandle<f32>,
    /// The temperature went down to `COLD` or less (exercise 4 needs it seen).
    tried_cold: UseStateHandle<bool>,
    cold: UseStateHandle<Vec<String>>,
    hot: UseStateHandle<Vec<String>>,
    own_prefix: UseStateHandle<Option<String>>,
    own_temperature: UseStateHandle<f32>,
    own_names: UseStateHandle<Vec<String>>,
    /// The temperature of `own_names`, if the pupil had changed it from 1,0 first.
    own_chosen: UseStateHandle<Option<f32>>,
    trained: Rc<RefCell<Option<LabRun<Gpt>>>>,
    on_frame: Rc<dyn Fn()>,
    untrained: Rc<Gpt>,
    trace: Rc<Trace>,
    /// Exercise 2 is answered (here or before): the sliders and the counter open.
    e2_answered: UseStateHandle<bool>,
    e2_settled: bool,
}

/// The GPT trained briefly on arrival at step 5 (the speed test times it too).
pub fn first_run() -> LabRun<Gpt> {
    pokemon_gpt_run(TRAIN_STEPS, 5)
}

impl State {
    /// The briefly trained model of steps 5-6 (trained once, on arrival).
    fn trained_model(&self) -> Result<Gpt, Html> {
        if self.trained.borrow().is_none() {
            let run = first_run();
            play(&run.anim, self.on_frame.clone());
            *self.trained.borrow_mut() = Some(run);
        }
        let run = self.trained.borrow();
        let run = run.as_ref().expect("just created");
        if run.status() != Status::Finished {
            return Err(
                html! { <div class="card"><p role="status">{ text::training(run.anim.borrow().trainer.step(), TRAIN_STEPS) }</p></div> },
            );
        }
        let model = run.anim.borrow().trainer.model().clone();
        Ok(model)
    }
}

#[function_component]
pub fn Lesson5(props: &StepProps) -> Html {
    let progress = use_progress();
    let (trained, on_frame) = use_runs::<Option<LabRun<Gpt>>>();
    let untrained = use_memo((), |_| {
        Gpt::new(Config::default(), &mut ChaCha8Rng::seed_from_u64(5)).expect("default config")
    });
    let trace = use_memo((), {
        let m = untrained.clone();
        move |_| m.trace(&L.encode_name("pik")[..4])
    });
    let s = State {
        shown: use_state(|| false),
        block: use_state(|| 0usize),
        opened_network: use_state(|| false),
        n_embd: use_state(|| 16usize),
        n_head: use_state(|| 4usize),
        n_layer: use_state(|| 1usize),
        prefix: use_state(|| "bul".to_string()),
        temperature: use_state(|| 1.0f32),
        tried_cold: use_state(|| false),
        cold: use_state(Vec::<String>::new),
        hot: use_state(Vec::<String>::new),
        own_prefix: use_state(|| None::<String>),
        own_temperature: use_state(|| 1.0f32),
        own_names: use_state(Vec::<String>::new),
        own_chosen: use_state(|| None::<f32>),
        trained,
        on_frame,
        untrained,
        trace,
        e2_answered: use_state(|| false),
        e2_settled: progress.is_settled(ids::L5_E2),
    };
    (pick(STEPS, props.step).view)(&s)
}

fn step_welcome(s: &State) -> Html {
    let show = {
        let sh = s.shown.clone();
        move |_| sh.set(true)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::LEGO) }
                <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ icon(Icon::Bricks) }{ text::LEGO_BUTTON }</button>
                if *s.shown {
                    <ul class="chips" role="status">{ for text::BLOCKS.iter().map(|(n, _)| html! { <li class="chip">{ *n }</li> }) }</ul>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

/// What the clicked block computes for « .pik » (its last letter « k »).
fn block_detail(t: &Trace, b: usize) -> Html {
    let last = t.tokens.len() - 1;
    match b {
        0 => {
            html! { <p>{ text::tokens_line(&t.tokens.iter().map(|&i| (letter(i), i)).collect::<Vec<_>>()) }</p> }
        }
        1 => html! { <>
            <p>{ text::CARD_OF_K }</p>{ strip(&t.token_embedding[last]) }
            <p>{ text::CARD_OF_PLACE }</p>{ strip(&t.position_embedding[last]) }
            <p>{ text::CARD_SUM }</p>{ strip(&t.embedding_sum[last]) }
        </> },
        2 => html! { <>{ for t.attention[0].iter().enumerate().map(|(h, rows)| html! {
            <p>{ text::head_looks(h + 1, &(0..=last).map(|j| text::letter_share(letter(t.tokens[j]), &percent(rows[last][j]))).collect::<Vec<_>>().join(", ")) }</p>
        }) }</> },
        3 => html! { <><p>{ text::AFTER_ATTENTION }</p>{ strip(&t.after_attention[0][last]) }</> },
        4 => {
            html! { <><p data-testid="neurons">{ text::neurons_on(lit_neurons(t), t.mlp_hidden[0][last].len()) }</p>{ strip(&t.mlp_hidden[0][last]) }</> }
        }
        5 => html! { <><p>{ text::AFTER_MLP }</p>{ strip(&t.after_mlp[0][last]) }</> },
        6 => html! { <><p>{ text::SCORES }</p>{ strip(&t.logits[last]) }</> },
        _ => {
            let p = &t.probs[last];
            html! { <p>{ text::top_probs(&ranked(p).iter().take(5).map(|&i| text::letter_share(letter(i), &percent(p[i]))).collect::<Vec<_>>().join(", ")) }</p> }
        }
    }
}

/// The diagram's block showing the network's neurons.
const NETWORK_BLOCK: usize = 4;

fn step_diagram(s: &State) -> Html {
    let t = &*s.trace;
    let b = *s.block;
    let lit = lit_neurons(t);
    let total = t.mlp_hidden[0][t.tokens.len() - 1].len();
    let opened = *s.opened_network;
    let on_select = {
        let (block, opened) = (s.block.clone(), s.opened_network.clone());
        Callback::from(move |i| {
            block.set(i);
            if i == NETWORK_BLOCK {
                opened.set(true);
            }
        })
    };
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

fn step_params(s: &State) -> Html {
    let heads_ok = s.n_embd.is_multiple_of(*s.n_head);
    let config = Config {
        n_embd: *s.n_embd,
        n_head: *s.n_head,
        n_layer: *s.n_layer,
        ..Config::default()
    };
    let count = config.param_count();
    // The sliders would show the answer of the prediction: they open once it is made.
    let open = *s.e2_answered || s.e2_settled;
    let answered = {
        let a = s.e2_answered.clone();
        Callback::from(move |_| a.set(true))
    };
    let show_int = |n: usize| int(n as u64);
    html! {
        <>
            <div class="card">{ paragraph(text::PARAMS) }</div>
            <Exercise id={ids::L5_E2} on_answered={answered} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Predict { check: Callback::from(|a: String| rules::predict_params(&a)) }} />
            <div class="card">
                if open {
                    { choice_slider(text::SIZE_LABEL, &EMBD_CHOICES, *s.n_embd, show_int, s.n_embd.clone(), "embd-slider") }
                    { choice_slider(text::HEADS_LABEL, &HEAD_CHOICES, *s.n_head, show_int, s.n_head.clone(), "head-slider") }
                    { choice_slider(text::LAYERS_LABEL, &LAYER_CHOICES, *s.n_layer, show_int, s.n_layer.clone(), "layer-slider") }
                    if heads_ok {
                        <p class="param-count">{ text::PARAMS_LABEL }<strong data-testid="gpt-params">{ int(count as u64) }</strong></p>
                    } else {
                        <p class="feedback ko">{ text::heads_dont_divide(*s.n_embd, *s.n_head) }</p>
                    }
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
                <Exercise id={ids::L5_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT} kind={Kind::Task { verdict: rules::big_two_layers(&config) }} />
            }
        </>
    }
}

fn step_untrained(s: &State) -> Html {
    let p = s.trace.probs[s.trace.tokens.len() - 1].clone();
    let gibberish = invent_names(&*s.untrained, "", 1.0, 8, 11);
    html! {
        <div class="card">
            { paragraph(text::UNTRAINED) }
            <ProbBars probs={p} labels={L.symbols()} title={text::UNTRAINED_BARS} />
            <p>{ text::one_in_27() }</p>
            <p>{ text::UNTRAINED_NAMES }</p>
            <ul class="chips" data-testid="gibberish">{ for gibberish.iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul>
        </div>
    }
}

fn step_temperature(s: &State) -> Html {
    let model = match s.trained_model() {
        Ok(m) => m,
        Err(waiting) => return waiting,
    };
    let prefix = (*s.prefix).clone();
    let probs = next_probs(&model, &prefix, *s.temperature);
    let warm = next_probs(&model, &prefix, 1.0);
    let cold = next_probs(&model, &prefix, COLD);
    let favourite = ranked(&warm)[0];
    let (p_warm, p_cold) = (warm[favourite], cold[favourite]);
    let gen = |t: f32, target: UseStateHandle<Vec<String>>| {
        let (model, prefix) = (model.clone(), prefix.clone());
        Callback::from(move |_| {
            target.set(invent_names(
                &model,
                &prefix,
                t,
                10,
                js_sys::Date::now() as u64,
            ))
        })
    };
    let lists = (!s.cold.is_empty() && !s.hot.is_empty())
        .then(|| (distinct_count(&s.cold), distinct_count(&s.hot)));
    let tried_cold = *s.tried_cold;
    let on_temperature = {
        let (t, tried) = (s.temperature.clone(), s.tried_cold.clone());
        Callback::from(move |v: f32| {
            t.set(v);
            if v <= COLD + 1e-3 {
                tried.set(true);
            }
        })
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::TEMPERATURE) }
                <div class="row">
                    { for ["bul", "evo", "pik"].iter().map(|p| { let st = s.prefix.clone(); html! {
                        <button type="button" class={classes!("btn", (*s.prefix == *p).then_some("primary"))} aria-pressed={(*s.prefix == *p).to_string()} data-prefix={*p} onclick={move |_| st.set(p.to_string())}>{ format!(".{p}") }</button> } }) }
                </div>
                <WordInput label={text::OTHER_PREFIX} max_len={12} on_word={{ let st = s.prefix.clone(); Callback::from(move |w| st.set(w)) }} placeholder={text::PREFIX_PLACEHOLDER} testid="prefix" strict={true} />
                { temperature_input(*s.temperature, on_temperature, "temp-slider") }
                <ProbBars probs={probs} labels={L.symbols()} title={text::bars_at(&prefix, *s.temperature)} />
                { curious(text::TEMPERATURE_CURIOUS) }
            </div>
            <Exercise id={ids::L5_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                kind={Kind::Choice { options: text::E4_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::cold_favourite(i, tried_cold, favourite, p_warm, p_cold)) }} />
            <div class="card">
                <div class="row">
                    <button type="button" class="btn primary" onclick={gen(0.1, s.cold.clone())} data-testid="gen-cold">{ icon(Icon::Snow) }{ text::GEN_COLD }</button>
                    <button type="button" class="btn primary" onclick={gen(2.0, s.hot.clone())} data-testid="gen-hot">{ icon(Icon::Fire) }{ text::GEN_HOT }</button>
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

fn step_create(s: &State) -> Html {
    let model = match s.trained_model() {
        Ok(m) => m,
        Err(waiting) => return waiting,
    };
    let on_name = {
        let p = s.own_prefix.clone();
        Callback::from(move |w: String| p.set(Some(w.chars().take(3).collect())))
    };
    let prefix = (*s.own_prefix).clone();
    let invent = {
        let (names, chosen, prefix, t) = (
            s.own_names.clone(),
            s.own_chosen.clone(),
            prefix.clone(),
            *s.own_temperature,
        );
        Callback::from(move |_| {
            if let Some(p) = &prefix {
                names.set(invent_names(&model, p, t, 10, js_sys::Date::now() as u64));
                chosen.set(((t - 1.0).abs() > 1e-3).then_some(t));
            }
        })
    };
    let pokemon = Dataset::Pokemon.names();
    let pairs = minigpt::bigram::BigramCounts::from_names(L, &pokemon);
    let made = rules::OwnPokemon {
        prefix: prefix.as_deref(),
        names: &s.own_names,
        chosen_temperature: *s.own_chosen,
    };
    let verdict = rules::own_pokemon(&made, &pokemon, &pairs);
    let mark = |n: &String| {
        if n.is_empty() {
            None
        } else if pokemon.contains(&n.as_str()) {
            Some(("copy", text::MARK_REAL))
        } else if well_formed(n, &pairs) {
            Some(("new", text::MARK_NEW))
        } else {
            Some(("odd", text::MARK_ODD))
        }
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::CREATE) }
                <WordInput label={text::FIRST_NAME} max_len={20} on_word={on_name} testid="own-prefix" />
                if let Some(p) = &prefix { <p>{ text::prefix_chosen(p) }</p> }
                { temperature_slider(*s.own_temperature, s.own_temperature.clone(), "create-temp") }
                <button type="button" class="btn primary" onclick={invent} disabled={prefix.is_none()} data-testid="invent-own">{ text::INVENT }</button>
                <ul class="chips marked" data-testid="own-names">
                    { for s.own_names.iter().map(|n| mark_chip(n, mark(n))) }
                </ul>
            </div>
            <Exercise id={ids::L5_E6} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT} kind={Kind::Task { verdict }} />
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
        6,
        &[POKEMON_SOURCE],
    )
}
