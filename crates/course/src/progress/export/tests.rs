use super::*;
use crate::ids;
use crate::progress::identity::Name;
use crate::progress::seen::SeenLog;
use crate::progress::store::{apply_session, Change, Outcome, Store};

const T: u64 = 1_780_000_000_000;

fn session_store(names: &[Name]) -> Store {
    let mut store = Store::default();
    let log = SeenLog::default();
    let change = |id: &str, right, one_shot, answer: &str| Change::Answered {
        id: id.into(),
        right,
        one_shot,
        answer: answer.into(),
    };
    apply_session(
        &mut store,
        names,
        &change(ids::L1_E1, true, false, "u"),
        T,
        &log,
    );
    apply_session(
        &mut store,
        names,
        &change(ids::L1_E3, false, true, "n"),
        T,
        &log,
    );
    let explain = Change::Explain {
        lesson: "l1".into(),
        text: "Le modèle compte les paires.".into(),
    };
    apply_session(&mut store, names, &explain, T, &log);
    store
}

#[test]
fn a_written_file_reads_back_with_first_answers_and_dates() {
    let lea = Name::parse("Léa B.");
    let store = session_store(std::slice::from_ref(&lea));
    let p = &store.pupils["lea|b"];
    let text = write(&[p], 1_780_000_000_000.0);
    let sheet = read(&text).expect("its own file");
    assert_eq!((sheet.version, sheet.pupil.as_str()), (4, "Léa B."));
    assert_eq!(sheet.records, p.records);
    assert_eq!(sheet.records[ids::L1_E3].first.as_deref(), Some("n"));
    assert_eq!(sheet.records[ids::L1_E3].at, Some(T));
    assert_eq!(sheet.explanations["l1"], "Le modèle compte les paires.");
    assert_eq!(sheet.partner, None);
    assert!(!text.contains("partner"), "no partner key for one pupil");
    let places: Vec<usize> = [
        "format",
        "version",
        "pupil",
        "exported",
        "records",
        "explanations",
        "checksum",
    ]
    .iter()
    .map(|k| text.find(&format!("\n  \"{k}\"")).expect(k))
    .collect();
    assert!(
        places.windows(2).all(|w| w[0] < w[1]),
        "FORMAT.md's key order"
    );
}

#[test]
fn a_pairs_file_holds_both_pupils() {
    let pair = [Name::parse("Inès B."), Name::parse("Lucas M.")];
    let store = session_store(&pair);
    let text = write(&[&store.pupils["ines|b"], &store.pupils["lucas|m"]], 1.0);
    let sheet = read(&text).expect("its own file");
    let partner = sheet.partner.as_ref().expect("a partner");
    assert_eq!(partner.pupil, "Lucas M.");
    assert_eq!(partner.records[ids::L1_E1].outcome, Some(Outcome::Solved));
    let members: Vec<&str> = sheet.members().iter().map(|m| m.pupil).collect();
    assert_eq!(members, ["Inès B.", "Lucas M."]);
    // Editing the partner's records breaks the checksum too.
    let edited = text.replacen("\"done\"", "\"solved\"", 2);
    assert_eq!(read(&edited), Err(ImportError::Damaged));
}

#[test]
fn the_checksum_is_sha256_of_the_sheet_in_its_key_order() {
    let store = session_store(&[Name::parse("Zoé")]);
    let text = write(&[&store.pupils["zoe|"]], 1_780_000_000_000.0);
    let top: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sum = top["checksum"].as_str().unwrap().to_string();
    let sheet: Sheet = serde_json::from_value(top).unwrap();
    let digest: String = Sha256::digest(serde_json::to_string(&sheet).unwrap().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sum, digest);
    assert!(serde_json::to_string(&sheet).unwrap().starts_with(
        r#"{"format":"tuto-llm-progression","version":4,"pupil":"Zoé","exported":1780000000000.0,"records":{"l1.e1":{"outcome":"solved","tries":1,"first":"u","at":1780000000000}"#
    ));
}

