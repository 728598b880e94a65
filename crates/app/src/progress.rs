//! Which exercises the pupil has solved, kept in the browser's localStorage (versioned).
//! Unreadable or foreign data → start fresh and say so; storage refused → keep going unsaved.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "tuto-llm.progress";
const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Stored {
    version: u32,
    done: BTreeSet<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Solved exercise ids, like "l1.e3".
    pub done: BTreeSet<String>,
    /// A message for the pupil about storage (unreadable data, saving impossible).
    pub notice: Option<&'static str>,
}

pub enum Action {
    Solve(String),
    ResetLesson(u8),
    DismissNotice,
}

impl Progress {
    pub fn load() -> Self {
        match crate::storage::get(KEY) {
            Ok(None) => Progress::default(),
            Ok(Some(text)) => match serde_json::from_str::<Stored>(&text) {
                Ok(s) if s.version == VERSION => Progress {
                    done: s.done,
                    notice: None,
                },
                _ => Progress {
                    done: BTreeSet::new(),
                    notice: Some("Ta progression enregistrée était illisible : on repart de zéro."),
                },
            },
            Err(_) => Progress {
                done: BTreeSet::new(),
                notice: Some(STORAGE_REFUSED),
            },
        }
    }

    fn save(&self) -> Result<(), ()> {
        let stored = Stored {
            version: VERSION,
            done: self.done.clone(),
        };
        let text = serde_json::to_string(&stored).map_err(|_| ())?;
        crate::storage::set(KEY, &text)
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.done.contains(id)
    }

    /// How many of `ids` are solved.
    pub fn count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_done(id)).count()
    }
}

const STORAGE_REFUSED: &str = "Ton navigateur refuse d'enregistrer la progression : tout marche, mais rien ne sera gardé si tu fermes la page.";

impl Reducible for Progress {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Solve(id) => {
                if !next.done.insert(id) {
                    return self;
                }
            }
            Action::ResetLesson(n) => {
                let prefix = format!("l{n}.");
                next.done.retain(|id| !id.starts_with(&prefix));
            }
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
