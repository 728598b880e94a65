//! The bonus lesson's proverbs: the large model learns the « Proverbes » for a short live run
//! (in a worker), writes sentences, and the pupil picks the one that could be a real proverb and
//! ticks why (exercise 5). Every sentence offered is the model's own; the page only chooses which
//! of its draws to show (`rules::offered`: a right one and a wrong one at least).

use super::{job, share_of_cores, states, Jobs};
use crate::exercise::{Exercise, Kind};
use crate::icons::{icon, Icon};
use crate::progress::ProgressHandle;
use crate::training::use_runs;
use crate::worker::client::JobHandle;
use course::content::{bonus as text, marks};
use course::ids;
use course::rules::bonus as rules;
use course::rules::Verdict;
use course::worker::protocol::Data;
use minigpt::data::Dataset;
use minigpt::judge::{Judge, Judgement, Verdict as Judged};
use minigpt::Config;
use std::rc::Rc;
use yew::prelude::*;

/// The live run's length: the step's wait (the speed test counts it as the bonus's).
pub const SECONDS: u32 = 40;
/// The temperature of the sentences (the command line's samples are drawn at the same one).
const TEMPERATURE: f32 = 0.5;
/// Sentences drawn at a time, and how many times at most before the page says none is new.
const DRAW: usize = 10;
const MAX_DRAWS: u64 = 30;
/// A sentence stops at this many letters (95 % of the proverbs have at most 55).
const MAX_LETTERS: usize = 64;

/// One of the model's sentences and how `minigpt::judge` sees it.
#[derive(Clone, PartialEq)]
pub struct Sentence {
    text: String,
    judgement: Judgement,
}

/// The exercise's state: the sentences offered, the pupil's pick and ticks, what was checked.
#[derive(Clone, Default, PartialEq)]
pub struct Choice {
    sentences: Vec<Sentence>,
    /// The model wrote no new sentence (or no wrong one) in `MAX_DRAWS` draws.
    none_found: bool,
    /// The sentences written so far while the model is writing.
    writing: Option<usize>,
    /// How many sentences the model wrote for the set offered.
    drawn: usize,
    picked: Option<usize>,
    reasons: [bool; 4],
    /// The sentences already checked: they show their marks.
    judged: Vec<usize>,
    /// The last pair checked, its verdict, and how many different pairs were checked (tries).
    checked: Option<(usize, [bool; 4])>,
    verdict: Option<Verdict>,
    tries: u32,
}

pub enum Act {
    Writing(usize),
    Offer(Option<Vec<Sentence>>, usize),
    Pick(usize),
    Tick(usize),
    Check,
}

impl Reducible for Choice {
    type Action = Act;
    fn reduce(self: Rc<Self>, act: Act) -> Rc<Self> {
        let mut next = (*self).clone();
        match act {
            Act::Writing(n) => next.writing = Some(n),
            Act::Offer(offer, drawn) => {
                (next.writing, next.drawn) = (None, drawn);
                next.none_found = offer.is_none();
                next.sentences = offer.unwrap_or_default();
                (next.picked, next.judged, next.checked, next.verdict) = (None, vec![], None, None);
            }
            Act::Pick(i) => next.picked = Some(i),
            Act::Tick(r) => next.reasons[r] = !next.reasons[r],
            Act::Check => {
                let Some(i) = next.picked else { return self };
                let s = &next.sentences[i];
                let verdict =
                    rules::possible_proverb(true, Some((&s.text, &s.judgement)), next.reasons);
                if verdict.is_none() || next.checked == Some((i, next.reasons)) {
                    return self;
                }
                next.tries += 1;
                next.checked = Some((i, next.reasons));
                if !next.judged.contains(&i) {
                    next.judged.push(i);
                }
                next.verdict = verdict;
            }
        }
        Rc::new(next)
    }
}

pub struct Proverbs {
    jobs: Jobs,
    redraw: Rc<dyn Fn()>,
    choice: UseReducerHandle<Choice>,
}

impl Proverbs {
    pub fn running(&self) -> bool {
        !self.jobs.borrow().is_empty()
    }
}

#[hook]
pub fn use_proverbs() -> Proverbs {
    let (jobs, redraw) = use_runs::<Vec<JobHandle>>();
    Proverbs {
        jobs,
        redraw,
        choice: use_reducer(Choice::default),
    }
}

