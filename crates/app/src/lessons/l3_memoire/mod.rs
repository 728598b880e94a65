//! Lesson 3 « La mémoire du modèle »: letter embeddings, a context window of k letters, the
//! Bengio-style MLP trained live, the 2-D map of the letters, and too much memory.

use course::rules::l3 as rules;

mod run;

pub use run::first_run;
use run::{lesson_data, new_trainer, Data, MemoryRun, FIRST_K, FRAME_STEPS};

use super::common::{invent_names, paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::training::saved::use_kept_runs;
use crate::training::{play, use_runs, LabRun};
use crate::widgets::embedding::{diverging, EmbeddingMap, EmbeddingTable};
use crate::widgets::loss_curve::LossCurve;
use crate::widgets::train_controls::TrainControls;
use course::content::{l3 as text, POKEMON_SOURCE};
use course::ids;
use course::text::{fr, int, letter};
use minigpt::pca::project_2d;
use minigpt::{Alphabet, ContextMlp};
use rules::untrained;
pub use rules::{CARDS, HIDDEN, TRAIN_STEPS};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "cartes", title: text::S_CARDS, exercises: &[ids::L3_E1], view: step_cards },
    Step { key: "fenetre", title: text::S_WINDOW, exercises: &[ids::L3_E2], view: step_window },
    Step { key: "entrainer", title: text::S_TRAIN, exercises: &[ids::L3_E3], view: step_train },
    Step { key: "carte", title: text::S_MAP, exercises: &[ids::L3_E4], view: step_map },
    Step { key: "memoire", title: text::S_OVERFIT, exercises: &[ids::L3_E5], view: step_overfit },
    Step { key: "inventer", title: text::S_GENERATE, exercises: &[], view: step_generate },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

fn embedding_rows(model: &ContextMlp) -> Vec<Vec<f32>> {
    (0..L.size()).map(|i| model.embedding(i).to_vec()).collect()
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
        <label class="slider-row">{ course::content::widgets::label_colon(label) }<strong data-testid={format!("{testid}-value")}>{ value.to_string() }</strong>
            <input type="range" min={min.to_string()} max={max.to_string()} step="1" value={value.to_string()} oninput={oninput} aria-label={label.to_string()} data-testid={testid} />
        </label>
    }
}

pub struct State {
    data: Rc<Data>,
    /// The card size of step 2 (exercise 1 sets it to 5; nothing else reads it).
    d_cards: UseStateHandle<usize>,
    /// The window of step 3 (starts at 1: exercise 2 asks to set it).
    k_window: UseStateHandle<usize>,
    /// Exercise 2 answered here, or before: the window's length in numbers shows.
    counted: UseStateHandle<bool>,
    e2_settled: bool,
    /// The memory of the next training run.
    k: UseStateHandle<usize>,
    shown_card: UseStateHandle<bool>,
    runs: Rc<RefCell<Vec<MemoryRun>>>,
    on_frame: Rc<dyn Fn()>,
    picked: UseStateHandle<Picked>,
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

    /// A button that trains a model where one is needed, with its controls.
    fn train_here(&self, testid: &'static str) -> Html {
        let start = self.start.clone();
        html! {
            <>
                <button type="button" class="btn primary" onclick={move |_| start.emit(())} disabled={self.busy()} data-testid={testid}>{ icon(Icon::Play) }{ text::TRAIN_NOW }</button>
                { self.controls() }
            </>
        }
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
                <button type="button" class="btn primary" onclick={move |_| start.emit(())} disabled={self.busy()} data-testid="train">{ icon(Icon::Play) }{ text::train_button(*self.k, CARDS, TRAIN_STEPS) }</button>
                { self.controls() }
                <LossCurve runs={curves} steps={TRAIN_STEPS} show_last={false} />
                <table class="compare-table" data-testid="memory-table">
                    <caption class="sr-only">{ text::COL_UNSEEN }</caption>
                    <thead><tr><th>{ text::COL_MODEL }</th><th>{ text::COL_SEEN }</th><th>{ text::COL_UNSEEN }</th></tr></thead>
                    <tbody>
                        <tr><td>{ text::BIGRAM_ROW }</td><td>{ "—" }</td><td>{ fr(self.data.bigram, 2) }</td></tr>
                        { for rows.iter().map(|(label, v)| html! { <tr data-row={label.clone()}><td>{ label.clone() }</td>
                            <td>{ v.map_or(text::RUNNING.to_string(), |(s, _)| fr(s, 2)) }</td>
                            <td>{ v.map_or(text::RUNNING.to_string(), |(_, u)| fr(u, 2)) }</td></tr> }) }
                    </tbody>
                </table>
            </>
        }
    }
}

