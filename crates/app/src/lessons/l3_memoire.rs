//! Lesson 3 « La mémoire du modèle »: letter embeddings, a context window of k letters, the
//! Bengio-style MLP trained live, the 2-D map of the letters, and too much memory.

use super::common::{invent_names, paragraph, recap, welcome};
use super::StepProps;
use crate::content::{common as shared, l3 as text, POKEMON_SOURCE};
use crate::exercise::{Exercise, Kind, Verdict};
use crate::icons::{icon, Icon};
use crate::text::{fr, int, letter, parse_number};
use crate::training::{play, use_runs, LabRun};
use crate::widgets::embedding::{diverging, EmbeddingMap, EmbeddingTable};
use crate::widgets::loss_curve::LossCurve;
use crate::widgets::train_controls::TrainControls;
use minigpt::bigram::BigramCounts;
use minigpt::data::{shuffled, split, Dataset};
use minigpt::pca::project_2d;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, ContextMlp, Status, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;
pub const HIDDEN: usize = 64;
pub const STEPS: usize = 1500;
const SEED: u64 = 3;

/// A training run of the memory model, with its sizes and (once finished) its two losses.
struct MemoryRun {
    k: usize,
    run: LabRun<ContextMlp>,
    /// (loss on the names learned, loss on the names never seen), computed once at the end.
    losses: Cell<Option<(f32, f32)>>,
}

impl MemoryRun {
    fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    fn model(&self) -> ContextMlp {
        self.run.anim.borrow().trainer.model().clone()
    }
    fn losses(&self, data: &Data) -> Option<(f32, f32)> {
        if !self.finished() {
            return None;
        }
        if self.losses.get().is_none() {
            let m = self.model();
            self.losses
                .set(eval_loss(&m, &data.train).zip(eval_loss(&m, &data.validation)));
        }
        self.losses.get()
    }
}

/// The Pokémon cut in two: names to learn, names kept aside, and the counted bigram's score.
struct Data {
    train: Vec<String>,
    validation: Vec<String>,
    bigram: f32,
}

fn untrained(k: usize, d: usize) -> ContextMlp {
    ContextMlp::new(L, k, d, HIDDEN, &mut ChaCha8Rng::seed_from_u64(SEED))
}

fn embedding_rows(model: &ContextMlp) -> Vec<Vec<f32>> {
    (0..L.size()).map(|i| model.embedding(i).to_vec()).collect()
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// The distance of the closest pair of points on the map.
fn closest_distance(points: &[[f32; 2]]) -> f32 {
    let mut best = f32::INFINITY;
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            best = best.min(dist(points[i], points[j]));
        }
    }
    best
}

fn slider(
    label: &str,
    value: usize,
    min: usize,
    max: usize,
    testid: &'static str,
    set: UseStateHandle<usize>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = el.value().parse::<usize>() {
            set.set(v.clamp(min, max));
        }
    });
    html! {
        <label class="slider-row">{ format!("{label}\u{a0}: ") }<strong data-testid={format!("{testid}-value")}>{ value.to_string() }</strong>
            <input type="range" min={min.to_string()} max={max.to_string()} step="1" value={value.to_string()} oninput={oninput} aria-label={label.to_string()} data-testid={testid} />
        </label>
    }
}

struct State {
    data: Rc<Data>,
    d: UseStateHandle<usize>,
    k: UseStateHandle<usize>,
    shown_card: UseStateHandle<bool>,
    runs: Rc<RefCell<Vec<MemoryRun>>>,
    on_frame: Rc<dyn Fn()>,
    picked: UseStateHandle<Vec<usize>>,
    names: UseStateHandle<Vec<String>>,
    start: Callback<()>,
}

impl State {
    fn latest_trained(&self) -> Option<ContextMlp> {
        self.runs
            .borrow()
            .iter()
            .rev()
            .find(|r| r.finished())
            .map(MemoryRun::model)
    }

    /// The best finished run's losses with `k` letters of memory.
    fn losses_for(&self, k: usize) -> Option<(f32, f32)> {
        self.runs
            .borrow()
            .iter()
            .rev()
            .filter(|r| r.k == k)
            .find_map(|r| r.losses(&self.data))
    }

    fn busy(&self) -> bool {
        self.runs.borrow().iter().any(|r| r.run.is_playing())
    }

