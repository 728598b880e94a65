//! What the pupil has done, kept in the browser's localStorage (versioned).
//!
//! Each exercise ends in one of two ways. `Solved`: the pupil did what was asked or gave the
//! right answer (retries are allowed where the page checks a real action or answer). `Missed`:
//! a one-shot question — a prediction or a multiple choice — answered wrongly the first time;
//! it is done (the pupil saw the answer) but not counted as succeeded. The counters and the
//! diploma count succeeded exercises and say how many predictions missed.
//!
//! Unreadable or foreign data → start fresh and say so; storage refused → keep going unsaved.

use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "tuto-llm.progress";
const VERSION: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Solved,
    Missed,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Stored {
    version: u32,
    #[serde(default)]
    outcomes: BTreeMap<String, Outcome>,
    /// Version 1 kept only the solved ids.
    #[serde(default)]
    done: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Exercise id ("l1.e3") → how it ended.
    pub outcomes: BTreeMap<String, Outcome>,
    /// A message for the pupil about storage (unreadable data, saving impossible).
    pub notice: Option<&'static str>,
}

pub enum Action {
    Record(String, Outcome),
    ResetLesson(String),
    ResetAll,
    DismissNotice,
}

const UNREADABLE: &str = "Ta progression enregistrée était illisible\u{a0}: on repart de zéro.";
const STORAGE_REFUSED: &str = "Ton navigateur refuse d'enregistrer la progression\u{a0}: tout marche, mais rien ne sera gardé si tu fermes la page.";

impl Progress {
    pub fn load() -> Self {
        match crate::storage::get(KEY) {
            Ok(None) => Progress::default(),
            Ok(Some(text)) => match serde_json::from_str::<Stored>(&text) {
                Ok(s) if s.version == VERSION => Progress {
                    outcomes: s.outcomes,
                    notice: None,
                },
                Ok(s) if s.version == 1 => Progress {
                    outcomes: s.done.into_iter().map(|id| (id, Outcome::Solved)).collect(),
                    notice: None,
                },
                _ => Progress {
                    outcomes: BTreeMap::new(),
                    notice: Some(UNREADABLE),
                },
            },
            Err(_) => Progress {
                outcomes: BTreeMap::new(),
                notice: Some(STORAGE_REFUSED),
            },
        }
    }

    fn save(&self) -> Result<(), ()> {
        let stored = Stored {
            version: VERSION,
            outcomes: self.outcomes.clone(),
            done: Vec::new(),
        };
        let text = serde_json::to_string(&stored).map_err(|_| ())?;
        crate::storage::set(KEY, &text)
    }

    pub fn outcome(&self, id: &str) -> Option<Outcome> {
        self.outcomes.get(id).copied()
    }

    /// Succeeded: solved, or a one-shot question answered right.
    pub fn is_solved(&self, id: &str) -> bool {
        self.outcome(id) == Some(Outcome::Solved)
    }

    /// Done at all (succeeded or missed).
    pub fn is_done(&self, id: &str) -> bool {
        self.outcome(id).is_some()
    }

    /// How many of `ids` succeeded.
    pub fn solved<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_solved(id)).count()
    }

    /// How many of `ids` were missed (one-shot questions answered wrongly).
    pub fn missed<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter()
            .filter(|id| self.outcome(id) == Some(Outcome::Missed))
            .count()
    }
}

impl Reducible for Progress {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Record(id, outcome) => {
                // The first outcome stays: a prediction cannot be taken back, and a success is
                // never undone by a later wrong answer.
                if next.outcomes.contains_key(&id) {
                    return self;
                }
                next.outcomes.insert(id, outcome);
            }
            Action::ResetLesson(prefix) => {
                next.outcomes.retain(|id, _| !id.starts_with(&prefix));
            }
            Action::ResetAll => next.outcomes.clear(),
            Action::DismissNotice => {
                next.notice = None;
                return Rc::new(next);
            }
        }
        if next.save().is_err() {
            next.notice = Some(STORAGE_REFUSED);
        }
        Rc::new(next)
    }
}

pub type ProgressHandle = UseReducerHandle<Progress>;

/// The progress, from any component under the app.
#[hook]
pub fn use_progress() -> ProgressHandle {
    use_context::<ProgressHandle>().expect("the app provides the progress context")
}
