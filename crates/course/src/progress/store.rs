//! The progress as it is kept in the browser: plain data and the rules that change it, with no
//! browser in sight (tested natively).
//!
//! One browser may serve several pupils (a shared room PC): each pupil, by identity key
//! (`identity::key`: « Léa B. » → "lea|b"), has their own records. A record says how an exercise
//! ended and after how many tries:
//! - `Solved` (« réussi »): a typed answer found within `SOLVED_WITHIN` tries, a one-shot
//!   question answered right the first time by a pupil who had not seen its answer, or an action
//!   the page checked;
//! - `Done` (« fait »): finished, but not that way (a missed prediction, an answer found after
//!   more tries, a one-shot whose answer had been seen on this PC: `Reason::Seen`). Nothing ever
//!   turns a `Done` into `Solved`, not even « Recommencer la leçon », which only reopens the
//!   exercises for practice.
//!
//! A session is one pupil or a pair (« Nous sommes deux »): a change is applied to each of its
//! pupils' records (`apply_session`). How two copies of the progress come together (another tab,
//! work done without a name) is `merge`.

use super::identity::{self, Name};
use super::seen::SeenLog;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const VERSION: u32 = 4;
/// A typed answer earns « réussi » only if found within this many tries.
pub const SOLVED_WITHIN: u32 = 3;
/// The longest « À toi d'expliquer » sentence kept (characters).
pub const MAX_EXPLANATION: usize = 280;
/// The longest first answer kept (characters).
pub const MAX_FIRST: usize = 40;
pub use identity::MAX_NAME;

/// How an exercise ended. The order is the upgrade order: nothing, then « fait », then « réussi ».
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// « fait »: finished, not « réussi » (version 2 called it "missed").
    #[serde(alias = "missed")]
    Done,
    /// « réussi ».
    Solved,
}

impl Outcome {
    /// The word the page and the files use ("solved", "done").
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Solved => "solved",
        }
    }
}

/// Why a record is « fait » when the pupil's answer alone would not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// The one-shot's answer had been shown on this PC within the hour (« réponse déjà vue sur
    /// ce poste »).
    Seen,
}

/// One exercise of one pupil. The fields' order is the files' order (their checksum).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Real answers given (a typed answer: every try that was an answer; a one-shot: 1).
    #[serde(default)]
    pub tries: u32,
    /// The pupil's first answer, as typed or chosen (`MAX_FIRST` characters, cleaned like a
    /// name); none for tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// When the outcome was first set (ms since 1970; none in records older than version 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// Reopened by « Recommencer la leçon »: open for practice, the record itself stays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reopened: bool,
    /// A one-shot question whose answer the page showed before the pupil answered (a race run
    /// with no bet): it can no longer be answered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
}

impl Record {
    /// Finished and not reopened: the page shows it as answered (and what it revealed).
    pub fn settled(&self) -> bool {
        self.outcome.is_some() && !self.reopened
    }

    /// A one-shot that can no longer be answered (answered, or its answer shown first).
    pub fn closed(&self) -> bool {
        (self.outcome.is_some() || self.revealed) && !self.reopened
    }

    /// Nothing recorded at all.
    pub fn is_blank(&self) -> bool {
        *self == Record::default()
    }
}

/// One pupil's work on this browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pupil {
    /// The name as shown (« Léa B. »; "" for the work done without a name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default)]
    pub records: BTreeMap<String, Record>,
    /// Lesson key ("l3", "b") → the pupil's own sentence (« À toi d'expliquer »), never empty.
    #[serde(default)]
    pub explanations: BTreeMap<String, String>,
}

impl Pupil {
    pub fn record(&self, id: &str) -> Record {
        self.records.get(id).cloned().unwrap_or_default()
    }

    /// Something recorded: an exercise tried or revealed, or a sentence.
    pub fn has_work(&self) -> bool {
        self.records.values().any(|r| !r.is_blank()) || !self.explanations.is_empty()
    }
}

/// Every pupil of this browser, by identity key ("" = the work done without a name).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    #[serde(default)]
    pub pupils: BTreeMap<String, Pupil>,
}

impl Store {
    /// The pupil `name` is, created (with that name shown) if new.
    pub fn pupil_mut(&mut self, name: &Name) -> &mut Pupil {
        let p = self.pupils.entry(name.key()).or_default();
        if p.name.is_empty() {
            p.name = name.display();
        }
        p
    }

    /// The pupils with a name who have work here.
    pub fn named_with_work(&self) -> usize {
        self.pupils
            .iter()
            .filter(|(k, p)| !k.is_empty() && p.has_work())
            .count()
    }
}

