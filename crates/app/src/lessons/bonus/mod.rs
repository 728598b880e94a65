//! The bonus lesson « Plus grand, plus fort ? »: three sizes of GPT race on the prénoms for the
//! same time (each in its own Web Worker), the same model with little or much data, the giants'
//! figures, an imaginary dictionary written with the extended alphabet, and proverbs written by
//! the large model (`proverbs`).

mod proverbs;

use course::rules::bonus as rules;
use course::rules::well_formed;

use super::common::{curious, decent_names, explain, paragraph, reflection, sources, welcome};
use super::{pick, Step, StepProps};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action, ProgressHandle};
use crate::training::use_runs;
use crate::widgets::controls::temperature_slider;
use crate::widgets::loss_curve::{LossCurve, Run};
use crate::worker::client::JobHandle;
use course::content::common::shown_name;
use course::content::{bonus as text, common as shared, MOTS_SOURCE, PRENOMS_SOURCE};
use course::ids;
use course::progress::store::Change;
use course::text::{fr, int};
use course::worker::protocol::{Data, Job};
use course::worker::state::JobState;
use minigpt::data::Dataset;
use minigpt::{Alphabet, Config};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The three sizes of the race: small (microgpt), medium, large (the "phase 2" model).
pub fn sizes() -> [Config; 3] {
    let base = Config::default();
    [
        base,
        Config {
            n_embd: 32,
            n_layer: 2,
            block_size: 32,
            ..base
        },
        Config {
            n_embd: 64,
            n_layer: 4,
            block_size: 32,
            ..base
        },
    ]
}
const DURATIONS: [u32; 3] = [10, 20, 40];
/// The race's duration on arrival (the speed test counts it as the bonus lesson's wait).
pub const FIRST_RACE_SECONDS: u32 = 20;

#[rustfmt::skip]
pub const STEPS: &[Step<State>] = &[
    Step { key: "accueil", title: text::S_WELCOME, exercises: &[], view: step_welcome },
    Step { key: "course", title: text::S_RACE, exercises: &[ids::B_E1, ids::B_E2], view: step_race },
    Step { key: "donnees", title: text::S_DATA, exercises: &[ids::B_E3], view: step_data },
    Step { key: "geants", title: text::S_GIANTS, exercises: &[], view: step_giants },
    Step { key: "dictionnaire", title: text::S_DICTIONARY, exercises: &[ids::B_E4], view: step_dictionary },
    Step { key: "proverbes", title: text::S_PROVERBS, exercises: &[ids::B_E5], view: |s| proverbs::step(&s.proverbs, &s.progress) },
    Step { key: "bilan", title: text::S_RECAP, exercises: &[], view: step_recap },
];
const DATA_SECONDS: u32 = 20;
const FEW_NAMES: usize = 1000;

fn job(config: Config, data: Data, seconds: u32) -> Job {
    Job {
        config,
        data,
        seed: 42,
        // A long schedule: the time budget stops the run, the learning rate stays nearly constant.
        steps: 1_000_000,
        lr: 0.005,
        batch: 32,
        max_seconds: Some(seconds as f64),
        test_split: true,
    }
}

/// The workers each of `runs` runs at the same time may use: the computer's cores, shared
/// equally (the race stays fair), at least one each.
fn share_of_cores(runs: usize) -> usize {
    (crate::worker::spawn::cores() / runs).max(1)
}

fn curve(s: &JobState) -> Run {
    Run {
        label: s.label.clone(),
        losses: s.losses.clone(),
        exploded: matches!(s.status, course::worker::protocol::JobStatus::Diverged(_)),
    }
}

/// The mean training loss of the last 50 steps: what the model does on names it learned.
fn seen_loss(s: &JobState) -> Option<f32> {
    let l = &s.losses[s.losses.len().saturating_sub(50)..];
    (!l.is_empty()).then(|| l.iter().sum::<f32>() / l.len() as f32)
}

fn names_of(s: &JobState, t: f32, seed: u64) -> Vec<String> {
    let Some(model) = &s.model else {
        return Vec::new();
    };
    decent_names(model, "", t, 10, seed)
}

type Jobs = Rc<RefCell<Vec<JobHandle>>>;

fn states(jobs: &Jobs) -> Vec<JobState> {
    jobs.borrow()
        .iter()
        .map(|j| j.state.borrow().clone())
        .collect()
}

