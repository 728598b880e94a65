//! "À toi de jouer !" — one exercise: the pupil answers or acts, the page checks for real,
//! answers in green or red, offers a hint on demand, and records the outcome.
//!
//! What « réussi » means (course convention 11): a typed answer found within 3 tries, a one-shot
//! question (prediction, multiple choice, bet) answered right the first time, or an action the
//! page checked. A typed answer found later, or a one-shot answered wrong, is « fait». Each
//! lesson's rules (`course::rules`) say what is right: pure functions, tested natively.
//!
//! - `typed`: a letter, word or number typed (retries counted) or predicted (once);
//! - `choice`: a multiple choice or a bet, its options in an order of the pupil's own;
//! - `explain`: « À toi d'expliquer », one sentence in the pupil's words (not graded).

pub mod choice;
pub mod explain;
pub mod typed;

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action, Outcome, ProgressHandle, Reason};
use course::content::common as text;
use course::progress::store::{Change, SOLVED_WITHIN};
use course::rules::Verdict;
use yew::prelude::*;

/// How the pupil answers. A box's example (its placeholder) is not given here: it comes from
/// `course::content::placeholder`, the one table a test checks against every rule.
#[derive(Clone, PartialEq)]
pub enum Kind {
    /// Types a letter, word or number; every real answer is a try (« réussi » within 3).
    Answer { check: Callback<String, Verdict> },
    /// Predicts before seeing: the first real answer counts, right or wrong.
    Predict { check: Callback<String, Verdict> },
    /// Picks one option (shown in an order of the pupil's own): the first real choice counts.
    Choice {
        options: Vec<String>,
        check: Callback<usize, Verdict>,
    },
    /// Predicts among options before an experiment runs: the first pick counts, and the page
    /// judges it once the experiment's result (`verdict`) exists.
    Bet {
        options: Vec<String>,
        picked: Option<usize>,
        on_pick: Callback<usize>,
        /// Said right after the pick, while the result does not exist yet.
        waiting: String,
        /// The experiment has started: too late to bet (its result must not be known first).
        closed: bool,
        verdict: Option<Verdict>,
    },
    /// Does something in the step's activity; the page judges it from its own state: `Right`
    /// once done, `Wrong` for what is left to do, `None` before trying. A task whose tries
    /// count (a pair picked, a word chosen) also gives `Props::attempt`.
    Task { verdict: Option<Verdict> },
}

impl Kind {
    pub fn one_shot(&self) -> bool {
        matches!(
            self,
            Kind::Predict { .. } | Kind::Choice { .. } | Kind::Bet { .. }
        )
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: &'static str,
    pub prompt: Html,
    pub kind: Kind,
    pub hint: &'static str,
    /// Called after each real answer (predict-then-reveal exercises reveal the picture then).
    #[prop_or_default]
    pub on_answered: Callback<()>,
    /// For a task whose tries count: how many real attempts the pupil has made on this page
    /// (a pair picked, a word chosen, names added). Each new attempt judged `Wrong` is a try;
    /// `Right` after more than 3 tries is « fait ». 0: a task whose `Wrong` is only what is
    /// left to do (its tries are not counted).
    #[prop_or_default]
    pub attempt: u32,
}

/// What the box shows under the question.
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    Ok(String),
    Ko(String),
    /// A one-shot answer that missed: said kindly, with the result.
    Missed(String),
    /// What is left to do (neutral voice).
    Todo(String),
}

/// The exercise's reply to an answer: records it and says what it was.
#[derive(Clone, PartialEq)]
pub struct Reply {
    id: &'static str,
    progress: ProgressHandle,
    feedback: UseStateHandle<Option<Feedback>>,
    on_answered: Callback<()>,
}

impl Reply {
    /// A verdict on a typed answer, a prediction or a choice (`answer`: as typed or chosen).
    pub fn answer(&self, verdict: Verdict, one_shot: bool, answer: String) {
        let right = verdict.is_right();
        let feedback = match verdict {
            Verdict::NotAnAnswer(m) => {
                self.feedback.set(Some(Feedback::Ko(m)));
                return;
            }
            Verdict::Right(m) => Feedback::Ok(m),
            Verdict::Wrong(m) if one_shot => Feedback::Missed(m),
            Verdict::Wrong(m) => Feedback::Ko(m),
        };
        let id = self.id.to_string();
        self.progress.dispatch(Action::Change(Change::Answered {
            id,
            right,
            one_shot,
            answer,
        }));
        self.feedback.set(Some(feedback));
        self.on_answered.emit(());
    }
}