    fn controls(&self) -> Html {
        html! { <TrainControls state={self.runs.borrow().last().map(|r| r.run.controls(&self.on_frame))} /> }
    }

    /// Train button, controls, curves and the table of both losses.
    fn lab(&self) -> Html {
        let curves = self
            .runs
            .borrow()
            .iter()
            .map(|r| r.run.curve())
            .collect::<Vec<_>>();
        let rows: Vec<(String, Option<(f32, f32)>)> = self
            .runs
            .borrow()
            .iter()
            .map(|r| (r.run.label.clone(), r.losses(&self.data)))
            .collect();
        let start = self.start.clone();
        html! {
            <>
                { slider(text::WINDOW_LABEL, *self.k, 1, 5, "k-slider", self.k.clone()) }
                <button type="button" class="btn primary" onclick={move |_| start.emit(())} disabled={self.busy()} data-testid="train">{ icon(Icon::Play) }{ text::train_button(*self.k, *self.d, STEPS) }</button>
                { self.controls() }
                <LossCurve runs={curves} steps={STEPS} show_last={false} />
                <table class="compare-table" data-testid="memory-table">
                    <caption class="sr-only">{ text::COL_UNSEEN }</caption>
                    <tr><th>{ text::COL_MODEL }</th><th>{ text::COL_SEEN }</th><th>{ text::COL_UNSEEN }</th></tr>
                    <tr><td>{ text::BIGRAM_ROW }</td><td>{ "—" }</td><td>{ fr(self.data.bigram, 2) }</td></tr>
                    { for rows.iter().map(|(label, v)| html! { <tr data-row={label.clone()}><td>{ label.clone() }</td>
                        <td>{ v.map_or(text::RUNNING.to_string(), |(s, _)| fr(s, 2)) }</td>
                        <td>{ v.map_or(text::RUNNING.to_string(), |(_, u)| fr(u, 2)) }</td></tr> }) }
                </table>
            </>
        }
    }
}

#[function_component]
pub fn Lesson3(props: &StepProps) -> Html {
    let data = use_memo((), |_| {
        let names: Vec<String> = shuffled(&Dataset::Pokemon.names(), SEED)
            .into_iter()
            .map(String::from)
            .collect();
        let (train, validation) = split(&names, 0.1);
        let bigram = BigramCounts::from_names(L, &train).nll(&validation, 0.1);
        Data {
            train,
            validation,
            bigram,
        }
    });
    let d = use_state(|| 8usize);
    let k = use_state(|| 3usize);
    let (runs, on_frame) = use_runs::<Vec<MemoryRun>>();
    let start = {
        let (runs, on_frame, data, k, d) = (
            runs.clone(),
            on_frame.clone(),
            data.clone(),
            k.clone(),
            d.clone(),
        );
        Callback::from(move |_| {
            let cfg = TrainConfig {
                steps: STEPS,
                lr: 0.01,
                batch_size: 16,
                ..TrainConfig::default()
            };
            let trainer = Trainer::new(untrained(*k, *d), &data.train, cfg)
                .expect("the Pokémon list is not empty");
            let run = LabRun::new(text::run_label(*k, *d), trainer, 40);
            play(&run.anim, on_frame.clone());
            let mut list = runs.borrow_mut();
            list.push(MemoryRun {
                k: *k,
                run,
                losses: Cell::new(None),
            });
            if list.len() > 5 {
                list.remove(0);
            }
            drop(list);
            on_frame();
        })
    };
    let s = State {
        data,
        d,
        k,
        shown_card: use_state(|| false),
        runs,
        on_frame,
        picked: use_state(Vec::<usize>::new),
        names: use_state(Vec::<String>::new),
        start,
    };
    match props.step {
        0 => step_welcome(&s),
        1 => step_cards(&s),
        2 => step_window(&s),
        3 => step_train(&s),
        4 => step_map(&s),
        5 => step_overfit(&s),
        6 => step_generate(&s),
        _ => recap(
            text::REFLECTION,
            text::QUESTION,
            text::LEARNED,
            text::LIMIT,
            4,
            &[text::BENGIO_SOURCE, POKEMON_SOURCE],
        ),
    }
}

