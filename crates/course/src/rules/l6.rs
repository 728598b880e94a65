//! Lesson 6's exercise rules: pure functions of the answer and of what the page shows.

use super::well_formed;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l6 as text};
use crate::text::parse_number;
use minigpt::bigram::BigramCounts;

/// Exercise 1 (a prediction): the untrained model's loss, about ln 27 = 3,30 (± 0,15).
pub fn start_loss(measured: f32, answer: &str) -> Verdict {
    match parse_number(answer) {
        Some(x) if (x - 27f32.ln()).abs() <= 0.15 => Right(text::e1_right(measured)),
        Some(x) => Wrong(text::e1_wrong(x, measured)),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 2 (a task): the dominos placed so far (`order`, stage indices), and the last wrong
/// click (the stage clicked, the one expected).
pub fn dominos(order: &[usize], last_wrong: Option<(usize, usize)>) -> Option<Verdict> {
    let stages = text::DOMINO_STAGES;
    if order.len() == stages.len() {
        Some(Right(text::E2_RIGHT.into()))
    } else if let Some((clicked, expected)) = last_wrong {
        Some(Wrong(text::e2_wrong(stages[clicked], stages[expected])))
    } else if !order.is_empty() {
        let done: Vec<&str> = order.iter().map(|&i| stages[i]).collect();
        Some(Wrong(text::e2_progress(&done)))
    } else {
        None
    }
}

/// A finished run of step 5, for exercise 3: its label, settings and final loss.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    pub label: String,
    pub steps: usize,
    pub lr: f32,
    pub loss: f32,
}

/// The runs exercise 3 offers: the last finished run of each setting, when there are two
/// settings or more (else nothing to compare yet).
pub fn compared_runs(finished: &[Finished]) -> Vec<Finished> {
    let mut kept: Vec<Finished> = Vec::new();
    for f in finished.iter().rev() {
        if !kept.iter().any(|k| (k.steps, k.lr) == (f.steps, f.lr)) {
            kept.push(f.clone());
        }
    }
    kept.truncate(4);
    kept.reverse();
    if kept.len() >= 2 {
        kept
    } else {
        Vec::new()
    }
}

/// Exercise 3 (a choice among the runs compared): the one with the lowest loss.
pub fn best_run(choice: usize, runs: &[Finished], busy: bool) -> Verdict {
    if runs.len() < 2 {
        return NotAnAnswer(if busy { text::E3_WAIT } else { text::E3_SECOND }.into());
    }
    let best = (0..runs.len())
        .min_by(|&a, &b| runs[a].loss.total_cmp(&runs[b].loss))
        .unwrap_or(0);
    let (label, loss) = (&runs[best].label, runs[best].loss);
    if runs
        .get(choice)
        .is_some_and(|r| (r.loss - loss).abs() < 0.005)
    {
        Right(text::e3_right(label, loss))
    } else {
        Wrong(text::e3_wrong(label, loss))
    }
}

/// How many names of `names` are « bizarre » for the data `pairs` (not well formed).
pub fn odd_count(names: &[String], pairs: &BigramCounts) -> usize {
    names
        .iter()
        .filter(|n| !n.is_empty() && !well_formed(n, pairs))
        .count()
}

/// Exercise 4 (a choice): which list has more « bizarre » names, cold or hot (same prefix).
pub fn odder_list(
    choice: usize,
    prefix: &str,
    lists: Option<(&[String], &[String])>,
    pairs: &BigramCounts,
) -> Verdict {
    if prefix.is_empty() {
        return NotAnAnswer(text::E4_PREFIX.into());
    }
    let Some((cold, hot)) = lists else {
        return NotAnAnswer(text::E4_LISTS.into());
    };
    let (c, h) = (odd_count(cold, pairs), odd_count(hot, pairs));
    let right = match c.cmp(&h) {
        std::cmp::Ordering::Greater => 0,
        std::cmp::Ordering::Less => 1,
        std::cmp::Ordering::Equal => 2,
    };
    if choice == right {
        Right(text::e4_right(prefix, c, h))
    } else {
        Wrong(text::e4_wrong(prefix, c, h))
    }
}

/// The own-list exercise: new names out of 10, from a model trained at least this many steps.
pub const OWN_NEW_NEEDED: usize = 3;
pub const OWN_MIN_STEPS: usize = 300;

/// How an invented name stands against the pupil's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Empty: the model drew the end at once.
    Nothing,
    /// In the list.
    Copy,
    /// Not in the list, and sounds like it.
    New,
    /// Not in the list, too short or with a pair the list never has.
    Odd,
}

pub fn mark(name: &str, list: &[String], pairs: &BigramCounts) -> Mark {
    if name.is_empty() {
        Mark::Nothing
    } else if list.iter().any(|n| n == name) {
        Mark::Copy
    } else if well_formed(name, pairs) {
        Mark::New
    } else {
        Mark::Odd
    }
}

