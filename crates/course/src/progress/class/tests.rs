use super::*;
use crate::content::LESSONS;
use crate::ids;
use crate::progress::export::{self, Partner, Sheet};
use crate::progress::store::{Outcome, Reason, Record};

/// 2 December 2026, 10:00 UTC: the teacher's clock in these tests.
const NOW: f64 = 1_796_205_600_000.0;
const DAY: f64 = 86_400_000.0;
const WEEK: f64 = 7.0 * DAY;

fn record(outcome: Option<Outcome>, tries: u32) -> Record {
    Record {
        outcome,
        tries,
        ..Record::default()
    }
}

fn solved() -> Record {
    record(Some(Outcome::Solved), 1)
}

/// A file as a pupil's PC writes it: the sheet, then its checksum (FORMAT.md: the SHA-256 of
/// the object without `checksum`, serialised by serde_json in the sheet's key order). Used to
/// forge files too: the page must cope with whatever a file holds.
fn file(
    pupil: &str,
    exported: f64,
    records: &[(&str, Record)],
    sentences: &[(&str, &str)],
) -> String {
    let sheet = Sheet {
        format: export::FORMAT.into(),
        version: export::VERSION,
        pupil: pupil.into(),
        exported,
        records: records
            .iter()
            .map(|(id, r)| (id.to_string(), r.clone()))
            .collect(),
        explanations: sentences
            .iter()
            .map(|(l, s)| (l.to_string(), s.to_string()))
            .collect(),
        partner: None,
    };
    signed(&sheet)
}

/// The file's text for `sheet`, with its checksum.
fn signed(sheet: &Sheet) -> String {
    let body = serde_json::to_string(sheet).unwrap();
    let sum: String = sha2::Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{},\"checksum\":\"{sum}\"}}", &body[..body.len() - 1])
}
use sha2::Digest;

fn class_of(files: &[(&str, String)]) -> Class {
    let mut class = Class::default();
    for (name, text) in files {
        class.add(read(name, text, NOW));
    }
    class
}

fn names(table: &Table) -> Vec<&str> {
    table.rows.iter().map(|r| r.name.as_str()).collect()
}

fn state(row: &Row, id: &str) -> State {
    State::of(row.work.get(id))
}

#[test]
fn the_same_pupil_from_two_pcs_and_two_weeks_is_one_row_with_everything() {
    let week1 = file(
        "Inès B.",
        NOW - WEEK,
        &[
            (ids::L1_E1, solved()),
            (ids::L1_E3, record(Some(Outcome::Done), 1)),
            (ids::L1_E6, record(None, 2)),
        ],
        &[("l1", "Il prend la lettre qui vient le plus souvent.")],
    );
    let week2 = file(
        "inès b",
        NOW - DAY,
        &[
            // Answered again on another PC a week later: the first result stays.
            (ids::L1_E3, solved()),
            (ids::L1_E6, record(Some(Outcome::Done), 4)),
            (ids::L2_E1, solved()),
        ],
        &[
            ("l1", "Il tire au sort avec les comptes du tableau."),
            ("l2", "La loss mesure la surprise."),
        ],
    );
    // Read newest first: the order of the files does not matter.
    let table = class_of(&[("pc7.json", week2), ("pc2.json", week1)]).table();
    assert_eq!(table.rows.len(), 1, "{:?}", names(&table));
    let ines = &table.rows[0];
    assert_eq!(ines.name, "Inès B.", "the oldest file names the row");
    assert_eq!(state(ines, ids::L1_E1), State::Solved);
    assert_eq!(
        state(ines, ids::L1_E3),
        State::Done,
        "the first result is kept"
    );
    assert_eq!(ines.work[ids::L1_E3].file, "pc2.json");
    assert_eq!(
        state(ines, ids::L1_E6),
        State::Done,
        "tried, then finished later"
    );
    assert_eq!(ines.work[ids::L1_E6].tries, 4);
    assert_eq!(state(ines, ids::L2_E1), State::Solved);
    let l1: Vec<&str> = ines.sentences["l1"]
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        l1,
        [
            "Il prend la lettre qui vient le plus souvent.",
            "Il tire au sort avec les comptes du tableau."
        ],
        "both sentences, oldest first"
    );
    assert_eq!(ines.sentences["l1"][0].day, Some(NOW - WEEK));
    assert_eq!(ines.sentences["l2"].len(), 1);
    assert_eq!(ines.files, ["pc2.json", "pc7.json"]);
    assert_eq!((ines.first, ines.last), (Some(NOW - WEEK), Some(NOW - DAY)));
    assert!(table.notes.is_empty(), "{:?}", table.notes);
}

