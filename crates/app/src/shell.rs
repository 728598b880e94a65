//! The course around the lessons: home page with the lesson cards, the lesson frame (progress
//! bar, previous / next, keyboard ← → / Space / R, exercise counters, reset).

use crate::icons::{icon, Icon};
use crate::progress::{use_progress, Action, Progress};
use crate::route::Route;
use course::content::{all_exercises, lesson, pages as text, LessonMeta, LESSONS};
use course::progress::store::Change;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Lesson { n } => html! { <LessonFrame n={n} step={1} /> },
        Route::LessonStep { n, step } => html! { <LessonFrame n={n} step={step} /> },
        Route::Teachers => html! { <crate::teachers::Corner /> },
        Route::TeacherLesson { n } => html! { <crate::teachers::LessonPlan n={n} /> },
        Route::AnswerKey => html! { <crate::teachers::AnswerKey /> },
        Route::Curriculum => html! { <crate::teachers::Curriculum /> },
        Route::Sheet { n } => html! { <crate::teachers::Sheet n={n} /> },
        Route::Worksheet { n } => html! { <crate::teachers::worksheet::Worksheet n={n} /> },
        Route::Atelier => html! { <crate::pages::atelier::Atelier /> },
        Route::Bench => html! { <crate::pages::bench::Bench /> },
        Route::Class => html! { <crate::teachers::class::ClassPage /> },
        Route::NextSteps => html! { <crate::teachers::next_steps::NextSteps /> },
        Route::Dpo => html! { <crate::teachers::dpo::DpoNote /> },
        Route::Privacy => html! { <crate::pages::privacy::Privacy /> },
        Route::Legal => html! { <crate::pages::legal::Legal /> },
        Route::Progress => html! { <crate::pages::progress::MyProgress /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// Every route change opens the new page at its top: the browser would keep the last page's
/// scroll (home after a lesson opened at its bottom, « Ma progression » from the footer at its
/// end). One place for all routes, steps included. In-page jumps (the skip link) are no route
/// change: they move the focus themselves.
#[function_component]
pub fn ScrollOnRoute() -> Html {
    let path = use_location().map(|l| l.path().to_string());
    use_effect_with(path, |_| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    html! {}
}

/// "3/38 réussis" for the six lessons and the bonus.
#[function_component]
pub fn GlobalCounter() -> Html {
    let progress = use_progress();
    let total = all_exercises().count();
    let solved = progress.solved(all_exercises());
    html! { <span class="counter" data-testid="global-counter">{ text::global_counter(solved, total) }</span> }
}

#[function_component]
fn Home() -> Html {
    let progress = use_progress();
    html! {
        <main id="contenu" class="home">
            <section class="hero">
                <h1>{ text::HERO_TITLE }</h1>
                <p>{ text::HERO }</p>
            </section>
            <ol class="lesson-cards">
                { for LESSONS.iter().filter(|l| !l.bonus).map(|l| lesson_card(l, &progress)) }
            </ol>
            <section class="more-cards">
                { for LESSONS.iter().filter(|l| l.bonus).map(|l| html! {
                    <div class="card bonus-card" data-lesson={l.number.to_string()}>
                        <h2>{ format!("{} — {}", text::BONUS, l.title) }</h2>
                        <p>{ l.summary }</p>
                        <p class="status">{ status_line(l, &progress) }</p>
                        <Link<Route> to={Route::Lesson { n: l.number }} classes="btn">{ text::OPEN_BONUS }</Link<Route>>
                    </div>
                }) }
                <div class="card atelier-card">
                    <h2>{ text::ATELIER_TITLE }</h2>
                    <p>{ text::ATELIER_SUMMARY }</p>
                    <Link<Route> to={Route::Atelier} classes="btn primary">{ text::OPEN_ATELIER }</Link<Route>>
                </div>
            </section>
            <p class="teacher-link"><Link<Route> to={Route::Teachers}>{ text::TEACHERS_LINK }</Link<Route>></p>
        </main>
    }
}

/// "à faire", "en cours", "terminé": a lesson is finished when each exercise was done.
fn status_of(l: &LessonMeta, progress: &Progress) -> &'static str {
    let done = l
        .exercises
        .iter()
        .filter(|e| progress.outcome(e.id).is_some())
        .count();
    if done == l.exercises.len() {
        text::STATUS_DONE
    } else if done > 0 {
        text::STATUS_STARTED
    } else {
        text::STATUS_TODO
    }
}

/// The CSS class of a status (the page's styles know these three).
fn status_class(status: &str) -> &'static str {
    match status {
        s if s == text::STATUS_DONE => "termine",
        s if s == text::STATUS_STARTED => "en-cours",
        _ => "a-faire",
    }
}

fn status_line(l: &LessonMeta, progress: &Progress) -> Html {
    let status = status_of(l, progress);
    let solved = progress.solved(l.exercises.iter().map(|e| e.id));
    html! {
        <>
            <span class={classes!("pill", status_class(status))}>{ status }</span>
            { text::card_counts(&text::lesson_counter(solved, l.exercises.len()), l.minutes) }
        </>
    }
}

