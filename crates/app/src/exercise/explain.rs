//! « À toi d'expliquer »: one sentence in the pupil's own words per lesson. The page does not
//! grade it; it is kept with the progress, shown on « Ma progression » and sent to the teacher.

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action};
use course::content::common as text;
use course::progress::store::{Change, MAX_EXPLANATION};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The lesson's key ("l1", "b").
    pub lesson: &'static str,
    /// What to explain, in the lesson's words.
    pub question: &'static str,
}

#[function_component]
pub fn Explain(props: &Props) -> Html {
    let progress = use_progress();
    let area = use_node_ref();
    let saved = progress.explanation(props.lesson);
    let length = use_state(|| saved.chars().count());
    let just_saved = use_state(|| false);
    // The saved sentence is the box's starting text (not bound: the pupil's typing stays).
    {
        let (area, saved) = (area.clone(), saved.clone());
        use_effect_with(props.lesson, move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value(&saved);
            }
        });
    }
    let save = {
        let (area, progress, lesson, just_saved) = (
            area.clone(),
            progress.clone(),
            props.lesson,
            just_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                let change = Change::Explain {
                    lesson: lesson.into(),
                    text: el.value(),
                };
                progress.dispatch(Action::Change(change));
                just_saved.set(true);
            }
        })
    };
    let oninput = {
        let (length, just_saved) = (length.clone(), just_saved.clone());
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            length.set(el.value().chars().count());
            just_saved.set(false);
        })
    };
    let id = format!("explain-{}", props.lesson);
    html! {
        <form class="card explain" onsubmit={save} data-explain={props.lesson}>
            <h3>{ icon(Icon::Think) }{ text::EXPLAIN_TITLE }</h3>
            <label for={id.clone()}>{ props.question }</label>
            <textarea id={id} ref={area} rows="3" maxlength={MAX_EXPLANATION.to_string()} oninput={oninput}
                placeholder={text::EXPLAIN_PLACEHOLDER} data-testid="explain-input" />
            <p class="row">
                <button type="submit" class="btn primary" data-testid="explain-save">{ text::EXPLAIN_SAVE }</button>
                <span class="muted">{ text::characters_left(MAX_EXPLANATION.saturating_sub(*length)) }</span>
            </p>
            if *just_saved {
                <p class="feedback ok" role="status" data-testid="explain-saved">{ icon(Icon::Check) }{ text::EXPLAIN_SAVED }</p>
            }
            <p class="muted">{ text::EXPLAIN_NOTE }</p>
        </form>
    }
}
