//! « Ma classe »: the pupils' files (« Envoyer à mon professeur ») read back into one table.
//! Pure data, tested natively; the page that reads the files is `app::teachers::class`.
//!
//! - `read`: one file → a `Loaded` (its sheet or why it is refused, what tells copies apart,
//!   whether its dates can be trusted). The file's parser is `export::read`, which cleans
//!   names, sentences and first answers as the pupil's side does.
//! - `Class`: the files opened so far, in order. Its table is computed from all of them at once
//!   (`merge::gather`), so the order the files arrive in never changes who is in it.
//! - `grid`: each exercise's state per pupil, the class line per exercise, sorting, the filter.
//! - `csv`: the table for a spreadsheet, every cell defused.

mod csv;
mod grid;
mod merge;

pub use csv::{csv, day_of, defuse, file_name, iso_day};
pub use grid::{line, misconception, order, sorted, total_solved, Column, Line, Sort, State};
pub use merge::{gather, Note, Row, Sentence, Table, Work};

use super::export::{self, ImportError, Sheet};
use super::{identity, store};
use sha2::{Digest, Sha256};
use std::rc::Rc;

/// 1 January 2024: no pupil's file is older than the course.
pub const EARLIEST: f64 = 1_704_067_200_000.0;
/// A file dated more than a day ahead of the teacher's clock is not trusted.
pub const AHEAD: f64 = 86_400_000.0;

/// A file as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub file: String,
    pub sheet: Result<Sheet, ImportError>,
    /// Equal for two copies of one file (same content, or the same sheet written differently).
    pub digest: String,
    /// `exported`, if it is a plausible date (not in the future, not before 2024).
    pub exported: Option<f64>,
}

fn sha(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A date that can be trusted: a number between 2024 and a day after `now`.
pub fn plausible(ms: f64, now: f64) -> Option<f64> {
    (ms.is_finite() && (EARLIEST..=now + AHEAD).contains(&ms)).then_some(ms)
}

/// A sheet's dates as « Ma classe » trusts them: a result's `at` outside 2024 … tomorrow is
/// dropped (a forged early date must not make a result « first »). The parser (`export::read`)
/// has already cleaned names, sentences and first answers as the pupil's page does.
fn trusted(mut sheet: Sheet, now: f64) -> Sheet {
    let check = |records: &mut std::collections::BTreeMap<String, store::Record>| {
        for r in records.values_mut() {
            r.at = r.at.filter(|&at| plausible(at as f64, now).is_some());
        }
    };
    check(&mut sheet.records);
    if let Some(p) = &mut sheet.partner {
        check(&mut p.records);
    }
    sheet
}

/// Reads the file `file` holding `text`, at `now` (ms since 1970, the teacher's clock).
pub fn read(file: &str, text: &str, now: f64) -> Loaded {
    let file = identity::clean_text(file, 120);
    match export::read(text) {
        Ok(sheet) => {
            let sheet = trusted(sheet, now);
            let canonical = serde_json::to_string(&sheet).unwrap_or_default();
            Loaded {
                file,
                digest: format!("sheet:{}", sha(&canonical)),
                exported: plausible(sheet.exported, now),
                sheet: Ok(sheet),
            }
        }
        Err(why) => Loaded {
            file,
            digest: format!("raw:{}", sha(text)),
            exported: None,
            sheet: Err(why),
        },
    }
}

/// The files the teacher opened, in the order they were read. Cloning it is cheap (the page's
/// reducer keeps one per change): the files are shared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    files: Vec<Rc<Loaded>>,
}

impl Class {
    pub fn add(&mut self, loaded: Loaded) {
        self.files.push(Rc::new(loaded));
    }

    /// How many files were read (refused ones and copies included).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every pupil, merged from all the files, and what the teacher should know.
    pub fn table(&self) -> Table {
        gather(&self.files)
    }
}

#[cfg(test)]
mod tests;