/// What the page did, to be applied to the stored progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A real answer (`one_shot`: a prediction, a choice or a bet, answered once), and the
    /// answer as typed or chosen (kept, cut, as the first answer).
    Answered {
        id: String,
        right: bool,
        one_shot: bool,
        answer: String,
    },
    /// An action the page checked (a task) is done: « réussi » if it took at most
    /// `SOLVED_WITHIN` tries (its wrong tries are counted by `TaskTried`), else « fait ».
    Completed(String),
    /// A task's activity was tried and was not right yet (a wrong pair of letters, a word that
    /// does not fit): one try.
    TaskTried(String),
    /// The page showed a one-shot's answer before it was answered: it closes.
    Revealed(String),
    /// « Recommencer la leçon »: the exercises whose id starts with this prefix reopen.
    Reopen(String),
    /// The pupil's sentence for a lesson (cut to `MAX_EXPLANATION`; an empty one changes
    /// nothing: the page refuses it first).
    Explain { lesson: String, text: String },
    /// « Effacer toute ma progression »: this pupil's records and sentences go.
    Erase,
}

impl Change {
    /// The one-shot whose answer this change shows on screen, if any.
    pub fn reveals(&self) -> Option<&str> {
        match self {
            Change::Answered {
                id, one_shot: true, ..
            }
            | Change::Revealed(id) => Some(id),
            _ => None,
        }
    }
}

/// When a change happens: the time, and whether its one-shot's answer had been seen on this PC
/// within the hour before it (`seen::SeenLog::recently`, looked up before the change is logged).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Moment {
    pub now: u64,
    pub answer_seen: bool,
}

/// Applies `change` to one pupil. Outcomes only ever go up; a reopened exercise is practice.
pub fn apply(pupil: &mut Pupil, change: &Change, at: Moment) {
    match change {
        Change::Answered {
            id,
            right,
            one_shot,
            answer,
        } => answered(
            pupil.records.entry(id.clone()).or_default(),
            *right,
            *one_shot,
            answer,
            at,
        ),
        Change::Completed(id) => {
            let r = pupil.records.entry(id.clone()).or_default();
            if r.reopened {
                r.reopened = false;
            } else if r.outcome.is_none() {
                r.tries += 1;
                r.outcome = Some(if r.tries <= SOLVED_WITHIN {
                    Outcome::Solved
                } else {
                    Outcome::Done
                });
                r.at = Some(at.now);
            }
        }
        Change::TaskTried(id) => {
            let r = pupil.records.entry(id.clone()).or_default();
            if r.outcome.is_none() && !r.reopened {
                r.tries += 1;
            }
        }
        Change::Revealed(id) => {
            let r = pupil.records.entry(id.clone()).or_default();
            if r.outcome.is_none() && !r.reopened {
                r.revealed = true;
            }
        }
        Change::Reopen(prefix) => {
            for (_, r) in pupil
                .records
                .iter_mut()
                .filter(|(id, _)| id.starts_with(prefix.as_str()))
            {
                r.reopened = r.outcome.is_some() || r.tries > 0 || r.revealed;
            }
        }
        Change::Explain { lesson, text } => {
            let text = clean_sentence(text);
            if !text.is_empty() {
                pupil.explanations.insert(lesson.clone(), text);
            }
        }
        Change::Erase => {
            *pupil = Pupil {
                name: std::mem::take(&mut pupil.name),
                ..Pupil::default()
            }
        }
    }
}

fn answered(r: &mut Record, right: bool, one_shot: bool, answer: &str, at: Moment) {
    if r.reopened {
        // Practice after « Recommencer la leçon »: the first result stays.
        if right || one_shot {
            r.reopened = false;
        }
        return;
    }
    if r.outcome.is_some() || (one_shot && r.revealed) {
        return;
    }
    if r.first.is_none() {
        r.first = Some(identity::clean_text(answer, MAX_FIRST));
    }
    if one_shot {
        let fresh = r.tries == 0;
        r.tries = 1;
        r.at = Some(at.now);
        r.outcome = Some(if fresh && at.answer_seen {
            r.reason = Some(Reason::Seen);
            Outcome::Done
        } else if right {
            Outcome::Solved
        } else {
            Outcome::Done
        });
        return;
    }
    r.tries += 1;
    if right {
        r.at = Some(at.now);
        r.outcome = Some(if r.tries <= SOLVED_WITHIN {
            Outcome::Solved
        } else {
            Outcome::Done
        });
    }
}

/// Applies `change` to every pupil of a session (one pupil, or both of a pair), judging a
/// one-shot against the seen log as it was before the change: a pair's own answer never counts
/// as seen for either of them. The caller then logs what the change revealed. « Effacer »
/// removes the session's pupils from the store (their names too).
pub fn apply_session(
    store: &mut Store,
    session: &[Name],
    change: &Change,
    now: u64,
    log: &SeenLog,
) {
    let answer_seen = change.reveals().is_some_and(|id| log.recently(id, now));
    for name in session {
        if *change == Change::Erase {
            store.pupils.remove(&name.key());
        } else {
            apply(store.pupil_mut(name), change, Moment { now, answer_seen });
        }
    }
}

/// A sentence as kept: cleaned like a name (no control or bidi character), at most
/// `MAX_EXPLANATION` characters; line breaks become spaces.
pub fn clean_sentence(text: &str) -> String {
    identity::clean_text(text, MAX_EXPLANATION)
}

/// A first name as kept (see `identity::clean`); kept for « Ma classe ».
pub fn clean_name(name: &str) -> String {
    identity::clean(name)
}

