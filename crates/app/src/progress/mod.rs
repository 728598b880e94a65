//! What the pupils have done, kept in the browser: the page's side of `course::progress` (a Yew
//! context that other tabs' `storage` events refresh).
//!
//! - Who is at the keyboard: a session (one pupil, a pair, or nobody), this tab's own
//!   (`session`). On a PC where someone was named, a new browser session or half an hour alone
//!   asks « Qui es-tu ? » before any exercise shows or counts (`gate`).
//! - Every change is applied to every pupil of the session (`store::apply_session`), judged
//!   against the answers already shown on this browser (the seen log), then written. While the
//!   last write succeeded, a change starts from the stored copy (so tabs merge and see each
//!   other's erasures); once a write fails, the page's copy is the truth and the stored one only
//!   adds what other tabs did (`merge::base_for_change`): nothing done in the page is lost while
//!   it is open, and the notice says so.
//! - Unreadable data → start fresh and say so; a few malformed entries → dropped alone, and
//!   said; data written by a newer version → left untouched (nothing saved) and said.

pub mod drafts;
mod persist;
mod reduce;
pub mod session;

use course::content::pages as text;
use course::progress::identity::{self, Name, Opening};
use course::progress::merge::{self, Touched};
use course::progress::seen::{self, SeenLog};
use course::progress::store::{self, Change, Pupil, Store};
use persist::Read;
pub use store::{Outcome, Reason, Record};
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Every pupil of this browser: the page's copy.
    store: Store,
    /// The last write succeeded: the stored copy holds all of the page's work.
    in_step: bool,
    /// False when the stored progress must not be overwritten (a newer version wrote it).
    writable: bool,
    /// The answers already shown on this browser.
    seen: SeenLog,
    /// Who is at the keyboard (empty: nobody said their name).
    session: Vec<Name>,
    /// The session's key (`identity::session_key`): lessons keep their models under it.
    pub pupil: String,
    /// « Qui es-tu ? » is asked before anything else (the last pupils, offered).
    asking: Option<Vec<Name>>,
    /// What this tab did without a name (added to the name it then gives).
    touched: Touched,
    /// Counts session changes: the page below is drawn anew for each pupil.
    pub epoch: u32,
    /// A message for the pupil (storage, another tab, work given a name).
    pub notice: Option<String>,
    /// This browser's random word (see `choice_seed`).
    seed: String,
}

pub enum Action {
    Change(Change),
    /// « C'est moi » with these names (one, or two for a pair): they are at the keyboard now.
    Start(Vec<Name>),
    /// « C'est moi, Tom B. »: the last pupils of this browser come back.
    Resume,
    /// « Continuer sans prénom ».
    Nobody,
    /// The page was left alone or came back to the front: ask if it was too long.
    CheckIdle,
    /// These one-shots' answers are on screen (the answer key).
    Shown(Vec<&'static str>),
    /// « Effacer toute ma progression »: the session's pupils' work on this browser.
    EraseSession,
    /// « Vider ce poste »: every pupil of this browser.
    ClearComputer,
    /// Another tab changed the stored progress or the seen log.
    Refresh,
    /// Another tab named its pupils.
    OtherTab,
    DismissNotice,
}

impl Progress {
    pub fn load() -> Self {
        let (store, notice, writable) = match persist::read() {
            Read::Store(store, notice) => (store, notice.map(String::from), true),
            Read::Unreadable => (
                Store::default(),
                Some(persist::UNREADABLE_NOTICE.to_string()),
                true,
            ),
            Read::Newer => (
                Store::default(),
                Some(text::PROGRESS_NEWER.to_string()),
                false,
            ),
            Read::Refused => (
                Store::default(),
                Some(text::STORAGE_REFUSED.to_string()),
                true,
            ),
        };
        let last = session::last();
        let opening = identity::opening(
            session::this_tab(),
            !last.is_empty(),
            session::last_activity(),
            session::now() as u64,
        );
        let (names, asking) = match opening {
            Opening::Continue(names) => (names, None),
            Opening::Ask => (Vec::new(), Some(last)),
            Opening::Nameless => (Vec::new(), None),
        };
        session::set_asking(asking.is_some());
        if asking.is_none() {
            session::touch();
        }
        Progress {
            store,
            in_step: true,
            writable,
            seen: persist::read_seen(),
            pupil: identity::session_key(&names),
            session: names,
            asking,
            touched: Touched::default(),
            epoch: 0,
            notice,
            seed: persist::browser_seed(),
        }
    }

    /// What orders a multiple choice's options for this session on this browser.
    pub fn choice_seed(&self) -> String {
        format!("{}/{}", self.seed, self.pupil)
    }

