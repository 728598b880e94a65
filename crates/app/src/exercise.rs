//! "À toi de jouer !" — one exercise: the pupil answers or acts, the page checks for real,
//! answers in green or red, offers a hint on demand, and records the outcome.
//!
//! Honest exercises (course convention 9): a prediction or a multiple choice is answered once —
//! the first answer is the one that counts, and after a wrong one the page says so kindly and
//! shows the result, never "bien prédit". Questions whose answer the pupil types or does (a
//! number, a letter, an action in a widget) can be retried: the page checks the real answer.

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action, Outcome};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a one-shot answer turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Not an answer yet (empty, not a letter, the picture is not there yet): try again, the
    /// shot is not spent.
    NotYet(String),
    Right(String),
    Wrong(String),
}

/// How the pupil answers.
#[derive(Clone, PartialEq)]
pub enum Kind {
    /// Types a letter, word or number; `check` says Ok(praise) or Err(why not yet). Retries
    /// allowed: the page checks the real answer each time.
    Answer {
        placeholder: &'static str,
        check: Callback<String, Result<String, String>>,
    },
    /// Predicts before seeing: the first real answer counts, right or wrong.
    Predict {
        placeholder: &'static str,
        check: Callback<String, Verdict>,
    },
    /// Picks one option: the first real choice counts, right or wrong.
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
        verdict: Option<Verdict>,
    },
    /// Does something in a widget above; the page reports the outcome from its own state:
    /// `Some(Ok(praise))` once done, `Some(Err(..))` for what is left to do, `None` before trying.
    Task {
        outcome: Option<Result<String, String>>,
    },
}