/// Feedback state that starts blank again when another exercise takes this place on the page.
#[hook]
fn use_feedback(id: &'static str) -> (UseStateHandle<Option<Feedback>>, UseStateHandle<bool>) {
    let feedback = use_state(|| None::<Feedback>);
    let show_hint = use_state(|| false);
    {
        let (feedback, show_hint) = (feedback.clone(), show_hint.clone());
        use_effect_with(id, move |_| {
            feedback.set(None);
            show_hint.set(false);
        });
    }
    (feedback, show_hint)
}

/// A task or a bet is judged from the page's state: recorded when its verdict arrives. A
/// task's new attempt judged wrong is a try; an attempt made before this exercise was drawn
/// (the pupil came back to the step) is not counted again.
#[hook]
fn use_judged(reply: Reply, kind: &Kind, attempt: u32) {
    let (verdict, one_shot, picked) = match kind {
        Kind::Task { verdict } => (verdict.clone(), false, String::new()),
        Kind::Bet {
            verdict,
            options,
            picked,
            ..
        } => (
            verdict.clone(),
            true,
            picked
                .and_then(|i| options.get(i).cloned())
                .unwrap_or_default(),
        ),
        _ => (None, false, String::new()),
    };
    let counted = use_mut_ref(|| attempt);
    use_effect_with((verdict, attempt), move |(v, attempt)| {
        let new_attempt = *attempt > *counted.borrow();
        *counted.borrow_mut() = *attempt;
        match (v, one_shot) {
            (Some(Verdict::Right(m)), false) => {
                reply
                    .progress
                    .dispatch(Action::Change(Change::Completed(reply.id.into())));
                reply.feedback.set(Some(Feedback::Ok(m.clone())));
            }
            (Some(Verdict::Wrong(m)), false) => {
                if new_attempt {
                    reply
                        .progress
                        .dispatch(Action::Change(Change::TaskTried(reply.id.into())));
                }
                reply.feedback.set(Some(Feedback::Todo(m.clone())));
            }
            (Some(v), true) if !matches!(v, Verdict::NotAnAnswer(_)) => {
                reply.answer(v.clone(), true, picked.clone())
            }
            (None, false) => reply.feedback.set(None),
            _ => {}
        }
    });
}

