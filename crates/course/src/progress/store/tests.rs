use super::*;
use crate::ids;
use crate::progress::seen;

const T: u64 = 1_780_000_000_000;

fn answered(id: &str, right: bool, one_shot: bool) -> Change {
    Change::Answered {
        id: id.into(),
        right,
        one_shot,
        answer: if right { "u" } else { "x" }.into(),
    }
}

fn at(now: u64) -> Moment {
    Moment {
        now,
        answer_seen: false,
    }
}

fn outcome(p: &Pupil, id: &str) -> Option<Outcome> {
    p.record(id).outcome
}

#[test]
fn a_typed_answer_is_solved_within_three_tries_and_done_after() {
    let mut p = Pupil::default();
    apply(&mut p, &answered("l1.e1", false, false), at(T));
    apply(&mut p, &answered("l1.e1", false, false), at(T + 1));
    apply(&mut p, &answered("l1.e1", true, false), at(T + 2));
    assert_eq!(
        p.record("l1.e1"),
        Record {
            outcome: Some(Outcome::Solved),
            tries: 3,
            first: Some("x".into()),
            at: Some(T + 2),
            ..Record::default()
        }
    );
    for _ in 0..3 {
        apply(&mut p, &answered("l1.e2", false, false), at(T));
    }
    apply(&mut p, &answered("l1.e2", true, false), at(T));
    assert_eq!(outcome(&p, "l1.e2"), Some(Outcome::Done));
    assert_eq!(p.record("l1.e2").tries, 4);
    // A later wrong answer never undoes a result; a later right one never upgrades it.
    apply(&mut p, &answered("l1.e2", true, false), at(T + 9));
    apply(&mut p, &answered("l1.e1", false, false), at(T + 9));
    assert_eq!(
        (outcome(&p, "l1.e1"), outcome(&p, "l1.e2")),
        (Some(Outcome::Solved), Some(Outcome::Done))
    );
    assert_eq!(
        p.record("l1.e1").at,
        Some(T + 2),
        "the date of the first result stays"
    );
}

#[test]
fn a_one_shot_counts_its_first_answer_only_and_keeps_it() {
    let mut p = Pupil::default();
    let first = Change::Answered {
        id: "l1.e3".into(),
        right: false,
        one_shot: true,
        answer: "  n\u{202e}\n".into(),
    };
    apply(&mut p, &first, at(T));
    apply(&mut p, &answered("l1.e3", true, true), at(T + 5));
    assert_eq!(
        p.record("l1.e3"),
        Record {
            outcome: Some(Outcome::Done),
            tries: 1,
            first: Some("n".into()),
            at: Some(T),
            ..Record::default()
        }
    );
    let long = Change::Answered {
        id: "l5.e2".into(),
        right: false,
        one_shot: true,
        answer: "7".repeat(400),
    };
    apply(&mut p, &long, at(T));
    assert_eq!(p.record("l5.e2").first.unwrap().len(), MAX_FIRST);
}

#[test]
fn a_one_shot_seen_on_this_pc_is_done_with_its_reason() {
    let mut p = Pupil::default();
    let seen = Moment {
        now: T,
        answer_seen: true,
    };
    apply(&mut p, &answered("l1.e3", true, true), seen);
    let r = p.record("l1.e3");
    assert_eq!(
        (r.outcome, r.reason),
        (Some(Outcome::Done), Some(Reason::Seen))
    );
    assert_eq!(
        r.first.as_deref(),
        Some("u"),
        "the answer given is still kept"
    );
}