    /// The session's pupils as the store keys them (nobody: the nameless pupil).
    fn members(&self) -> Vec<Name> {
        if self.session.is_empty() {
            vec![Name::default()]
        } else {
            self.session.clone()
        }
    }

    /// The pupils at the keyboard (empty: nobody said their name).
    pub fn names(&self) -> &[Name] {
        &self.session
    }

    /// « Léa B. », « Léa B. et Tom M. », or "" for nobody.
    pub fn display(&self) -> String {
        text::names_together(&self.session.iter().map(Name::display).collect::<Vec<_>>())
    }

    /// « Qui es-tu ? » must be answered first: the last pupils of this browser, to offer.
    pub fn asking(&self) -> Option<&[Name]> {
        self.asking.as_deref()
    }

    /// The session's pupils' work, in order (for their file).
    pub fn current(&self) -> Vec<Pupil> {
        self.members()
            .iter()
            .map(|n| {
                let mut p = self.store.pupils.get(&n.key()).cloned().unwrap_or_default();
                p.name = n.display();
                p
            })
            .collect()
    }

    /// What the session sees of an exercise (a pair: finished when both have finished it).
    pub fn record(&self, id: &str) -> Record {
        let records: Vec<Record> = self
            .members()
            .iter()
            .map(|n| {
                self.store
                    .pupils
                    .get(&n.key())
                    .map(|p| p.record(id))
                    .unwrap_or_default()
            })
            .collect();
        merge::session_record(&records, seen::is_one_shot(id))
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

    /// The session's saved sentence for a lesson (its first pupil's).
    pub fn explanation(&self, lesson: &str) -> String {
        self.current()
            .first()
            .and_then(|p| p.explanations.get(lesson).cloned())
            .unwrap_or_default()
    }

    /// Whether `name` already has work on this browser (and is not at the keyboard now).
    pub fn has_work_elsewhere(&self, name: &Name) -> bool {
        let key = name.key();
        !self.session.iter().any(|n| n.key() == key)
            && self.store.pupils.get(&key).is_some_and(Pupil::has_work)
    }

    /// `name` as this browser first wrote it, if it knows that pupil (else as typed).
    pub fn known_as(&self, name: &Name) -> Name {
        self.store
            .pupils
            .get(&name.key())
            .map(|p| Name::parse(&p.name))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| name.clone())
    }

    /// The pupils with a name who have work on this browser.
    pub fn pupils_here(&self) -> usize {
        self.store.named_with_work()
    }
}

pub type ProgressHandle = UseReducerHandle<Progress>;

/// The progress, from any component under the app.
#[hook]
pub fn use_progress() -> ProgressHandle {
    use_context::<ProgressHandle>().expect("the app provides the progress context")
}

/// Keeps this tab's progress in step with the others (the `storage` event), and asks
/// « Qui es-tu ? » when the page comes back after half an hour alone (focus, visibility, or a
/// first click or key, which is then not taken as an answer).
#[hook]
pub fn use_other_tabs(progress: ProgressHandle) {
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let storage = {
            let progress = progress.clone();
            gloo::events::EventListener::new(&window, "storage", move |e| {
                let key = js_sys::Reflect::get(e, &"key".into())
                    .ok()
                    .and_then(|k| k.as_string());
                match key.as_deref() {
                    Some(session::LAST_KEY) => progress.dispatch(Action::OtherTab),
                    Some(persist::KEY | persist::SEEN_KEY) | None => {
                        progress.dispatch(Action::Refresh)
                    }
                    Some(_) => {}
                }
            })
        };
        let back = |event: &'static str, target: &web_sys::EventTarget| {
            let progress = progress.clone();
            gloo::events::EventListener::new(target, event, move |_| {
                progress.dispatch(Action::CheckIdle)
            })
        };
        let document = gloo::utils::document();
        let returns = [back("focus", &window), back("visibilitychange", &document)];
        let options = gloo::events::EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: false,
        };
        let activity = ["pointerdown", "keydown"].map(|event| {
            let progress = progress.clone();
            gloo::events::EventListener::new_with_options(&window, event, options, move |e| {
                if !session::asking() && session::idle() && !session::last().is_empty() {
                    e.stop_propagation();
                    e.prevent_default();
                    progress.dispatch(Action::CheckIdle);
                } else {
                    session::touch();
                }
            })
        });
        move || drop((storage, returns, activity))
    });
}

/// The answers of `ids` are on this page (the answer key, a lesson's plan): for the next hour,
/// a one-shot answered on this browser without an earlier record is « fait ».
#[hook]
pub fn use_answers_shown(ids: Vec<&'static str>) {
    let progress = use_progress();
    use_effect_with((), move |_| progress.dispatch(Action::Shown(ids)));
}