/// Exercise 5 (créer): at least 3 new names of 10 from a model trained 300 steps or more on the
/// pupil's list. `trained_steps`: the own run's steps, once finished.
pub fn own_list(
    list: Option<&[String]>,
    trained_steps: Option<usize>,
    generated: &[String],
) -> Option<Verdict> {
    let list = list?;
    let Some(steps) = trained_steps.filter(|_| !generated.is_empty()) else {
        return Some(Wrong(text::E5_TRAIN.into()));
    };
    if steps < OWN_MIN_STEPS {
        return Some(Wrong(text::E5_FEW_STEPS.into()));
    }
    let pairs = BigramCounts::from_names(alphabet_of(list), list);
    let new: Vec<&String> = generated
        .iter()
        .filter(|n| mark(n, list, &pairs) == Mark::New)
        .collect();
    Some(if new.len() >= OWN_NEW_NEEDED {
        Right(text::e5_right(new.len(), new[0]))
    } else {
        Wrong(text::e5_not_yet(new.len()))
    })
}

/// The alphabet a list is written in (the extended one if any name needs it).
pub fn alphabet_of(list: &[String]) -> minigpt::Alphabet {
    use minigpt::Alphabet;
    if list.iter().all(|n| Alphabet::Letters.can_write(n)) {
        Alphabet::Letters
    } else {
        Alphabet::Extended
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_fair_options;
    use minigpt::Alphabet;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn exercise_1_predicts_about_3_3() {
        assert!(start_loss(3.29, "3,3").is_right());
        for usual in ["0,04", "27"] {
            assert!(matches!(start_loss(3.29, usual), Wrong(_)));
        }
    }

    #[test]
    fn exercise_2_needs_the_whole_chain() {
        assert_eq!(dominos(&[], None), None);
        assert!(matches!(dominos(&[0, 1], None), Some(Wrong(_))));
        assert!(dominos(&[0, 1, 2, 3, 4], None).unwrap().is_right());
    }

    #[test]
    fn exercise_3_reads_the_best_of_two_settings() {
        let run = |steps, lr, loss| Finished {
            label: format!("{steps}/{lr}"),
            steps,
            lr,
            loss,
        };
        assert!(
            compared_runs(&[run(1000, 0.01, 2.4), run(1000, 0.01, 2.41)]).is_empty(),
            "the same setting twice"
        );
        let runs = compared_runs(&[run(1000, 0.01, 2.4), run(300, 0.1, 2.6)]);
        assert_eq!(runs.len(), 2);
        assert!(best_run(0, &runs, false).is_right());
        assert!(matches!(best_run(1, &runs, false), Wrong(_)));
        assert!(matches!(best_run(0, &[], true), NotAnAnswer(_)));
    }

    #[test]
    fn exercise_4_counts_odd_names() {
        let data = names(&["marie", "martin", "manon", "mathis"]);
        let pairs = BigramCounts::from_names(Alphabet::Letters, &data);
        let cold = names(&["marin", "manon"]);
        let hot = names(&["mazqx", "mao"]);
        assert_eq!((odd_count(&cold, &pairs), odd_count(&hot, &pairs)), (0, 2));
        assert!(odder_list(1, "ma", Some((&cold, &hot)), &pairs).is_right());
        assert!(matches!(
            odder_list(0, "ma", Some((&cold, &hot)), &pairs),
            Wrong(_)
        ));
        assert!(matches!(
            odder_list(1, "", Some((&cold, &hot)), &pairs),
            NotAnAnswer(_)
        ));
        assert_fair_options(text::E4_CHOICES, 1, 12);
    }

    #[test]
    fn exercise_5_counts_only_well_formed_new_names() {
        let list = names(&[
            "lea", "leo", "lena", "lina", "nina", "nino", "noa", "nael", "elia", "eliot",
        ]);
        // « s » and « hbbgoel » were praised as new: one is too short, the other has unseen pairs.
        let babble = names(&[
            "s", "hbbgoel", "lea", "leo", "", "lea", "noa", "leo", "nina", "zzz",
        ]);
        assert!(matches!(
            own_list(Some(&list), Some(300), &babble),
            Some(Wrong(_))
        ));
        let good = names(&[
            "lena", "lino", "nena", "elina", "leo", "lia", "nael", "noa", "nino", "lea",
        ]);
        assert!(own_list(Some(&list), Some(300), &good).unwrap().is_right());
        assert!(
            matches!(own_list(Some(&list), Some(100), &good), Some(Wrong(_))),
            "100 steps learn nothing"
        );
        assert_eq!(own_list(None, None, &[]), None);
    }
}