#[test]
fn the_reveal_rule_counts_others_reveals_and_never_the_pairs_own() {
    let log_after =
        |store: &mut Store, session: &[Name], change: &Change, log: &mut SeenLog, now| {
            apply_session(store, session, change, now, log);
            if let Some(id) = change.reveals() {
                log.record(id, now);
            }
        };
    let mut store = Store::default();
    let mut log = SeenLog::default();
    let throwaway = [Name::parse("Malin X.")];
    let nobody = [Name::default()];
    let lina = [Name::parse("Lina B.")];
    let pair = [Name::parse("Léa B."), Name::parse("Tom M.")];
    // Missed under a throwaway name: the page showed the answer.
    log_after(
        &mut store,
        &throwaway,
        &answered(ids::L1_E3, false, true),
        &mut log,
        T,
    );
    // Without a name, then under her own name, within the hour: « fait », seen.
    log_after(
        &mut store,
        &nobody,
        &answered(ids::L1_E3, true, true),
        &mut log,
        T + 60_000,
    );
    log_after(
        &mut store,
        &lina,
        &answered(ids::L1_E3, true, true),
        &mut log,
        T + 120_000,
    );
    for key in ["", "lina|b"] {
        let r = store.pupils[key].record(ids::L1_E3);
        assert_eq!(
            (r.outcome, r.reason),
            (Some(Outcome::Done), Some(Reason::Seen)),
            "{key}"
        );
    }
    // A pair answering a one-shot nobody revealed: both « réussi » (its own answer is not a
    // reveal against itself), and both keep the same first answer.
    log_after(
        &mut store,
        &pair,
        &answered(ids::L4_E1, true, true),
        &mut log,
        T,
    );
    for key in ["lea|b", "tom|m"] {
        assert_eq!(
            store.pupils[key].record(ids::L4_E1).outcome,
            Some(Outcome::Solved),
            "{key}"
        );
    }
    // More than an hour later, a new pupil's answer is judged on its own.
    log_after(
        &mut store,
        &[Name::parse("Zoé")],
        &answered(ids::L1_E3, true, true),
        &mut log,
        T + seen::WINDOW_MS + 120_000,
    );
    assert_eq!(
        store.pupils["zoe|"].record(ids::L1_E3).outcome,
        Some(Outcome::Solved)
    );
    // A typed answer (not a one-shot) is never « seen ».
    let mut fresh = SeenLog::default();
    fresh.record(ids::L1_E1, T);
    apply_session(
        &mut store,
        &lina,
        &answered(ids::L1_E1, true, false),
        T,
        &fresh,
    );
    assert_eq!(
        store.pupils["lina|b"].record(ids::L1_E1).outcome,
        Some(Outcome::Solved)
    );
}

#[test]
fn a_pair_is_credited_to_both_and_each_keeps_their_own_records() {
    let mut store = Store::default();
    let log = SeenLog::default();
    let lea = [Name::parse("Léa B.")];
    apply_session(
        &mut store,
        &lea,
        &answered(ids::L1_E1, true, false),
        T,
        &log,
    );
    let pair = [Name::parse("Léa B."), Name::parse("Tom M.")];
    apply_session(
        &mut store,
        &pair,
        &answered(ids::L1_E2, true, false),
        T,
        &log,
    );
    let explain = Change::Explain {
        lesson: "l1".into(),
        text: "On compte les paires.".into(),
    };
    apply_session(&mut store, &pair, &explain, T, &log);
    let (lea, tom) = (&store.pupils["lea|b"], &store.pupils["tom|m"]);
    assert_eq!((lea.name.as_str(), tom.name.as_str()), ("Léa B.", "Tom M."));
    assert_eq!(lea.record(ids::L1_E2).outcome, Some(Outcome::Solved));
    assert_eq!(tom.record(ids::L1_E2).outcome, Some(Outcome::Solved));
    assert_eq!(
        tom.record(ids::L1_E1),
        Record::default(),
        "Léa's own work stays hers"
    );
    assert_eq!(lea.explanations["l1"], tom.explanations["l1"]);
    apply_session(&mut store, &pair, &Change::Erase, T, &log);
    assert!(
        store.pupils.is_empty(),
        "«\u{a0}Effacer\u{a0}» removes the session's pupils, names too"
    );
}

#[test]
fn reopening_a_lesson_is_practice_and_never_upgrades() {
    let mut p = Pupil::default();
    apply(&mut p, &answered("l1.e3", false, true), at(T));
    apply(&mut p, &answered("l1.e1", true, false), at(T));
    apply(&mut p, &answered("l2.e1", true, false), at(T));
    apply(&mut p, &Change::Reopen("l1.".into()), at(T));
    assert!(p.record("l1.e3").reopened && p.record("l1.e1").reopened);
    assert!(
        !p.record("l2.e1").reopened,
        "another lesson stays as it was"
    );
    apply(&mut p, &answered("l1.e3", true, true), at(T + 1));
    let r = p.record("l1.e3");
    assert_eq!(
        (r.outcome, r.tries, r.reopened),
        (Some(Outcome::Done), 1, false)
    );
    assert_eq!(outcome(&p, "l1.e1"), Some(Outcome::Solved));
    // A never-tried exercise of the lesson is not reopened: it can still be « réussi ».
    assert_eq!(p.record("l1.e5"), Record::default());
}

