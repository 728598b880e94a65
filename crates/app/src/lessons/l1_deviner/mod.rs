//! Lesson 1 « Deviner la suite »: count letter pairs, turn counts into probabilities, invent
//! names. One function per step, over the lesson's state; the exercises' rules are in `rules`.

use course::rules::l1 as rules;

use super::common::{paragraph, recap, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::name_chips::NameChips;
use crate::widgets::prob_bars::{ranked, ProbBars};
use course::content::{l1 as text, POKEMON_SOURCE};
use course::ids;
use course::text::letter;
use minigpt::bigram::BigramCounts;
use minigpt::data::{Dataset, TEACHING_SET};
use minigpt::Alphabet;
use rules::id;
use std::rc::Rc;
use yew::prelude::*;

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

/// The lesson's state, kept while the pupil moves between steps.
pub struct State {
    names: UseStateHandle<Vec<String>>,
    counts: Rc<BigramCounts>,
    table: Rc<Vec<Vec<f32>>>,
    selected: UseStateHandle<Option<usize>>,
    pair_step: UseStateHandle<usize>,
    shown_phone: UseStateHandle<bool>,
    /// Exercise 3 answered here, or before: the table shows.
    predicted: UseStateHandle<bool>,
    e3_settled: bool,
    /// Exercise 6 answered: the bars of row « o » show.
    computed: UseStateHandle<bool>,
    e6_settled: bool,
    invented: UseStateHandle<Vec<Invented>>,
    checked: UseStateHandle<Vec<(String, bool)>>,
}

impl State {
    fn count_rows(&self) -> Vec<Vec<f32>> {
        self.counts
            .counts
            .iter()
            .map(|r| r.iter().map(|&c| c as f32).collect())
            .collect()
    }

    fn heatmap(&self) -> Html {
        let on_select = {
            let s = self.selected.clone();
            Callback::from(move |r| s.set(Some(r)))
        };
        html! {
            <Heatmap name="counts" values={self.count_rows()} labels={L.symbols()} scale={Scale::Counts} selected={*self.selected} on_select={on_select}
                title={text::TABLE_TITLE} description={text::table_description(self.names.len())} />
        }
    }

    fn row_summary(&self) -> Html {
        let Some(r) = *self.selected else {
            return html! { <p class="row-summary muted" aria-live="polite">{ text::PICK_A_ROW }</p> };
        };
        let row = &self.counts.counts[r];
        let row_f: Vec<f32> = row.iter().map(|&c| c as f32).collect();
        let top: Vec<(char, u32)> = ranked(&row_f)
            .into_iter()
            .filter(|&i| row[i] > 0)
            .take(5)
            .map(|i| (letter(i), row[i]))
            .collect();
        html! { <p class="row-summary" aria-live="polite" data-testid="row-summary">{ text::row_summary(letter(r), self.counts.row_total(r), &top) }</p> }
    }
}

#[function_component]
pub fn Lesson1(props: &StepProps) -> Html {
    let progress = use_progress();
    let names = use_state(|| {
        TEACHING_SET
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
    });
    let counts = use_memo((*names).clone(), |names| BigramCounts::from_names(L, names));
    let table = use_memo(counts.clone(), |c| c.probability_table(0.0));
    let s = State {
        counts: Rc::new((*counts).clone()),
        table: Rc::new((*table).clone()),
        names,
        selected: use_state(|| None::<usize>),
        pair_step: use_state(|| 0usize),
        shown_phone: use_state(|| false),
        predicted: use_state(|| false),
        e3_settled: progress.is_settled(ids::L1_E3),
        computed: use_state(|| false),
        e6_settled: progress.is_settled(ids::L1_E6),
        invented: use_state(Vec::<Invented>::new),
        checked: use_state(Vec::<(String, bool)>::new),
    };
    (pick(STEPS, props.step).view)(&s)
}

fn step_welcome(s: &State) -> Html {
    let show = {
        let p = s.shown_phone.clone();
        move |_| p.set(true)
    };
    html! {
        <>
            <div class="card">
                <p>{ text::PHONE }</p>
                <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ text::PHONE_BUTTON }</button>
                if *s.shown_phone {
                    <div class="phone" role="status">
                        <p class="typed">{ text::PHONE_TYPED }</p>
                        <p class="suggestions" aria-label={text::PHONE_SUGGESTIONS_LABEL}>{ text::PHONE_SUGGESTIONS.join(" · ") }</p>
                        <p>{ text::PHONE_EXPLAIN }</p>
                    </div>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_guess(_: &State) -> Html {
    html! {
        <>
            <div class="card">
                <ul class="patterns">{ for text::PATTERNS.iter().map(|(q, r)| html! { <li>{ *q }<strong>{ *r }</strong></li> }) }</ul>
                { paragraph(text::IDEA) }
            </div>
            <Exercise id={ids::L1_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { placeholder: text::A_LETTER, check: Callback::from(|a: String| rules::after_q(&a)) }} />
        </>
    }
}

fn step_pairs(s: &State) -> Html {
    let ids = L.encode_name("pikachu");
    let shown = (*s.pair_step).min(ids.len() - 1);
    let set = |to: usize| {
        let p = s.pair_step.clone();
        move |_| p.set(to)
    };
    let next = {
        let p = s.pair_step.clone();
        move |_| p.set((*p + 1).min(8))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::DATA) }
                <ul class="chips" aria-label={text::NAMES_LABEL}>{ for TEACHING_SET.iter().map(|n| html! { <li class="chip">{ *n }</li> }) }</ul>
                { paragraph(text::DOT) }
                <div class="word-pairs" aria-live="polite">
                    { for ids.iter().enumerate().map(|(i, &t)| {
                        let in_pair = shown > 0 && (i == shown - 1 || i == shown);
                        html! { <span class={classes!("letter-box", in_pair.then_some("active"))}>{ letter(t).to_string() }</span> }
                    }) }
                </div>
                <ol class="pair-tally">
                    { for ids.windows(2).take(shown).map(|p| html! { <li>{ text::pair_line(letter(p[0]), letter(p[1])) }</li> }) }
                </ol>
                <div class="row">
                    <button type="button" class="btn primary" onclick={next} disabled={shown >= 8} data-testid="next-pair">{ text::NEXT_PAIR }</button>
                    <button type="button" class="btn" onclick={set(8)}>{ text::ALL_PAIRS }</button>
                    <button type="button" class="btn" onclick={set(0)}>{ text::RESTART_PAIRS }</button>
                </div>
                if shown >= 8 { <p>{ text::PIKACHU_DONE }</p> }
            </div>
            <Exercise id={ids::L1_E2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { placeholder: text::A_NUMBER, check: Callback::from(|a: String| rules::pairs_in_evoli(&a)) }} />
        </>
    }
}

fn step_table(s: &State) -> Html {
    let revealed = *s.predicted || s.e3_settled;
    let reveal = {
        let p = s.predicted.clone();
        Callback::from(move |_| p.set(true))
    };
    let (c3, c4) = (s.counts.clone(), s.counts.clone());
    html! {
        <>
            <div class="card">{ paragraph(text::TABLE_INTRO) }</div>
            <Exercise id={ids::L1_E3} on_answered={reveal} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Predict { placeholder: text::A_LETTER, check: Callback::from(move |a: String| rules::predict_after_a(&c3, &a)) }} />
            if revealed {
                <div class="card">
                    { paragraph(text::TABLE) }
                    { s.heatmap() }
                    { s.row_summary() }
                </div>
                <Exercise id={ids::L1_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                    kind={Kind::Answer { placeholder: text::A_LETTER, check: Callback::from(move |a: String| rules::most_after_l(&c4, &a)) }} />
            }
        </>
    }
}

fn step_change(s: &State) -> Html {
    let added = s.names.len().saturating_sub(TEACHING_SET.len());
    let on_change = {
        let names = s.names.clone();
        Callback::from(move |n: Vec<String>| names.set(n))
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::CHANGE) }
                <h4>{ text::names_title(TEACHING_SET.len(), added) }</h4>
                <NameChips names={Rc::new((*s.names).clone())} on_change={on_change} locked={TEACHING_SET.len()} />
                { s.heatmap() }
                { s.row_summary() }
            </div>
            <Exercise id={ids::L1_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Task { verdict: rules::one_first_letter(&s.counts, added) }} />
        </>
    }
}