/// The letters picked on the map (exercise 4), and how many pairs were picked: each is a try.
#[derive(Clone, Default, PartialEq)]
struct Picked {
    letters: Vec<usize>,
    pairs: u32,
}


#[function_component]
pub fn Lesson3(props: &StepProps) -> Html {
    let progress = use_progress();
    let data = use_memo((), |_| lesson_data());
    let k = use_state(|| FIRST_K);
    let (runs, on_frame) = use_runs::<Vec<MemoryRun>>();
    // Models trained before a reload come back; each newly finished run is kept.
    use_kept_runs(&runs, &on_frame, &progress.pupil, data.clone());
    crate::training::use_leave_guard(runs.borrow().iter().any(|r| r.run.is_playing()));
    let start = {
        let (runs, on_frame, data, k) = (runs.clone(), on_frame.clone(), data.clone(), k.clone());
        Callback::from(move |_| {
            let run = LabRun::new(
                text::run_label(*k, CARDS),
                new_trainer(&data, *k),
                FRAME_STEPS,
            );
            play(&run.anim, on_frame.clone());
            let mut list = runs.borrow_mut();
            // One row per memory in the table: training is the same each time (same seed, same
            // names), so a new run of a memory replaces the last one instead of repeating it.
            list.retain(|r| r.k != *k);
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
        d_cards: use_state(|| 8usize),
        k_window: use_state(|| 1usize),
        counted: use_state(|| false),
        e2_settled: progress.is_settled(ids::L3_E2),
        k,
        shown_card: use_state(|| false),
        runs,
        on_frame,
        picked: use_state(Picked::default),
        names: use_state(Vec::<String>::new),
        start,
    };
    (pick(STEPS, props.step).view)(&s)
}

fn step_welcome(s: &State) -> Html {
    let model = untrained(3, CARDS);
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
                    <div class="concat" role="status" aria-label={text::CARD_LABEL}>
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
    let d_now = *s.d_cards;
    let model = untrained(3, d_now);
    html! {
        <>
            <div class="card">
                { paragraph(text::TABLE) }
                { slider(text::SIZE_LABEL, d_now, 1, 16, "d-slider", s.d_cards.clone()) }
                <EmbeddingTable rows={embedding_rows(&model)} />
            </div>
            <Exercise id={ids::L3_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::table_numbers(d_now, &a)) }} />
        </>
    }
}

fn step_window(s: &State) -> Html {
    let kk = *s.k_window;
    let model = untrained(kk, CARDS);
    let word = L.encode_name("pik");
    let context: Vec<usize> = (0..kk)
        .map(|back| if back < 4 { word[3 - back] } else { 0 })
        .rev()
        .collect();
    let total = ContextMlp::count_params(L.size(), kk, CARDS, HIDDEN);
    let answered = *s.counted || s.e2_settled;
    let counted = {
        let c = s.counted.clone();
        Callback::from(move |_| c.set(true))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::WINDOW) }
                { slider(text::WINDOW_LABEL, kk, 1, 5, "k-slider", s.k_window.clone()) }
                <p>{ text::window_sentence(kk) }</p>
                <div class="concat" data-testid="concat">
                    { for context.iter().map(|&t| html! {
                        <span class="piece"><b>{ letter(t).to_string() }</b>{ for model.embedding(t).iter().map(|&x| html! { <span class="sw" style={format!("background:{}", diverging(x, 2.0))}></span> }) }</span>
                    }) }
                    <span data-testid="window-total">{ text::window_total(kk, CARDS, answered) }</span>
                </div>
                <table class="compare-table" aria-label={text::PARAMS_TOTAL}>
                    { for text::param_rows(kk, CARDS, HIDDEN).iter().map(|(label, n)| html! { <tr><td>{ label.clone() }</td><td>{ int(*n as u64) }</td></tr> }) }
                    <tr><th>{ text::PARAMS_TOTAL }</th><th data-testid="param-count">{ int(total as u64) }</th></tr>
                </table>
                <p>{ text::BIGRAM_PARAMS }</p>
            </div>
            <Exercise id={ids::L3_E2} on_answered={counted} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::window_numbers(kk, &a)) }} />
        </>
    }
}

