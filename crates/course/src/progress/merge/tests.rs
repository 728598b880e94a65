use super::*;
use crate::ids;
use crate::progress::store::{apply, Change, Moment, Reason};

const T: u64 = 1_780_000_000_000;

fn done_by(p: &mut Pupil, id: &str, right: bool, one_shot: bool, now: u64) {
    let change = Change::Answered {
        id: id.into(),
        right,
        one_shot,
        answer: "r".into(),
    };
    apply(
        p,
        &change,
        Moment {
            now,
            answer_seen: false,
        },
    );
}

#[test]
fn nameless_work_fills_only_empty_places_and_never_better_than_done() {
    // Retour missed the prediction, then answered it right without a name (pedagogy F1).
    let mut retour = Pupil::default();
    done_by(&mut retour, ids::L4_E1, false, true, T);
    let mut nameless = Pupil::default();
    done_by(&mut nameless, ids::L4_E1, true, true, T + 1);
    done_by(&mut nameless, ids::L1_E1, true, false, T + 2);
    done_by(&mut nameless, ids::L1_E2, false, false, T + 3);
    apply(
        &mut nameless,
        &Change::Revealed(ids::B_E1.into()),
        Moment::default(),
    );
    apply(
        &mut nameless,
        &Change::Explain {
            lesson: "l1".into(),
            text: "Compter.".into(),
        },
        Moment::default(),
    );
    let added = nameless_into(&mut retour, &nameless, None);
    assert_eq!(added, 1, "only l1.e1 was finished and not Retour's already");
    assert_eq!(
        retour.record(ids::L4_E1).outcome,
        Some(Outcome::Done),
        "a « fait » stays « fait »"
    );
    assert_eq!(
        retour.record(ids::L1_E1).outcome,
        Some(Outcome::Done),
        "nameless « réussi » → « fait »"
    );
    assert_eq!(retour.record(ids::L1_E1).first.as_deref(), Some("r"));
    assert!(
        retour.record(ids::L1_E2).is_blank(),
        "an unfinished try is nobody's"
    );
    assert!(
        retour.record(ids::B_E1).revealed,
        "a bet whose result was shown stays closed"
    );
    assert_eq!(retour.explanations["l1"], "Compter.");
}

#[test]
fn only_what_this_session_did_without_a_name_is_added() {
    // Reliability F6: an earlier pupil's nameless work is not absorbed by Léa's name.
    let mut nameless = Pupil::default();
    done_by(&mut nameless, ids::L1_E2, true, false, T);
    done_by(&mut nameless, ids::L1_E4, true, false, T);
    let mut lea = Pupil::default();
    let mut touched = Touched::default();
    touched.exercises.insert(ids::L1_E4.into());
    assert_eq!(nameless_into(&mut lea, &nameless, Some(&touched)), 1);
    assert!(lea.record(ids::L1_E2).is_blank());
    assert_eq!(lea.record(ids::L1_E4).outcome, Some(Outcome::Done));
}

#[test]
fn one_pupils_two_copies_keep_each_first_result() {
    let mut tab_a = Pupil::default();
    done_by(&mut tab_a, ids::L1_E1, true, false, T + 10);
    done_by(&mut tab_a, ids::L1_E3, false, true, T + 20);
    let mut tab_b = Pupil::default();
    done_by(&mut tab_b, ids::L1_E1, false, false, T);
    done_by(&mut tab_b, ids::L1_E1, false, false, T);
    done_by(&mut tab_b, ids::L1_E1, false, false, T);
    done_by(&mut tab_b, ids::L1_E1, true, false, T + 5);
    done_by(&mut tab_b, ids::L1_E2, true, false, T);
    same_pupil(&mut tab_a, tab_b);
    let e1 = tab_a.record(ids::L1_E1);
    assert_eq!(
        (e1.outcome, e1.at),
        (Some(Outcome::Done), Some(T + 5)),
        "the earlier result"
    );
    assert_eq!(
        tab_a.record(ids::L1_E2).outcome,
        Some(Outcome::Solved),
        "the union"
    );
    assert_eq!(tab_a.record(ids::L1_E3).outcome, Some(Outcome::Done));
}

#[test]
fn a_refused_write_never_restarts_from_the_stale_copy() {
    let lea = crate::progress::identity::Name::parse("Léa");
    let mut memory = Store::default();
    done_by(memory.pupil_mut(&lea), ids::L1_E1, true, false, T);
    done_by(memory.pupil_mut(&lea), ids::L1_E2, true, false, T + 1);
    // The stored copy stopped at the first answer (the second write failed); another tab added
    // an exercise since.
    let mut stored = Store::default();
    done_by(stored.pupil_mut(&lea), ids::L1_E1, true, false, T);
    done_by(stored.pupil_mut(&lea), ids::L1_E4, true, false, T + 2);
    let base = base_for_change(&memory, Some(stored.clone()), false);
    let p = &base.pupils["lea|"];
    assert_eq!(p.records.len(), 3, "the page's work and the other tab's");
    // In step, the stored copy is the truth (it holds the page's work and other tabs' erasures).
    assert_eq!(base_for_change(&memory, Some(stored.clone()), true), stored);
    // Unreadable: the page's copy.
    assert_eq!(base_for_change(&memory, None, true), memory);
}

#[test]
fn a_pair_sees_an_exercise_finished_when_both_have_finished_it() {
    let solved = Record {
        outcome: Some(Outcome::Solved),
        tries: 1,
        ..Record::default()
    };
    let done = Record {
        outcome: Some(Outcome::Done),
        tries: 1,
        reason: Some(Reason::Seen),
        ..Record::default()
    };
    let blank = Record::default();
    assert_eq!(session_record(std::slice::from_ref(&solved), false), solved);
    assert_eq!(
        session_record(&[solved.clone(), done.clone()], true),
        done,
        "the lower outcome"
    );
    assert_eq!(
        session_record(&[solved.clone(), blank.clone()], false),
        blank,
        "still to do for one"
    );
    assert_eq!(
        session_record(&[blank.clone(), solved.clone()], true),
        solved,
        "a one-shot one of them answered is closed"
    );
    assert_eq!(session_record(&[], false), Record::default());
}