#[test]
fn two_lucas_with_different_initials_are_two_pupils() {
    let table = class_of(&[
        (
            "a.json",
            file("Lucas M.", NOW, &[(ids::L1_E1, solved())], &[]),
        ),
        (
            "b.json",
            file("Lucas B.", NOW, &[(ids::L1_E2, solved())], &[]),
        ),
    ])
    .table();
    assert_eq!(names(&table), ["Lucas M.", "Lucas B."]);
    assert_eq!(state(&table.rows[0], ids::L1_E2), State::Todo);
    assert_eq!(state(&table.rows[1], ids::L1_E1), State::Todo);
    assert!(table.notes.is_empty());
}

#[test]
fn a_first_name_without_initial_is_kept_apart_and_flagged() {
    let table = class_of(&[
        (
            "b.json",
            file("Léa B.", NOW, &[(ids::L1_E1, solved())], &[]),
        ),
        ("m.json", file("Léa M.", NOW, &[], &[])),
        ("l.json", file("Léa", NOW, &[(ids::L1_E2, solved())], &[])),
        ("z.json", file("Zoé", NOW, &[], &[])),
    ])
    .table();
    assert_eq!(table.rows.len(), 4, "never merged silently");
    let lea = table.rows.iter().find(|r| r.name == "Léa").unwrap();
    assert_eq!(lea.maybe, ["Léa B.", "Léa M."]);
    assert_eq!(state(lea, ids::L1_E1), State::Todo);
    assert_eq!(
        table.notes,
        [Note::Ambiguous {
            name: "Léa".into(),
            maybe: vec!["Léa B.".into(), "Léa M.".into()]
        }]
    );
    let zoe = table.rows.iter().find(|r| r.name == "Zoé").unwrap();
    assert!(zoe.maybe.is_empty(), "no one else is called Zoé");
}

#[test]
fn a_file_opened_again_counts_once_with_one_note() {
    let text = file(
        "Tom R.",
        NOW,
        &[(ids::L1_E1, record(None, 2))],
        &[("l1", "Il compte.")],
    );
    // The same sheet written differently (pretty-printed) is the same file.
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&text).unwrap())
            .unwrap();
    let table = class_of(&[
        ("tom.json", text.clone()),
        ("tom.json", text.clone()),
        ("tom (1).json", pretty),
        ("tom.json", text),
    ])
    .table();
    assert_eq!(table.rows.len(), 1);
    assert_eq!(
        table.rows[0].work[ids::L1_E1].tries,
        2,
        "tries not added twice"
    );
    assert_eq!(table.rows[0].sentences["l1"].len(), 1);
    assert_eq!(
        table.notes,
        [Note::Copies {
            files: vec!["tom.json".into(), "tom (1).json".into()]
        }],
        "one note, each file named once"
    );
    // A refused file opened twice is named once.
    let table = class_of(&[("x.json", "{".into()), ("x.json", "{".into())]).table();
    assert_eq!(table.notes.len(), 1);
}

/// Today's files (format 1, before first answers and pairs) still load.
const OLD_FILE: &str = r#"{"format":"tuto-llm-progression","version":1,"pupil":"Inès","exported":1764000000000.0,"records":{"l1.e1":{"outcome":"solved","tries":1},"l1.e3":{"outcome":"done","tries":1},"l1.e6":{"tries":2}},"explanations":{"l1":"Il compte les paires de lettres."},"checksum":"a425228c20eceea81b7c8a9ed3631a8b924fa635ed69a23476bfffc573d09571"}"#;

#[test]
fn an_old_format_file_is_still_read() {
    let table = class_of(&[("progression-Inès.json", OLD_FILE.into())]).table();
    assert!(table.notes.is_empty(), "{:?}", table.notes);
    let ines = &table.rows[0];
    assert_eq!(ines.name, "Inès");
    assert_eq!(state(ines, ids::L1_E1), State::Solved);
    assert_eq!(state(ines, ids::L1_E3), State::Done);
    assert_eq!(state(ines, ids::L1_E6), State::Tried);
    assert_eq!(state(ines, ids::L1_E7), State::Todo);
}