fn step_welcome(s: &State) -> Html {
    let model = untrained(3, 8);
    let show = {
        let c = s.shown_card.clone();
        move |_| c.set(true)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::CARD) }
                <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ text::CARD_BUTTON }</button>
                if *s.shown_card {
                    <div class="concat" role="status" aria-label="Carte d'identité de a">
                        <span class="piece"><b>{ "a" }</b>{ for model.embedding(1).iter().map(|&x| html! { <span class="sw" style={format!("background:{}", diverging(x, 2.0))} title={fr(x, 2)}></span> }) }</span>
                        <span>{ model.embedding(1).iter().map(|&x| fr(x, 1)).collect::<Vec<_>>().join(" · ") }</span>
                    </div>
                    <p>{ text::CARD_SHOWN }</p>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_cards(s: &State) -> Html {
    let d_now = *s.d;
    let model = untrained(3, d_now);
    html! {
        <>
            <div class="card">
                { paragraph(text::TABLE) }
                { slider(text::SIZE_LABEL, d_now, 1, 16, "d-slider", s.d.clone()) }
                <EmbeddingTable rows={embedding_rows(&model)} />
            </div>
            <Exercise id="l3.e1" number={1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| {
                    if d_now != 5 { return Err(text::E1_SLIDER.into()) }
                    match parse_number(&a) {
                        Some(135.0) => Ok(text::E1_RIGHT.into()),
                        Some(_) => Err(text::E1_WRONG.into()),
                        None => Err(shared::WRITE_A_NUMBER.into()),
                    }
                }) }} />
        </>
    }
}

fn step_window(s: &State) -> Html {
    let (kk, dd) = (*s.k, *s.d);
    let model = untrained(kk, dd);
    let word = L.encode_name("pik");
    let context: Vec<usize> = (0..kk)
        .map(|back| if back < 4 { word[3 - back] } else { 0 })
        .rev()
        .collect();
    let total = ContextMlp::count_params(L.size(), kk, dd, HIDDEN);
    html! {
        <>
            <div class="card">
                { paragraph(text::WINDOW) }
                { slider(text::WINDOW_LABEL, kk, 1, 5, "k-slider", s.k.clone()) }
                { slider(text::SIZE_LABEL, dd, 1, 16, "d-slider", s.d.clone()) }
                <p>{ text::window_sentence(kk) }</p>
                <div class="concat" data-testid="concat">
                    { for context.iter().map(|&t| html! {
                        <span class="piece"><b>{ letter(t).to_string() }</b>{ for model.embedding(t).iter().map(|&x| html! { <span class="sw" style={format!("background:{}", diverging(x, 2.0))}></span> }) }</span>
                    }) }
                    <span>{ text::window_total(kk, dd) }</span>
                </div>
                <table class="compare-table" aria-label={text::PARAMS_TOTAL}>
                    { for text::param_rows(kk, dd, HIDDEN).iter().map(|(label, n)| html! { <tr><td>{ label.clone() }</td><td>{ int(*n as u64) }</td></tr> }) }
                    <tr><th>{ text::PARAMS_TOTAL }</th><th data-testid="param-count">{ int(total as u64) }</th></tr>
                </table>
                <p>{ text::BIGRAM_PARAMS }</p>
            </div>
            <Exercise id="l3.e2" number={2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(move |a: String| {
                    if kk != 3 { return Err(text::E2_WINDOW.into()) }
                    if dd != 8 { return Err(text::E2_SIZE.into()) }
                    match parse_number(&a) {
                        Some(24.0) => Ok(text::E2_RIGHT.into()),
                        Some(_) => Err(text::E2_WRONG.into()),
                        None => Err(shared::WRITE_A_NUMBER.into()),
                    }
                }) }} />
        </>
    }
}

fn step_train(s: &State) -> Html {
    let (one, three) = (s.losses_for(1), s.losses_for(3));
    html! {
        <>
            <div class="card">
                { paragraph(text::TRAIN) }
                { s.lab() }
            </div>
            <Exercise id="l3.e3" number={3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Choice { options: text::E3_CHOICES.iter().map(|s| s.to_string()).collect(), check: Callback::from(move |i: usize| {
                    let (Some((_, a)), Some((_, b))) = (one, three) else { return Verdict::NotYet(text::E3_NOT_YET.into()) };
                    let right = if (a - b).abs() < 0.01 { 2 } else if b < a { 1 } else { 0 };
                    if i == right { Verdict::Right(text::e3_right(a, b)) } else { Verdict::Wrong(text::e3_wrong(a, b)) }
                }) }} />
        </>
    }
}

