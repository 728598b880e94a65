//! Blocks every lesson shares: welcome (objectives, how it works, vocabulary), a closed
//! « Pour les curieux » box, the reflection with its question, the recap with the next link,
//! and the sources; and the lists of invented names several lessons draw.

use crate::exercise::explain::Explain;
use crate::icons::{icon, Icon};
use crate::route::Route;
use course::content::{common as text, LessonMeta, Source, SOURCES};
use yew::prelude::*;
use yew_router::prelude::Link;

pub fn welcome(objectives: &[&str], vocabulary: &[(&str, &str)]) -> Html {
    html! {
        <>
            <div class="card objectives">
                <h3>{ text::OBJECTIVES }</h3>
                <ul>{ for objectives.iter().map(|o| html! { <li>{ *o }</li> }) }</ul>
                <p class="how">{ text::HOW_IT_WORKS }</p>
            </div>
            { vocabulary_box(vocabulary) }
        </>
    }
}

pub fn vocabulary_box(vocabulary: &[(&str, &str)]) -> Html {
    html! {
        <aside class="card vocab" aria-label={text::VOCABULARY}>
            <h3>{ icon(Icon::Book) }{ text::VOCABULARY }</h3>
            <dl>{ for vocabulary.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
        </aside>
    }
}

/// A closed box with the maths behind a picture, never needed for an exercise.
pub fn curious(lines: &[&str]) -> Html {
    html! {
        <details class="curious">
            <summary>{ text::CURIOUS }</summary>
            { for lines.iter().map(|l| html! { <p>{ *l }</p> }) }
        </details>
    }
}

pub fn reflection(title: &str, body: &str, question: &str) -> Html {
    html! {
        <div class="card reflection">
            <h3>{ icon(Icon::Think) }{ title }</h3>
            <p>{ body }</p>
            <p class="question"><strong>{ text::DISCUSS }</strong>{ " " }{ question }</p>
        </div>
    }
}

pub fn learned(items: &[&str], limit: Option<&str>, next: Option<(u8, &str)>) -> Html {
    html! {
        <div class="card learned">
            <h3>{ text::LEARNED }</h3>
            <ul>{ for items.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
            if let Some(limit) = limit { <p class="limit">{ limit }</p> }
            if let Some((n, label)) = next {
                <Link<Route> to={Route::Lesson { n }} classes="btn primary">{ label }{ " " }{ icon(Icon::Arrow) }</Link<Route>>
            }
        </div>
    }
}

/// A source as a list item: its title links to it when it has an address.
pub fn source_item(&(title, details, url): &Source) -> Html {
    let title = if url.is_empty() {
        html! { <cite>{ title }</cite> }
    } else {
        html! { <a href={url} target="_blank" rel="noopener noreferrer"><cite>{ title }</cite></a> }
    };
    html! { <li>{ title }{ " — " }{ details }</li> }
}

pub fn sources(extra: &[Source]) -> Html {
    html! {
        <div class="card sources">
            <h3>{ text::SOURCES }</h3>
            <ul>
                { for SOURCES.iter().chain(extra).map(source_item) }
            </ul>
        </div>
    }
}

/// The last step of a lesson: reflection and question, the pupil's own sentence, recap, link
/// to the next, sources.
pub fn recap(
    meta: &LessonMeta,
    reflection_text: &str,
    question: &str,
    learned_items: &[&str],
    limit: &str,
    next: u8,
    extra_sources: &[Source],
) -> Html {
    html! {
        <>
            { reflection(text::REFLECTION, reflection_text, question) }
            { explain(meta) }
            { learned(learned_items, Some(limit), Some((next, &format!("{} {next}", text::LESSON)))) }
            { sources(extra_sources) }
        </>
    }
}

/// « À toi d'expliquer » for the lesson.
pub fn explain(meta: &LessonMeta) -> Html {
    html! { <Explain lesson={meta.key} question={meta.explain} /> }
}

pub fn paragraph(text: &str) -> Html {
    html! { <p>{ text }</p> }
}

/// `n` names invented by `model` after `prefix`, drawn with `seed` (at most 24 letters each).
pub fn invent_names<M: minigpt::Model>(
    model: &M,
    prefix: &str,
    temperature: f32,
    n: usize,
    seed: u64,
) -> Vec<String> {
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| minigpt::sample::generate(model, prefix, temperature, 24, &mut rng).0)
        .collect()
}

/// How many different names a list holds (how repetitive a temperature makes it).
pub fn distinct_count(names: &[String]) -> usize {
    names
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// An invented name as a chip with its mark (a class and a word), or none (an empty name).
pub fn mark_chip(name: &str, mark: Option<(&'static str, &'static str)>) -> Html {
    let class = mark.map_or("empty", |(c, _)| c);
    html! {
        <li class={classes!("chip", class)}>{ course::content::common::shown_name(name) }
            if let Some((_, m)) = mark { <small>{ m }</small> }
        </li>
    }
}

/// An invented name with lesson 6's mark (« copié », « nouveau », « bizarre »; lesson 6 and the
/// Atelier mark alike), or as a plain chip when its data is unknown (`None`).
pub fn marked_name(name: &str, mark: Option<course::rules::l6::Mark>) -> Html {
    use course::content::l6 as words;
    use course::rules::l6::Mark;
    match mark {
        None => html! { <li class="chip">{ course::content::common::shown_name(name) }</li> },
        Some(Mark::Nothing) => mark_chip(name, None),
        Some(Mark::Copy) => mark_chip(name, Some(("copy", words::MARK_COPY))),
        Some(Mark::New) => mark_chip(name, Some(("new", words::MARK_NEW))),
        Some(Mark::Odd) => mark_chip(name, Some(("odd", words::MARK_ODD))),
    }
}
