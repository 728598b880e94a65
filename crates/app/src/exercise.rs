//! "À toi de jouer !" — one exercise: the pupil answers or acts, the page checks for real,
//! answers in green or red, offers a hint on demand, and records the success.

use crate::progress::{use_progress, Action};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How the pupil answers.
#[derive(Clone, PartialEq)]
pub enum Kind {
    /// Types a letter, word or number; `check` says Ok(praise) or Err(why not yet).
    Answer {
        placeholder: &'static str,
        check: Callback<String, Result<String, String>>,
    },
    /// Picks one of the options; `check` receives the chosen index.
    Choice {
        options: Vec<String>,
        check: Callback<usize, Result<String, String>>,
    },
    /// Does something in a widget above; the page reports the outcome from its own state:
    /// `Some(Ok(praise))` once done, `Some(Err(..))` for a near miss, `None` before trying.
    Task {
        outcome: Option<Result<String, String>>,
    },
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Stable id for the progress store, e.g. "l1.e2".
    pub id: &'static str,
    pub number: usize,
    pub prompt: Html,
    pub kind: Kind,
    pub hint: &'static str,
    /// Called after each answer (predict-then-reveal exercises reveal the picture then).
    #[prop_or_default]
    pub on_answered: Callback<()>,
}

#[function_component]
pub fn Exercise(props: &Props) -> Html {
    let progress = use_progress();
    let feedback = use_state(|| None::<Result<String, String>>);
    let show_hint = use_state(|| false);
    let input = use_node_ref();
    let already = progress.is_done(props.id);

    // A task is validated from the page's state: record it as soon as it succeeds.
    {
        let (progress, id) = (progress.clone(), props.id);
        let outcome = if let Kind::Task { outcome } = &props.kind {
            outcome.clone()
        } else {
            None
        };
        let feedback = feedback.clone();
        use_effect_with(outcome, move |outcome| {
            if let Some(result) = outcome {
                if result.is_ok() {
                    progress.dispatch(Action::Solve(id.to_string()));
                }
            }
            feedback.set(outcome.clone());
        });
    }

    let record = {
        let (progress, feedback, id, on_answered) = (
            progress.clone(),
            feedback.clone(),
            props.id,
            props.on_answered.clone(),
        );
        Callback::from(move |result: Result<String, String>| {
            if result.is_ok() {
                progress.dispatch(Action::Solve(id.to_string()));
            }
            feedback.set(Some(result));
            on_answered.emit(());
        })
    };

    let body = match &props.kind {
        Kind::Answer { placeholder, check } => {
            let submit = {
                let (input, check, record, feedback) = (
                    input.clone(),
                    check.clone(),
                    record.clone(),
                    feedback.clone(),
                );
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let Some(el) = input.cast::<HtmlInputElement>() else {
                        return;
                    };
                    let value = el.value();
                    if value.trim().is_empty() {
                        feedback.set(Some(Err("Écris d'abord ta réponse dans la case.".into())));
                        return;
                    }
                    record.emit(check.emit(value));
                })
            };
            html! {
                <form class="answer" onsubmit={submit}>
                    <label>
                        <span class="sr-only">{ "Ta réponse" }</span>
                        <input ref={input} type="text" placeholder={*placeholder} autocomplete="off" data-exercise-input={props.id} />
                    </label>
                    <button type="submit" class="btn primary">{ "Vérifier" }</button>
                </form>
            }
        }
        Kind::Choice { options, check } => html! {
            <div class="choices" role="group">
                { for options.iter().enumerate().map(|(i, label)| {
                    let (check, record) = (check.clone(), record.clone());
                    html! { <button type="button" class="btn choice" onclick={Callback::from(move |_| record.emit(check.emit(i)))}>{ label.clone() }</button> }
                }) }
            </div>
        },
        Kind::Task { .. } => html! {
            <p class="task-note">{ "Fais-le dans l'activité juste au-dessus : la page vérifie toute seule." }</p>
        },
    };

    // For a task, "not yet" is the next thing to do, not a mistake: say it in a neutral voice.
    let is_task = matches!(props.kind, Kind::Task { .. });
    let (status_class, message) = match &*feedback {
        Some(Err(m)) if is_task => (
            "todo",
            html! { <p class="feedback todo" role="status"><span aria-hidden="true">{ "→ " }</span>{ m.clone() }</p> },
        ),
        Some(Ok(m)) => (
            "ok",
            html! { <p class="feedback ok" role="status"><span aria-hidden="true">{ "🎉 " }</span>{ m.clone() }</p> },
        ),
        Some(Err(m)) => (
            "ko",
            html! { <p class="feedback ko" role="status"><span aria-hidden="true">{ "✗ " }</span>{ m.clone() }</p> },
        ),
        None if already => (
            "ok",
            html! { <p class="feedback ok" role="status">{ "✓ Déjà réussi ! Tu peux le refaire si tu veux." }</p> },
        ),
        None => ("", html! {}),
    };
    let toggle_hint = {
        let show_hint = show_hint.clone();
        Callback::from(move |_| show_hint.set(!*show_hint))
    };

    html! {
        <section class={classes!("exercise", status_class, already.then_some("done"))} data-exercise={props.id} aria-labelledby={format!("{}-title", props.id)}>
            <h3 id={format!("{}-title", props.id)}>
                { format!("À toi de jouer ! (Exercice {})", props.number) }
                if already { <span class="badge-done">{ " ✓ réussi" }</span> }
            </h3>
            <div class="prompt">{ props.prompt.clone() }</div>
            { body }
            { message }
            <button type="button" class="btn hint" aria-expanded={show_hint.to_string()} onclick={toggle_hint}>{ "💡 Coup de pouce" }</button>
            if *show_hint { <p class="hint-text">{ props.hint }</p> }
        </section>
    }
}
