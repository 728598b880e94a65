//! The answers already shown on this browser: a one-shot question (a prediction, a bet, a
//! one-answer choice) is worth « réussi » only to a pupil who had not seen its answer. The log
//! belongs to the browser, not to a pupil: erasing a pupil or emptying the PC keeps it, so
//! neither launders a result.
//!
//! The reveal rule: a one-shot's answer is revealed when anyone answers it here (the page then
//! shows the answer), when an experiment shows its result before a bet, when the answer key is
//! opened (every one-shot), and when a pupil's closed one-shots are erased. A pupil answering a
//! one-shot whose answer was revealed here in the last hour, and who has no earlier record of
//! it, gets « fait » with the reason « seen » (`store::apply`). A pair is one session: its
//! answer is judged for both pupils before it is logged, so it never counts against itself.

use crate::ids;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a revealed answer counts as seen (milliseconds).
pub const WINDOW_MS: u64 = 60 * 60 * 1000;

/// Every one-shot question of the course: predictions, one-answer choices, the bet.
pub const ONE_SHOTS: [&str; 14] = [
    ids::L1_E3,
    ids::L2_E3,
    ids::L2_E5,
    ids::L3_E3,
    ids::L3_E5,
    ids::L4_E1,
    ids::L5_E2,
    ids::L5_E4,
    ids::L5_E5,
    ids::L6_E1,
    ids::L6_E3,
    ids::L6_E4,
    ids::B_E1,
    ids::B_E3,
];

/// Exercise id → when its answer was last shown on this browser (ms since 1970).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeenLog {
    #[serde(default)]
    pub seen: BTreeMap<String, u64>,
}

impl SeenLog {
    /// Whether `id`'s answer was shown here within `WINDOW_MS` before `now` (a time ahead of
    /// the clock counts as recent: a changed clock never hides a reveal).
    pub fn recently(&self, id: &str, now: u64) -> bool {
        self.seen
            .get(id)
            .is_some_and(|&at| now.saturating_sub(at) < WINDOW_MS)
    }

    /// `id`'s answer was shown at `now`.
    pub fn record(&mut self, id: &str, now: u64) {
        let at = self.seen.entry(id.to_string()).or_insert(now);
        *at = (*at).max(now);
        self.prune(now);
    }

    /// Every one of `ids` was shown at `now` (the answer key, an erase).
    pub fn record_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, now: u64) {
        for id in ids {
            self.record(id, now);
        }
    }

    /// Forgets what is older than the window: it no longer counts.
    pub fn prune(&mut self, now: u64) {
        self.seen
            .retain(|_, at| now.saturating_sub(*at) < WINDOW_MS);
    }

    /// The log as stored; an unreadable one is empty.
    pub fn load(text: &str) -> SeenLog {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn save(&self) -> String {
        serde_json::to_string(self).expect("strings and numbers always serialise")
    }

    /// Adds another copy's reveals (another tab's): the latest time of each wins.
    pub fn merge(&mut self, other: &SeenLog) {
        for (id, &at) in &other.seen {
            let mine = self.seen.entry(id.clone()).or_insert(at);
            *mine = (*mine).max(at);
        }
    }
}

/// Is `id` a one-shot question?
pub fn is_one_shot(id: &str) -> bool {
    ONE_SHOTS.contains(&id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::all_exercises;

    const T: u64 = 1_780_000_000_000;

    #[test]
    fn a_reveal_counts_for_one_hour() {
        let mut log = SeenLog::default();
        assert!(!log.recently(ids::L1_E3, T));
        log.record(ids::L1_E3, T);
        assert!(log.recently(ids::L1_E3, T));
        assert!(log.recently(ids::L1_E3, T + WINDOW_MS - 1));
        assert!(!log.recently(ids::L1_E3, T + WINDOW_MS));
        assert!(
            log.recently(ids::L1_E3, T - 5_000),
            "a clock put back still sees it"
        );
        assert!(!log.recently(ids::L4_E1, T));
        log.record(ids::L4_E1, T + WINDOW_MS);
        assert_eq!(log.seen.len(), 1, "an old reveal is forgotten");
    }

    #[test]
    fn the_log_survives_a_round_trip_and_merges_with_another_tab() {
        let mut a = SeenLog::default();
        a.record_all(ONE_SHOTS, T);
        let mut b = SeenLog::load(&a.save());
        assert_eq!(a, b);
        let mut c = SeenLog::default();
        c.record(ids::L1_E3, T + 10);
        b.merge(&c);
        assert_eq!(b.seen[ids::L1_E3], T + 10);
        assert_eq!(SeenLog::load("{not json"), SeenLog::default());
    }

    #[test]
    fn every_one_shot_is_an_exercise_of_the_course() {
        for id in ONE_SHOTS {
            assert!(all_exercises().any(|e| e == id), "{id}");
        }
        assert!(is_one_shot(ids::B_E1) && !is_one_shot(ids::L1_E1));
    }
}