fn all_over(states: &[JobState], n: usize) -> bool {
    states.len() == n && states.iter().all(JobState::is_over)
}

pub struct State {
    shown: UseStateHandle<bool>,
    seconds: UseStateHandle<u32>,
    bet: UseStateHandle<Option<usize>>,
    race: Jobs,
    data: Jobs,
    dictionary: Jobs,
    redraw: Rc<dyn Fn()>,
    temperature: UseStateHandle<f32>,
    words: UseStateHandle<Vec<String>>,
    choices: UseStateHandle<Choices>,
    proverbs: proverbs::Proverbs,
    progress: ProgressHandle,
}

/// The pupil's choices among the invented words (exercise 4): the word chosen now, the words
/// already judged (they show their mark), and how many were chosen (each is a try).
#[derive(Clone, Default, PartialEq)]
struct Choices {
    picked: Option<String>,
    judged: Vec<String>,
    tries: u32,
}

#[function_component]
pub fn BonusLesson(props: &StepProps) -> Html {
    let (race, redraw) = use_runs::<Vec<JobHandle>>();
    let (data, _) = use_runs::<Vec<JobHandle>>();
    let (dictionary, _) = use_runs::<Vec<JobHandle>>();
    let s = State {
        shown: use_state(|| false),
        seconds: use_state(|| FIRST_RACE_SECONDS),
        bet: use_state(|| None::<usize>),
        race,
        data,
        dictionary,
        redraw,
        temperature: use_state(|| 0.9f32),
        words: use_state(Vec::<String>::new),
        choices: use_state(Choices::default),
        proverbs: proverbs::use_proverbs(),
        progress: use_progress(),
    };
    // The races' results live only in this page: leaving during or after one asks first.
    let any_job = [&s.race, &s.data, &s.dictionary]
        .iter()
        .any(|j| !j.borrow().is_empty())
        || s.proverbs.running();
    crate::training::use_leave_guard(any_job);
    (pick(STEPS, props.step).view)(&s)
}

fn step_recap(_: &State) -> Html {
    html! {
        <>
            { reflection(shared::REFLECTION, text::REFLECTION, text::QUESTION) }
            { explain(&text::META) }
            { super::common::learned(text::LEARNED, None, None) }
            { sources(&[text::SOURCES, &[PRENOMS_SOURCE, MOTS_SOURCE]].concat()) }
        </>
    }
}

fn step_welcome(s: &State) -> Html {
    let show = {
        let sh = s.shown.clone();
        move |_| sh.set(true)
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::INTRO) }
                <button type="button" class="btn primary" onclick={show} data-testid="first-click">{ text::INTRO_BUTTON }</button>
                if *s.shown {
                    <ul role="status">{ for text::MODELS.iter().zip(sizes()).map(|((n, shape), c)| html! { <li>{ text::model_line(n, shape, c.param_count()) }</li> }) }</ul>
                }
            </div>
            { welcome(text::META.objectives, text::VOCABULARY) }
        </>
    }
}