#[function_component]
pub fn Exercise(props: &Props) -> Html {
    let progress = use_progress();
    let (feedback, show_hint) = use_feedback(props.id);
    let reply = Reply {
        id: props.id,
        progress: progress.clone(),
        feedback: feedback.clone(),
        on_answered: props.on_answered.clone(),
    };
    use_judged(reply.clone(), &props.kind, props.attempt);
    let record = progress.record(props.id);
    let locked = props.kind.one_shot() && record.closed();
    // The answer key marks every one-shot as seen from `seen::ONE_SHOTS`: a one-shot missing
    // there could be copied from the key (every e2e run fails on this console error).
    let unlisted = props.kind.one_shot()
        && !course::progress::seen::is_one_shot(props.id)
        && course::content::exercise_place(props.id).is_some();
    use_effect_with((props.id, unlisted), |(id, unlisted)| {
        if *unlisted {
            gloo::console::error!(format!("{id} is a one-shot missing from seen::ONE_SHOTS"));
        }
    });
    let body = match &props.kind {
        Kind::Answer { check } | Kind::Predict { check } => html! {
            <typed::TypedAnswer id={props.id} check={check.clone()} one_shot={props.kind.one_shot()} locked={locked} reply={reply.clone()} />
        },
        Kind::Choice { options, check } => html! {
            <choice::Choices id={props.id} options={options.clone()} locked={locked} on_pick={{
                let (check, reply, options) = (check.clone(), reply.clone(), options.clone());
                Callback::from(move |i: usize| {
                    let verdict = check.emit(i);
                    let counted = !matches!(verdict, Verdict::NotAnAnswer(_));
                    reply.answer(verdict, true, options.get(i).cloned().unwrap_or_default());
                    counted
                })
            }} />
        },
        Kind::Bet {
            options,
            picked,
            on_pick,
            waiting,
            closed,
            verdict,
        } => html! {
            <>
                <choice::Choices id={props.id} options={options.clone()} locked={locked || picked.is_some() || *closed} picked={*picked} on_pick={{
                    let pick = on_pick.clone();
                    Callback::from(move |i| { pick.emit(i); true })
                }} />
                if picked.is_some() && verdict.is_none() && !locked {
                    <p class="feedback todo" role="status">{ icon(Icon::Arrow) }{ waiting.clone() }</p>
                }
                if picked.is_none() && (*closed || record.revealed) && record.outcome.is_none() {
                    <p class="feedback todo" role="status">{ icon(Icon::Arrow) }{ text::BET_CLOSED }</p>
                }
            </>
        },
        Kind::Task { .. } => html! { <p class="task-note">{ text::TASK_NOTE }</p> },
    };
    // A one-shot answered after its answer was shown on this PC: « fait », and said so.
    let seen = props.kind.one_shot() && record.reason == Some(Reason::Seen) && !record.reopened;
    let message = if seen && !matches!(&*feedback, Some(Feedback::Ko(_))) {
        html! { <p class="feedback missed" role="status" data-testid="seen-note">{ icon(Icon::Eye) }{ text::SEEN_ANSWER }</p> }
    } else {
        message(&feedback, &record, props.kind.one_shot())
    };
    // The badge never contradicts the message: none beside a red or "to do" one.
    let contradicting = matches!(&*feedback, Some(Feedback::Ko(_) | Feedback::Todo(_)));
    let badge = match record.outcome {
        _ if contradicting => html! {},
        Some(Outcome::Solved) => {
            html! { <span class="badge-done">{ icon(Icon::Check) }{ text::BADGE_SOLVED }</span> }
        }
        Some(Outcome::Done) => html! { <span class="badge-missed">{ text::BADGE_DONE }</span> },
        None => html! {},
    };
    let status_class = match &*feedback {
        _ if seen => "missed",
        Some(Feedback::Ok(_)) => "ok",
        Some(Feedback::Missed(_)) => "missed",
        Some(Feedback::Ko(_)) => "ko",
        Some(Feedback::Todo(_)) => "todo",
        None => record
            .outcome
            .map_or("", |o| if o == Outcome::Solved { "ok" } else { "missed" }),
    };
    let toggle_hint = {
        let show_hint = show_hint.clone();
        Callback::from(move |_| show_hint.set(!*show_hint))
    };
    let number = course::content::exercise_number(props.id).unwrap_or(0);
    html! {
        <section class={classes!("exercise", status_class)} data-exercise={props.id} data-outcome={record.outcome.map(Outcome::key)}
            data-one-shot={props.kind.one_shot().then_some("true")} aria-labelledby={format!("{}-title", props.id)}>
            <h3 id={format!("{}-title", props.id)}>{ text::exercise_title(number) }{ badge }</h3>
            if props.kind.one_shot() && !locked {
                <p class="one-shot">{ if record.reopened { text::PRACTICE_ONE_SHOT } else { text::ONE_SHOT } }</p>
            }
            <div class="prompt">{ props.prompt.clone() }</div>
            { body }
            { message }
            <button type="button" class="btn hint" aria-expanded={show_hint.to_string()} onclick={toggle_hint}>{ icon(Icon::Bulb) }{ text::HINT }</button>
            if *show_hint { <p class="hint-text">{ props.hint }</p> }
        </section>
    }
}

/// One message at a time: a fresh answer's feedback (with what the tries mean), else the
/// recorded outcome.
fn message(feedback: &Option<Feedback>, record: &crate::progress::Record, one_shot: bool) -> Html {
    let line = |class: &'static str, which: Icon, m: String| {
        html! { <p class={classes!("feedback", class)} role="status">{ icon(which) }{ m }</p> }
    };
    let tries_note =
        |note: String| html! { <p class="tries-note" data-testid="tries-note">{ note }</p> };
    match feedback {
        Some(Feedback::Ok(m)) => html! {
            <>
                { line("ok", Icon::Check, m.clone()) }
                if !one_shot && record.outcome == Some(Outcome::Done) && !record.reopened {
                    { tries_note(text::found_after(record.tries)) }
                }
            </>
        },
        Some(Feedback::Missed(m)) => line("missed", Icon::Eye, m.clone()),
        Some(Feedback::Ko(m)) => html! {
            <>
                { line("ko", Icon::Cross, m.clone()) }
                if !one_shot && record.outcome.is_none() && record.tries > 0 && !record.reopened {
                    { tries_note(text::tries_left(record.tries, SOLVED_WITHIN)) }
                }
            </>
        },
        Some(Feedback::Todo(m)) => html! {
            <>
                { line("todo", Icon::Arrow, m.clone()) }
                // A task whose wrong attempts count: what they mean, as for a typed answer.
                if !one_shot && record.outcome.is_none() && record.tries > 0 && !record.reopened {
                    { tries_note(text::tries_left(record.tries, SOLVED_WITHIN)) }
                }
            </>
        },
        None if record.reopened => {
            html! { <p class="feedback todo" role="status">{ icon(Icon::Arrow) }{ text::PRACTICE }</p> }
        }
        None => match record.outcome {
            Some(Outcome::Solved) => line("ok", Icon::Check, text::ALREADY_SOLVED.into()),
            Some(Outcome::Done) => line("missed", Icon::Eye, text::ALREADY_DONE.into()),
            None => html! {},
        },
    }
}