pub use identity::is_bidi_control;

/// What was found in the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Readable (possibly after dropping `dropped` malformed entries, or from an older version).
    Ok { store: Store, dropped: usize },
    /// Not progress at all (not JSON, not an object): start fresh.
    Unreadable,
    /// Written by a newer version of Tuto LLM: must be left as it is.
    Newer(u64),
}

/// Reads stored progress of any version this program knows, dropping malformed entries alone.
/// Versions 1 and 2 had no names: their work is the nameless pupil's. Version 3 kept pupils by
/// first name as typed: each goes to its identity key, and spellings of one key are merged
/// (`merge::same_pupil`).
pub fn load(text: &str) -> Loaded {
    let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(text) else {
        return Loaded::Unreadable;
    };
    let Some(version) = top.get("version").and_then(|v| v.as_u64()) else {
        return Loaded::Unreadable;
    };
    let mut dropped = 0;
    let store = match version {
        1 | 2 => {
            let (pupil, bad) = nameless_of(&top, version);
            dropped += bad;
            Store {
                pupils: BTreeMap::from([(String::new(), pupil)]),
            }
        }
        3 | 4 => {
            let mut store = Store::default();
            for (stored_key, p) in top
                .get("pupils")
                .and_then(|p| p.as_object())
                .into_iter()
                .flatten()
            {
                let (mut pupil, bad) = pupil_of(p);
                dropped += bad;
                // Version 3's key was the name; version 4's name is a field.
                let shown = if version == 3 {
                    stored_key
                } else {
                    &pupil.name
                };
                let name = Name::parse(shown);
                pupil.name = name.display();
                let key = if version == 3 {
                    name.key()
                } else {
                    clean_key(stored_key)
                };
                match store.pupils.get_mut(&key) {
                    Some(kept) => super::merge::same_pupil(kept, pupil),
                    None => {
                        store.pupils.insert(key, pupil);
                    }
                }
            }
            store
        }
        v if v > VERSION as u64 => return Loaded::Newer(v),
        _ => return Loaded::Unreadable,
    };
    Loaded::Ok { store, dropped }
}

/// A stored key kept as it is when it is one (a pair's `+` never appears in a pupil's key).
fn clean_key(key: &str) -> String {
    key.chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c) && *c != '+')
        .take(4 * MAX_NAME)
        .collect()
}

/// Versions 1 (`done`: ids) and 2 (`outcomes`: id → outcome): the nameless pupil's records.
fn nameless_of(top: &serde_json::Map<String, serde_json::Value>, version: u64) -> (Pupil, usize) {
    let mut pupil = Pupil::default();
    let mut dropped = 0;
    let once = |outcome| Record {
        outcome: Some(outcome),
        tries: 1,
        ..Record::default()
    };
    if version == 1 {
        for id in top
            .get("done")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
        {
            match id.as_str() {
                Some(id) => {
                    pupil.records.insert(id.into(), once(Outcome::Solved));
                }
                None => dropped += 1,
            }
        }
    } else {
        for (id, v) in top
            .get("outcomes")
            .and_then(|o| o.as_object())
            .into_iter()
            .flatten()
        {
            match serde_json::from_value::<Outcome>(v.clone()) {
                Ok(outcome) => {
                    pupil.records.insert(id.clone(), once(outcome));
                }
                Err(_) => dropped += 1,
            }
        }
    }
    (pupil, dropped)
}

/// One pupil's entries, each parsed on its own; returns how many were malformed.
pub fn pupil_of(value: &serde_json::Value) -> (Pupil, usize) {
    let mut pupil = Pupil::default();
    let mut dropped = 0;
    let Some(obj) = value.as_object() else {
        return (pupil, 1);
    };
    if let Some(name) = obj.get("name").and_then(|n| n.as_str()) {
        pupil.name = identity::clean(name);
    }
    for (id, r) in obj
        .get("records")
        .and_then(|r| r.as_object())
        .into_iter()
        .flatten()
    {
        match serde_json::from_value::<Record>(r.clone()) {
            Ok(mut record) => {
                record.first = record.first.map(|f| identity::clean_text(&f, MAX_FIRST));
                pupil.records.insert(id.clone(), record);
            }
            Err(_) => dropped += 1,
        }
    }
    for (lesson, t) in obj
        .get("explanations")
        .and_then(|e| e.as_object())
        .into_iter()
        .flatten()
    {
        match t.as_str().map(clean_sentence) {
            Some(t) if !t.is_empty() => {
                pupil.explanations.insert(lesson.clone(), t);
            }
            _ => dropped += 1,
        }
    }
    (pupil, dropped)
}

/// The stored text of a store.
pub fn save(store: &Store) -> String {
    #[derive(Serialize)]
    struct Saved<'a> {
        version: u32,
        pupils: &'a BTreeMap<String, Pupil>,
    }
    serde_json::to_string(&Saved {
        version: VERSION,
        pupils: &store.pupils,
    })
    .expect("strings and numbers always serialise")
}

#[cfg(test)]
mod tests;