#[test]
fn a_bet_whose_result_was_shown_first_closes_even_after_a_restart() {
    let mut p = Pupil::default();
    apply(&mut p, &Change::Revealed("b.e1".into()), at(T));
    apply(&mut p, &answered("b.e1", true, true), at(T));
    assert_eq!(outcome(&p, "b.e1"), None);
    apply(&mut p, &Change::Reopen("b.".into()), at(T));
    apply(&mut p, &answered("b.e1", true, true), at(T));
    assert_eq!(
        outcome(&p, "b.e1"),
        None,
        "practice after a restart, never «\u{a0}réussi\u{a0}»"
    );
}

#[test]
fn tasks_are_solved_once_done_and_sentences_are_cut_never_empty() {
    let mut p = Pupil::default();
    apply(&mut p, &Change::Completed("l1.e5".into()), at(T));
    assert_eq!(outcome(&p, "l1.e5"), Some(Outcome::Solved));
    assert_eq!(p.record("l1.e5").first, None, "a task has no single answer");
    let explain = |text: &str| Change::Explain {
        lesson: "l1".into(),
        text: text.into(),
    };
    apply(&mut p, &explain(&format!("  {} ", "é".repeat(400))), at(T));
    assert_eq!(p.explanations["l1"].chars().count(), MAX_EXPLANATION);
    apply(&mut p, &explain(" \n\u{202e} "), at(T));
    assert_eq!(
        p.explanations["l1"].chars().count(),
        MAX_EXPLANATION,
        "an empty sentence changes nothing"
    );
    apply(&mut p, &explain("ligne 1\nligne 2"), at(T));
    assert_eq!(p.explanations["l1"], "ligne 1 ligne 2");
    apply(&mut p, &Change::Erase, at(T));
    assert!(!p.has_work());
}

#[test]
fn older_versions_keep_their_outcomes() {
    let v2 = r#"{"version":2,"outcomes":{"l1.e1":"solved","l1.e3":"missed","l2.e1":42},"done":[]}"#;
    let Loaded::Ok { store, dropped } = load(v2) else {
        panic!("readable")
    };
    assert_eq!(dropped, 1, "the malformed entry alone is dropped");
    let p = &store.pupils[""];
    assert_eq!(
        (outcome(p, "l1.e1"), outcome(p, "l1.e3")),
        (Some(Outcome::Solved), Some(Outcome::Done))
    );
    let Loaded::Ok { store, .. } = load(r#"{"version":1,"done":["l1.e1","l2.e1"]}"#) else {
        panic!()
    };
    assert_eq!(store.pupils[""].records.len(), 2);
}

