//! The course around the lessons: home page with the six cards, the lesson frame (progress bar,
//! previous / next, keyboard ← →, exercise counters, reset), the teachers' corner.

use crate::content::{all_exercises, lesson, LessonMeta, LESSONS};
use crate::lessons::{
    l1_deviner::Lesson1, l2_erreurs::Lesson2, l3_memoire::Lesson3, l4_attention::Lesson4,
    l5_llm::Lesson5, l6_entrainer::Lesson6,
};
use crate::progress::{use_progress, Action};
use crate::route::Route;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Lesson { n } => html! { <LessonFrame n={n} step={1} /> },
        Route::LessonStep { n, step } => html! { <LessonFrame n={n} step={step} /> },
        Route::Teachers => html! { <Teachers /> },
        Route::Atelier => html! { <crate::pages::atelier::Atelier /> },
        Route::Bench => html! { <crate::pages::bench::Bench /> },
        Route::Privacy => html! { <crate::pages::privacy::Privacy /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// "3/8 exercices" for the whole course.
#[function_component]
pub fn GlobalCounter() -> Html {
    let progress = use_progress();
    let total = all_exercises().count();
    let done = progress.count(all_exercises());
    html! { <span class="counter" data-testid="global-counter">{ format!("{done}/{total} exercices") }</span> }
}

#[function_component]
fn Home() -> Html {
    let progress = use_progress();
    html! {
        <main id="contenu" class="home">
            <section class="hero">
                <h1>{ "Crée ton propre mini-ChatGPT, lettre par lettre" }</h1>
                <p>{ "En six leçons, tu vas construire et entraîner un vrai petit modèle de langage, comme ceux qui font marcher ChatGPT — mais assez petit pour comprendre chaque pièce. Il inventera des noms de Pokémon, des prénoms ou des dinosaures." }</p>
            </section>
            <ol class="lesson-cards">
                { for LESSONS.iter().map(|l| lesson_card(l, &progress)) }
            </ol>
            <section class="card atelier-card">
                <h2>{ "L'Atelier libre" }</h2>
                <p>{ "Choisis les données et la taille de ton modèle, entraîne-le, enregistre-le." }</p>
                <Link<Route> to={Route::Atelier} classes="btn primary">{ "Ouvrir l'Atelier" }</Link<Route>>
            </section>
            <p class="teacher-link"><Link<Route> to={Route::Teachers}>{ "Coin des enseignants" }</Link<Route>></p>
        </main>
    }
}

fn lesson_card(l: &LessonMeta, progress: &crate::progress::Progress) -> Html {
    if !l.available() {
        return html! {
            <li class="lesson-card soon" data-lesson={l.number.to_string()}>
                <span class="num">{ format!("Leçon {}", l.number) }</span>
                <h2>{ l.title }</h2>
                <p>{ l.summary }</p>
                <p class="status">{ "Bientôt disponible" }</p>
            </li>
        };
    }
    let done = progress.count(l.exercises.iter().copied());
    let total = l.exercises.len();
    let status = if done == total {
        "terminé"
    } else if done > 0 {
        "en cours"
    } else {
        "à faire"
    };
    html! {
        <li class={classes!("lesson-card", status.replace(' ', "-"))} data-lesson={l.number.to_string()}>
            <Link<Route> to={Route::Lesson { n: l.number }} classes="card-link">
                <span class="num">{ format!("Leçon {}", l.number) }</span>
                <h2>{ l.title }</h2>
                <p>{ l.summary }</p>
                <p class="status"><span class={classes!("pill", status.replace(' ', "-"))}>{ status }</span>
                    { format!(" {done}/{total} exercices · {} min", l.minutes) }</p>
            </Link<Route>>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    n: u8,
    step: usize,
}

#[function_component]
fn LessonFrame(props: &FrameProps) -> Html {
    let navigator = use_navigator().expect("inside the router");
    let progress = use_progress();
    let meta = lesson(props.n).filter(|l| l.available());
    let steps = meta.map_or(1, |l| l.steps.len());
    let step = props.step.clamp(1, steps);

    // ← → move between steps, unless the pupil is typing or moving a slider.
    {
        let navigator = navigator.clone();
        let (n, step) = (props.n, step);
        use_effect_with((n, step), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new_with_options(
                    &doc,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let typing = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|el| {
                                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            });
                        if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
                            return;
                        }
                        match e.key().as_str() {
                            "ArrowRight" if step < steps => {
                                navigator.push(&Route::LessonStep { n, step: step + 1 })
                            }
                            "ArrowLeft" if step > 1 => {
                                navigator.push(&Route::LessonStep { n, step: step - 1 })
                            }
                            // Space: run / pause the training on screen; R: restart it.
                            " " if !on_button(e) && click_first(&["pause", "resume", "train"]) => {
                                e.prevent_default()
                            }
                            "r" | "R" => {
                                click_first(&["restart"]);
                            }
                            _ => {}
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    // Each step starts at the top of the page, with focus on its title for screen readers.
    use_effect_with(step, |_| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let Some(meta) = meta else {
        return html! {
            <main id="contenu" class="lesson">
                <h1>{ format!("Leçon {} : bientôt !", props.n) }</h1>
                <p>{ "Cette leçon n'est pas encore prête. Reviens bientôt !" }</p>
                <Link<Route> to={Route::Home} classes="btn">{ "← Retour aux leçons" }</Link<Route>>
            </main>
        };
    };
    let done = progress.count(meta.exercises.iter().copied());
    let go = |target: usize| {
        let (navigator, n) = (navigator.clone(), props.n);
        Callback::from(move |_| navigator.push(&Route::LessonStep { n, step: target }))
    };
    let reset = {
        let (progress, n) = (progress.clone(), props.n);
        Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message("Effacer tes exercices réussis de cette leçon ?")
                        .ok()
                })
                .unwrap_or(true);
            if ok {
                progress.dispatch(Action::ResetLesson(n));
            }
        })
    };
    let body = match props.n {
        1 => html! { <Lesson1 step={step - 1} /> },
        2 => html! { <Lesson2 step={step - 1} /> },
        3 => html! { <Lesson3 step={step - 1} /> },
        4 => html! { <Lesson4 step={step - 1} /> },
        5 => html! { <Lesson5 step={step - 1} /> },
        _ => html! { <Lesson6 step={step - 1} /> },
    };
    html! {
        <main id="contenu" class="lesson" data-lesson={props.n.to_string()} data-step={step.to_string()}>
            <header class="lesson-head">
                <p class="crumb"><Link<Route> to={Route::Home}>{ "Toutes les leçons" }</Link<Route>>{ format!(" › Leçon {}", props.n) }</p>
                <h1>{ format!("Leçon {} — {}", props.n, meta.title) }</h1>
                <div class="progress" role="progressbar" aria-label="Avancement dans la leçon" aria-valuemin="1" aria-valuemax={steps.to_string()} aria-valuenow={step.to_string()}
                    aria-valuetext={format!("Étape {step} sur {steps}")}>
                    <div class="progress-fill" style={format!("width:{}%", step * 100 / steps)}></div>
                </div>
                <p class="step-info">
                    <span>{ format!("Étape {step}/{steps} : {}", meta.steps[step - 1]) }</span>
                    <span class="counter" data-testid="lesson-counter">{ format!("{done}/{} exercices", meta.exercises.len()) }</span>
                </p>
            </header>
            <h2 class="step-title">{ meta.steps[step - 1] }</h2>
            { body }
            <nav class="step-nav" aria-label="Étapes">
                <button type="button" class="btn" disabled={step == 1} onclick={go(step.saturating_sub(1).max(1))} data-testid="prev">{ "← Précédent" }</button>
                if step < steps {
                    <button type="button" class="btn primary" onclick={go(step + 1)} data-testid="next">{ "Suivant →" }</button>
                } else {
                    <Link<Route> to={Route::Home} classes="btn primary">{ "Retour aux leçons" }</Link<Route>>
                }
            </nav>
            <p class="reset"><button type="button" class="btn subtle" onclick={reset} data-testid="reset-lesson">{ "Recommencer la leçon" }</button></p>
        </main>
    }
}

#[function_component]
fn Teachers() -> Html {
    html! {
        <main id="contenu" class="teachers">
            <h1>{ "Coin des enseignants" }</h1>
            <p>{ "Tuto LLM fait construire à vos élèves (10-14 ans) un vrai petit modèle de langage, lettre par lettre, en six leçons de 45 à 55 minutes. Chaque leçon suit le même plan : accueil et objectifs, vocabulaire, analogie avant les nombres, démonstrations interactives, exercices « À toi de jouer ! » vérifiés par la page, réflexion, bilan « Ce qu'on a appris » et sources." }</p>
            <h2>{ "Les leçons et leurs objectifs" }</h2>
            { for LESSONS.iter().map(|l| html! {
                <section class="card">
                    <h3>{ format!("Leçon {} — {} ({} min, {} exercices)", l.number, l.title, l.minutes, l.exercises.len()) }</h3>
                    <p>{ l.summary }</p>
                    <ul>{ for l.objectives.iter().map(|o| html! { <li>{ format!("L'élève va {o}") }</li> }) }</ul>
                    <Link<Route> to={Route::Lesson { n: l.number }}>{ format!("Ouvrir la leçon {}", l.number) }</Link<Route>>
                </section>
            }) }
            <h2>{ "Conseils pour la classe" }</h2>
            <ul>
                <li>{ "Travail en binôme : un élève manipule, l'autre lit et prédit ; on échange à chaque exercice." }</li>
                <li>{ "Faites prédire avant de révéler : plusieurs exercices demandent une réponse avant d'afficher le résultat." }</li>
                <li>{ "Au vidéoprojecteur, activez le « Mode projection » (en haut à droite) : texte plus grand, traits plus épais, plus de contraste. Raccourcis : ← → pour changer d'étape, Espace pour lancer ou mettre en pause un entraînement, R pour le recommencer." }</li>
                <li>{ "Chaque étape a son adresse (#/lecon/3/etape/2) à mettre en favori ; ajoutez ?projection=1 à l'adresse pour ouvrir directement en mode projection." }</li>
                <li>{ "L'Atelier libre permet d'aller plus loin : plus gros modèles, vos propres listes, modèles enregistrés dans un fichier." }</li>
            </ul>
            <h2>{ "Sans Internet (clé USB)" }</h2>
            <p>{ "Tout Tuto LLM tient dans un seul fichier, tuto-llm.html (environ 2,5 Mo). Copiez-le sur une clé USB ou sur chaque poste, puis double-cliquez dessus : il s'ouvre dans le navigateur, sans serveur ni connexion. Vérifié avec Chromium (Chrome et Edge utilisent le même moteur) ; essayez Firefox ou Safari avant la séance. Si le navigateur refuse d'enregistrer la progression depuis un fichier, la page le dit et fonctionne quand même." }</p>
            <h2>{ "Vitesse des ordinateurs de la salle" }</h2>
            <p>{ "Le mini-GPT s'entraîne dans la page. Pour vérifier qu'un poste est assez rapide : " }<Link<Route> to={Route::Bench}>{ "tester la vitesse de cet ordinateur" }</Link<Route>>{ "." }</p>
            <h2>{ "Progression et vie privée" }</h2>
            <p>{ "Aucun compte, aucune donnée envoyée : la progression reste dans le navigateur du poste. Pour remettre à zéro la progression d'un élève : « Recommencer la leçon » en bas de chaque leçon, ou « Effacer toute ma progression » sur la page " }<Link<Route> to={Route::Privacy}>{ "Confidentialité" }</Link<Route>>{ "." }</p>
            <Link<Route> to={Route::Home} classes="btn">{ "← Retour aux leçons" }</Link<Route>>
        </main>
    }
}

#[function_component]
fn NotFound() -> Html {
    html! {
        <main id="contenu">
            <h1>{ "Page introuvable" }</h1>
            <p>{ "Cette adresse ne mène à aucune leçon." }</p>
            <Link<Route> to={Route::Home} classes="btn">{ "← Retour aux leçons" }</Link<Route>>
        </main>
    }
}

/// Clicks the first visible, enabled button with one of these `data-testid`s.
fn click_first(ids: &[&str]) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    for id in ids {
        if let Ok(Some(el)) =
            doc.query_selector(&format!("main [data-testid=\"{id}\"]:not([disabled])"))
        {
            if let Ok(button) = el.dyn_into::<web_sys::HtmlElement>() {
                button.click();
                return true;
            }
        }
    }
    false
}

/// Space on a focused button already presses that button.
fn on_button(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A"))
}