fn step_train(s: &State) -> Html {
    let (one, three) = (s.losses_for(1).map(|l| l.1), s.losses_for(3).map(|l| l.1));
    html! {
        <>
            <div class="card">
                { paragraph(text::TRAIN) }
                { s.lab() }
            </div>
            <Exercise id={ids::L3_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Choice { options: text::E3_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::better_memory(i, one, three)) }} />
        </>
    }
}

fn step_map(s: &State) -> Html {
    let Some(model) = s.latest_trained() else {
        return html! { <div class="card"><p>{ text::NEED_TRAINED }</p>{ s.train_here("train-map") }</div> };
    };
    let cards = embedding_rows(&model);
    let points = project_2d(&cards);
    let on_pick = {
        let picked = s.picked.clone();
        Callback::from(move |i: usize| {
            let mut p = (*picked).clone();
            if let Some(at) = p.letters.iter().position(|&x| x == i) {
                p.letters.remove(at);
            } else {
                if p.letters.len() == 2 {
                    p.letters.clear();
                }
                p.letters.push(i);
                // A second letter makes a pair: one try.
                if p.letters.len() == 2 {
                    p.pairs += 1;
                }
            }
            picked.set(p);
        })
    };
    // Judged on the map as drawn, at the letters' true places (before the few pixels' nudge).
    let verdict = rules::closest_pair(
        &s.picked.letters,
        &crate::widgets::embedding::scaled_positions(&points),
        &cards,
    );
    let (vowels, mixed) = rules::vowel_distances(&cards);
    html! {
        <>
            <div class="card">
                { paragraph(text::MAP) }
                <EmbeddingMap points={points} selected={s.picked.letters.clone()} on_pick={on_pick.clone()} />
                <p data-testid="vowels-line">{ text::vowels_line(vowels, mixed) }</p>
                <p>{ text::MAP_PICK }</p>
                <div class="letter-picker" role="group" aria-label={text::PICK_TWO}>
                    { for (0..L.size()).map(|i| {
                        let on = s.picked.letters.contains(&i);
                        let cb = on_pick.clone();
                        html! { <button type="button" class={classes!("key", on.then_some("on"))} aria-pressed={on.to_string()} data-pick={letter(i).to_string()}
                            onclick={move |_| cb.emit(i)}>{ letter(i).to_string() }</button> }
                    }) }
                </div>
            </div>
            <Exercise id={ids::L3_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT} attempt={s.picked.pairs} kind={Kind::Task { verdict }} />
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
            <Exercise id={ids::L3_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Choice { options: text::E5_CHOICES.iter().map(|s| s.to_string()).collect(),
                    check: Callback::from(move |i| rules::too_much_memory(i, three, five)) }} />
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
                <ul class="chips">{ for s.names.iter().map(|n| html! { <li class="chip">{ course::content::common::shown_name(n) }</li> }) }</ul>
            } else {
                <p>{ text::TRAIN_FIRST }</p>
                { s.train_here("train-generate") }
            }
        </div>
    }
}

fn step_recap(_: &State) -> Html {
    recap(
        &text::META,
        text::REFLECTION,
        text::QUESTION,
        text::LEARNED,
        text::LIMIT,
        4,
        &[text::BENGIO_SOURCE, POKEMON_SOURCE],
    )
}
