//! What the pupil has done, kept in the browser's localStorage: the page's side of
//! `course::progress::store` (a Yew context that other tabs' `storage` events refresh).
//!
//! Every change is read-modify-write: the stored progress is read again, the change applied,
//! and the result written back, so two tabs never erase each other's work (the other tab hears
//! of it through the `storage` event and refreshes). Unreadable data → start fresh and say so;
//! a few malformed entries → dropped alone, and said; data written by a newer version → left
//! untouched (nothing is saved on this page) and said; storage refused → keep going unsaved.

use course::progress::identity::{self, Name};
use course::progress::seen::SeenLog;
use course::progress::{merge, store};
use std::rc::Rc;
use store::{Change, Loaded, Pupil, Store};
pub use store::{Outcome, Record};
use yew::prelude::*;

const KEY: &str = "tuto-llm.progress";
/// The first name of the pupil using this browser now ("" = nobody said).
const PUPIL_KEY: &str = "tuto-llm.pupil";
/// A random word of this browser's, so two nameless pupils on two PCs see different orders.
const SEED_KEY: &str = "tuto-llm.seed";

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    store: Store,
    /// The pupil whose work is shown and recorded ("" = nobody said their name).
    pub pupil: String,
    /// A message for the pupil about storage.
    pub notice: Option<&'static str>,
    /// False when the stored progress must not be overwritten (a newer version wrote it).
    writable: bool,
    /// This browser's random word (see `choice_seed`).
    seed: String,
}

pub enum Action {
    Change(Change),
    /// « Changer d'élève »: the work shown and recorded is this pupil's from now on.
    SwitchPupil(String),
    /// « Qui es-tu ? » answered by a pupil who had no name yet: their work takes the name.
    Name(String),
    /// Another tab changed the stored progress.
    Refresh,
    DismissNotice,
}

use course::content::pages::{
    PROGRESS_DAMAGED as DAMAGED, PROGRESS_NEWER as NEWER, PROGRESS_UNREADABLE as UNREADABLE,
    STORAGE_REFUSED,
};

/// What reading the stored progress gave.
enum Read {
    /// The stored progress (fresh if there was none or it was unreadable), and a notice.
    Store(Store, Option<&'static str>),
    /// Written by a newer version: not to be read nor overwritten.
    Newer,
    /// The browser refuses storage.
    Refused,
}

fn read() -> Read {
    match crate::storage::get(KEY) {
        Ok(None) => Read::Store(Store::default(), None),
        Ok(Some(text)) => match store::load(&text) {
            Loaded::Ok { store, dropped: 0 } => Read::Store(store, None),
            Loaded::Ok { store, .. } => Read::Store(store, Some(DAMAGED)),
            Loaded::Unreadable => Read::Store(Store::default(), Some(UNREADABLE)),
            Loaded::Newer(_) => Read::Newer,
        },
        Err(_) => Read::Refused,
    }
}

fn browser_seed() -> String {
    if let Ok(Some(seed)) = crate::storage::get(SEED_KEY) {
        return seed;
    }
    let seed = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    let _ = crate::storage::set(SEED_KEY, &seed);
    seed
}

fn stored_pupil() -> Option<String> {
    crate::storage::get(PUPIL_KEY)
        .ok()
        .flatten()
        .map(|n| Name::parse(&n).display())
}

impl Progress {
    pub fn load() -> Self {
        let pupil = stored_pupil().unwrap_or_default();
        let (store, notice, writable) = match read() {
            Read::Store(store, notice) => (store, notice, true),
            Read::Newer => (Store::default(), Some(NEWER), false),
            Read::Refused => (Store::default(), Some(STORAGE_REFUSED), true),
        };
        Progress {
            store,
            pupil,
            notice,
            writable,
            seed: browser_seed(),
        }
    }

    /// What orders a multiple choice's options for this pupil on this browser.
    pub fn choice_seed(&self) -> String {
        format!("{}/{}", self.seed, self.pupil)
    }

    /// The current pupil's work.
    pub fn current(&self) -> Pupil {
        self.store
            .pupils
            .get(&identity::key(&self.pupil))
            .cloned()
            .unwrap_or_default()
    }

    pub fn record(&self, id: &str) -> Record {
        self.store
            .pupils
            .get(&identity::key(&self.pupil))
            .map(|p| p.record(id))
            .unwrap_or_default()
    }

    pub fn outcome(&self, id: &str) -> Option<Outcome> {
        self.record(id).outcome
    }