fn step_map(s: &State) -> Html {
    let Some(model) = s.latest_trained() else {
        let start = s.start.clone();
        return html! { <div class="card"><p>{ text::NEED_TRAINED }</p>
        <button type="button" class="btn primary" onclick={move |_| start.emit(())} disabled={s.busy()} data-testid="train-map">{ icon(Icon::Play) }{ text::TRAIN_NOW }</button>
        { s.controls() }</div> };
    };
    let points = project_2d(&embedding_rows(&model));
    let on_pick = {
        let picked = s.picked.clone();
        Callback::from(move |i: usize| {
            let mut p = (*picked).clone();
            if let Some(at) = p.iter().position(|&x| x == i) {
                p.remove(at);
            } else {
                if p.len() == 2 {
                    p.clear();
                }
                p.push(i);
            }
            picked.set(p);
        })
    };
    let outcome = (s.picked.len() == 2).then(|| {
        let (a, b) = (s.picked[0], s.picked[1]);
        let (got, best) = (dist(points[a], points[b]), closest_distance(&points));
        let span = points
            .iter()
            .map(|p| dist(*p, points[0]))
            .fold(0.0f32, f32::max)
            .max(1e-6);
        if got <= best * 1.1 + span * 0.01 {
            Ok(text::e4_right(letter(a), letter(b)))
        } else {
            Err(text::e4_wrong(letter(a), letter(b)))
        }
    });
    html! {
        <>
            <div class="card">
                { paragraph(text::MAP) }
                <EmbeddingMap points={points} selected={(*s.picked).clone()} on_pick={on_pick.clone()} />
                <p>{ text::MAP_PICK }</p>
                <div class="letter-picker" role="group" aria-label="Choisir deux lettres">
                    { for (0..L.size()).map(|i| {
                        let on = s.picked.contains(&i);
                        let cb = on_pick.clone();
                        html! { <button type="button" class={classes!("key", on.then_some("on"))} aria-pressed={on.to_string()} data-pick={letter(i).to_string()}
                            onclick={move |_| cb.emit(i)}>{ letter(i).to_string() }</button> }
                    }) }
                </div>
            </div>
            <Exercise id="l3.e4" number={4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT} kind={Kind::Task { outcome }} />
        </>
    }
}

fn step_overfit(s: &State) -> Html {
    let (three, five) = (s.losses_for(3), s.losses_for(5));
    html! {
        <>
            <div class="card">
                { paragraph(text::OVERFIT) }
                { s.lab() }
            </div>
            <Exercise id="l3.e5" number={5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Choice { options: text::E5_CHOICES.iter().map(|s| s.to_string()).collect(), check: Callback::from(move |i: usize| {
                    let (Some((s3, u3)), Some((s5, u5))) = (three, five) else { return Verdict::NotYet(text::E5_NOT_YET.into()) };
                    let right = if u5 < u3 { 0 } else if s5 < s3 { 1 } else { 2 };
                    if i == right { Verdict::Right(text::e5_right(s3, s5, u3, u5)) } else { Verdict::Wrong(text::e5_wrong(s3, s5, u3, u5)) }
                }) }} />
        </>
    }
}

fn step_generate(s: &State) -> Html {
    let trained = s.latest_trained();
    let generate = {
        let (names, trained) = (s.names.clone(), trained.clone());
        Callback::from(move |_| {
            let Some(model) = &trained else { return };
            names.set(invent_names(model, "", 1.0, 10, js_sys::Date::now() as u64));
        })
    };
    html! {
        <div class="card">
            { paragraph(text::GENERATE) }
            if trained.is_some() {
                <button type="button" class="btn primary" onclick={generate} data-testid="generate">{ text::GENERATE_BUTTON }</button>
                <ul class="chips">{ for s.names.iter().map(|n| html! { <li class="chip">{ crate::text::shown_name(n) }</li> }) }</ul>
            } else {
                <p>{ text::TRAIN_FIRST }</p>
            }
        </div>
    }
}
