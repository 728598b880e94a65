//! Tuto LLM's web app: Yew components over the `minigpt` crate. The same module also runs in a
//! Web Worker, where it trains big models for the page (see `worker`).
#![forbid(unsafe_code)]

mod clock;
mod display;
#[cfg(all(test, target_arch = "wasm32"))]
mod dom_tests;
mod exercise;
mod files;
mod icons;
mod lessons;
mod pages;
mod progress;
mod route;
mod shell;
mod storage;
mod teachers;
mod training;
mod widgets;
mod worker;

use course::content;
use icons::{icon, Icon};
use progress::{Action, Progress, ProgressHandle};
use route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
fn App() -> Html {
    let progress = use_reducer(Progress::load);
    progress::use_other_tabs(progress.clone());
    let dismiss = {
        let p = progress.clone();
        Callback::from(move |_| p.dispatch(Action::DismissNotice))
    };
    let projection = use_state(display::initial_projection);
    let toggle = {
        let projection = projection.clone();
        Callback::from(move |_| {
            display::apply(!*projection);
            projection.set(!*projection);
        })
    };
    html! {
        <ContextProvider<ProgressHandle> context={progress.clone()}>
            <HashRouter>
                <shell::ScrollOnRoute />
                <a class="skip" href="#contenu" onclick={Callback::from(|e: MouseEvent| {
                    // Hash links are routes here: move focus by hand instead.
                    e.prevent_default();
                    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("contenu")) {
                        let _ = el.set_attribute("tabindex", "-1");
                        let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&el).focus();
                    }
                })}>{ content::pages::SKIP_TO_CONTENT }</a>
                <header class="topbar">
                    <Link<Route> to={Route::Home} classes="brand">{ icon(Icon::Logo) }<span>{ content::pages::BRAND }</span></Link<Route>>
                    <div class="topbar-right">
                        <widgets::pupil::PupilBar />
                        if progress.asking().is_none() {
                            <shell::GlobalCounter />
                        }
                        <button type="button" class="btn projection-toggle" aria-pressed={projection.to_string()} onclick={toggle} data-testid="projection">
                            { icon(Icon::Projector) }<span>{ if *projection { content::pages::NORMAL_MODE } else { content::pages::PROJECTION_MODE } }</span>
                        </button>
                    </div>
                </header>
                if *projection {
                    <p class="shortcuts" aria-label={content::pages::SHORTCUTS_LABEL}>{ content::common::SHORTCUTS }</p>
                }
                if let Some(notice) = &progress.notice {
                    <div class="notice" role="alert" data-testid="notice">{ notice.clone() }<button type="button" class="btn subtle" onclick={dismiss}>{ "OK" }</button></div>
                }
                if progress.asking().is_some() {
                    // Nothing of the page, nor of the last pupil, before « Qui es-tu ? » is answered.
                    <widgets::pupil::Gate />
                } else {
                    // Keyed by the session: each pupil gets the page drawn anew (no answer, feedback
                    // or revealed table of the previous one left on screen).
                    <div class="session" key={progress.epoch.to_string()}><Switch<Route> render={shell::switch} /></div>
                }
                <Footer />
            </HashRouter>
        </ContextProvider<ProgressHandle>>
    }
}

/// The footer's links. A lesson's page has no link to the teachers' corner (the answer key is
/// one click further); the home page and the teachers' own pages keep it.
#[function_component]
fn Footer() -> Html {
    let route = use_route::<Route>();
    let on_lesson = matches!(route, Some(Route::Lesson { .. } | Route::LessonStep { .. }));
    html! {
        <footer class="footer">
            <Link<Route> to={Route::Progress}>{ content::pages::PROGRESS_TITLE }</Link<Route>>
            { " · " }
            <Link<Route> to={Route::Privacy}>{ content::pages::PRIVACY_TITLE }</Link<Route>>
            if !on_lesson {
                { " · " }
                <Link<Route> to={Route::Teachers}>{ content::pages::TEACHERS_LINK }</Link<Route>>
            }
            { " · " }
            <Link<Route> to={Route::Atelier}>{ content::pages::ATELIER_LINK }</Link<Route>>
            { " · " }
            <Link<Route> to={Route::Legal}>{ content::legal::LINK }</Link<Route>>
        </footer>
    }
}

/// A panic must never leave a blank page: log it, then show a friendly message.
fn install_panic_overlay() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("oups"))
        {
            let _ = el.remove_attribute("hidden");
        }
    }));
}

fn main() {
    install_panic_overlay();
    if worker::in_worker() {
        // This copy of the module trains for the page: no page to draw here.
        worker::host::start();
        return;
    }
    // Before the router: leaving a page with unsaved work asks first, whatever the way out.
    training::leave::install();
    // Its own root, so that the static messages of index.html (#oups, #no-wasm) stay in the page.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
