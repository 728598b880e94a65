//! The « Qui es-tu ? » box: « Prénom I. » in one box, « Nous sommes deux » for a second box,
//! « C'est moi ». An empty box is refused in French; a name that already has work on this PC
//! asks « c'est bien toi ? » first (no: type another, e.g. with the initial).

use crate::progress::{use_progress, Action};
use course::content::pages as text;
use course::progress::identity::{self, Name, NamesError, MAX_NAME};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, Debug, Default, PartialEq)]
struct Form {
    /// « Nous sommes deux »: the partner's box is shown.
    pair: bool,
    /// Why the names were refused, or what to do after a « non ».
    error: Option<&'static str>,
    /// Names that already have work on this PC, waiting for « c'est bien toi ? ».
    confirm: Option<Vec<Name>>,
    /// Counts « non » answers: the name box takes the focus again each time.
    retries: u32,
}

enum Step {
    TogglePair,
    Refuse(&'static str),
    Ask(Vec<Name>),
    Deny,
}

impl Reducible for Form {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut next = (*self).clone();
        match step {
            Step::TogglePair => {
                next.pair = !next.pair;
                next.error = None;
            }
            Step::Refuse(why) => next.error = Some(why),
            Step::Ask(names) => {
                next.error = None;
                next.confirm = Some(names);
            }
            Step::Deny => {
                next.confirm = None;
                next.error = Some(text::ADD_INITIAL);
                next.retries += 1;
            }
        }
        Rc::new(next)
    }
}

fn refusal(e: NamesError) -> &'static str {
    match e {
        NamesError::Empty => text::EMPTY_NAME,
        NamesError::EmptyPartner => text::EMPTY_PARTNER,
        NamesError::Twice => text::SAME_NAME_TWICE,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called once the names are taken.
    pub on_done: Callback<()>,
}

#[function_component]
pub fn WhoForm(props: &Props) -> Html {
    let progress = use_progress();
    let form = use_reducer(Form::default);
    let (name, partner) = (use_node_ref(), use_node_ref());
    // The box takes the focus when it opens, and again after a « non ».
    {
        let name = name.clone();
        use_effect_with(form.retries, move |_| {
            if let Some(el) = name.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
        });
    }
    let take = {
        let (progress, on_done) = (progress.clone(), props.on_done.clone());
        Callback::from(move |names: Vec<Name>| {
            progress.dispatch(Action::Start(names));
            on_done.emit(());
        })
    };
    let submit = {
        let (progress, form, take) = (progress.clone(), form.clone(), take.clone());
        let (name, partner) = (name.clone(), partner.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|el| el.value());
            let first = value(&name).unwrap_or_default();
            let second = if form.pair {
                Some(value(&partner).unwrap_or_default())
            } else {
                None
            };
            match identity::session_of(&first, second.as_deref()) {
                Err(why) => form.dispatch(Step::Refuse(refusal(why))),
                Ok(names) if names.iter().any(|n| progress.has_work_elsewhere(n)) => {
                    form.dispatch(Step::Ask(names))
                }
                Ok(names) => take.emit(names),
            }
        })
    };
    let question = form
        .confirm
        .as_ref()
        .map(|names| confirm_view(names, &progress, &form, &take));
    let toggle = {
        let form = form.clone();
        Callback::from(move |_| form.dispatch(Step::TogglePair))
    };
    html! { <>
        // Kept (hidden) while « c'est bien toi ? » is asked: a « non » finds the names typed.
        <form onsubmit={submit} class="who-form" novalidate=true hidden={question.is_some()}>
            <label>{ text::YOUR_NAME }
                <input ref={name} type="text" maxlength={(MAX_NAME + 4).to_string()} autocomplete="off" placeholder={text::NAME_EXAMPLE}
                    aria-invalid={form.error.is_some().then_some("true")} data-testid="pupil-name" />
            </label>
            <button type="button" class="btn subtle" aria-pressed={form.pair.to_string()} onclick={toggle} data-testid="pupil-pair">{ text::PAIR }</button>
            if form.pair {
                <label>{ text::PARTNER_NAME }
                    <input ref={partner} type="text" maxlength={(MAX_NAME + 4).to_string()} autocomplete="off" placeholder={text::NAME_EXAMPLE} data-testid="pupil-partner" />
                </label>
            }
            if let Some(why) = form.error {
                <p class="feedback ko" role="alert" data-testid="pupil-error">{ why }</p>
            }
            <button type="submit" class="btn primary" data-testid="pupil-ok">{ if form.pair { text::PAIR_OK } else { text::PUPIL_OK } }</button>
        </form>
        { question.unwrap_or_default() }
    </> }
}

#[derive(Properties, PartialEq)]
struct ConfirmProps {
    /// The names that already have work here (the question names them).
    known: Vec<String>,
    pair: bool,
    on_yes: Callback<()>,
    on_no: Callback<()>,
}

/// « Léa B., c'est bien toi ? Ce poste a déjà du travail à ce nom. » Oui / Non (« Oui » takes
/// the focus).
#[function_component]
fn Confirm(props: &ConfirmProps) -> Html {
    let yes_button = use_node_ref();
    {
        let yes_button = yes_button.clone();
        use_effect_with((), move |_| {
            if let Some(el) = yes_button.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let (on_yes, on_no) = (props.on_yes.clone(), props.on_no.clone());
    html! {
        <div class="who-confirm" role="group" aria-labelledby="who-confirm-q">
            <p id="who-confirm-q" data-testid="pupil-question"><strong>{ text::is_it_you(&props.known) }</strong></p>
            <p class="row">
                <button type="button" ref={yes_button} class="btn primary" onclick={move |_| on_yes.emit(())} data-testid="pupil-confirm">{ if props.pair { text::YES_US } else { text::YES_ME } }</button>
                <button type="button" class="btn" onclick={move |_| on_no.emit(())} data-testid="pupil-deny">{ text::NOT_ME }</button>
            </p>
        </div>
    }
}

fn confirm_view(
    names: &[Name],
    progress: &crate::progress::ProgressHandle,
    form: &UseReducerHandle<Form>,
    take: &Callback<Vec<Name>>,
) -> Html {
    let known: Vec<String> = names
        .iter()
        .filter(|n| progress.has_work_elsewhere(n))
        .map(|n| progress.known_as(n).display())
        .collect();
    let on_yes = {
        let (take, names) = (take.clone(), names.to_vec());
        Callback::from(move |_| take.emit(names.clone()))
    };
    let on_no = {
        let form = form.clone();
        Callback::from(move |_| form.dispatch(Step::Deny))
    };
    html! { <Confirm known={known} pair={names.len() > 1} on_yes={on_yes} on_no={on_no} /> }
}
