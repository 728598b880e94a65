//! Lesson 1 « Deviner la suite »: count letter pairs, turn counts into probabilities, invent
//! names. One function per step, over the lesson's state.

use super::common::{paragraph, recap, welcome};
use super::StepProps;
use crate::content::{l1 as text, POKEMON_SOURCE};
use crate::exercise::{Exercise, Kind, Verdict};
use crate::icons::{icon, Icon};
use crate::progress::use_progress;
use crate::text::{letter, parse_number, parse_token, quoted};
use crate::widgets::generator::{Generator, Invented};
use crate::widgets::heatmap::{Heatmap, Scale};
use crate::widgets::name_chips::NameChips;
use crate::widgets::prob_bars::{ranked, ProbBars};
use minigpt::bigram::BigramCounts;
use minigpt::data::{Dataset, TEACHING_SET};
use minigpt::vocab::BOUNDARY;
use minigpt::Alphabet;
use std::rc::Rc;
use yew::prelude::*;

const L: Alphabet = Alphabet::Letters;

fn id(c: char) -> usize {
    L.encode_char(c).expect("a letter of the alphabet")
}

/// The letters whose count is the row's maximum (ties are all right answers).
pub fn best_letters(row: &[u32]) -> Vec<usize> {
    let max = row.iter().copied().max().unwrap_or(0);
    (0..row.len())
        .filter(|&i| max > 0 && row[i] == max)
        .collect()
}

fn letters_list(ids: &[usize]) -> String {
    let quoted: Vec<String> = ids.iter().map(|&i| quoted(letter(i))).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The first pair of `name` (between dots) that never appears in the counts.
pub fn unseen_pair(counts: &BigramCounts, name: &str) -> Option<(char, char)> {
    L.encode_name(name)
        .windows(2)
        .find(|p| counts.counts[p[0]][p[1]] == 0)
        .map(|p| (letter(p[0]), letter(p[1])))
}

/// The lesson's state, kept while the pupil moves between steps.
struct State {
    names: UseStateHandle<Vec<String>>,
    counts: Rc<BigramCounts>,
    table: Rc<Vec<Vec<f32>>>,
    selected: UseStateHandle<Option<usize>>,
    pair_step: UseStateHandle<usize>,
    shown_phone: UseStateHandle<bool>,
    predicted: UseStateHandle<bool>,
    invented: UseStateHandle<Vec<Invented>>,
    checked: UseStateHandle<Vec<(String, bool)>>,
    e3_done: bool,
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
        invented: use_state(Vec::<Invented>::new),
        checked: use_state(Vec::<(String, bool)>::new),
        e3_done: progress.is_done("l1.e3"),
    };
    match props.step {
        0 => step_welcome(&s),
        1 => step_guess(),
        2 => step_pairs(&s),
        3 => step_table(&s),
        4 => step_change(&s),
        5 => step_probabilities(&s),
        6 => step_invent(&s),
        _ => recap(
            text::REFLECTION,
            text::QUESTION,
            text::LEARNED,
            text::LIMIT,
            2,
            &[POKEMON_SOURCE],
        ),
    }
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
                        <p class="suggestions" aria-label="Suggestions du téléphone">{ text::PHONE_SUGGESTIONS.join(" · ") }</p>
                        <p>{ text::PHONE_EXPLAIN }</p>
                    </div>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_guess() -> Html {
    html! {
        <>
            <div class="card">
                <ul class="patterns">{ for text::PATTERNS.iter().map(|(q, r)| html! { <li>{ *q }<strong>{ *r }</strong></li> }) }</ul>
                { paragraph(text::IDEA) }
            </div>
            <Exercise id="l1.e1" number={1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(|answer: String| {
                    let got = parse_token(&answer)?;
                    if got == id('u') { Ok(text::E1_RIGHT.into()) } else { Err(text::E1_WRONG.into()) }
                }) }} />
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
                <ul class="chips" aria-label="Les 20 noms de Pokémon">{ for TEACHING_SET.iter().map(|n| html! { <li class="chip">{ *n }</li> }) }</ul>
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
            <Exercise id="l1.e2" number={2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { placeholder: "un nombre", check: Callback::from(|answer: String| match parse_number(&answer) {
                    Some(6.0) => Ok(text::E2_RIGHT.into()),
                    Some(_) => Err(text::E2_WRONG.into()),
                    None => Err(crate::content::common::WRITE_A_NUMBER.into()),
                }) }} />
        </>
    }
}

