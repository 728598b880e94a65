//! « À toi d'expliquer » drafts: what a pupil typed and has not saved yet, per session and
//! lesson, kept in localStorage (a reload or another step keeps it) and in the page's memory
//! (the truth when storage refuses). A draft is never part of the exported file: only a sentence
//! saved with its button is.

use std::cell::RefCell;
use std::collections::BTreeMap;

const KEY: &str = "tuto-llm.drafts";

/// Session key → lesson key → draft.
type Drafts = BTreeMap<String, BTreeMap<String, String>>;

thread_local! {
    static MEMORY: RefCell<Drafts> = const { RefCell::new(Drafts::new()) };
}

fn stored() -> Drafts {
    crate::storage::get(KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn store(all: &Drafts) -> Result<(), ()> {
    if all.is_empty() {
        crate::storage::remove(KEY);
        return Ok(());
    }
    let text = serde_json::to_string(all).map_err(|_| ())?;
    crate::storage::set(KEY, &text)
}

/// The draft of `session` for `lesson` (this page's if it has one, else the stored one).
pub fn get(session: &str, lesson: &str) -> Option<String> {
    let mine = MEMORY.with(|m| m.borrow().get(session).and_then(|d| d.get(lesson)).cloned());
    mine.or_else(|| stored().get(session)?.get(lesson).cloned())
        .filter(|t| !t.trim().is_empty())
}

/// Keeps `text` as the draft (an empty text removes it). Err when the browser refused: the
/// page still has it.
pub fn set(session: &str, lesson: &str, text: &str) -> Result<(), ()> {
    let edit = |all: &mut Drafts| {
        let mine = all.entry(session.to_string()).or_default();
        if text.trim().is_empty() {
            mine.remove(lesson);
        } else {
            mine.insert(lesson.to_string(), text.to_string());
        }
        if mine.is_empty() {
            all.remove(session);
        }
    };
    MEMORY.with(|m| edit(&mut m.borrow_mut()));
    let mut all = stored();
    edit(&mut all);
    store(&all)
}

/// Forgets the drafts of these sessions or pupils (all drafts when None).
pub fn forget(keys: Option<&[String]>) {
    let keep = |session: &String| keys.is_some_and(|keys| !keys.contains(session));
    MEMORY.with(|m| m.borrow_mut().retain(|s, _| keep(s)));
    let mut all = stored();
    all.retain(|s, _| keep(s));
    let _ = store(&all);
}
