use super::*;
use crate::ids;
use crate::progress::store::{apply, Change, Moment, Pupil};

fn solved(p: &mut Pupil, id: &str) {
    apply(
        p,
        &Change::Answered {
            id: id.into(),
            right: true,
            one_shot: false,
            answer: "u".into(),
        },
        Moment::default(),
    );
}

fn file_of(name: &str, ids: &[&str], now: f64) -> String {
    let mut p = Pupil {
        name: name.into(),
        ..Pupil::default()
    };
    for id in ids {
        solved(&mut p, id);
    }
    apply(
        &mut p,
        &Change::Explain {
            lesson: "l1".into(),
            text: format!("{name}\u{a0}; «\u{a0}compte\u{a0}» les paires"),
        },
        Moment::default(),
    );
    export::write(&[&p], now)
}

fn header() -> Vec<String> {
    let mut h = vec!["Élève".to_string()];
    for l in &LESSONS {
        h.extend(["réussis", "faits", "à faire"].map(|w| format!("{} {w}", l.key)));
    }
    h.push("total".into());
    h.extend(LESSONS.iter().map(|l| format!("{} phrase", l.key)));
    h
}

#[test]
fn three_pupils_make_three_rows_with_their_counts() {
    let mut class = Class::default();
    assert_eq!(
        class.add("a.json", &file_of("Léa", &[ids::L1_E1, ids::L1_E2], 1.0)),
        None
    );
    assert_eq!(
        class.add("b.json", &file_of("Zoé", &[ids::L2_E1], 1.0)),
        None
    );
    assert_eq!(class.add("c.json", &file_of("Adam", &[], 1.0)), None);
    let names: Vec<&str> = class
        .sorted(SortBy::Name)
        .iter()
        .map(|e| e.sheet.pupil.as_str())
        .collect();
    assert_eq!(names, ["Adam", "Léa", "Zoé"]);
    let by_l1: Vec<&str> = class
        .sorted(SortBy::Lesson(0))
        .iter()
        .map(|e| e.sheet.pupil.as_str())
        .collect();
    assert_eq!(by_l1[0], "Léa");
    let lea = &class.entries[0].sheet;
    let l1 = counts(lea, &LESSONS[0]);
    assert_eq!(
        (l1.solved, l1.done, l1.todo),
        (2, 0, LESSONS[0].exercises.len() - 2)
    );
    assert_eq!(total_solved(lea), 2);

    let text = csv(&class, &header());
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(lines.len(), 4, "a header and three pupils");
    let columns = header().len();
    for line in &lines[1..] {
        // The sentence holds a « ; »: it is quoted, so the row keeps its columns.
        let mut cells = 0;
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => cells += 1,
                _ => {}
            }
        }
        assert_eq!(cells + 1, columns, "{line}");
    }
    assert!(lines[2].starts_with("Léa;2;0;"), "{}", lines[2]);
}

#[test]
fn bad_files_are_named_and_the_others_load() {
    let mut class = Class::default();
    let good = file_of("Léa", &[ids::L1_E1], 1.0);
    let damaged = good.replace("\"solved\"", "\"done\"");
    assert_eq!(
        class.add("abime.json", &damaged),
        Some(Note::Refused {
            file: "abime.json".into(),
            why: ImportError::Damaged
        })
    );
    assert!(matches!(
        class.add("photo.png", "\u{89}PNG"),
        Some(Note::Refused {
            why: ImportError::NotJson,
            ..
        })
    ));
    assert!(matches!(
        class.add(
            "modele.json",
            r#"{"format":"tuto-llm-minigpt","version":2}"#
        ),
        Some(Note::Refused {
            why: ImportError::NotOurs,
            ..
        })
    ));
    assert_eq!(class.add("lea.json", &good), None);
    assert_eq!(class.entries.len(), 1);
}

#[test]
fn the_same_pupil_twice_keeps_the_newest_file() {
    let mut class = Class::default();
    class.add("lundi.json", &file_of("Léa", &[ids::L1_E1], 100.0));
    let note = class.add(
        "mardi.json",
        &file_of("léa", &[ids::L1_E1, ids::L1_E2], 200.0),
    );
    assert_eq!(
        note,
        Some(Note::Twice {
            pupil: "léa".into(),
            kept: "mardi.json".into(),
            dropped: "lundi.json".into()
        })
    );
    // An older file coming last does not replace the newer one.
    let note = class.add("dimanche.json", &file_of("Léa", &[], 50.0));
    assert_eq!(
        note,
        Some(Note::Twice {
            pupil: "Léa".into(),
            kept: "mardi.json".into(),
            dropped: "dimanche.json".into()
        })
    );
    assert_eq!(class.entries.len(), 1);
    assert_eq!(total_solved(&class.entries[0].sheet), 2);
}

#[test]
fn spreadsheet_formulas_in_sentences_are_defused() {
    assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(cell("-1"), "'-1");
    assert_eq!(cell("simple"), "simple");
}
