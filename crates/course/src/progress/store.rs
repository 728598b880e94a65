//! The progress as it is kept in the browser: plain data and the rules that change it, with no
//! browser in sight (tested natively).
//!
//! One browser may serve several pupils (a shared room PC): each first name has its own
//! records. A record says how an exercise ended and after how many tries:
//! - `Solved` (« réussi »): a typed answer found within `SOLVED_WITHIN` tries, a one-shot
//!   question answered right the first time, or an action the page checked;
//! - `Done` (« fait »): finished, but not that way (a missed prediction, an answer found after
//!   more tries). Nothing ever turns a `Done` into `Solved`, not even « Recommencer la leçon »,
//!   which only reopens the exercises for practice.
//!
//! Every change is applied to what is stored at that moment (read, change, write), so two tabs
//! never erase each other's work; a malformed entry is dropped alone; a file written by a newer
//! version is left untouched.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const VERSION: u32 = 3;
/// A typed answer earns « réussi » only if found within this many tries.
pub const SOLVED_WITHIN: u32 = 3;
/// The longest « À toi d'expliquer » sentence kept (characters).
pub const MAX_EXPLANATION: usize = 280;
/// The longest first name kept (characters).
pub const MAX_NAME: usize = 40;

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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Real answers given (a typed answer: every try that was an answer; a one-shot: 1).
    #[serde(default)]
    pub tries: u32,
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
}

/// One pupil's work on this browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pupil {
    #[serde(default)]
    pub records: BTreeMap<String, Record>,
    /// Lesson key ("l3", "b") → the pupil's own sentence (« À toi d'expliquer »).
    #[serde(default)]
    pub explanations: BTreeMap<String, String>,
}

impl Pupil {
    pub fn record(&self, id: &str) -> Record {
        self.records.get(id).cloned().unwrap_or_default()
    }
    #[cfg(test)]
    pub fn outcome(&self, id: &str) -> Option<Outcome> {
        self.records.get(id).and_then(|r| r.outcome)
    }
}

/// Every pupil of this browser, by first name ("" = nobody said their name).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Store {
    #[serde(default)]
    pub pupils: BTreeMap<String, Pupil>,
}

/// What the page did, to be applied to the stored progress.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A real answer to a typed question (`one_shot`: a prediction, answered once).
    Answered {
        id: String,
        right: bool,
        one_shot: bool,
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
    /// The pupil's sentence for a lesson (cut to `MAX_EXPLANATION`).
    Explain { lesson: String, text: String },
    /// « Effacer toute ma progression »: this pupil's records and sentences go.
    Erase,
}

/// Applies `change` to one pupil. Outcomes only ever go up; a reopened exercise is practice.
pub fn apply(pupil: &mut Pupil, change: &Change) {
    match change {
        Change::Answered {
            id,
            right,
            one_shot,
        } => {
            let r = pupil.records.entry(id.clone()).or_default();
            if r.reopened {
                // Practice after « Recommencer la leçon »: the first result stays.
                if *right || *one_shot {
                    r.reopened = false;
                }
                return;
            }
            if r.outcome.is_some() || (*one_shot && r.revealed) {
                return;
            }
            if *one_shot {
                r.tries = 1;
                r.outcome = Some(if *right {
                    Outcome::Solved
                } else {
                    Outcome::Done
                });
            } else {
                r.tries += 1;
                if *right {
                    r.outcome = Some(if r.tries <= SOLVED_WITHIN {
                        Outcome::Solved
                    } else {
                        Outcome::Done
                    });
                }
            }
        }
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
            let text: String = text.trim().chars().take(MAX_EXPLANATION).collect();
            if text.is_empty() {
                pupil.explanations.remove(lesson);
            } else {
                pupil.explanations.insert(lesson.clone(), text);
            }
        }
        Change::Erase => *pupil = Pupil::default(),
    }
}