    /// Answered and not reopened: what the answer revealed stays on screen.
    pub fn is_settled(&self, id: &str) -> bool {
        self.record(id).settled()
    }

    pub fn is_solved(&self, id: &str) -> bool {
        self.outcome(id) == Some(Outcome::Solved)
    }

    /// How many of `ids` ended `outcome`.
    pub fn count<'a>(&self, ids: impl IntoIterator<Item = &'a str>, outcome: Outcome) -> usize {
        ids.into_iter()
            .filter(|id| self.outcome(id) == Some(outcome))
            .count()
    }

    /// How many of `ids` are « réussi ».
    pub fn solved<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        self.count(ids, Outcome::Solved)
    }

    /// How many of `ids` are « fait » (finished, not « réussi »).
    pub fn done<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        self.count(ids, Outcome::Done)
    }

    pub fn explanation(&self, lesson: &str) -> String {
        self.store
            .pupils
            .get(&identity::key(&self.pupil))
            .and_then(|p| p.explanations.get(lesson).cloned())
            .unwrap_or_default()
    }

    /// First names with work on this browser (the nameless pupil excluded).
    pub fn pupils(&self) -> Vec<String> {
        self.store
            .pupils
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(_, p)| p.name.clone())
            .collect()
    }

    /// Applies a change to what is stored now, and writes it back.
    fn commit(&self, change: &Change) -> Progress {
        let mut next = self.clone();
        if next.writable {
            match read() {
                Read::Store(stored, _) => next.store = stored,
                Read::Newer => {
                    next.writable = false;
                    next.notice = Some(NEWER);
                }
                Read::Refused => {}
            }
        }
        store::apply_session(
            &mut next.store,
            &[Name::parse(&next.pupil)],
            change,
            js_sys::Date::now() as u64,
            &SeenLog::default(),
        );
        if next.writable && crate::storage::set(KEY, &store::save(&next.store)).is_err() {
            next.notice = Some(STORAGE_REFUSED);
        }
        next
    }
}

impl Reducible for Progress {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Change(change) => Rc::new(self.commit(&change)),
            Action::SwitchPupil(name) => {
                let name = Name::parse(&name).display();
                let _ = crate::storage::set(PUPIL_KEY, &name);
                let mut next = Progress {
                    pupil: name,
                    ..(*self).clone()
                };
                if let (true, Read::Store(store, _)) = (self.writable, read()) {
                    next.store = store;
                }
                Rc::new(next)
            }
            Action::Name(name) => {
                let name = Name::parse(&name).display();
                if !self.pupil.is_empty() || name.is_empty() {
                    return self.reduce(Action::SwitchPupil(name));
                }
                let _ = crate::storage::set(PUPIL_KEY, &name);
                let mut next = Progress {
                    pupil: name.clone(),
                    ..(*self).clone()
                };
                if let (true, Read::Store(store, _)) = (self.writable, read()) {
                    next.store = store;
                }
                let nameless = next.store.pupils.remove("").unwrap_or_default();
                merge::nameless_into(next.store.pupil_mut(&Name::parse(&name)), &nameless, None);
                if next.writable && crate::storage::set(KEY, &store::save(&next.store)).is_err() {
                    next.notice = Some(STORAGE_REFUSED);
                }
                Rc::new(next)
            }
            Action::Refresh => {
                let Read::Store(store, notice) = read() else {
                    return self;
                };
                if !self.writable {
                    return self;
                }
                let pupil = stored_pupil().unwrap_or_else(|| self.pupil.clone());
                Rc::new(Progress {
                    store,
                    pupil,
                    notice: notice.or(self.notice),
                    ..(*self).clone()
                })
            }
            Action::DismissNotice => Rc::new(Progress {
                notice: None,
                ..(*self).clone()
            }),
        }
    }
}

pub type ProgressHandle = UseReducerHandle<Progress>;

/// The progress, from any component under the app.
#[hook]
pub fn use_progress() -> ProgressHandle {
    use_context::<ProgressHandle>().expect("the app provides the progress context")
}

/// Keeps this tab's progress in step with the others (the `storage` event).
#[hook]
pub fn use_other_tabs(progress: ProgressHandle) {
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let key = js_sys::Reflect::get(e, &"key".into())
                    .ok()
                    .and_then(|k| k.as_string());
                if key.is_none_or(|k| k == KEY || k == PUPIL_KEY) {
                    progress.dispatch(Action::Refresh);
                }
            });
        move || drop(listener)
    });
}
