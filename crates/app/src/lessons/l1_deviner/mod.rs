//! Lesson 1 « Deviner la suite »: count letter pairs, turn counts into probabilities, invent
//! names. One function per step, over the lesson's state; the exercises' rules are in `rules`.

use course::rules::l1 as rules;

use super::common::{paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::route::Route;
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::name_chips::NameChips;
use crate::widgets::prob_bars::{ranked, ProbBars};
use course::content::{l1 as text, POKEMON_SOURCE};
use course::ids;
use course::text::letter;
use minigpt::bigram::BigramCounts;
use minigpt::data::{Dataset, TEACHING_SET};
use minigpt::vocab::BOUNDARY;
use minigpt::Alphabet;
use rules::id;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::Link;

const L: Alphabet = Alphabet::Letters;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "deviner", title: text::S_GUESS, exercises: &[ids::L1_E1], view: step_guess },
    Step { key: "paires", title: text::S_PAIRS, exercises: &[ids::L1_E2], view: step_pairs },
    Step { key: "tableau", title: text::S_TABLE, exercises: &[ids::L1_E3, ids::L1_E4], view: step_table },
    Step { key: "changer", title: text::S_CHANGE, exercises: &[ids::L1_E5], view: step_change },
    Step { key: "probabilites", title: text::S_PROBS, exercises: &[ids::L1_E6], view: step_probabilities },
    Step { key: "inventer", title: text::S_INVENT, exercises: &[ids::L1_E7], view: step_invent },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];

/// The row chosen on each step that shows rows: the table (step 4), the changed data (step 5,
/// the start row « . » first: its step is about it), the probabilities (step 6, the worked
/// example's row first). One per step: a row chosen on one step never shows on another.
#[derive(Clone, Copy, PartialEq)]
struct Rows {
    table: Option<usize>,
    change: usize,
    probs: usize,
}

/// The names, and how many times the pupil changed them (each change is a try of exercise 5).
#[derive(Clone, PartialEq)]
struct Names {
    list: Vec<String>,
    changes: u32,
}

/// The lesson's state, kept while the pupil moves between steps.
pub struct State {
    names: UseStateHandle<Names>,
    counts: Rc<BigramCounts>,
    table: Rc<Vec<Vec<f32>>>,
    rows: UseStateHandle<Rows>,
    /// Exercise 3 answered here, or before: the table and row « a » show, here and after.
    predicted: UseStateHandle<bool>,
    e3_settled: bool,
    /// Exercise 6 answered: the bars of row « o » show.
    computed: UseStateHandle<bool>,
    e6_settled: bool,
    invented: UseStateHandle<Vec<Invented>>,
    checked: UseStateHandle<Vec<(String, bool)>>,
}

impl State {
    /// Exercise 3's answer is on the table: it shows once the prediction is made.
    fn revealed(&self) -> bool {
        *self.predicted || self.e3_settled
    }

    fn count_rows(&self) -> Vec<Vec<f32>> {
        self.counts
            .counts
            .iter()
            .map(|r| r.iter().map(|&c| c as f32).collect())
            .collect()
    }

    fn heatmap(&self, selected: Option<usize>, on_select: Callback<usize>) -> Html {
        html! {
            <Heatmap name="counts" values={self.count_rows()} labels={L.symbols()} scale={Scale::Counts} selected={selected} on_select={on_select}
                title={text::TABLE_TITLE} description={text::table_description(self.names.list.len())} />
        }
    }

    /// A row's total and its most frequent letters (steps 5 and 6), or its total only (step 4:
    /// exercise 4 reads the most frequent in the cells).
    fn row_summary(&self, row: Option<usize>, total_only: bool) -> Html {
        let Some(r) = row else {
            return html! { <p class="row-summary muted" aria-live="polite">{ text::PICK_A_ROW }</p> };
        };
        let counts = &self.counts.counts[r];
        let line = if total_only {
            text::row_total_only(letter(r), self.counts.row_total(r))
        } else {
            let row_f: Vec<f32> = counts.iter().map(|&c| c as f32).collect();
            let top: Vec<(char, u32)> = ranked(&row_f)
                .into_iter()
                .filter(|&i| counts[i] > 0)
                .take(5)
                .map(|i| (letter(i), counts[i]))
                .collect();
            text::row_summary(letter(r), self.counts.row_total(r), &top)
        };
        html! { <p class="row-summary" aria-live="polite" data-testid="row-summary">{ line }</p> }
    }