fn step_race(s: &State) -> Html {
    let st = states(&s.race);
    let over = all_over(&st, 3);
    let running = !st.is_empty() && !over;
    let launch = {
        let (race, redraw, seconds) = (s.race.clone(), s.redraw.clone(), *s.seconds);
        let (progress, bet) = (s.progress.clone(), s.bet.clone());
        Callback::from(move |_| {
            // A race run before a bet shows its result: the bet closes.
            if bet.is_none() {
                progress.dispatch(Action::Change(Change::Revealed(ids::B_E1.into())));
            }
            let mut jobs = race.borrow_mut();
            jobs.clear();
            for ((name, _), config) in text::MODELS.iter().zip(sizes()) {
                jobs.push(JobHandle::start(
                    job(config, Data::Builtin(Dataset::Prenoms), seconds),
                    name.to_string(),
                    share_of_cores(3),
                    redraw.clone(),
                ));
            }
            drop(jobs);
            redraw();
        })
    };
    let stop = {
        let race = s.race.clone();
        Callback::from(move |_| race.borrow().iter().for_each(JobHandle::stop))
    };
    let losses: Option<[f32; 3]> = over
        .then(|| {
            let l: Vec<f32> = st.iter().filter_map(|j| j.test_loss).collect();
            l.try_into().ok()
        })
        .flatten();
    let result = losses.map(rules::race_result);
    let steps: [usize; 3] = std::array::from_fn(|i| st.get(i).map_or(0, |j| j.step));
    let verdict = rules::race_bet(*s.bet, over.then_some(steps));
    let max_steps = steps.iter().copied().max().unwrap_or(1).max(1);
    let (small, big) = (sizes()[0].param_count(), sizes()[2].param_count());
    let errors: Vec<String> = st.iter().filter_map(|j| j.error.clone()).collect();
    html! {
        <>
            <div class="card">
                { paragraph(text::RACE) }
                <div class="row" role="radiogroup" aria-label={text::DURATION_LABEL}>
                    <span>{ course::content::widgets::label_colon(text::DURATION_LABEL) }</span>
                    { for DURATIONS.iter().map(|&d| { let sec = s.seconds.clone(); html! {
                        <button type="button" role="radio" aria-checked={(d == *s.seconds).to_string()} class={classes!("btn", (d == *s.seconds).then_some("primary"))}
                            data-testid={format!("duration-{d}")} onclick={move |_| sec.set(d)}>{ text::seconds(d) }</button> } }) }
                </div>
            </div>
            <Exercise id={ids::B_E1} prompt={html! { <p>{ text::E1_PROMPT }</p> }} hint={text::E1_HINT}
                kind={Kind::Bet { options: text::E1_CHOICES.iter().map(|c| c.to_string()).collect(), picked: *s.bet,
                    on_pick: { let b = s.bet.clone(); Callback::from(move |i| b.set(Some(i))) },
                    waiting: s.bet.map(|b| text::e1_picked(text::E1_CHOICES[b])).unwrap_or_default(),
                    closed: !st.is_empty() && s.bet.is_none(), verdict }} />
            <div class="card" id="race">
                <div class="row">
                    <button type="button" class="btn primary" onclick={launch} disabled={running} data-testid="race">{ icon(Icon::Play) }{ text::RACE_BUTTON }</button>
                    if running { <button type="button" class="btn" onclick={stop} data-testid="race-stop">{ text::RACE_STOP }</button> }
                </div>
                { for errors.iter().map(|e| html! { <p class="feedback ko" role="alert">{ e.clone() }</p> }) }
                <ul class="race-status" aria-live="polite">
                    { for st.iter().map(|j| html! { <li>{ text::racing(&j.label, j.step, j.tokens_per_second()) }</li> }) }
                </ul>
                <LossCurve runs={st.iter().map(curve).collect::<Vec<_>>()} steps={max_steps} show_last={false} />
                <table class="compare-table" data-testid="race-table">
                    <tr><th>{ text::COL_MODEL }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_STEPS }</th><th>{ text::COL_TEST }</th></tr>
                    { for st.iter().zip(sizes()).map(|(j, c)| html! { <tr>
                        <td>{ j.label.clone() }</td><td>{ int(c.param_count() as u64) }</td><td>{ int(j.step as u64) }</td>
                        <td data-testid="race-loss">{ j.test_loss.map_or(text::WAITING.to_string(), |l| fr(l, 2)) }</td></tr> }) }
                </table>
                if let Some(result) = result {
                    <p class="verdict" role="status" data-testid="race-verdict">{ match &result {
                        rules::RaceResult::Winner(w) => text::race_lesson(Some(*w), &[], steps, rules::TOO_CLOSE),
                        rules::RaceResult::TooClose(leaders) => text::race_lesson(None, leaders, steps, rules::TOO_CLOSE),
                    } }</p>
                    <div class="album">
                        { for st.iter().enumerate().map(|(i, j)| html! { <div class="photo"><h4>{ text::invented_by(&j.label) }</h4>
                            <ul class="chips">{ for names_of(j, 0.8, 7 + i as u64).iter().map(|n| html! { <li class="chip">{ shown_name(n) }</li> }) }</ul></div> }) }
                    </div>
                }
            </div>
            <Exercise id={ids::B_E2} prompt={html! { <p>{ text::E2_PROMPT }</p> }} hint={text::E2_HINT}
                kind={Kind::Answer { check: Callback::from(move |a: String| rules::size_ratio(small, big, &a)) }} />
        </>
    }
}

