//! How two copies of the progress come together, and what a pair sees.
//!
//! - Work done without a name belongs to nobody: given a name, it is added only where that
//!   pupil has no record, and never better than « fait » (`nameless_into`).
//! - Two copies of one pupil (another tab's, two spellings of one name in an older store) keep
//!   each exercise's first result (`same_pupil`, `union`).
//! - When the browser refuses to write, the page's copy is the truth: a change never starts
//!   again from the stale stored copy (`base_for_change`).
//! - A pair sees an exercise as finished only when both have finished it (`session_record`).

use super::store::{Outcome, Pupil, Record, Store};
use std::collections::BTreeSet;

/// What a session without a name did in one page: the exercises it answered or closed, the
/// lessons it wrote a sentence for. Only that is added when it gives a name (work left without
/// a name by earlier sessions on this PC stays nobody's).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Touched {
    pub exercises: BTreeSet<String>,
    pub sentences: BTreeSet<String>,
}

/// Adds the work done without a name (`nameless`, restricted to `only` when given) to `named`: each exercise `named` has no record of, « réussi » lowered to « fait »;
/// a sentence where `named` has none. Returns how many finished exercises were added.
pub fn nameless_into(named: &mut Pupil, nameless: &Pupil, only: Option<&Touched>) -> usize {
    let mut added = 0;
    for (id, r) in &nameless.records {
        let wanted = only.is_none_or(|t| t.exercises.contains(id));
        let closes = r.outcome.is_some() || r.revealed;
        if !wanted || !closes || !named.record(id).is_blank() {
            continue;
        }
        let mut kept = r.clone();
        kept.reopened = false;
        if kept.outcome.is_some() {
            kept.outcome = Some(Outcome::Done);
            added += 1;
        }
        named.records.insert(id.clone(), kept);
    }
    for (lesson, text) in &nameless.explanations {
        let wanted = only.is_none_or(|t| t.sentences.contains(lesson));
        if wanted {
            named
                .explanations
                .entry(lesson.clone())
                .or_insert_with(|| text.clone());
        }
    }
    added
}

/// The first result of two records of one pupil's exercise: the earlier one when both say when,
/// else the lower outcome (a doubt never upgrades); a record with an outcome over one without.
fn first_result(a: Record, b: Record) -> Record {
    match (a.outcome, b.outcome) {
        (Some(x), Some(y)) => {
            let b_first = match (a.at, b.at) {
                (Some(ta), Some(tb)) => tb < ta,
                _ => y < x,
            };
            if b_first {
                b
            } else {
                a
            }
        }
        (None, Some(_)) => b,
        (Some(_), None) => a,
        (None, None) => Record {
            tries: a.tries.max(b.tries),
            first: a.first.clone().or(b.first),
            revealed: a.revealed || b.revealed,
            ..a
        },
    }
}

/// Adds `other`, another copy of the same pupil, to `mine`: every exercise of either, each with
/// its first result; `mine`'s sentence where both have one.
pub fn same_pupil(mine: &mut Pupil, other: Pupil) {
    for (id, r) in other.records {
        let kept = match mine.records.remove(&id) {
            Some(m) => first_result(m, r),
            None => r,
        };
        mine.records.insert(id, kept);
    }
    for (lesson, text) in other.explanations {
        mine.explanations.entry(lesson).or_insert(text);
    }
    if mine.name.is_empty() {
        mine.name = other.name;
    }
}

/// Adds another copy of the whole store (another tab's) to `mine`, pupil by pupil.
pub fn union(mine: &mut Store, other: Store) {
    for (key, pupil) in other.pupils {
        match mine.pupils.get_mut(&key) {
            Some(m) => same_pupil(m, pupil),
            None => {
                mine.pupils.insert(key, pupil);
            }
        }
    }
}

/// What a change is applied to. `stored`: the copy read from the browser now (None when it
/// cannot be read); `in_step`: the page's last write succeeded, so the stored copy holds all of
/// the page's work plus the other tabs' (and their erasures). Otherwise the page's copy is the
/// truth and the stored one only adds what other tabs did.
pub fn base_for_change(memory: &Store, stored: Option<Store>, in_step: bool) -> Store {
    match stored {
        Some(stored) if in_step => stored,
        Some(stored) => {
            let mut base = memory.clone();
            union(&mut base, stored);
            base
        }
        None => memory.clone(),
    }
}

/// What a session (one pupil, or a pair) sees of an exercise, from each pupil's record:
/// finished when every pupil has finished it (the lower outcome shown); a one-shot closed when
/// any of them closed it (one who saw the answer cannot predict it for the pair); otherwise the
/// record of a pupil who still has it to do.
pub fn session_record(records: &[Record], one_shot: bool) -> Record {
    if records.iter().all(|r| r.outcome.is_some()) {
        return records
            .iter()
            .min_by_key(|r| r.outcome)
            .cloned()
            .unwrap_or_default();
    }
    if one_shot {
        if let Some(closed) = records.iter().find(|r| r.closed()) {
            return closed.clone();
        }
    }
    records
        .iter()
        .find(|r| r.outcome.is_none())
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