    /// A setter of one step's row.
    fn pick(&self, set: fn(&mut Rows, usize)) -> Callback<usize> {
        let rows = self.rows.clone();
        Callback::from(move |r| {
            let mut next = *rows;
            set(&mut next, r);
            rows.set(next);
        })
    }
}

/// Where the table would be, before exercise 3 is answered: why it is hidden, and the way back.
fn table_after_e3() -> Html {
    html! {
        <div class="feedback todo" data-testid="table-after-e3">
            <p>{ text::TABLE_AFTER_E3 }</p>
            <Link<Route> to={Route::LessonStep { n: 1, step: 4 }} classes="btn">{ text::GO_TO_E3 }</Link<Route>>
        </div>
    }
}

#[function_component]
pub fn Lesson1(props: &StepProps) -> Html {
    let progress = use_progress();
    let names = use_state(|| Names {
        list: TEACHING_SET.iter().map(|s| s.to_string()).collect(),
        changes: 0,
    });
    let counts = use_memo(names.list.clone(), |names| {
        BigramCounts::from_names(L, names)
    });
    let table = use_memo(counts.clone(), |c| c.probability_table(0.0));
    let s = State {
        counts: Rc::new((*counts).clone()),
        table: Rc::new((*table).clone()),
        names,
        rows: use_state(|| Rows {
            table: None,
            change: BOUNDARY,
            probs: id(text::EXAMPLE_ROW.0),
        }),
        predicted: use_state(|| false),
        e3_settled: progress.is_settled(ids::L1_E3),
        computed: use_state(|| false),
        e6_settled: progress.is_settled(ids::L1_E6),
        invented: use_state(Vec::<Invented>::new),
        checked: use_state(Vec::<(String, bool)>::new),
    };
    (pick(STEPS, props.step).view)(&s)
}

/// The phone that suggests the next word: one click shows it.
#[function_component]
fn PhoneDemo() -> Html {
    let shown = use_state(|| false);
    let show = {
        let p = shown.clone();
        move |_| p.set(true)
    };
    html! {
        <div class="card">
            <p>{ text::PHONE }</p>
            <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ text::PHONE_BUTTON }</button>
            if *shown {
                <div class="phone" role="status">
                    <p class="typed">{ text::PHONE_TYPED }</p>
                    <p class="suggestions" aria-label={text::PHONE_SUGGESTIONS_LABEL}>{ text::PHONE_SUGGESTIONS.join(" · ") }</p>
                    <p>{ text::PHONE_EXPLAIN }</p>
                </div>
            }
        </div>
    }
}