fn step_data(s: &State) -> Html {
    let st = states(&s.data);
    let over = all_over(&st, 2);
    let running = !st.is_empty() && !over;
    let launch = {
        let (data, redraw) = (s.data.clone(), s.redraw.clone());
        Callback::from(move |_| {
            let medium = sizes()[1];
            let mut jobs = data.borrow_mut();
            jobs.clear();
            jobs.push(JobHandle::start(
                job(
                    medium,
                    Data::BuiltinFirst(Dataset::Prenoms, FEW_NAMES),
                    DATA_SECONDS,
                ),
                text::FEW.to_string(),
                share_of_cores(2),
                redraw.clone(),
            ));
            jobs.push(JobHandle::start(
                job(medium, Data::Builtin(Dataset::Prenoms), DATA_SECONDS),
                text::MANY.to_string(),
                share_of_cores(2),
                redraw.clone(),
            ));
            drop(jobs);
            redraw();
        })
    };
    let results: Option<[(f32, f32); 2]> = over
        .then(|| {
            let r: Option<Vec<(f32, f32)>> =
                st.iter().map(|j| seen_loss(j).zip(j.test_loss)).collect();
            r.and_then(|r| r.try_into().ok())
        })
        .flatten();
    let max_steps = st.iter().map(|j| j.step).max().unwrap_or(1).max(1);
    html! {
        <>
            <div class="card">
                { paragraph(text::DATA) }
                <button type="button" class="btn primary" onclick={launch} disabled={running} data-testid="data-race">{ icon(Icon::Play) }{ text::DATA_BUTTON }</button>
                <LossCurve runs={st.iter().map(curve).collect::<Vec<_>>()} steps={max_steps} show_last={false} />
                <table class="compare-table" data-testid="data-table">
                    <tr><th>{ text::COL_DATA }</th><th>{ text::COL_SEEN }</th><th>{ text::COL_TEST }</th></tr>
                    { for st.iter().map(|j| html! { <tr><td>{ j.label.clone() }</td>
                        <td>{ if j.is_over() { seen_loss(j).map_or("—".to_string(), |l| fr(l, 2)) } else { text::WAITING.to_string() } }</td>
                        <td>{ j.test_loss.map_or(text::WAITING.to_string(), |l| fr(l, 2)) }</td></tr> }) }
                </table>
            </div>
            <Exercise id={ids::B_E3} prompt={html! { <p>{ text::E3_PROMPT }</p> }} hint={text::E3_HINT}
                kind={Kind::Choice { options: text::E3_CHOICES.iter().map(|c| c.to_string()).collect(),
                    check: Callback::from(move |i| rules::little_data(i, results)) }} />
        </>
    }
}

fn step_giants(s: &State) -> Html {
    let st = states(&s.race);
    let big_one = st.get(2).filter(|j| j.is_over());
    let ops_of = |j: &JobState, c: Config| j.tokens as f64 * 6.0 * c.param_count() as f64;
    let computer = big_one.map(|j| {
        let ops_per_s = j.tokens_per_second() * 6.0 * sizes()[2].param_count() as f64;
        (j.tokens_per_second(), 3.14e23 / ops_per_s.max(1.0) / 3.15e7)
    });
    html! {
        <div class="card">
            { paragraph(text::GIANTS) }
            <table class="giants" data-testid="giants">
                <tr><th>{ text::COL_GIANT }</th><th>{ text::COL_PARAMS }</th><th>{ text::COL_GIANT_DATA }</th><th>{ text::COL_GIANT_CALC }</th></tr>
                { for st.iter().zip(sizes()).map(|(j, c)| html! { <tr><td>{ text::our_row(&j.label) }</td><td>{ int(c.param_count() as u64) }</td>
                    <td>{ if j.is_over() { text::our_data(j.tokens) } else { text::WAITING.to_string() } }</td><td>{ if j.is_over() { text::our_calc(ops_of(j, c)) } else { text::WAITING.to_string() } }</td></tr> }) }
                { for [text::GPT2, text::GPT3].iter().map(|(m, p, d, c)| html! { <tr><td>{ *m }</td><td>{ *p }</td><td>{ *d }</td><td>{ *c }</td></tr> }) }
            </table>
            <p>{ text::ENERGY }</p>
            if let Some((tps, years)) = computer {
                <p class="big-number" data-testid="your-computer">{ text::your_computer(tps, years) }</p>
            } else {
                <p>{ text::YOUR_COMPUTER_FIRST }</p>
            }
            { curious(text::GIANTS_CURIOUS) }
        </div>
    }
}

