//! Leaving a page whose work lives only in it (a run going on, a model not saved) asks first,
//! whatever the way out: a link of the app, the browser's Back or Forward, an address typed or
//! changed by hand, a reload or closing the tab. One gate for all of them, installed once
//! before the router (`install`), so it sees each way out before the router does:
//! - a link: its click is caught on the way down and cancelled if the pupil says no;
//! - Back, Forward, a typed address: the browser has already moved when `popstate` comes, and
//!   a history move cannot be cancelled. If the pupil says no, the router is never told and the
//!   address of the guarded page is put back (`history.pushState`): the page never unmounts,
//!   its run goes on;
//! - reload, close: the browser's own « Quitter la page ? » (`beforeunload`).
//!
//! Moving between the steps of one lesson is not leaving. A page turns the gate on with
//! `use_leave_guard(true)`.

use course::content::common::LEAVE_CONFIRM;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static GATE: RefCell<Gate> = RefCell::new(Gate::default());
}

#[derive(Default)]
struct Gate {
    /// How many guards are on (one page at a time, but mounting and unmounting overlap).
    active: usize,
    /// The guarded page's address as it last drew: where a refused leave comes back to.
    here: String,
    /// The address of a refused history move: its `hashchange` is not passed on either.
    refused: Option<String>,
    listeners: Vec<EventListener>,
}

/// Listens for every way out, once. Called before the router exists: the gate's `popstate`
/// listener then comes first (it also listens in the capture phase, which runs first at the
/// window in current browsers).
pub fn install() {
    GATE.with(|gate| {
        let mut gate = gate.borrow_mut();
        if !gate.listeners.is_empty() {
            return;
        }
        let window = gloo::utils::window();
        // Not passive: a refused leave prevents the default.
        let first = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        let unload = EventListenerOptions::enable_prevent_default();
        gate.listeners = vec![
            EventListener::new_with_options(&window, "popstate", first, on_history_move),
            EventListener::new_with_options(&window, "hashchange", first, on_hash_change),
            EventListener::new_with_options(&window, "click", first, on_click),
            EventListener::new_with_options(&window, "beforeunload", unload, on_unload),
        ];
    });
}

/// While `active` (work that lives only in this page), leaving it asks first.
#[yew::hook]
pub fn use_leave_guard(active: bool) {
    yew::use_effect_with(active, move |&active| {
        if active {
            GATE.with(|g| {
                let mut g = g.borrow_mut();
                g.active += 1;
                g.here = address();
            });
        }
        move || {
            if active {
                GATE.with(|g| g.borrow_mut().active -= 1);
            }
        }
    });
    // Each drawing of a guarded page: its address now (a lesson's step may have changed).
    yew::use_effect(move || {
        if active {
            GATE.with(|g| g.borrow_mut().here = address());
        }
    });
}

/// Back, Forward, a typed address: the address has already changed.
fn on_history_move(e: &web_sys::Event) {
    let to = address();
    let Some(here) = guarded_here() else { return };
    if same_page(&here, &to) || ask() {
        GATE.with(|g| g.borrow_mut().here = to);
        return;
    }
    // Refused: the router never hears of it, and the page's address comes back.
    e.stop_immediate_propagation();
    GATE.with(|g| g.borrow_mut().refused = Some(to));
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&here));
    }
}

fn on_hash_change(e: &web_sys::Event) {
    let new_url = e
        .dyn_ref::<web_sys::HashChangeEvent>()
        .map(web_sys::HashChangeEvent::new_url);
    let refused = GATE.with(|g| g.borrow_mut().refused.take());
    if refused.is_some() && refused == new_url {
        e.stop_immediate_propagation();
    }
}

/// A link to another page of the app. Caught before the app's own handlers: a refused leave
/// never reaches the router.
fn on_click(e: &web_sys::Event) {
    let Some(here) = guarded_here() else { return };
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|a| a.get_attribute("href"));
    let Some(href) = target.filter(|h| h.starts_with("#/")) else {
        return;
    };
    if !same_page(&here, &href) && !ask() {
        e.prevent_default();
        e.stop_immediate_propagation();
    }
}

fn on_unload(e: &web_sys::Event) {
    if guarded_here().is_some() {
        e.prevent_default();
        // Some browsers still wait for a returnValue.
        let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
    }
}

/// The guarded page's address, if a guard is on (the borrow ends before any question).
fn guarded_here() -> Option<String> {
    GATE.with(|g| {
        let g = g.borrow();
        (g.active > 0).then(|| g.here.clone())
    })
}

fn address() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Two addresses of one page: the same route, whatever the lesson's step.
fn same_page(a: &str, b: &str) -> bool {
    page_of(a) == page_of(b)
}

/// `…#/lecon/6/etape/3` → `/lecon/6`.
fn page_of(address: &str) -> &str {
    let route = address.split_once('#').map_or("", |(_, r)| r);
    route.split("/etape/").next().unwrap_or_default()
}

fn ask() -> bool {
    gloo::utils::window()
        .confirm_with_message(LEAVE_CONFIRM)
        .unwrap_or(true)
}