fn step_welcome(_: &State) -> Html {
    html! {
        <>
            <PhoneDemo />
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

/// « A, B, C → ? »: the pupil guesses in their head, then checks (the answers are not printed
/// before: the page then says they guessed without thinking).
#[function_component]
fn Patterns() -> Html {
    let shown = use_state(|| false);
    let show = {
        let p = shown.clone();
        move |_| p.set(true)
    };
    html! {
        <div class="card">
            <p>{ text::PATTERNS_ASK }</p>
            <ul class="patterns" data-testid="patterns">{ for text::PATTERNS.iter().map(|(q, r)| html! {
                <li>{ *q }<strong>{ if *shown { *r } else { text::HIDDEN_ANSWER } }</strong></li>
            }) }</ul>
            if *shown {
                { paragraph(text::IDEA) }
            } else {
                <button type="button" class="btn" onclick={show} data-testid="patterns-check">{ text::PATTERNS_BUTTON }</button>
            }
        </div>
    }
}

fn step_guess(_: &State) -> Html {
    html! {
        <>
            <Patterns />
            <Exercise id={ids::L1_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { check: Callback::from(|a: String| rules::after_q(&a)) }} />
        </>
    }
}

/// The pairs of « .pikachu. », one click at a time. The buttons sit above the growing list, so
/// they never move under the pointer.
#[function_component]
fn PairCounter() -> Html {
    let step = use_state(|| 0usize);
    let ids = L.encode_name("pikachu");
    let pairs = ids.len() - 1;
    let shown = (*step).min(pairs);
    let set = |to: usize| {
        let p = step.clone();
        move |_| p.set(to)
    };
    let next = {
        let p = step.clone();
        move |_| p.set((*p + 1).min(pairs))
    };
    html! {
        <>
            <div class="word-pairs" aria-live="polite">
                { for ids.iter().enumerate().map(|(i, &t)| {
                    let in_pair = shown > 0 && (i == shown - 1 || i == shown);
                    html! { <span class={classes!("letter-box", in_pair.then_some("active"))}>{ letter(t).to_string() }</span> }
                }) }
            </div>
            <div class="row">
                <button type="button" class="btn primary" onclick={next} disabled={shown >= pairs} data-testid="next-pair">{ text::NEXT_PAIR }</button>
                <button type="button" class="btn" onclick={set(pairs)}>{ text::ALL_PAIRS }</button>
                <button type="button" class="btn" onclick={set(0)}>{ text::RESTART_PAIRS }</button>
            </div>
            <ol class="pair-tally">
                { for ids.windows(2).take(shown).map(|p| html! { <li>{ text::pair_line(letter(p[0]), letter(p[1])) }</li> }) }
            </ol>
            if shown >= pairs { <p>{ text::PIKACHU_DONE }</p> }
        </>
    }
}

fn step_pairs(_: &State) -> Html {
    html! {
        <>
            <div class="card">
                { paragraph(text::DATA) }
                <ul class="chips" aria-label={text::NAMES_LABEL}>{ for TEACHING_SET.iter().map(|n| html! { <li class="chip">{ *n }</li> }) }</ul>
                { paragraph(text::DOT) }
                <PairCounter />
            </div>
            <Exercise id={ids::L1_E2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { check: Callback::from(|a: String| rules::pairs_in_evoli(&a)) }} />
        </>
    }
}

fn step_table(s: &State) -> Html {
    let reveal = {
        let p = s.predicted.clone();
        Callback::from(move |_| p.set(true))
    };
    let (c3, c4) = (s.counts.clone(), s.counts.clone());
    html! {
        <>
            <div class="card">{ paragraph(text::TABLE_INTRO) }</div>
            <Exercise id={ids::L1_E3} on_answered={reveal} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Predict { check: Callback::from(move |a: String| rules::predict_after_a(&c3, &a)) }} />
            if s.revealed() {
                <div class="card">
                    { paragraph(text::TABLE) }
                    { s.heatmap(s.rows.table, s.pick(|r, i| r.table = Some(i))) }
                    { s.row_summary(s.rows.table, true) }
                </div>
                <Exercise id={ids::L1_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                    kind={Kind::Answer { check: Callback::from(move |a: String| rules::most_after_l(&c4, &a)) }} />
            }
        </>
    }
}

/// Step 5: the exercise comes first, then the box where names are added: names typed before
/// reading it would solve it by chance.
fn step_change(s: &State) -> Html {
    let added = s.names.list.len().saturating_sub(TEACHING_SET.len());
    let on_change = {
        let names = s.names.clone();
        Callback::from(move |list: Vec<String>| {
            let changes = names.changes + 1;
            names.set(Names { list, changes });
        })
    };
    let change_row = s.rows.change;
    html! {
        <>
            <div class="card">{ paragraph(text::CHANGE) }</div>
            <Exercise id={ids::L1_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                attempt={s.names.changes} kind={Kind::Task { verdict: rules::one_first_letter(&s.counts, added) }} />
            <div class="card">
                <h4>{ text::names_title(TEACHING_SET.len(), added) }</h4>
                <NameChips names={Rc::new(s.names.list.clone())} on_change={on_change} locked={TEACHING_SET.len()} />
                if s.revealed() {
                    { s.heatmap(Some(change_row), s.pick(|r, i| r.change = i)) }
                } else {
                    { table_after_e3() }
                }
                { s.row_summary(Some(change_row), false) }
            </div>
        </>
    }
}

fn step_probabilities(s: &State) -> Html {
    let (c, a) = (id(text::EXAMPLE_ROW.0), id(text::EXAMPLE_ROW.1));
    let example = text::probs_example(s.counts.counts[c][a], s.counts.row_total(c));
    let shown = s.rows.probs;
    let pick = |i: usize| {
        let choose = s.pick(|r, i| r.probs = i);
        Callback::from(move |_| choose.emit(i))
    };
    // Row « a » is exercise 3's answer; row « o » is the pupil's to compute (exercise 6).
    let hidden_a = shown == id('a') && !s.revealed();
    let hidden_o = shown == id('o') && !*s.computed && !s.e6_settled;
    let computed = {
        let c = s.computed.clone();
        Callback::from(move |_| c.set(true))
    };
    let counts = s.counts.clone();
    html! {
        <>
            <div class="card">
                { paragraph(text::PROBS_INTRO) }
                { paragraph(&example) }
                <div class="letter-picker" role="group" aria-label={text::PICK_LETTER}>
                    { for (0..L.size()).map(|i| html! {
                        <button type="button" class={classes!("key", (i == shown).then_some("on"))} aria-pressed={(i == shown).to_string()} data-key={letter(i).to_string()} onclick={pick(i)}>{ letter(i).to_string() }</button>
                    }) }
                </div>
                // The same room before and after an answer: nothing jumps under the pupil's eyes.
                <div class="bars-slot">
                    if hidden_a {
                        { table_after_e3() }
                    } else {
                        { s.row_summary(Some(shown), false) }
                        if hidden_o {
                            <p class="feedback todo" data-testid="row-o-hidden">{ text::E6_ROW_HIDDEN }</p>
                        } else {
                            <ProbBars probs={s.table[shown].clone()} labels={L.symbols()} title={text::bars_title(letter(shown))} />
                        }
                    }
                </div>
            </div>
            <Exercise id={ids::L1_E6} on_answered={computed} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::percent_u_after_o(&counts, &a)) }} />
        </>
    }
}