/// Adds `other`'s work to `pupil`'s: each exercise keeps the better of the two results (and the
/// larger count of tries); a sentence is kept unless `pupil` already has one for that lesson.
pub fn merge_into(pupil: &mut Pupil, other: Pupil) {
    for (id, r) in other.records {
        let mine = pupil.records.entry(id).or_default();
        let tries = mine.tries.max(r.tries);
        if r.outcome > mine.outcome {
            *mine = r;
        }
        mine.tries = tries;
    }
    for (lesson, text) in other.explanations {
        pupil.explanations.entry(lesson).or_insert(text);
    }
}

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
pub fn load(text: &str) -> Loaded {
    let Ok(serde_json::Value::Object(top)) = serde_json::from_str::<serde_json::Value>(text) else {
        return Loaded::Unreadable;
    };
    let Some(version) = top.get("version").and_then(|v| v.as_u64()) else {
        return Loaded::Unreadable;
    };
    let mut dropped = 0;
    let store = match version {
        1 => {
            let mut pupil = Pupil::default();
            for id in top
                .get("done")
                .and_then(|d| d.as_array())
                .into_iter()
                .flatten()
            {
                match id.as_str() {
                    Some(id) => {
                        pupil.records.insert(id.into(), solved_once());
                    }
                    None => dropped += 1,
                }
            }
            single(pupil)
        }
        2 => {
            let mut pupil = Pupil::default();
            for (id, v) in top
                .get("outcomes")
                .and_then(|o| o.as_object())
                .into_iter()
                .flatten()
            {
                match serde_json::from_value::<Outcome>(v.clone()) {
                    Ok(outcome) => {
                        let record = Record {
                            outcome: Some(outcome),
                            tries: 1,
                            ..Record::default()
                        };
                        pupil.records.insert(id.clone(), record);
                    }
                    Err(_) => dropped += 1,
                }
            }
            single(pupil)
        }
        v if v == VERSION as u64 => {
            let mut store = Store::default();
            for (name, p) in top
                .get("pupils")
                .and_then(|p| p.as_object())
                .into_iter()
                .flatten()
            {
                let (pupil, bad) = pupil_of(p);
                dropped += bad;
                store.pupils.insert(clean_name(name), pupil);
            }
            store
        }
        v if v > VERSION as u64 => return Loaded::Newer(v),
        _ => return Loaded::Unreadable,
    };
    Loaded::Ok { store, dropped }
}

fn solved_once() -> Record {
    Record {
        outcome: Some(Outcome::Solved),
        tries: 1,
        ..Record::default()
    }
}

fn single(pupil: Pupil) -> Store {
    Store {
        pupils: BTreeMap::from([(String::new(), pupil)]),
    }
}