/// One draw of `DRAW` sentences, judged against the proverbs, added to `drawn` (without
/// repeats or the rude words chance can assemble).
fn draw_sentences(model: &minigpt::Gpt, judge: &Judge, seed: u64, drawn: &mut Vec<Sentence>) {
    use course::content::common::is_rude;
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    for _ in 0..DRAW {
        let text = minigpt::sample::generate(model, "", TEMPERATURE, MAX_LETTERS, &mut rng).0;
        let text = text.trim().to_string();
        let decent = !text.split([' ', '\'', ',', '-']).any(is_rude);
        if decent && !text.is_empty() && drawn.iter().all(|s| s.text != text) {
            let judgement = judge.judge(&text);
            drawn.push(Sentence { text, judgement });
        }
    }
}

/// Draws sentences until `rules::offered` finds a set to offer, one draw per timer tick so the
/// page stays responsive (a sentence of the large model takes a moment), at most `MAX_DRAWS`.
fn write_sentences(
    model: Rc<minigpt::Gpt>,
    judge: Rc<Judge>,
    seed: u64,
    round: u64,
    mut drawn: Vec<Sentence>,
    choice: UseReducerHandle<Choice>,
) {
    draw_sentences(&model, &judge, seed.wrapping_add(round * 7919), &mut drawn);
    let verdicts: Vec<Judged> = drawn.iter().map(|s| s.judgement.verdict).collect();
    if let Some(chosen) = rules::offered(&verdicts) {
        use rand::{seq::SliceRandom, SeedableRng};
        let mut offer: Vec<Sentence> = chosen.into_iter().map(|i| drawn[i].clone()).collect();
        offer.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed));
        choice.dispatch(Act::Offer(Some(offer), drawn.len()));
    } else if round + 1 >= MAX_DRAWS {
        choice.dispatch(Act::Offer(None, drawn.len()));
    } else {
        choice.dispatch(Act::Writing(drawn.len()));
        gloo::timers::callback::Timeout::new(0, move || {
            write_sentences(model, judge, seed, round + 1, drawn, choice)
        })
        .forget();
    }
}