fn step_invent(s: &State) -> Html {
    let on_invent = {
        let inv = s.invented.clone();
        Callback::from(move |v| inv.set(v))
    };
    let on_pick = {
        let checked = s.checked.clone();
        Callback::from(move |name: String| {
            let mut list = (*checked).clone();
            if !list.iter().any(|(n, _)| *n == name) {
                let real = Dataset::Pokemon.names().contains(&name.as_str());
                list.push((name, real));
                checked.set(list);
            }
        })
    };
    let counts = s.counts.clone();
    let known = s.names.list.clone();
    let invented: Vec<String> = s.invented.iter().map(Invented::name).collect();
    html! {
        <>
            <div class="card">
                { paragraph(text::GENERATE) }
                <Generator table={s.table.clone()} invented={(*s.invented).clone()} on_invent={on_invent} on_pick={on_pick} button={text::INVENT_BUTTON} />
                if !s.invented.is_empty() { <p class="muted">{ text::POKEDEX_INTRO }</p> }
                if !s.checked.is_empty() {
                    <ul class="pokedex" aria-live="polite">
                        { for s.checked.iter().map(|(n, real)| html! {
                            <li class={if *real { "real" } else { "fake" }}>{ icon(if *real { Icon::Star } else { Icon::Search }) }{ if *real {
                                text::pokedex_real(n, TEACHING_SET.contains(&n.as_str()))
                            } else {
                                text::pokedex_fake(n)
                            } }</li>
                        }) }
                    </ul>
                    <p>{ text::POKEDEX_FACT }</p>
                }
            </div>
            <Exercise id={ids::L1_E7} prompt={html! { <p>{ text::E7_PROMPT }</p> }} hint={text::E7_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::possible_name(&counts, &known, &invented, &a)) }} />
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
        2,
        &[POKEMON_SOURCE],
    )
}