fn step_table(s: &State) -> Html {
    let a = id('a');
    let row_a = s.counts.counts[a].clone();
    let total_a = s.counts.row_total(a);
    let best_a = best_letters(&row_a);
    let c = id('c');
    let best_c = best_letters(&s.counts.counts[c]);
    let times_c = s.counts.counts[c][best_c[0]];
    let revealed = *s.predicted || s.e3_done;
    let reveal = {
        let p = s.predicted.clone();
        Callback::from(move |_| p.set(true))
    };
    html! {
        <>
            <div class="card">{ paragraph(text::TABLE_INTRO) }</div>
            <Exercise id="l1.e3" number={3} on_answered={reveal} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Predict { placeholder: "une lettre", check: Callback::from(move |answer: String| {
                    let guess = match parse_token(&answer) { Ok(g) => g, Err(m) => return Verdict::NotYet(m) };
                    let times = row_a[best_a[0]];
                    if best_a.contains(&guess) {
                        Verdict::Right(text::e3_right(&letters_list(&best_a), times, total_a))
                    } else {
                        Verdict::Wrong(text::e3_wrong(letter(guess), &letters_list(&best_a), times, total_a))
                    }
                }) }} />
            if revealed {
                <div class="card">
                    { paragraph(text::TABLE) }
                    { s.heatmap() }
                    { s.row_summary() }
                </div>
                <Exercise id="l1.e4" number={4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT}
                    kind={Kind::Answer { placeholder: "une lettre", check: Callback::from(move |answer: String| {
                        let got = parse_token(&answer)?;
                        if best_c.contains(&got) {
                            Ok(text::e4_right(&letters_list(&best_c), times_c))
                        } else {
                            Err(text::E4_WRONG.into())
                        }
                    }) }} />
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
    let starts = s.counts.counts[BOUNDARY].clone();
    let best = best_letters(&starts);
    let outcome = (added > 0).then(|| {
        let times = starts[best[0]];
        if best.len() == 1 {
            Ok(text::e5_right(letter(best[0]), times))
        } else {
            Err(text::e5_tie(&letters_list(&best), times))
        }
    });
    html! {
        <>
            <div class="card">
                { paragraph(text::CHANGE) }
                <h4>{ text::names_title(TEACHING_SET.len(), added) }</h4>
                <NameChips names={(*s.names).clone()} on_change={on_change} locked={TEACHING_SET.len()} />
                { s.heatmap() }
                { s.row_summary() }
            </div>
            <Exercise id="l1.e5" number={5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT}
                kind={Kind::Task { outcome }} />
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
    let (o, u) = (id('o'), id('u'));
    let (times, total) = (s.counts.counts[o][u], s.counts.row_total(o));
    let exact = times as f32 / total.max(1) as f32;
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
                <ProbBars probs={s.table[shown].clone()} labels={L.symbols()} title={text::bars_title(letter(shown))} />
            </div>
            <Exercise id="l1.e6" number={6} prompt={html! { <p>{ text::E6_PROMPT }</p> }} hint={text::E6_HINT}
                kind={Kind::Answer { placeholder: "par exemple 25", check: Callback::from(move |answer: String| match parse_number(&answer) {
                    Some(x) if (x - exact * 100.0).abs() <= 1.0 => Ok(text::e6_right(times, total, exact)),
                    Some(x) if (x - exact).abs() <= 0.01 => Err("Presque\u{a0}: c'est la probabilité en nombre. Multiplie-la par 100 pour l'écrire en pourcentage.".into()),
                    Some(_) => Err(text::e6_wrong(total)),
                    None => Err(crate::content::common::WRITE_A_NUMBER.into()),
                }) }} />
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
            <Exercise id="l1.e7" number={7} prompt={html! { <p>{ text::E7_PROMPT }</p> }} hint={text::E7_HINT}
                kind={Kind::Answer { placeholder: "un nom", check: Callback::from(move |answer: String| {
                    let names = L.clean(&answer).names;
                    let Some(name) = names.first() else { return Err("Écris un nom avec des lettres.".into()) };
                    match unseen_pair(&counts, name) {
                        Some((a, b)) => Ok(text::e7_right(name, a, b)),
                        None => Err(text::e7_possible(name)),
                    }
                }) }} />
        </>
    }
}