#[test]
fn bad_files_are_named_and_the_others_load() {
    let good = file(
        "Léa B.",
        NOW,
        &[(ids::L1_E1, record(Some(Outcome::Done), 4))],
        &[],
    );
    let edited = good.replace("\"done\"", "\"solved\"");
    let table = class_of(&[
        ("abime.json", edited),
        ("photo.png", "\u{89}PNG".into()),
        (
            "modele.json",
            r#"{"format":"tuto-llm-minigpt","version":2}"#.into(),
        ),
        ("lea.json", good),
    ])
    .table();
    assert_eq!(names(&table), ["Léa B."]);
    let refused: Vec<(&str, &ImportError)> = table
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Refused { file, why } => Some((file.as_str(), why)),
            _ => None,
        })
        .collect();
    assert_eq!(
        refused,
        [
            ("abime.json", &ImportError::Damaged),
            ("photo.png", &ImportError::NotJson),
            ("modele.json", &ImportError::NotOurs)
        ]
    );
}

#[test]
fn names_and_sentences_from_files_are_cleaned_as_on_the_pupils_side() {
    let long = "A".repeat(10_000);
    let table = class_of(&[(
        "adam\u{202e}gnp.exe",
        file(
            &format!("Adam\u{202e}gnp.exe\u{0}{long}"),
            NOW,
            &[],
            &[
                ("l1", &format!("\u{202e}evil\u{0} {long}")),
                ("l2", " \u{2066}\u{200f} "),
            ],
        ),
    )])
    .table();
    let row = &table.rows[0];
    assert!(row.name.starts_with("Adamgnp.exe"), "{}", row.name);
    assert_eq!(row.name.chars().count(), crate::progress::store::MAX_NAME);
    let sentence = &row.sentences["l1"][0].text;
    assert!(sentence.starts_with("evil"), "no bidi override, no NUL");
    assert_eq!(
        sentence.chars().count(),
        crate::progress::store::MAX_EXPLANATION
    );
    assert!(
        !row.sentences.contains_key("l2"),
        "an empty sentence is no sentence"
    );
    assert_eq!(row.files, ["adamgnp.exe"]);
}

#[test]
fn an_impossible_date_is_flagged_and_not_trusted() {
    assert_eq!(plausible(NOW, NOW), Some(NOW));
    assert_eq!(
        plausible(NOW + DAY / 2.0, NOW),
        Some(NOW + DAY / 2.0),
        "a PC's clock a bit ahead"
    );
    assert_eq!(plausible(NOW + 2.0 * DAY, NOW), None);
    assert_eq!(plausible(9e15, NOW), None);
    assert_eq!(plausible(1_000.0, NOW), None, "1970");
    assert_eq!(plausible(1_700_000_000_000.0, NOW), None, "2023");
    assert_eq!(plausible(f64::NAN, NOW), None);
    // A file claiming to come from the future does not win: the real older file's result stays.
    let real = file(
        "Noé K.",
        NOW - WEEK,
        &[(ids::L1_E3, record(Some(Outcome::Done), 1))],
        &[],
    );
    let forged = file("Noé K.", 9e15, &[(ids::L1_E3, solved())], &[]);
    let table = class_of(&[("vrai.json", real), ("futur.json", forged)]).table();
    assert_eq!(state(&table.rows[0], ids::L1_E3), State::Done);
    assert_eq!(
        table.notes,
        [Note::BadDate {
            file: "futur.json".into()
        }]
    );
    assert_eq!(
        table.rows[0].last,
        Some(NOW - WEEK),
        "the forged date is not an activity"
    );
}

#[test]
fn the_grid_says_each_exercise_and_the_class_line_counts_them() {
    let table = class_of(&[
        (
            "a.json",
            file("Ana A.", NOW, &[(ids::L1_E3, solved())], &[]),
        ),
        (
            "b.json",
            file(
                "Ben B.",
                NOW,
                &[(ids::L1_E3, record(Some(Outcome::Done), 1))],
                &[],
            ),
        ),
        (
            "c.json",
            file(
                "Cyl C.",
                NOW,
                &[(ids::L1_E3, record(Some(Outcome::Done), 1))],
                &[],
            ),
        ),
        (
            "d.json",
            file("Dan D.", NOW, &[(ids::L1_E6, record(None, 2))], &[]),
        ),
    ])
    .table();
    let rows: Vec<&Row> = table.rows.iter().collect();
    assert_eq!(
        line(&rows, ids::L1_E3),
        Line {
            pupils: 4,
            solved: 1,
            done: 2,
            tried: 0,
            todo: 1
        }
    );
    assert_eq!(line(&rows, ids::L1_E6).tried, 1);
    assert_eq!(State::Tried.key(), "tried");
    let words = crate::content::teachers::class_line(4, 1, 2, 0, true);
    assert_eq!(words, ["1 sur 4 réussi", "2 sur 4 ont raté la prédiction"]);
    let words = crate::content::teachers::class_line(14, 3, 1, 2, false);
    assert_eq!(words, ["3 sur 14 réussis", "1 fait", "2 commencés"]);
}