#[test]
fn version_3_moves_to_identity_keys_and_merges_spellings_of_one_pupil() {
    let v3 = r#"{"version":3,"pupils":{
        "Léa":{"records":{"l1.e1":{"outcome":"solved","tries":1},"l1.e3":{"outcome":"solved","tries":1}},"explanations":{"l1":"On compte."}},
        "LEA":{"records":{"l1.e3":{"outcome":"done","tries":1},"l1.e2":{"tries":2}},"explanations":{"l1":"Autre."}},
        "Tom B.":{"records":{"l2.e1":{"outcome":"done","tries":4}}},
        "":{"records":{"l1.e4":{"outcome":"solved","tries":1}}}}}"#;
    let Loaded::Ok { store, dropped } = load(v3) else {
        panic!("readable")
    };
    assert_eq!(dropped, 0);
    let keys: Vec<&str> = store.pupils.keys().map(String::as_str).collect();
    assert_eq!(keys, ["", "lea|", "tom|b"]);
    let lea = &store.pupils["lea|"];
    assert_eq!(
        lea.records.len(),
        3,
        "the union of both spellings' exercises"
    );
    assert_eq!(
        outcome(lea, "l1.e3"),
        Some(Outcome::Done),
        "a doubt never upgrades"
    );
    assert_eq!(lea.record("l1.e2").tries, 2);
    assert_eq!(store.pupils["tom|b"].name, "Tom B.");
    // Saved as version 4, read back the same.
    assert!(save(&store).starts_with(r#"{"version":4,"#));
    assert_eq!(load(&save(&store)), Loaded::Ok { store, dropped: 0 });
}

#[test]
fn a_malformed_entry_is_dropped_alone_and_newer_files_are_not_read() {
    let text = r#"{"version":4,"pupils":{"lea|":{"name":"Léa","records":{"l1.e1":{"outcome":"solved","tries":1,"first":"u","at":5},"l1.e2":{"outcome":"perhaps"},"l1.e4":"x"},"explanations":{"l1":"On compte.","l2":7,"l3":"  "}},"tom|":5}}"#;
    let Loaded::Ok { store, dropped } = load(text) else {
        panic!("readable")
    };
    assert_eq!(dropped, 5);
    let lea = &store.pupils["lea|"];
    assert_eq!(lea.records.len(), 1);
    assert_eq!(lea.record("l1.e1").at, Some(5));
    assert_eq!(lea.explanations["l1"], "On compte.");
    assert_eq!(load(r#"{"version":5,"pupils":{}}"#), Loaded::Newer(5));
    assert_eq!(load("{not json"), Loaded::Unreadable);
    assert_eq!(load("null"), Loaded::Unreadable);
    assert_eq!(load(r#"{"version":"x"}"#), Loaded::Unreadable);
}

#[test]
fn saving_and_loading_gives_the_same_store() {
    let mut store = Store::default();
    let zoe = [Name::parse("Zoé R.")];
    let log = SeenLog::default();
    apply_session(&mut store, &zoe, &answered("l3.e2", false, false), T, &log);
    apply_session(&mut store, &zoe, &answered("l1.e3", true, true), T, &log);
    let explain = Change::Explain {
        lesson: "l3".into(),
        text: "La carte range les lettres.".into(),
    };
    apply_session(&mut store, &zoe, &explain, T, &log);
    assert_eq!(load(&save(&store)), Loaded::Ok { store, dropped: 0 });
}

#[test]
fn a_name_with_work_is_counted_once() {
    let mut store = Store::default();
    let log = SeenLog::default();
    apply_session(
        &mut store,
        &[Name::parse("léa")],
        &answered("l1.e1", true, false),
        T,
        &log,
    );
    apply_session(
        &mut store,
        &[Name::parse("LÉA")],
        &answered("l1.e2", true, false),
        T,
        &log,
    );
    apply_session(
        &mut store,
        &[Name::default()],
        &answered("l1.e2", true, false),
        T,
        &log,
    );
    assert_eq!(store.named_with_work(), 1);
    assert_eq!(
        store.pupils["lea|"].name, "léa",
        "the first spelling is the one shown"
    );
}

#[test]
fn a_task_counts_its_wrong_tries_and_follows_the_three_tries_rule() {
    let mut p = Pupil::default();
    apply(&mut p, &Change::TaskTried("l3.e4".into()), at(T));
    apply(&mut p, &Change::TaskTried("l3.e4".into()), at(T));
    apply(&mut p, &Change::Completed("l3.e4".into()), at(T));
    assert_eq!(
        (outcome(&p, "l3.e4"), p.record("l3.e4").tries),
        (Some(Outcome::Solved), 3),
        "found at the third try: «\u{a0}réussi\u{a0}»"
    );
    for _ in 0..3 {
        apply(&mut p, &Change::TaskTried("b.e4".into()), at(T));
    }
    apply(&mut p, &Change::Completed("b.e4".into()), at(T));
    assert_eq!(
        (outcome(&p, "b.e4"), p.record("b.e4").tries),
        (Some(Outcome::Done), 4),
        "found at the fourth try: «\u{a0}fait\u{a0}»"
    );
    apply(&mut p, &Change::Completed("l1.e5".into()), at(T));
    assert_eq!(
        p.record("l1.e5").tries,
        1,
        "«\u{a0}du premier coup\u{a0}» is one try"
    );
    // After the result, and in practice after « Recommencer la leçon », tries change nothing.
    apply(&mut p, &Change::TaskTried("l3.e4".into()), at(T));
    assert_eq!(p.record("l3.e4").tries, 3);
    apply(&mut p, &Change::Reopen("b.".into()), at(T));
    apply(&mut p, &Change::TaskTried("b.e4".into()), at(T));
    apply(&mut p, &Change::Completed("b.e4".into()), at(T));
    assert_eq!(
        (outcome(&p, "b.e4"), p.record("b.e4").tries),
        (Some(Outcome::Done), 4)
    );
}
