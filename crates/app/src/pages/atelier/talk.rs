//! « Faire parler le modèle »: the next letter's chances after a beginning, and ten invented
//! names or sentences, each marked « copié », « nouveau » or « bizarre » against the data the
//! model learned from (names by lesson 6's rule, sentences by `minigpt::judge`, each word that
//! is not French underlined; the rule is said under them).

use super::{Dispatch, Same};
use crate::lessons::common::marked_name;
use crate::widgets::controls::temperature_input;
use crate::widgets::prob_bars::ProbBars;
use crate::widgets::word_input::WordInput;
use course::atelier::settings::data_is_sentences;
use course::atelier::workshop::{draw_length, marked, pieces, Action, Invented, Marking, Shown};
use course::content::atelier as text;
use course::dataset::DataChoice;
use course::content::common::shown_name;
use course::content::marks;
use minigpt::judge::dictionary::Dictionary;
use minigpt::judge::{Judgement, Verdict, MIN_WORDS};
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
    let writes_sentences = *use_memo(props.shown.clone(), |shown| {
        shown.0.data().is_some_and(|d| data_is_sentences(&d))
    });
    // The word list is read once, when the first sentences are to be judged.
    let dictionary = *use_memo(writes_sentences, |s| s.then(|| Dictionary::french().len()));
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
            let list = shown.list();
            let length = draw_length(list.as_deref(), &shown.model.config);
            let names = draw(&shown.model, &prefix, temperature, length);
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
    let sentences = props
        .invented
        .iter()
        .any(|i| matches!(i.mark, Some(Marking::Sentence(_))));
    let rule = match (known, dictionary) {
        (false, _) => text::NO_MARKS.to_string(),
        (true, None) => text::MARKS_RULE.to_string(),
        (true, Some(words)) => text::sentence_marks_rule(MIN_WORDS, words),
    };
    html! {
        <div class="card">
            <h2>{ text::TALK_TITLE }</h2>
            { (*bars).clone() }
            <WordInput label={text::PREFIX} max_len={20} on_word={on_word} placeholder={text::PREFIX_PLACEHOLDER} testid="a-prefix" alphabet={alphabet} strict={true} />
            { temperature_input(props.temperature, on_temperature, "a-temp") }
            <button type="button" class="btn primary" onclick={generate} data-testid="a-generate">{ text::invent(&props.prefix, writes_sentences) }</button>
            <ul class={classes!("chips", "marked", sentences.then_some("sentences"))} data-testid="a-names">{ for props.invented.iter().map(invented) }</ul>
            <p class="muted" data-testid="a-marks-rule">{ rule }</p>
        </div>
    }
}

/// Ten draws of at most `length` letters, seeded by the clock (each click draws anew).
fn draw(model: &minigpt::Gpt, prefix: &str, temperature: f32, length: usize) -> Vec<String> {
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(js_sys::Date::now() as u64);
    (0..10)
        .map(|_| minigpt::sample::generate(model, prefix, temperature, length, &mut rng).0)
        .collect()
}

/// An invented name or sentence with its mark.
fn invented(i: &Invented) -> Html {
    match &i.mark {
        None => html! { <li class="chip">{ shown_name(&i.name) }</li> },
        Some(Marking::Name(m)) => marked_name(&i.name, *m),
        Some(Marking::Sentence(j)) => sentence(&i.name, j),
    }
}

/// A judged sentence: its words, those that are not French underlined with a title and a
/// hidden word for screen readers, and its mark.
fn sentence(text_of: &str, judgement: &Judgement) -> Html {
    let (class, word) = match judgement.verdict {
        Verdict::Copied => ("copy", marks::COPY),
        Verdict::New => ("new", marks::NEW),
        Verdict::Odd => ("odd", marks::ODD),
    };
    let piece = |p: course::atelier::workshop::Piece| {
        if p.french {
            html! { { p.text } }
        } else {
            html! { <span class="not-french" title={text::NOT_FRENCH} data-french="false">{ p.text }<span class="sr-only">{ text::NOT_FRENCH_SPOKEN }</span></span> }
        }
    };
    html! {
        <li class={classes!("chip", "sentence", class)} data-verdict={class}>
            <span class="words">{ for pieces(text_of, judgement).into_iter().map(piece) }</span>
            <small>{ word }</small>
        </li>
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
    // The space gets a visible sign: after « il faut », its bar would have no letter.
    let labels = alphabet
        .symbols()
        .into_iter()
        .map(|c| if c == ' ' { '␣' } else { c })
        .collect::<Vec<_>>();
    html! { <ProbBars probs={probs} labels={labels} title={text::bars_title(prefix)} /> }
}