#[test]
fn a_first_answer_is_shown_where_it_tells_a_misconception() {
    let work = |outcome, tries, first: Option<&str>| Work {
        outcome,
        tries,
        first: first.map(str::to_string),
        at: None,
        seen: false,
        file: String::new(),
    };
    assert_eq!(
        misconception(&work(Some(Outcome::Done), 1, Some("l"))),
        Some("l")
    );
    assert_eq!(
        misconception(&work(Some(Outcome::Solved), 1, Some("r"))),
        None
    );
    assert_eq!(
        misconception(&work(Some(Outcome::Solved), 3, Some("0,19"))),
        Some("0,19")
    );
    assert_eq!(misconception(&work(None, 2, Some("5"))), Some("5"));
    assert_eq!(misconception(&work(Some(Outcome::Done), 1, None)), None);
}

#[test]
fn any_column_sorts_both_ways() {
    let table = class_of(&[
        (
            "a.json",
            file(
                "Zoé A.",
                NOW,
                &[(ids::L1_E1, solved()), (ids::L1_E2, solved())],
                &[],
            ),
        ),
        (
            "b.json",
            file(
                "adam B.",
                NOW,
                &[(ids::L1_E1, record(Some(Outcome::Done), 4))],
                &[],
            ),
        ),
        (
            "c.json",
            file("Élise C.", NOW, &[(ids::L1_E1, record(None, 1))], &[]),
        ),
        ("d.json", file("Marc D.", NOW, &[], &[])),
    ])
    .table();
    let lessons: Vec<&crate::content::LessonMeta> = LESSONS.iter().collect();
    let order = |sort: Sort| -> Vec<&str> {
        sorted(&table.rows, sort, &lessons)
            .iter()
            .map(|r| r.name.as_str())
            .collect()
    };
    let by_name = Sort::default();
    assert_eq!(
        order(by_name),
        ["adam B.", "Élise C.", "Marc D.", "Zoé A."],
        "names, whatever their case"
    );
    let reversed = by_name.clicked(Column::Name);
    assert!(reversed.descending);
    assert_eq!(order(reversed)[0], "Zoé A.");
    let e1 = by_name.clicked(Column::Exercise(ids::L1_E1));
    assert_eq!(
        order(e1),
        ["Zoé A.", "adam B.", "Élise C.", "Marc D."],
        "best first"
    );
    let e1_back = e1.clicked(Column::Exercise(ids::L1_E1));
    assert_eq!(
        order(e1_back),
        ["Marc D.", "Élise C.", "adam B.", "Zoé A."],
        "weakest first"
    );
    let total = by_name.clicked(Column::Total);
    assert_eq!(order(total)[0], "Zoé A.");
    assert_eq!(total_solved(&table.rows[0], &lessons), 2);
}

#[test]
fn spreadsheet_formulas_are_defused_after_any_blank() {
    for start in ['=', '+', '-', '@', '＝', '＋', '－', '＠'] {
        for blank in ["", " ", "  ", "\t", "\r", "\n", " \t\r\n"] {
            let cell = format!("{blank}{start}1+1");
            assert_eq!(defuse(&cell), format!("'{cell}"), "{cell:?}");
        }
    }
    for harmless in [
        "Léa",
        "1+1",
        "réussi (1 essai)",
        "",
        "  ",
        "a=b",
        "2026-12-06",
        "'=déjà",
    ] {
        assert_eq!(
            defuse(harmless),
            harmless,
            "no apostrophe where none is needed"
        );
    }
}