/// One pupil's entries, each parsed on its own; returns how many were malformed.
pub fn pupil_of(value: &serde_json::Value) -> (Pupil, usize) {
    let mut pupil = Pupil::default();
    let mut dropped = 0;
    let Some(obj) = value.as_object() else {
        return (pupil, 1);
    };
    for (id, r) in obj
        .get("records")
        .and_then(|r| r.as_object())
        .into_iter()
        .flatten()
    {
        match serde_json::from_value::<Record>(r.clone()) {
            Ok(record) => {
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
        match t.as_str() {
            Some(t) => {
                pupil
                    .explanations
                    .insert(lesson.clone(), t.chars().take(MAX_EXPLANATION).collect());
            }
            None => dropped += 1,
        }
    }
    (pupil, dropped)
}

/// A first name as kept: trimmed, at most `MAX_NAME` characters, no control characters.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect()
}

/// Characters that reorder text when shown (a name or a note must never hide its real text).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
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
mod tests {
    use super::*;

    fn answered(id: &str, right: bool, one_shot: bool) -> Change {
        Change::Answered {
            id: id.into(),
            right,
            one_shot,
        }
    }

    #[test]
    fn a_typed_answer_is_solved_within_three_tries_and_done_after() {
        let mut p = Pupil::default();
        apply(&mut p, &answered("l1.e1", false, false));
        apply(&mut p, &answered("l1.e1", false, false));
        apply(&mut p, &answered("l1.e1", true, false));
        assert_eq!(
            p.record("l1.e1"),
            Record {
                outcome: Some(Outcome::Solved),
                tries: 3,
                ..Record::default()
            }
        );
        for _ in 0..3 {
            apply(&mut p, &answered("l1.e2", false, false));
        }
        apply(&mut p, &answered("l1.e2", true, false));
        assert_eq!(p.outcome("l1.e2"), Some(Outcome::Done));
        assert_eq!(p.record("l1.e2").tries, 4);
        // A later wrong answer never undoes a result; a later right one never upgrades it.
        apply(&mut p, &answered("l1.e2", true, false));
        apply(&mut p, &answered("l1.e1", false, false));
        assert_eq!(
            (p.outcome("l1.e1"), p.outcome("l1.e2")),
            (Some(Outcome::Solved), Some(Outcome::Done))
        );
    }

    #[test]
    fn a_one_shot_counts_its_first_answer_only() {
        let mut p = Pupil::default();
        apply(&mut p, &answered("l1.e3", false, true));
        apply(&mut p, &answered("l1.e3", true, true));
        assert_eq!(
            p.record("l1.e3"),
            Record {
                outcome: Some(Outcome::Done),
                tries: 1,
                ..Record::default()
            }
        );
    }

    #[test]
    fn reopening_a_lesson_is_practice_and_never_upgrades() {
        let mut p = Pupil::default();
        apply(&mut p, &answered("l1.e3", false, true));
        apply(&mut p, &answered("l1.e1", true, false));
        apply(&mut p, &answered("l2.e1", true, false));
        apply(&mut p, &Change::Reopen("l1.".into()));
        assert!(p.record("l1.e3").reopened && p.record("l1.e1").reopened);
        assert!(
            !p.record("l2.e1").reopened,
            "another lesson stays as it was"
        );
        apply(&mut p, &answered("l1.e3", true, true));
        assert_eq!(
            p.record("l1.e3"),
            Record {
                outcome: Some(Outcome::Done),
                tries: 1,
                ..Record::default()
            }
        );
        assert_eq!(p.outcome("l1.e1"), Some(Outcome::Solved));
        // A never-tried exercise of the lesson is not reopened: it can still be « réussi ».
        assert_eq!(p.record("l1.e5"), Record::default());
    }

    #[test]
    fn a_bet_whose_result_was_shown_first_closes_even_after_a_restart() {
        let mut p = Pupil::default();
        apply(&mut p, &Change::Revealed("b.e1".into()));
        apply(&mut p, &answered("b.e1", true, true));
        assert_eq!(p.outcome("b.e1"), None);
        apply(&mut p, &Change::Reopen("b.".into()));
        apply(&mut p, &answered("b.e1", true, true));
        assert_eq!(
            p.outcome("b.e1"),
            None,
            "practice after a restart, never «\u{a0}réussi\u{a0}»"
        );
    }

    #[test]
    fn tasks_are_solved_once_done_and_sentences_are_cut() {
        let mut p = Pupil::default();
        apply(&mut p, &Change::Completed("l1.e5".into()));
        assert_eq!(p.outcome("l1.e5"), Some(Outcome::Solved));
        let long = "é".repeat(400);
        apply(
            &mut p,
            &Change::Explain {
                lesson: "l1".into(),
                text: format!("  {long} "),
            },
        );
        assert_eq!(p.explanations["l1"].chars().count(), MAX_EXPLANATION);
        apply(
            &mut p,
            &Change::Explain {
                lesson: "l1".into(),
                text: "  ".into(),
            },
        );
        assert!(p.explanations.is_empty());
        apply(&mut p, &Change::Erase);
        assert_eq!(p, Pupil::default());
    }

    #[test]
    fn a_task_counts_its_wrong_tries_and_follows_the_three_tries_rule() {
        let mut p = Pupil::default();
        apply(&mut p, &Change::TaskTried("l3.e4".into()));
        apply(&mut p, &Change::TaskTried("l3.e4".into()));
        apply(&mut p, &Change::Completed("l3.e4".into()));
        assert_eq!(
            p.record("l3.e4"),
            Record {
                outcome: Some(Outcome::Solved),
                tries: 3,
                ..Record::default()
            },
            "found at the third try: «\u{a0}réussi\u{a0}»"
        );
        for _ in 0..3 {
            apply(&mut p, &Change::TaskTried("b.e4".into()));
        }
        apply(&mut p, &Change::Completed("b.e4".into()));
        assert_eq!(
            (p.outcome("b.e4"), p.record("b.e4").tries),
            (Some(Outcome::Done), 4),
            "found at the fourth try: «\u{a0}fait\u{a0}»"
        );
        apply(&mut p, &Change::Completed("l1.e5".into()));
        assert_eq!(p.record("l1.e5").tries, 1, "«\u{a0}du premier coup\u{a0}» is one try");
        // After the result, and in practice after « Recommencer la leçon », tries change nothing.
        apply(&mut p, &Change::TaskTried("l3.e4".into()));
        assert_eq!(p.record("l3.e4").tries, 3);
        apply(&mut p, &Change::Reopen("b.".into()));
        apply(&mut p, &Change::TaskTried("b.e4".into()));
        apply(&mut p, &Change::Completed("b.e4".into()));
        assert_eq!(
            (p.outcome("b.e4"), p.record("b.e4").tries),
            (Some(Outcome::Done), 4)
        );
    }

    #[test]
    fn older_versions_keep_their_outcomes() {
        let v2 =
            r#"{"version":2,"outcomes":{"l1.e1":"solved","l1.e3":"missed","l2.e1":42},"done":[]}"#;
        let Loaded::Ok { store, dropped } = load(v2) else {
            panic!("readable")
        };
        assert_eq!(dropped, 1, "the malformed entry alone is dropped");
        let p = &store.pupils[""];
        assert_eq!(
            (p.outcome("l1.e1"), p.outcome("l1.e3")),
            (Some(Outcome::Solved), Some(Outcome::Done))
        );
        let Loaded::Ok { store, .. } = load(r#"{"version":1,"done":["l1.e1","l2.e1"]}"#) else {
            panic!()
        };
        assert_eq!(store.pupils[""].records.len(), 2);
    }

    #[test]
    fn a_malformed_entry_is_dropped_alone_and_newer_files_are_not_read() {
        let text = r#"{"version":3,"pupils":{"Léa":{"records":{"l1.e1":{"outcome":"solved","tries":1},"l1.e2":{"outcome":"perhaps"},"l1.e4":"x"},"explanations":{"l1":"On compte.","l2":7}},"Tom":5}}"#;
        let Loaded::Ok { store, dropped } = load(text) else {
            panic!("readable")
        };
        assert_eq!(dropped, 4);
        assert_eq!(store.pupils["Léa"].records.len(), 1);
        assert_eq!(store.pupils["Léa"].explanations["l1"], "On compte.");
        assert_eq!(load(r#"{"version":4,"pupils":{}}"#), Loaded::Newer(4));
        assert_eq!(load("{not json"), Loaded::Unreadable);
        assert_eq!(load("null"), Loaded::Unreadable);
        assert_eq!(load(r#"{"version":"x"}"#), Loaded::Unreadable);
    }

    #[test]
    fn saving_and_loading_gives_the_same_store() {
        let mut store = Store::default();
        let p = store.pupils.entry("Zoé".into()).or_default();
        apply(p, &answered("l3.e2", false, false));
        apply(
            p,
            &Change::Explain {
                lesson: "l3".into(),
                text: "La carte range les lettres.".into(),
            },
        );
        assert_eq!(load(&save(&store)), Loaded::Ok { store, dropped: 0 });
    }

    #[test]
    fn naming_oneself_keeps_the_better_results() {
        let mut named = Pupil::default();
        apply(&mut named, &answered("l1.e1", false, true));
        let mut nameless = Pupil::default();
        apply(&mut nameless, &answered("l1.e1", true, true));
        apply(
            &mut nameless,
            &Change::Explain {
                lesson: "l1".into(),
                text: "Compter.".into(),
            },
        );
        merge_into(&mut named, nameless);
        assert_eq!(named.outcome("l1.e1"), Some(Outcome::Solved));
        assert_eq!(named.explanations["l1"], "Compter.");
    }

    #[test]
    fn names_lose_control_and_bidi_characters() {
        assert_eq!(clean_name("  Lé\u{202e}a\n "), "Léa");
        assert_eq!(clean_name(&"x".repeat(100)).len(), MAX_NAME);
    }
}
