//! A typed answer: a letter, a word or a number. As an answer it may be tried again (each real
//! try counts); as a prediction it is given once. Input that is not an answer at all (empty,
//! not a letter, a number where a letter is asked) spends nothing.

use super::Reply;
use course::content::common as text;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: &'static str,
    pub check: Callback<String, super::Verdict>,
    pub one_shot: bool,
    /// Answered already (a prediction): the box is closed.
    pub locked: bool,
    pub reply: Reply,
}

/// Longer input is not an answer to any exercise (and is not worth checking).
const MAX_ANSWER: usize = 200;

#[function_component]
pub fn TypedAnswer(props: &Props) -> Html {
    let input = use_node_ref();
    // A new exercise in this place starts with an empty box (never the last one's answer).
    {
        let input = input.clone();
        use_effect_with(props.id, move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.set_value("");
            }
        });
    }
    let submit = {
        let (input, check, reply, one_shot) = (
            input.clone(),
            props.check.clone(),
            props.reply.clone(),
            props.one_shot,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let value = el.value();
            let verdict = if value.trim().is_empty() {
                super::Verdict::NotAnAnswer(text::EMPTY_ANSWER.into())
            } else if value.chars().count() > MAX_ANSWER {
                super::Verdict::NotAnAnswer(text::TOO_LONG_ANSWER.into())
            } else {
                check.emit(value.clone())
            };
            reply.answer(verdict, one_shot, value);
        })
    };
    let (label, button) = if props.one_shot {
        (text::YOUR_PREDICTION, text::CHECK_PREDICTION)
    } else {
        (text::YOUR_ANSWER, text::CHECK_ANSWER)
    };
    html! {
        <form class="answer" onsubmit={submit}>
            <label>
                <span class="sr-only">{ label }</span>
                <input ref={input} type="text" placeholder={course::content::placeholder(props.id).unwrap_or_default()} autocomplete="off" disabled={props.locked}
                    maxlength="400" data-exercise-input={props.id} />
            </label>
            <button type="submit" class="btn primary" disabled={props.locked}>{ button }</button>
        </form>
    }
}