impl Kind {
    fn one_shot(&self) -> bool {
        matches!(
            self,
            Kind::Predict { .. } | Kind::Choice { .. } | Kind::Bet { .. }
        )
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Stable id for the progress store, e.g. "l1.e2".
    pub id: &'static str,
    pub number: usize,
    pub prompt: Html,
    pub kind: Kind,
    pub hint: &'static str,
    /// Called after each real answer (predict-then-reveal exercises reveal the picture then).
    #[prop_or_default]
    pub on_answered: Callback<()>,
}

/// What the box shows under the question.
#[derive(Clone, PartialEq)]
enum Feedback {
    Ok(String),
    Ko(String),
    /// A one-shot answer that missed: said kindly, with the result.
    Missed(String),
    /// For a task: what is left to do (neutral voice).
    Todo(String),
}

#[function_component]
pub fn Exercise(props: &Props) -> Html {
    let progress = use_progress();
    let feedback = use_state(|| None::<Feedback>);
    let show_hint = use_state(|| false);
    let chosen = use_state(|| None::<usize>);
    let input = use_node_ref();
    let outcome = progress.outcome(props.id);

    // A new exercise in the same place on the page (the next step) starts closed and blank.
    {
        let (feedback, show_hint, chosen) = (feedback.clone(), show_hint.clone(), chosen.clone());
        use_effect_with(props.id, move |_| {
            feedback.set(None);
            show_hint.set(false);
            chosen.set(None);
        });
    }

    // A task is validated from the page's state: record it as soon as it succeeds.
    {
        let (progress, id) = (progress.clone(), props.id);
        let task_outcome = if let Kind::Task { outcome } = &props.kind {
            outcome.clone()
        } else {
            None
        };
        let feedback = feedback.clone();
        use_effect_with(task_outcome, move |o| match o {
            Some(Ok(m)) => {
                progress.dispatch(Action::Record(id.to_string(), Outcome::Solved));
                feedback.set(Some(Feedback::Ok(m.clone())));
            }
            Some(Err(m)) => feedback.set(Some(Feedback::Todo(m.clone()))),
            None => feedback.set(None),
        });
    }

    // A bet is judged when its experiment is over.
    {
        let (progress, id, feedback) = (progress.clone(), props.id, feedback.clone());
        let verdict = if let Kind::Bet { verdict, .. } = &props.kind {
            verdict.clone()
        } else {
            None
        };
        use_effect_with(verdict, move |v| match v {
            Some(Verdict::Right(m)) => {
                progress.dispatch(Action::Record(id.to_string(), Outcome::Solved));
                feedback.set(Some(Feedback::Ok(m.clone())));
            }
            Some(Verdict::Wrong(m)) => {
                progress.dispatch(Action::Record(id.to_string(), Outcome::Missed));
                feedback.set(Some(Feedback::Missed(m.clone())));
            }
            _ => {}
        });
    }

    let one_shot_done = props.kind.one_shot() && outcome.is_some();
    let record_verdict = {
        let (progress, feedback, id, on_answered) = (
            progress.clone(),
            feedback.clone(),
            props.id,
            props.on_answered.clone(),
        );
        Callback::from(move |v: Verdict| match v {
            Verdict::NotYet(m) => feedback.set(Some(Feedback::Ko(m))),
            Verdict::Right(m) => {
                progress.dispatch(Action::Record(id.to_string(), Outcome::Solved));
                feedback.set(Some(Feedback::Ok(m)));
                on_answered.emit(());
            }
            Verdict::Wrong(m) => {
                progress.dispatch(Action::Record(id.to_string(), Outcome::Missed));
                feedback.set(Some(Feedback::Missed(m)));
                on_answered.emit(());
            }
        })
    };

    let body = match &props.kind {
        Kind::Answer { placeholder, .. } | Kind::Predict { placeholder, .. } => {
            let submit = {
                let (input, kind, feedback, progress, id, on_answered, record_verdict) = (
                    input.clone(),
                    props.kind.clone(),
                    feedback.clone(),
                    progress.clone(),
                    props.id,
                    props.on_answered.clone(),
                    record_verdict.clone(),
                );
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let Some(el) = input.cast::<HtmlInputElement>() else {
                        return;
                    };
                    let value = el.value();
                    if value.trim().is_empty() {
                        feedback.set(Some(Feedback::Ko(
                            crate::content::common::EMPTY_ANSWER.into(),
                        )));
                        return;
                    }
                    match &kind {
                        Kind::Answer { check, .. } => {
                            let result = check.emit(value);
                            if result.is_ok() {
                                progress.dispatch(Action::Record(id.to_string(), Outcome::Solved));
                            }
                            feedback.set(Some(match result {
                                Ok(m) => Feedback::Ok(m),
                                Err(m) => Feedback::Ko(m),
                            }));
                            on_answered.emit(());
                        }
                        Kind::Predict { check, .. } => record_verdict.emit(check.emit(value)),
                        _ => {}
                    }
                })
            };
            let locked = one_shot_done;
            html! {
                <form class="answer" onsubmit={submit}>
                    <label>
                        <span class="sr-only">{ if props.kind.one_shot() { "Ta prédiction" } else { "Ta réponse" } }</span>
                        <input ref={input} type="text" placeholder={*placeholder} autocomplete="off" disabled={locked} data-exercise-input={props.id} />
                    </label>
                    <button type="submit" class="btn primary" disabled={locked}>{ if props.kind.one_shot() { "Valider ma prédiction" } else { "Vérifier" } }</button>
                </form>
            }
        }
        Kind::Choice { options, check } => html! {
            <div class="choices" role="group" aria-label="Choisis une réponse (une seule fois)">
                { for options.iter().enumerate().map(|(i, label)| {
                    let (check, record, chosen) = (check.clone(), record_verdict.clone(), chosen.clone());
                    let picked = *chosen == Some(i);
                    html! { <button type="button" class={classes!("btn", "choice", picked.then_some("picked"))} disabled={one_shot_done}
                        aria-pressed={picked.to_string()} data-choice={i.to_string()}
                        onclick={Callback::from(move |_| {
                            let v = check.emit(i);
                            if !matches!(v, Verdict::NotYet(_)) { chosen.set(Some(i)); }
                            record.emit(v)
                        })}>{ label.clone() }</button> }
                }) }
            </div>
        },
        Kind::Bet {
            options,
            picked,
            on_pick,
            waiting,
            verdict,
        } => html! {
            <>
                <div class="choices" role="group" aria-label="Choisis une réponse (une seule fois)">
                    { for options.iter().enumerate().map(|(i, label)| {
                        let pick = on_pick.clone();
                        let on = *picked == Some(i);
                        html! { <button type="button" class={classes!("btn", "choice", on.then_some("picked"))} aria-pressed={on.to_string()}
                            disabled={one_shot_done || picked.is_some()} data-choice={i.to_string()} onclick={Callback::from(move |_| pick.emit(i))}>{ label.clone() }</button> }
                    }) }
                </div>
                if picked.is_some() && verdict.is_none() && !one_shot_done {
                    <p class="feedback todo" role="status">{ icon(Icon::Arrow) }{ waiting.clone() }</p>
                }
            </>
        },
        Kind::Task { .. } => html! {
            <p class="task-note">{ crate::content::common::TASK_NOTE }</p>
        },
    };

    // One message at a time: a fresh answer's feedback, else the recorded outcome.
    let (status_class, message) = match (&*feedback, outcome) {
        (Some(Feedback::Ok(m)), _) => (
            "ok",
            html! {
                <p class="feedback ok" role="status">{ icon(Icon::Check) }{ m.clone() }</p>
            },
        ),
        (Some(Feedback::Missed(m)), _) => (
            "missed",
            html! {
                <p class="feedback missed" role="status">{ icon(Icon::Eye) }{ m.clone() }</p>
            },
        ),
        (Some(Feedback::Ko(m)), _) => (
            "ko",
            html! {
                <p class="feedback ko" role="status">{ icon(Icon::Cross) }{ m.clone() }</p>
            },
        ),
        (Some(Feedback::Todo(m)), _) => (
            "todo",
            html! {
                <p class="feedback todo" role="status">{ icon(Icon::Arrow) }{ m.clone() }</p>
            },
        ),
        (None, Some(Outcome::Solved)) => (
            "ok",
            html! {
                <p class="feedback ok" role="status">{ icon(Icon::Check) }{ crate::content::common::ALREADY_SOLVED }</p>
            },
        ),
        (None, Some(Outcome::Missed)) => (
            "missed",
            html! {
                <p class="feedback missed" role="status">{ icon(Icon::Eye) }{ crate::content::common::ALREADY_MISSED }</p>
            },
        ),
        (None, None) => ("", html! {}),
    };
    let toggle_hint = {
        let show_hint = show_hint.clone();
        Callback::from(move |_| show_hint.set(!*show_hint))
    };
    // A fresh wrong answer on a solved exercise: the red message alone, not next to "réussi".
    let fresh_ko = matches!(&*feedback, Some(Feedback::Ko(_)));
    let badge = match outcome {
        _ if fresh_ko => html! {},
        Some(Outcome::Solved) => {
            html! { <span class="badge-done">{ icon(Icon::Check) }{ "réussi" }</span> }
        }
        Some(Outcome::Missed) => html! { <span class="badge-missed">{ "fait" }</span> },
        None => html! {},
    };

    html! {
        <section class={classes!("exercise", status_class)} data-exercise={props.id} data-outcome={outcome.map(|o| format!("{o:?}").to_lowercase())} aria-labelledby={format!("{}-title", props.id)}>
            <h3 id={format!("{}-title", props.id)}>
                { format!("À toi de jouer\u{a0}! (Exercice {})", props.number) }
                { badge }
            </h3>
            if props.kind.one_shot() && !one_shot_done {
                <p class="one-shot">{ crate::content::common::ONE_SHOT }</p>
            }
            <div class="prompt">{ props.prompt.clone() }</div>
            { body }
            { message }
            <button type="button" class="btn hint" aria-expanded={show_hint.to_string()} onclick={toggle_hint}>{ icon(Icon::Bulb) }{ "Coup de pouce" }</button>
            if *show_hint { <p class="hint-text">{ props.hint }</p> }
        </section>
    }
}