fn lesson_card(l: &LessonMeta, progress: &Progress) -> Html {
    let status = status_of(l, progress);
    html! {
        <li class={classes!("lesson-card", status_class(status))} data-lesson={l.number.to_string()}>
            <Link<Route> to={Route::Lesson { n: l.number }} classes="card-link">
                <span class="num">{ text::lesson_number(l.number) }</span>
                <h2>{ l.title }</h2>
                <p>{ l.summary }</p>
                <p class="status">{ status_line(l, progress) }</p>
            </Link<Route>>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    n: u8,
    step: usize,
}

/// ← → move between steps, unless the pupil is typing or moving a slider; Space runs or
/// pauses the training on screen, R restarts it.
#[hook]
fn use_step_keys(navigator: Navigator, n: u8, step: usize, steps: usize) {
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
                    step_key(&navigator, e, n, step, steps);
                },
            )
        });
        move || drop(listener)
    });
}

fn step_key(navigator: &Navigator, e: &web_sys::KeyboardEvent, n: u8, step: usize, steps: usize) {
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    match e.key().as_str() {
        "ArrowRight" if step < steps => navigator.push(&Route::LessonStep { n, step: step + 1 }),
        "ArrowLeft" if step > 1 => navigator.push(&Route::LessonStep { n, step: step - 1 }),
        " " if !on_button(e) && click_first(&["pause", "resume", "train"]) => e.prevent_default(),
        "r" | "R" => {
            click_first(&["restart"]);
        }
        _ => {}
    }
}

/// The lesson's title, progress bar and counters.
fn lesson_head(
    name: &str,
    title: &str,
    step: usize,
    steps: usize,
    solved: usize,
    total: usize,
) -> Html {
    html! {
        <header class="lesson-head">
            <p class="crumb"><Link<Route> to={Route::Home}>{ text::ALL_LESSONS }</Link<Route>>{ format!(" › {name}") }</p>
            <h1>{ format!("{name} — {title}") }</h1>
            <div class="progress" role="progressbar" aria-label={text::PROGRESS_BAR} aria-valuemin="1" aria-valuemax={steps.to_string()} aria-valuenow={step.to_string()}
                aria-valuetext={text::step_of(step, steps)}>
                <div class="progress-fill" style={format!("width:{}%", step * 100 / steps)}></div>
            </div>
            <p class="step-info">
                <span>{ text::step_counter(step, steps) }</span>
                <span class="counter" data-testid="lesson-counter">{ text::lesson_counter(solved, total) }</span>
            </p>
        </header>
    }
}

#[function_component]
fn LessonFrame(props: &FrameProps) -> Html {
    let navigator = use_navigator().expect("inside the router");
    let progress = use_progress();
    let meta = lesson(props.n);
    let outline = crate::lessons::outline(props.n).unwrap_or_default();
    let steps = outline.len().max(1);
    // « Recommencer la leçon » draws the lesson anew: what its answers revealed is hidden again.
    let generation = use_state(|| 0u32);
    let step = props.step.clamp(1, steps);

    use_step_keys(navigator.clone(), props.n, step, steps);

    let Some(meta) = meta else {
        return html! {
            <main id="contenu" class="lesson">
                <h1>{ text::NO_LESSON_TITLE }</h1>
                <p>{ text::NO_LESSON }</p>
                <Link<Route> to={Route::Home} classes="btn">{ text::BACK_HOME }</Link<Route>>
            </main>
        };
    };
    let solved = progress.solved(meta.exercises.iter().map(|e| e.id));
    let go = |target: usize| {
        let (navigator, n) = (navigator.clone(), props.n);
        Callback::from(move |_| navigator.push(&Route::LessonStep { n, step: target }))
    };
    let prefix = format!("{}.", meta.key);
    let reset = {
        let (progress, generation, n) = (progress.clone(), generation.clone(), props.n);
        Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(text::RESET_LESSON_CONFIRM).ok())
                .unwrap_or(true);
            if ok {
                progress.dispatch(Action::Change(Change::Reopen(prefix.clone())));
                crate::training::saved::forget_lesson(&progress.pupil, n);
                generation.set(*generation + 1);
            }
        })
    };
    let body = html! { <div class="lesson-body" key={*generation}>{ crate::lessons::view(props.n, step - 1) }</div> };
    let name = if meta.bonus {
        text::BONUS.to_string()
    } else {
        text::lesson_number(props.n)
    };
    html! {
        <main id="contenu" class="lesson" data-lesson={props.n.to_string()} data-step={step.to_string()}>
            { lesson_head(&name, meta.title, step, steps, solved, meta.exercises.len()) }
            <h2 class="step-title">{ outline.get(step - 1).map_or("", |s| s.title) }</h2>
            { body }
            <nav class="step-nav" aria-label={text::STEPS_NAV}>
                <button type="button" class="btn" disabled={step == 1} onclick={go(step.saturating_sub(1).max(1))} data-testid="prev">{ text::PREVIOUS }</button>
                if step < steps {
                    <button type="button" class="btn primary" onclick={go(step + 1)} data-testid="next">{ text::NEXT }{ " " }{ icon(Icon::Arrow) }</button>
                } else {
                    <Link<Route> to={Route::Home} classes="btn primary">{ text::BACK_HOME }</Link<Route>>
                }
            </nav>
            <p class="reset"><button type="button" class="btn subtle" onclick={reset} data-testid="reset-lesson">{ text::RESET_LESSON }</button></p>
        </main>
    }
}

#[function_component]
fn NotFound() -> Html {
    html! {
        <main id="contenu">
            <h1>{ text::NOT_FOUND_TITLE }</h1>
            <p>{ text::NOT_FOUND }</p>
            <Link<Route> to={Route::Home} classes="btn">{ text::BACK_HOME }</Link<Route>>
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