/// The cells of a CSV line (quotes respected).
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted) = (vec![], String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// CSV records, a quoted cell may hold a line break.
fn records(csv: &str) -> Vec<Vec<String>> {
    let mut out = vec![];
    let mut current = String::new();
    for part in csv.trim_start_matches('\u{feff}').split("\r\n") {
        if !current.is_empty() {
            current.push_str("\r\n");
        }
        current.push_str(part);
        if current.matches('"').count().is_multiple_of(2) {
            if !current.is_empty() {
                out.push(cells(&current));
            }
            current.clear();
        }
    }
    out
}

#[test]
fn the_csv_has_one_column_per_exercise_the_class_the_dates_and_the_files() {
    let table = class_of(&[
        (
            "lea-1.json",
            file(
                "Léa B.",
                NOW - WEEK,
                &[(ids::L1_E1, solved()), (ids::L1_E6, record(None, 2))],
                &[("l1", "Elle compte; vraiment")],
            ),
        ),
        (
            "lea-2.json",
            file(
                "Léa B.",
                NOW,
                &[(ids::L1_E6, record(Some(Outcome::Done), 4))],
                &[("l1", "=> il regarde\nla lettre d'avant")],
            ),
        ),
        (
            "x.json",
            file("\t=1+1", NOW, &[], &[("l2", "\r=1+1"), ("l3", "＝2+2")]),
        ),
    ])
    .table();
    let lessons: Vec<_> = LESSONS.iter().collect();
    let rows = sorted(&table.rows, Sort::default(), &lessons);
    let text = csv(&rows, "4e B", 60);
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(text.ends_with("\r\n"));
    let lines = records(&text);
    let exercises: usize = LESSONS.iter().map(|l| l.exercises.len()).sum();
    let header = &lines[0];
    assert_eq!(header.len(), 5 + exercises + 1 + LESSONS.len());
    assert_eq!(
        &header[..6],
        [
            "Classe",
            "Élève",
            "Première activité",
            "Dernière activité",
            "Fichiers",
            "L1 ex.\u{a0}1"
        ]
    );
    assert_eq!(lines.len(), 3, "a header and two pupils");
    for l in &lines {
        assert_eq!(l.len(), header.len(), "{l:?}");
    }
    let lea = lines.iter().find(|l| l[1] == "Léa B.").unwrap();
    assert_eq!(lea[0], "4e B");
    assert_eq!(lea[2], "2026-11-25");
    assert_eq!(lea[3], "2026-12-02");
    assert_eq!(lea[4], "lea-1.json, lea-2.json");
    let col = |id: &str| {
        header
            .iter()
            .position(|h| {
                *h == {
                    let (meta, k) = crate::content::exercise_place(id).unwrap();
                    crate::content::teachers::exercise_short(meta.number, meta.bonus, k)
                }
            })
            .unwrap()
    };
    assert_eq!(lea[col(ids::L1_E1)], "réussi (1\u{a0}essai)");
    assert_eq!(lea[col(ids::L1_E6)], "fait (4\u{a0}essais)");
    assert_eq!(lea[col(ids::L1_E2)], "à faire");
    let l1 = header.iter().position(|h| h == "L1 phrase").unwrap();
    assert_eq!(
        lea[l1],
        "[2026-11-25] Elle compte; vraiment | [2026-12-02] => il regarde la lettre d'avant",
        "a line break inside a sentence becomes a space"
    );
    let forged = lines[1..].iter().find(|l| l[1] != "Léa B.").unwrap();
    assert_eq!(
        forged[1], "'=1+1",
        "the name's TAB is cleaned, its formula defused"
    );
    let l2 = header.iter().position(|h| h == "L2 phrase").unwrap();
    assert_eq!(forged[l2], "'=1+1");
    assert_eq!(forged[l2 + 1], "'＝2+2");
    assert_eq!(file_name("4e B", NOW, 60), "ma-classe-4e-B-2026-12-02.csv");
    assert_eq!(file_name(" ", NOW, 60), "ma-classe-2026-12-02.csv");
    assert_eq!(iso_day(NOW - 11.0 * 3_600_000.0, 0), "2026-12-01");
    assert_eq!(
        iso_day(NOW - 11.0 * 3_600_000.0, 120),
        "2026-12-02",
        "the teacher's own day"
    );
    assert_eq!(day_of(0.0, 0), (1970, 1, 1));
    assert_eq!(day_of(951_782_400_000.0, 0), (2000, 2, 29));
}

fn dated(outcome: Outcome, at: f64, first: &str) -> Record {
    Record {
        outcome: Some(outcome),
        tries: 1,
        first: Some(first.into()),
        at: Some(at as u64),
        ..Record::default()
    }
}

#[test]
fn a_pair_file_gives_two_pupils_each_with_their_records() {
    let mut sheet: Sheet = serde_json::from_str::<serde_json::Value>(&file(
        "Inès B.",
        NOW,
        &[(ids::L1_E1, solved())],
        &[("l1", "Elle compte les paires.")],
    ))
    .map(|v| serde_json::from_value(v).unwrap())
    .unwrap();
    sheet.partner = Some(Partner {
        pupil: "Lucas M.".into(),
        records: [(ids::L1_E1.to_string(), solved())].into(),
        explanations: [("l1".to_string(), "Il compte aussi.".to_string())].into(),
    });
    let pair = signed(&sheet);
    // Lucas's own file from another week joins his row.
    let lucas = file("Lucas M.", NOW - WEEK, &[(ids::L1_E2, solved())], &[]);
    let table = class_of(&[("binome.json", pair), ("lucas.json", lucas)]).table();
    assert_eq!(names(&table), ["Lucas M.", "Inès B."]);
    let (l, i) = (&table.rows[0], &table.rows[1]);
    assert_eq!(
        (state(l, ids::L1_E1), state(l, ids::L1_E2)),
        (State::Solved, State::Solved)
    );
    assert_eq!(
        (state(i, ids::L1_E1), state(i, ids::L1_E2)),
        (State::Solved, State::Todo)
    );
    assert_eq!(l.sentences["l1"][0].text, "Il compte aussi.");
    assert_eq!(i.files, ["binome.json"]);
    assert_eq!(l.files, ["lucas.json", "binome.json"]);
}

#[test]
fn the_earliest_result_wins_by_its_date_and_a_forged_date_is_dropped() {
    // Sent later from PC A, but answered there first.
    let a = file(
        "Yanis T.",
        NOW - DAY,
        &[(ids::L1_E3, dated(Outcome::Done, NOW - WEEK, "l"))],
        &[],
    );
    let b = file(
        "Yanis T.",
        NOW - 2.0 * DAY,
        &[(ids::L1_E3, dated(Outcome::Solved, NOW - 3.0 * DAY, "r"))],
        &[],
    );
    let table = class_of(&[("b.json", b.clone()), ("a.json", a)]).table();
    let w = &table.rows[0].work[ids::L1_E3];
    assert_eq!(
        (w.outcome, w.file.as_str()),
        (Some(Outcome::Done), "a.json")
    );
    assert_eq!(misconception(w), Some("l"), "the letter predicted");
    assert_eq!(table.rows[0].first, Some(NOW - WEEK));
    // A result claiming 1970 is not believed: the older file's result stays.
    let forged = file(
        "Yanis T.",
        NOW - DAY,
        &[(ids::L1_E3, dated(Outcome::Solved, 1_000.0, "r"))],
        &[],
    );
    let table = class_of(&[
        (
            "b.json",
            file(
                "Yanis T.",
                NOW - 2.0 * DAY,
                &[(ids::L1_E3, dated(Outcome::Done, NOW - 3.0 * DAY, "l"))],
                &[],
            ),
        ),
        ("f.json", forged),
    ])
    .table();
    let w = &table.rows[0].work[ids::L1_E3];
    assert_eq!(
        (w.outcome, w.file.as_str()),
        (Some(Outcome::Done), "b.json")
    );
    assert!(table.rows[0].first.unwrap() > EARLIEST);
}

#[test]
fn a_seen_answer_and_a_first_answer_reach_the_grid_and_the_csv() {
    let seen = Record {
        reason: Some(Reason::Seen),
        ..dated(Outcome::Done, NOW - DAY, "r")
    };
    let table = class_of(&[(
        "sam.json",
        file(
            "Sam P.",
            NOW,
            &[
                (ids::L1_E3, seen),
                (
                    ids::L1_E6,
                    Record {
                        tries: 3,
                        first: Some("0,19".into()),
                        ..record(Some(Outcome::Solved), 3)
                    },
                ),
            ],
            &[],
        ),
    )])
    .table();
    let sam = &table.rows[0];
    assert!(sam.work[ids::L1_E3].seen);
    let rows: Vec<&Row> = table.rows.iter().collect();
    let lines = records(&csv(&rows, "", 0));
    let at = |id: &str| {
        let (meta, k) = crate::content::exercise_place(id).unwrap();
        let h = crate::content::teachers::exercise_short(meta.number, meta.bonus, k);
        lines[1][lines[0].iter().position(|c| *c == h).unwrap()].clone()
    };
    assert_eq!(
        at(ids::L1_E3),
        "fait (1\u{a0}essai\u{a0}; 1re réponse\u{a0}: r\u{a0}; réponse déjà vue sur ce poste)"
    );
    assert_eq!(
        at(ids::L1_E6),
        "réussi (3\u{a0}essais\u{a0}; 1re réponse\u{a0}: 0,19)"
    );
}