fn step_probabilities(s: &State) -> Html {
    let (l, i) = (id('l'), id('i'));
    let example = text::probs_example(s.counts.counts[l][i], s.counts.row_total(l));
    let shown = s.selected.unwrap_or(l);
    let pick = |i: usize| {
        let sel = s.selected.clone();
        Callback::from(move |_| sel.set(Some(i)))
    };
    // Row « o » is the pupil's to compute (exercise 6): its bars wait for the answer.
    let hidden = shown == id('o') && !*s.computed && !s.e6_settled;
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
                { s.row_summary() }
                if hidden {
                    <p class="feedback todo" data-testid="row-o-hidden">{ text::E6_ROW_HIDDEN }</p>
                } else {
                    <ProbBars probs={s.table[shown].clone()} labels={L.symbols()} title={text::bars_title(letter(shown))} />
                }
            </div>
            <Exercise id={ids::L1_E6} on_answered={computed} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT}
                kind={Kind::Answer { placeholder: text::E6_PLACEHOLDER, check: Callback::from(move |a: String| rules::percent_u_after_o(&counts, &a)) }} />
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
    let known = (*s.names).clone();
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
                kind={Kind::Answer { placeholder: text::A_NAME, check: Callback::from(move |a: String| rules::possible_name(&counts, &known, &invented, &a)) }} />
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
