//! Who is at the keyboard of this tab, kept where the opening rule
//! (`course::progress::identity::opening`) needs it:
//! - this tab's session in sessionStorage: it ends when the browser closes, and each tab keeps
//!   its own (one tab's switch never changes another's pupil);
//! - the last session named on this browser in localStorage: offered (« C'est moi, Tom B. »),
//!   never assumed, and heard by the other tabs (their notice);
//! - the last activity in localStorage (and in memory when storage refuses): after 30 minutes
//!   alone, the next pupil may be someone else.

use course::progress::identity::{self, Name};
use std::cell::Cell;

/// sessionStorage: this tab's pupils, as shown (a JSON list; empty: without a name).
const TAB_KEY: &str = "tuto-llm.session";
/// localStorage: the last pupils named on this browser (a JSON list; version 3 kept one name).
pub const LAST_KEY: &str = "tuto-llm.pupil";
/// localStorage: when someone last did something here (ms since 1970).
const ACTIVE_KEY: &str = "tuto-llm.active";
/// Activity is written at most this often (ms).
const TOUCH_EVERY: f64 = 10_000.0;

thread_local! {
    /// The last activity this page saw (the truth when storage refuses).
    static ACTIVE: Cell<f64> = const { Cell::new(0.0) };
    /// When this page last wrote the activity.
    static WRITTEN: Cell<f64> = const { Cell::new(0.0) };
    /// The browser took the last write: its copy (shared by the tabs) is the one to read.
    static KEPT: Cell<bool> = const { Cell::new(true) };
    /// The « Qui es-tu ? » question is on screen (listeners let its clicks through).
    static ASKING: Cell<bool> = const { Cell::new(false) };
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Names as kept: a JSON list of names as shown, or (version 3) one plain first name.
fn names_of(text: &str) -> Vec<Name> {
    match serde_json::from_str::<Vec<String>>(text) {
        Ok(list) => list
            .iter()
            .map(|n| Name::parse(n))
            .filter(|n| !n.is_empty())
            .take(2)
            .collect(),
        Err(_) => Some(Name::parse(text))
            .filter(|n| !n.is_empty())
            .into_iter()
            .collect(),
    }
}

fn text_of(names: &[Name]) -> String {
    let shown: Vec<String> = names.iter().map(Name::display).collect();
    serde_json::to_string(&shown).expect("strings always serialise")
}

/// What this tab's session remembers (None: a new browser session, or a new tab).
pub fn this_tab() -> Option<Vec<Name>> {
    crate::storage::tab_get(TAB_KEY).map(|t| names_of(&t))
}

pub fn set_this_tab(names: &[Name]) {
    crate::storage::tab_set(TAB_KEY, &text_of(names));
}

pub fn forget_this_tab() {
    crate::storage::tab_remove(TAB_KEY);
}

/// The last pupils named on this browser (empty: nobody ever was, or the PC was emptied).
pub fn last() -> Vec<Name> {
    crate::storage::get(LAST_KEY)
        .ok()
        .flatten()
        .map(|t| names_of(&t))
        .unwrap_or_default()
}

pub fn set_last(names: &[Name]) {
    if !names.is_empty() {
        let _ = crate::storage::set(LAST_KEY, &text_of(names));
    }
}

pub fn forget_last() {
    crate::storage::remove(LAST_KEY);
}

/// The last activity on this browser: the stored one (every tab's), or this page's when the
/// browser refused to keep it.
pub fn last_activity() -> Option<u64> {
    let stored = crate::storage::get(ACTIVE_KEY)
        .ok()
        .flatten()
        .and_then(|t| t.parse::<f64>().ok());
    let t = match stored {
        Some(t) if KEPT.with(Cell::get) => t,
        other => other.unwrap_or(0.0).max(ACTIVE.with(Cell::get)),
    };
    (t > 0.0).then_some(t as u64)
}

/// Someone is active now.
pub fn touch() {
    let t = now();
    ACTIVE.with(|a| a.set(t));
    if t - WRITTEN.with(Cell::get) >= TOUCH_EVERY {
        WRITTEN.with(|w| w.set(t));
        let kept = crate::storage::set(ACTIVE_KEY, &format!("{t:.0}")).is_ok();
        KEPT.with(|k| k.set(kept));
    }
}

/// Left alone long enough that the next pupil may be someone else.
pub fn idle() -> bool {
    identity::idle(last_activity(), now() as u64)
}

/// The question is on screen, or not (the reducer says it each time it changes).
pub fn set_asking(asking: bool) {
    ASKING.with(|a| a.set(asking));
}

pub fn asking() -> bool {
    ASKING.with(Cell::get)
}
