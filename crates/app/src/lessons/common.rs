//! Blocks every lesson shares: objectives, vocabulary, recap with next link and sources.

use crate::content::SOURCES;
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::Link;

pub fn welcome(objectives: &[&str], vocabulary: &[(&str, &str)]) -> Html {
    html! {
        <>
            <div class="card objectives">
                <h3>{ "Dans cette leçon, tu vas…" }</h3>
                <ul>{ for objectives.iter().map(|o| html! { <li>{ *o }</li> }) }</ul>
                <p class="how">{ "Comment ça marche : lis, clique, fais glisser. Les boutons « Suivant » et « Précédent » (ou les flèches ← → du clavier) changent d'étape. La barre en haut montre où tu en es." }</p>
            </div>
            <aside class="card vocab" aria-label="Vocabulaire">
                <h3>{ "📖 Vocabulaire" }</h3>
                <dl>{ for vocabulary.iter().map(|(w, d)| html! { <><dt>{ *w }</dt><dd>{ *d }</dd></> }) }</dl>
            </aside>
        </>
    }
}

pub fn recap(
    learned: &[&str],
    reflection: &str,
    limit: &str,
    next: u8,
    dataset_note: Option<&str>,
) -> Html {
    html! {
        <>
            <div class="card reflection">
                <h3>{ "🤔 Réfléchissons" }</h3>
                <p>{ reflection }</p>
            </div>
            <div class="card learned">
                <h3>{ "Ce qu'on a appris" }</h3>
                <ul>{ for learned.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
                <p class="limit">{ limit }</p>
                if crate::content::lesson(next).is_some_and(|l| l.available()) {
                    <Link<Route> to={Route::Lesson { n: next }} classes="btn primary">{ format!("Leçon {next} →") }</Link<Route>>
                } else {
                    <p class="soon">{ format!("La leçon {next} arrive bientôt.") }</p>
                }
            </div>
            <div class="card sources">
                <h3>{ "Sources" }</h3>
                <ul>
                    { for SOURCES.iter().map(|(t, d)| html! { <li><cite>{ *t }</cite>{ " — " }{ *d }</li> }) }
                    if let Some(note) = dataset_note { <li>{ note }</li> }
                </ul>
            </div>
        </>
    }
}

pub fn paragraph(text: &str) -> Html {
    html! { <p>{ text }</p> }
}
