//! « Envoyer à mon professeur »: one pupil's progress as a file (`progression-<prénom>.json`) the
//! teacher's « Ma classe » page reads back. The file says what it is (`format`, `version`) and
//! carries a checksum of its content, so a damaged or hand-edited file is recognised.

use super::store::{self, Pupil, Record};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const FORMAT: &str = "tuto-llm-progression";
pub const VERSION: u32 = 1;
/// Bigger files are not ours (a pupil's whole course is a few kilobytes).
pub const MAX_BYTES: usize = 200_000;

/// What a file holds, in the order it is written and checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub format: String,
    pub version: u32,
    /// The first name as the pupil typed it.
    pub pupil: String,
    /// When it was written (milliseconds since 1970): the newest of two files wins.
    pub exported: f64,
    pub records: BTreeMap<String, Record>,
    pub explanations: BTreeMap<String, String>,
}

#[derive(Serialize, Deserialize)]
struct File {
    #[serde(flatten)]
    sheet: Sheet,
    checksum: String,
}

fn checksum(sheet: &Sheet) -> String {
    let text = serde_json::to_string(sheet).expect("plain data always serialises");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file's text for `pupil`'s work, written at `now` (ms since 1970).
pub fn write(name: &str, pupil: &Pupil, now: f64) -> String {
    let sheet = Sheet {
        format: FORMAT.into(),
        version: VERSION,
        pupil: store::clean_name(name),
        exported: now,
        records: pupil.records.clone(),
        explanations: pupil.explanations.clone(),
    };
    let file = File {
        checksum: checksum(&sheet),
        sheet,
    };
    serde_json::to_string_pretty(&file).expect("plain data always serialises")
}

/// `progression-<prénom>.json`, with only letters, digits and hyphens in the name part.
pub fn file_name(name: &str) -> String {
    let part: String = store::clean_name(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let part = part.trim_matches('-');
    format!(
        "progression-{}.json",
        if part.is_empty() { "eleve" } else { part }
    )
}

/// Why a file cannot be read (the page says it in French, naming the file).
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooBig,
    NotJson,
    /// JSON, but not a progress file of Tuto LLM.
    NotOurs,
    /// A progress file of a newer version.
    Newer(u64),
    /// The checksum does not match: damaged or edited.
    Damaged,
}

/// Reads a pupil's file, checking what it is and its checksum.
pub fn read(text: &str) -> Result<Sheet, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooBig);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotOurs);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == VERSION as u64 => {}
        Some(v) if v > VERSION as u64 => return Err(ImportError::Newer(v)),
        _ => return Err(ImportError::NotOurs),
    }
    let file: File = serde_json::from_value(value).map_err(|_| ImportError::Damaged)?;
    if checksum(&file.sheet) != file.checksum {
        return Err(ImportError::Damaged);
    }
    Ok(file.sheet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::store::{apply, Change};

    fn pupil() -> Pupil {
        let mut p = Pupil::default();
        apply(
            &mut p,
            &Change::Answered {
                id: "l1.e1".into(),
                right: true,
                one_shot: false,
            },
        );
        apply(
            &mut p,
            &Change::Answered {
                id: "l1.e3".into(),
                right: false,
                one_shot: true,
            },
        );
        apply(
            &mut p,
            &Change::Explain {
                lesson: "l1".into(),
                text: "Le modèle compte les paires.".into(),
            },
        );
        p
    }

    #[test]
    fn a_written_file_reads_back() {
        let text = write("Léa", &pupil(), 1_780_000_000_000.0);
        let sheet = read(&text).expect("its own file");
        assert_eq!(sheet.pupil, "Léa");
        assert_eq!(sheet.records, pupil().records);
        assert_eq!(sheet.explanations["l1"], "Le modèle compte les paires.");
    }

    #[test]
    fn edited_damaged_foreign_and_newer_files_are_refused() {
        let text = write("Léa", &pupil(), 1.0);
        let edited = text.replace("\"done\"", "\"solved\"");
        assert_ne!(edited, text);
        assert_eq!(read(&edited), Err(ImportError::Damaged));
        assert_eq!(read(&text[..text.len() / 2]), Err(ImportError::NotJson));
        assert_eq!(
            read(r#"{"format":"tuto-llm-minigpt","version":2}"#),
            Err(ImportError::NotOurs)
        );
        assert_eq!(read(r#"[1,2]"#), Err(ImportError::NotOurs));
        let newer = text.replace("\"version\": 1", "\"version\": 9");
        assert_eq!(read(&newer), Err(ImportError::Newer(9)));
        assert_eq!(read(&" ".repeat(MAX_BYTES + 1)), Err(ImportError::TooBig));
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("Léa"), "progression-Léa.json");
        assert_eq!(
            file_name("Jean Noël / 5e"),
            "progression-Jean-Noël---5e.json"
        );
        assert_eq!(file_name("  "), "progression-eleve.json");
    }
}