fn step_dictionary(s: &State) -> Html {
    let st = states(&s.dictionary);
    let job_state = st.first();
    let running = job_state.is_some_and(|j| !j.is_over());
    let trained = job_state.filter(|j| j.is_over() && j.model.is_some());
    let launch = {
        let (dictionary, redraw, words) = (s.dictionary.clone(), s.redraw.clone(), s.words.clone());
        Callback::from(move |_| {
            let config = sizes()[1].with_alphabet(Alphabet::Extended);
            let mut jobs = dictionary.borrow_mut();
            jobs.clear();
            jobs.push(JobHandle::start(
                job(config, Data::Builtin(Dataset::Mots), DATA_SECONDS),
                text::DICTIONARY_RUN.to_string(),
                share_of_cores(1),
                redraw.clone(),
            ));
            drop(jobs);
            words.set(Vec::new());
            redraw();
        })
    };
    let invent = {
        let (words, choices, trained, t) = (
            s.words.clone(),
            s.choices.clone(),
            trained.cloned(),
            *s.temperature,
        );
        Callback::from(move |_| {
            if let Some(j) = &trained {
                words.set(names_of(j, t, js_sys::Date::now() as u64));
                choices.set(Choices {
                    picked: None,
                    ..(*choices).clone()
                });
            }
        })
    };
    let mots = Dataset::Mots.names();
    let pairs = minigpt::bigram::BigramCounts::from_names(Alphabet::Extended, &mots);
    let verdict = job_state.and_then(|_| {
        rules::picked_word(
            trained.is_some(),
            s.choices.picked.as_deref(),
            &mots,
            &pairs,
        )
    });
    // The pupil judges which word sounds French: no mark before their choice. A chosen word
    // shows its mark; once the exercise is over, all do.
    let finished = s.progress.outcome(ids::B_E4).is_some();
    let word_chip = |w: &String| {
        let mark = if w.is_empty() || !(finished || s.choices.judged.contains(w)) {
            None
        } else if mots.contains(&w.as_str()) {
            Some(("copy", text::MARK_REAL))
        } else if well_formed(w, &pairs) {
            Some(("new", text::MARK_NEW))
        } else {
            Some(("odd", text::MARK_ODD))
        };
        let on = s.choices.picked.as_deref() == Some(w.as_str());
        let pick = {
            let (c, w) = (s.choices.clone(), w.clone());
            move |_| {
                let mut next = (*c).clone();
                if next.picked.as_deref() != Some(w.as_str()) {
                    next.tries += 1;
                }
                if !next.judged.contains(&w) {
                    next.judged.push(w.clone());
                }
                next.picked = Some(w.clone());
                c.set(next);
            }
        };
        html! {
            <li class={classes!("chip", mark.map(|m| m.0), on.then_some("picked"))}>
                <button type="button" class="chip-btn" aria-pressed={on.to_string()} aria-label={format!("{} {}", text::CHOOSE_WORD, w)} onclick={pick} disabled={w.is_empty()}>{ shown_name(w) }</button>
                if let Some((_, m)) = mark { <small>{ m }</small> }
            </li>
        }
    };
    html! {
        <>
            <div class="card">
                { paragraph(text::DICTIONARY) }
                <button type="button" class="btn primary" onclick={launch} disabled={running} data-testid="dictionary-train">{ icon(Icon::Play) }{ text::DICTIONARY_BUTTON }</button>
                if let Some(j) = job_state {
                    <p aria-live="polite">{ text::racing(&j.label, j.step, j.tokens_per_second()) }</p>
                    if let Some(l) = j.test_loss { <p>{ text::test_loss_line(l, j.test_names) }</p> }
                    if let Some(e) = &j.error { <p class="feedback ko" role="alert">{ e.clone() }</p> }
                }
                if trained.is_some() {
                    { temperature_slider(*s.temperature, s.temperature.clone(), "dict-temp") }
                    <button type="button" class="btn primary" onclick={invent} data-testid="dictionary-invent">{ text::INVENT }</button>
                    <ul class="chips marked" data-testid="dictionary-words">
                        { for s.words.iter().map(word_chip) }
                    </ul>
                }
            </div>
            <Exercise id={ids::B_E4} prompt={html! { <p>{ text::E4_PROMPT }</p> }} hint={text::E4_HINT} attempt={s.choices.tries} kind={Kind::Task { verdict }} />
        </>
    }
}