/// A sentence as the pupil reads it; once judged, its mark and its non-French words shown.
fn sentence_view(s: &Sentence, marked: bool) -> Html {
    if !marked {
        return html! { <span class="sentence">{ s.text.clone() }</span> };
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for w in s.judgement.words.iter().filter(|w| !w.french) {
        parts.push(html! { { s.text[at..w.range.start].to_string() } });
        parts.push(html! { <mark class="not-french" aria-label={text::not_french(&w.text)}>{ w.text.clone() }</mark> });
        at = w.range.end;
    }
    parts.push(html! { { s.text[at..].to_string() } });
    html! { <span class="sentence">{ for parts }</span> }
}

fn mark_of(v: Judged) -> (&'static str, &'static str) {
    match v {
        Judged::Copied => ("copy", marks::COPY),
        Judged::New => ("new", marks::NEW),
        Judged::Odd => ("odd", marks::ODD),
    }
}

pub fn step(p: &Proverbs, progress: &ProgressHandle) -> Html {
    let st = states(&p.jobs);
    let job_state = st.first();
    let running = job_state.is_some_and(|j| !j.is_over());
    let trained = job_state.filter(|j| j.is_over() && j.model.is_some());
    let launch = {
        let (jobs, redraw, choice) = (p.jobs.clone(), p.redraw.clone(), p.choice.clone());
        Callback::from(move |_| {
            let mut all = jobs.borrow_mut();
            all.clear();
            all.push(JobHandle::start(
                job(
                    Config::phase2_sentences(),
                    Data::Builtin(Dataset::Proverbes),
                    SECONDS,
                ),
                text::PROVERBS_RUN.to_string(),
                share_of_cores(1),
                redraw.clone(),
            ));
            drop(all);
            choice.dispatch(Act::Offer(Some(Vec::new()), 0));
            redraw();
        })
    };
    let write = {
        let (choice, jobs) = (p.choice.clone(), p.jobs.clone());
        Callback::from(move |_| {
            // The trained model, taken when the pupil asks (not copied at every drawing).
            let model = jobs
                .borrow()
                .first()
                .and_then(|j| j.state.borrow().model.clone());
            if let Some(m) = model {
                choice.dispatch(Act::Writing(0));
                let judge = Rc::new(Judge::new(&Dataset::Proverbes.names()));
                let seed = js_sys::Date::now() as u64;
                write_sentences(Rc::new(m), judge, seed, 0, Vec::new(), choice.clone());
            }
        })
    };
    let c = &*p.choice;
    let finished = progress.outcome(ids::B_E5).is_some();
    let verdict = if trained.is_none() {
        rules::possible_proverb(false, None, c.reasons)
    } else {
        c.verdict.clone()
    };
    html! {
        <>
            <div class="card">
                <p>{ text::PROVERBS }</p>
                <button type="button" class="btn primary" onclick={launch} disabled={running || c.writing.is_some()} data-testid="proverbs-train">{ icon(Icon::Play) }{ text::PROVERBS_BUTTON }</button>
                if let Some(j) = job_state {
                    <p aria-live="polite" data-testid="proverbs-status">{ text::racing(&j.label, j.step, j.tokens_per_second()) }</p>
                    if let Some(l) = j.test_loss { <p>{ text::proverbs_loss_line(l, j.test_names) }</p> }
                    if let Some(e) = &j.error { <p class="feedback ko" role="alert">{ e.clone() }</p> }
                }
                if trained.is_some() {
                    <button type="button" class="btn primary" onclick={write} disabled={c.writing.is_some()} data-testid="proverbs-write">{ text::WRITE }</button>
                    if let Some(n) = c.writing { <p role="status" data-testid="proverbs-writing">{ text::writing(n) }</p> }
                    if c.none_found { <p class="feedback ko" role="status" data-testid="proverbs-none">{ text::NONE_OFFERED }</p> }
                    { choosing(p, finished) }
                }
            </div>
            <Exercise id={ids::B_E5} prompt={html! { <p>{ text::E5_PROMPT }</p> }} hint={text::E5_HINT} attempt={c.tries} kind={Kind::Task { verdict }} />
        </>
    }
}

/// The sentences to pick from and the reasons to tick (exercise 5).
fn choosing(p: &Proverbs, finished: bool) -> Html {
    let c = &*p.choice;
    let row = |(i, s): (usize, &Sentence)| {
        let marked = finished || c.judged.contains(&i);
        let mark = marked.then(|| mark_of(s.judgement.verdict));
        let on = c.picked == Some(i);
        let pick = {
            let choice = p.choice.clone();
            move |_| choice.dispatch(Act::Pick(i))
        };
        html! {
            <li class={classes!("chip", mark.map(|m| m.0), on.then_some("picked"))} data-verdict={marked.then(|| mark_of(s.judgement.verdict).0)}>
                <button type="button" class="chip-btn" aria-pressed={on.to_string()} aria-label={format!("{} {}", text::CHOOSE_SENTENCE, s.text)} onclick={pick}>{ sentence_view(s, marked) }</button>
                if let Some((_, m)) = mark { <small>{ m }</small> }
            </li>
        }
    };
    let tick = |(r, label): (usize, &&str)| {
        let choice = p.choice.clone();
        html! {
            <label class="row"><input type="checkbox" checked={c.reasons[r]} data-testid={format!("reason-{r}")}
                onchange={move |_| choice.dispatch(Act::Tick(r))} />{ *label }</label>
        }
    };
    let check = {
        let choice = p.choice.clone();
        move |_| choice.dispatch(Act::Check)
    };
    html! {
        <>
            <ul class="chips marked sentences" data-testid="proverbs-sentences" data-count={c.sentences.len().to_string()} data-drawn={c.drawn.to_string()}>
                { for c.sentences.iter().enumerate().map(row) }
            </ul>
            if !c.sentences.is_empty() {
                <fieldset class="reasons"><legend>{ text::REASONS_TITLE }</legend>
                    { for text::E5_REASONS.iter().enumerate().map(tick) }
                </fieldset>
                <button type="button" class="btn" onclick={check} disabled={c.picked.is_none() || !c.reasons.contains(&true)} data-testid="proverbs-check">{ text::CHECK }</button>
            }
        </>
    }
}