#[test]
fn a_version_1_file_still_reads() {
    // Written by the previous version (8f50542) for « Léa »: no first, at nor partner.
    let v1 = r#"{
  "format": "tuto-llm-progression",
  "version": 1,
  "pupil": "Léa",
  "exported": 1780000000000.0,
  "records": {
    "l1.e1": {
      "outcome": "solved",
      "tries": 1
    },
    "l1.e3": {
      "outcome": "done",
      "tries": 1
    }
  },
  "explanations": {
    "l1": "Le modèle compte les paires."
  },
  "checksum": "CHECKSUM"
}"#;
    let sheet_text = r#"{"format":"tuto-llm-progression","version":1,"pupil":"Léa","exported":1780000000000.0,"records":{"l1.e1":{"outcome":"solved","tries":1},"l1.e3":{"outcome":"done","tries":1}},"explanations":{"l1":"Le modèle compte les paires."}}"#;
    let sum: String = Sha256::digest(sheet_text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let sheet = read(&v1.replace("CHECKSUM", &sum)).expect("a version 1 file");
    assert_eq!(sheet.version, 1);
    assert_eq!(sheet.records["l1.e3"].outcome, Some(Outcome::Done));
    assert_eq!(sheet.records["l1.e3"].first, None);
}

#[test]
fn edited_damaged_foreign_and_newer_files_are_refused() {
    let store = session_store(&[Name::parse("Léa")]);
    let text = write(&[&store.pupils["lea|"]], 1.0);
    let edited = text.replace("\"done\"", "\"solved\"");
    assert_ne!(edited, text);
    assert_eq!(read(&edited), Err(ImportError::Damaged));
    assert_eq!(read(&text[..text.len() / 2]), Err(ImportError::NotJson));
    assert_eq!(
        read(r#"{"format":"tuto-llm-minigpt","version":2}"#),
        Err(ImportError::NotOurs)
    );
    assert_eq!(read(r#"[1,2]"#), Err(ImportError::NotOurs));
    let newer = text.replace("\"version\": 4", "\"version\": 9");
    assert_eq!(read(&newer), Err(ImportError::Newer(9)));
    assert_eq!(read(&" ".repeat(MAX_BYTES + 1)), Err(ImportError::TooBig));
}

#[test]
fn what_a_file_shows_is_cleaned_after_its_checksum_is_checked() {
    let mut store = Store::default();
    let name = Name {
        first: "Adam\u{202e}gnp.exe".into(),
        initial: None,
    };
    let p = store.pupil_mut(&name);
    p.explanations
        .insert("l1".into(), "\u{202e}evil\u{0}".into());
    let sheet = read(&write(&[&store.pupils["adamgnp.exe|"]], 1.0)).expect("readable");
    assert_eq!(sheet.pupil, "Adamgnp.exe");
    assert_eq!(sheet.explanations["l1"], "evil");
}

#[test]
fn file_names_are_ascii_with_initials_partner_and_date() {
    let day = Day {
        year: 2026,
        month: 12,
        day: 6,
    };
    assert_eq!(
        file_name(&["Inès B."], day),
        "progression-Ines-B-2026-12-06.json"
    );
    assert_eq!(
        file_name(&["Inès B.", "Lucas M."], day),
        "progression-Ines-B-et-Lucas-M-2026-12-06.json"
    );
    assert_eq!(file_name(&["Léa"], day), "progression-Lea-2026-12-06.json");
    assert_eq!(
        file_name(&["Jean Noël / 5e"], day),
        "progression-Jean-Noel-5e-2026-12-06.json"
    );
    assert_eq!(file_name(&["  "], day), "progression-eleve-2026-12-06.json");
    assert_eq!(
        file_name(&["李 É."], day),
        "progression-eleve-E-2026-12-06.json"
    );
}

#[test]
fn days_follow_the_local_clock() {
    // 2026-12-06 23:30 UTC is already the 7th in Paris (UTC+1).
    let ms = 1_796_599_800_000.0;
    assert_eq!(
        Day::of(ms, 0),
        Day {
            year: 2026,
            month: 12,
            day: 6
        }
    );
    assert_eq!(
        Day::of(ms, 60),
        Day {
            year: 2026,
            month: 12,
            day: 7
        }
    );
    assert_eq!(
        Day::of(0.0, 0),
        Day {
            year: 1970,
            month: 1,
            day: 1
        }
    );
    assert_eq!(
        Day::of(951_782_400_000.0, 0),
        Day {
            year: 2000,
            month: 2,
            day: 29
        }
    );
}
