//! « Envoyer à mon professeur »: one session's progress as a file (FORMAT.md,
//! `progression-Ines-B-2026-12-06.json`, a pair's `progression-Ines-B-et-Lucas-M-….json`) the
//! teacher's « Ma classe » page reads back. The file says what it is (`format`, `version`) and
//! carries a checksum of its content, so a damaged or hand-edited file is recognised. Version 4
//! adds each record's first answer and date (`first`, `at`, `reason`) and a pair's `partner`;
//! version 1 files (without them) still read.

use super::identity::{self, Name};
use super::store::{self, Pupil, Record, MAX_FIRST};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const FORMAT: &str = "tuto-llm-progression";
pub const VERSION: u32 = 4;
/// Bigger files are not ours (a pupil's whole course is a few kilobytes).
pub const MAX_BYTES: usize = 200_000;

/// The second pupil of a pair: their name and their own records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub pupil: String,
    pub records: BTreeMap<String, Record>,
    pub explanations: BTreeMap<String, String>,
}

/// What a file holds, in the order it is written and checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub format: String,
    pub version: u32,
    /// The pupil's name as shown (« Inès B. »).
    pub pupil: String,
    /// When it was written (milliseconds since 1970).
    pub exported: f64,
    pub records: BTreeMap<String, Record>,
    pub explanations: BTreeMap<String, String>,
    /// The second pupil of a pair session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
}

/// One pupil of a file (a pair's file has two).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member<'a> {
    pub pupil: &'a str,
    pub records: &'a BTreeMap<String, Record>,
    pub explanations: &'a BTreeMap<String, String>,
}

impl Sheet {
    /// The file's pupils: its `pupil`, then its `partner` if any.
    pub fn members(&self) -> Vec<Member<'_>> {
        let mut all = vec![Member {
            pupil: &self.pupil,
            records: &self.records,
            explanations: &self.explanations,
        }];
        if let Some(p) = &self.partner {
            all.push(Member {
                pupil: &p.pupil,
                records: &p.records,
                explanations: &p.explanations,
            });
        }
        all
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    #[serde(flatten)]
    sheet: Sheet,
    checksum: String,
}

/// SHA-256 (hex) of the sheet as serde_json writes it, fields in `Sheet`'s order.
fn checksum(sheet: &Sheet) -> String {
    let text = serde_json::to_string(sheet).expect("plain data always serialises");
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file's text for a session's pupils (the first is `pupil`, a second is `partner`), each
/// with their own records and saved sentences, written at `now` (ms since 1970).
pub fn write(pupils: &[&Pupil], now: f64) -> String {
    let shown = |p: &Pupil| Name::parse(&p.name).display();
    let main = pupils.first().copied().cloned().unwrap_or_default();
    let sheet = Sheet {
        format: FORMAT.into(),
        version: VERSION,
        pupil: shown(&main),
        exported: now,
        records: main.records.clone(),
        explanations: main.explanations.clone(),
        partner: pupils.get(1).map(|p| Partner {
            pupil: shown(p),
            records: p.records.clone(),
            explanations: p.explanations.clone(),
        }),
    };
    let file = File {
        checksum: checksum(&sheet),
        sheet,
    };
    serde_json::to_string_pretty(&file).expect("plain data always serialises")
}

/// A calendar day, for file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// The day of `ms` (since 1970, UTC) where the clock is `offset_minutes` ahead of UTC
    /// (Paris in winter: 60).
    pub fn of(ms: f64, offset_minutes: i64) -> Day {
        let days = ((ms / 60_000.0).floor() as i64 + offset_minutes).div_euclid(24 * 60);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day { year, month, day }
    }
}

/// `progression-Ines-B-2026-12-06.json`, `progression-Ines-B-et-Lucas-M-2026-12-06.json`: each
/// name in plain ASCII letters (`identity::ascii`), its initial after a hyphen when it has one.
pub fn file_name(names: &[&str], day: Day) -> String {
    let part = |shown: &str| {
        let name = Name::parse(shown);
        let first = identity::ascii(&name.first);
        let first = if first.is_empty() {
            "eleve".to_string()
        } else {
            first
        };
        match name.initial.map(|c| identity::ascii(&c.to_string())) {
            Some(i) if !i.is_empty() => format!("{first}-{i}"),
            _ => first,
        }
    };
    let who: Vec<String> = if names.is_empty() {
        vec![part("")]
    } else {
        names.iter().map(|n| part(n)).collect()
    };
    format!(
        "progression-{}-{:04}-{:02}-{:02}.json",
        who.join("-et-"),
        day.year,
        day.month,
        day.day
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

/// Reads a pupil's file (version 1 to 4), checking what it is and its checksum; then cleans what
/// it shows (names, sentences, first answers) as the pupil's page does.
pub fn read(text: &str) -> Result<Sheet, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooBig);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotOurs);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (1..=VERSION as u64).contains(&v) => {}
        Some(v) if v > VERSION as u64 => return Err(ImportError::Newer(v)),
        _ => return Err(ImportError::NotOurs),
    }
    let file: File = serde_json::from_value(value).map_err(|_| ImportError::Damaged)?;
    if checksum(&file.sheet) != file.checksum {
        return Err(ImportError::Damaged);
    }
    let mut sheet = file.sheet;
    sheet.pupil = Name::parse(&sheet.pupil).display();
    clean_work(&mut sheet.records, &mut sheet.explanations);
    if let Some(p) = &mut sheet.partner {
        p.pupil = Name::parse(&p.pupil).display();
        clean_work(&mut p.records, &mut p.explanations);
    }
    Ok(sheet)
}

fn clean_work(records: &mut BTreeMap<String, Record>, explanations: &mut BTreeMap<String, String>) {
    for r in records.values_mut() {
        r.first = r.first.take().map(|f| identity::clean_text(&f, MAX_FIRST));
    }
    explanations.retain(|_, t| {
        *t = store::clean_sentence(t);
        !t.is_empty()
    });
}

#[cfg(test)]
mod tests;
