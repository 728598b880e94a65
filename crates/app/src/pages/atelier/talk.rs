//! « Faire parler le modèle »: the next letter's chances after a beginning, and ten invented
//! names, each marked « copié », « nouveau » or « bizarre » by lesson 6's rule against the
//! data the model learned from (the rule is said above them).

use super::{Dispatch, Same};
use crate::lessons::common::{invent_names, marked_name};
use crate::widgets::controls::temperature_input;
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::word_input::WordInput;
use course::atelier::workshop::{marked, Action, Invented, Shown};
use course::content::atelier as text;
use course::dataset::DataChoice;
use course::content::common::shown_name;
use minigpt::sample::probabilities_at;
use minigpt::{Model, Tape};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TalkProps {
    pub shown: Same<Shown>,
    pub prefix: String,
    pub temperature: f32,
    pub invented: Vec<Invented>,
    pub dispatch: Dispatch,
}

#[function_component]
pub fn TalkPanel(props: &TalkProps) -> Html {
    let shown = &props.shown.0;
    let alphabet = shown.model.config.alphabet;
    let demo = demo_prefix(shown.data().as_ref());
    let beginning = if props.prefix.is_empty() {
        demo.to_string()
    } else {
        props.prefix.clone()
    };
    let bars = use_memo((props.shown.clone(), beginning), |(shown, beginning)| {
        next_letters(&shown.0.model, beginning)
    });
    let generate = {
        let (shown, prefix, temperature, dispatch) = (
            props.shown.0.clone(),
            props.prefix.clone(),
            props.temperature,
            props.dispatch.clone(),
        );
        Callback::from(move |_| {
            let names = invent_names(
                &shown.model,
                &prefix,
                temperature,
                10,
                js_sys::Date::now() as u64,
            );
            let list = shown.list();
            dispatch.dispatch(Action::Invented(marked(names, list.as_deref(), alphabet)));
        })
    };
    let on_word = {
        let d = props.dispatch.clone();
        Callback::from(move |w| d.dispatch(Action::Prefix(w)))
    };
    let on_temperature = {
        let d = props.dispatch.clone();
        Callback::from(move |t| d.dispatch(Action::Temperature(t)))
    };
    let known = shown.data().is_some();
    html! {
        <div class="card">
            <h2>{ text::TALK_TITLE }</h2>
            { (*bars).clone() }
            <WordInput label={text::PREFIX} max_len={20} on_word={on_word} placeholder={text::PREFIX_PLACEHOLDER} testid="a-prefix" alphabet={alphabet} strict={true} />
            { temperature_input(props.temperature, on_temperature, "a-temp") }
            <button type="button" class="btn primary" onclick={generate} data-testid="a-generate">{ text::invent(&props.prefix) }</button>
            <p class="muted" data-testid="a-marks-rule">{ if known { text::MARKS_RULE } else { text::NO_MARKS } }</p>
            <ul class="chips marked" data-testid="a-names">{ for props.invented.iter().map(|i| i.mark.map_or_else(|| html! { <li class="chip">{ shown_name(&i.name) }</li> }, |m| marked_name(&i.name, m))) }</ul>
        </div>
    }
}

/// A beginning that suits the data, for the bars before the pupil types one.
fn demo_prefix(data: Option<&DataChoice>) -> &'static str {
    data.map_or("pik", DataChoice::demo_prefix)
}

/// The bars after a beginning (none if the model cannot read it).
fn next_letters(model: &minigpt::Gpt, prefix: &str) -> Html {
    let alphabet = model.config.alphabet;
    if !alphabet.can_write(prefix) {
        return html! {};
    }
    let ids = alphabet.encode_name(prefix);
    let probs = probabilities_at(
        &model.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
        1.0,
    );
    html! { <ProbBars probs={probs} labels={alphabet.symbols()} title={text::bars_title(prefix)} /> }
}
