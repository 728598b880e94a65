//! The files of a class → one row per pupil. A pupil is an identity key (first name and
//! initial): every file of that key is merged, whatever PC or week it came from.
//!
//! - Each exercise keeps its first result: the earliest `at`; without `at`, the older file's
//!   (files are taken oldest first; an untrusted date counts as newest). A file with no result
//!   for an exercise only adds tries where no file has a result.
//! - Every different sentence of a lesson is kept, with its file's date.
//! - A copy of a file already read (same content) counts once; its note is said once.
//! - A pair's file gives two pupils. A name without an initial is never merged into a name
//!   with one: when its first name is also borne by pupils with initials, it is flagged.

use super::Loaded;
use crate::progress::export::{ImportError, Member, Sheet};
use crate::progress::identity;
use crate::progress::store::{Outcome, Reason, Record};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

/// One exercise of one pupil, as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    pub outcome: Option<Outcome>,
    pub tries: u32,
    /// The pupil's first answer, as typed or chosen.
    pub first: Option<String>,
    /// When the outcome was set (a trusted date only).
    pub at: Option<f64>,
    /// « fait » because the answer had been seen on that PC.
    pub seen: bool,
    /// The file it comes from.
    pub file: String,
}

/// A sentence « À toi d'expliquer », with the file it came in and that file's date.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub text: String,
    pub file: String,
    pub day: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The identity key (how names are compared).
    pub key: String,
    /// The name as shown: the first file's.
    pub name: String,
    pub work: BTreeMap<String, Work>,
    /// Lesson key → every different sentence, oldest first.
    pub sentences: BTreeMap<String, Vec<Sentence>>,
    pub files: Vec<String>,
    /// The first and last activity known (results' dates and files' dates).
    pub first: Option<f64>,
    pub last: Option<f64>,
    /// For a name without an initial: the pupils with initials who bear its first name.
    pub maybe: Vec<String>,
}

/// What the teacher should know about the files.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    Refused {
        file: String,
        why: ImportError,
    },
    /// Files whose date is in the future or absurd: their date is not trusted.
    BadDate {
        file: String,
    },
    /// Copies of files already read, counted once.
    Copies {
        files: Vec<String>,
    },
    /// A name without an initial whose first name several pupils bear (or one).
    Ambiguous {
        name: String,
        maybe: Vec<String>,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub notes: Vec<Note>,
}

/// The first name part of an identity key (`prenom|initiale`).
fn first_name(key: &str) -> &str {
    key.split('|').next().unwrap_or(key)
}

fn has_initial(key: &str) -> bool {
    key.split('|').nth(1).is_some_and(|i| !i.is_empty())
}

fn work_of(record: &Record, file: &str) -> Work {
    Work {
        outcome: record.outcome,
        tries: record.tries,
        first: record.first.clone().filter(|f| !f.is_empty()),
        at: record.at.map(|at| at as f64),
        seen: record.reason == Some(Reason::Seen),
        file: file.to_string(),
    }
}

/// `new` comes from a file no older than `old`'s: does it replace it?
fn replaces(old: &Work, new: &Work) -> bool {
    match (old.outcome, new.outcome) {
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (None, None) => new.tries > old.tries,
        // Both finished: the earlier result, when both dates are known.
        (Some(_), Some(_)) => matches!((old.at, new.at), (Some(a), Some(b)) if b < a),
    }
}

fn merge_into(row: &mut Row, loaded: &Loaded, part: &Member) {
    for (id, record) in part.records {
        let new = work_of(record, &loaded.file);
        match row.work.get(id) {
            Some(old) if !replaces(old, &new) => {}
            _ => {
                row.work.insert(id.clone(), new);
            }
        }
    }
    for (lesson, text) in part.explanations {
        let kept = row.sentences.entry(lesson.clone()).or_default();
        if !kept.iter().any(|s| &s.text == text) {
            kept.push(Sentence {
                text: text.clone(),
                file: loaded.file.clone(),
                day: loaded.exported,
            });
        }
    }
    if !row.files.contains(&loaded.file) {
        row.files.push(loaded.file.clone());
    }
    let times = row
        .work
        .values()
        .filter_map(|w| w.at)
        .chain(loaded.exported)
        .chain(row.first)
        .chain(row.last);
    let (first, last) = times.fold((None::<f64>, None::<f64>), |(lo, hi), t| {
        (
            Some(lo.map_or(t, |l| l.min(t))),
            Some(hi.map_or(t, |h| h.max(t))),
        )
    });
    row.first = first;
    row.last = last;
}

/// Every pupil of these files (in the order they were read), and the notes.
pub fn gather(files: &[Rc<Loaded>]) -> Table {
    let mut notes = vec![];
    let mut seen = HashSet::new();
    let mut copies = vec![];
    let mut sheets: Vec<(&Loaded, &Sheet)> = vec![];
    for loaded in files {
        if !seen.insert(loaded.digest.as_str()) {
            if loaded.sheet.is_ok() && !copies.contains(&loaded.file) {
                copies.push(loaded.file.clone());
            }
            continue;
        }
        match &loaded.sheet {
            Err(why) => notes.push(Note::Refused {
                file: loaded.file.clone(),
                why: why.clone(),
            }),
            Ok(sheet) => {
                if loaded.exported.is_none() {
                    notes.push(Note::BadDate {
                        file: loaded.file.clone(),
                    });
                }
                sheets.push((loaded, sheet));
            }
        }
    }
    if !copies.is_empty() {
        notes.push(Note::Copies { files: copies });
    }
    // Oldest first; a file whose date is not trusted comes last (stable: reading order).
    sheets.sort_by(|a, b| {
        let at = |l: &Loaded| l.exported.unwrap_or(f64::INFINITY);
        at(a.0).total_cmp(&at(b.0))
    });
    let mut rows: Vec<Row> = vec![];
    let mut index: HashMap<String, usize> = HashMap::new();
    for (loaded, sheet) in sheets {
        for part in sheet.members() {
            let key = identity::key(part.pupil);
            let i = match index.get(&key) {
                Some(&i) => i,
                None => {
                    index.insert(key.clone(), rows.len());
                    rows.push(Row {
                        key,
                        name: part.pupil.to_string(),
                        work: BTreeMap::new(),
                        sentences: BTreeMap::new(),
                        files: vec![],
                        first: None,
                        last: None,
                        maybe: vec![],
                    });
                    rows.len() - 1
                }
            };
            merge_into(&mut rows[i], loaded, &part);
        }
    }
    flag_ambiguous(&mut rows, &mut notes);
    Table { rows, notes }
}

/// Marks each name without an initial whose first name pupils with initials bear.
fn flag_ambiguous(rows: &mut [Row], notes: &mut Vec<Note>) {
    let mut with_initial: Vec<(&str, String, String)> = rows
        .iter()
        .filter(|r| has_initial(&r.key))
        .map(|r| (first_name(&r.key), r.key.clone(), r.name.clone()))
        .collect();
    with_initial.sort_by(|a, b| a.1.cmp(&b.1));
    let with_initial: Vec<(String, String)> = with_initial
        .into_iter()
        .map(|(first, _, name)| (first.to_string(), name))
        .collect();
    for row in rows.iter_mut().filter(|r| !has_initial(&r.key)) {
        let first = first_name(&row.key);
        row.maybe = with_initial
            .iter()
            .filter(|(f, _)| f == first)
            .map(|(_, name)| name.clone())
            .collect();
        if !row.maybe.is_empty() {
            notes.push(Note::Ambiguous {
                name: row.name.clone(),
                maybe: row.maybe.clone(),
            });
        }
    }
}
