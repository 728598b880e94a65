//! « Ma classe »: the pupils' files (« Envoyer à mon professeur ») read back into one table,
//! sorted as the teacher asks, and written out as CSV. Pure data, tested natively; the page
//! that reads the files is `teachers::class`.

use super::export::{self, ImportError, Sheet};
use super::store::{self, Outcome};
use crate::content::{LessonMeta, LESSONS};

/// One pupil's exercises in one lesson.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub solved: usize,
    pub done: usize,
    pub todo: usize,
}

pub fn counts(sheet: &Sheet, lesson: &LessonMeta) -> Counts {
    let mut c = Counts::default();
    for e in lesson.exercises {
        match sheet.records.get(e.id).and_then(|r| r.outcome) {
            Some(Outcome::Solved) => c.solved += 1,
            Some(Outcome::Done) => c.done += 1,
            None => c.todo += 1,
        }
    }
    c
}

/// Every exercise « réussi » in the whole course.
pub fn total_solved(sheet: &Sheet) -> usize {
    LESSONS.iter().map(|l| counts(sheet, l).solved).sum()
}

/// A pupil's file as kept: its sheet and the file it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub file: String,
    pub sheet: Sheet,
}

/// What the teacher should know about a file that was read.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    Refused {
        file: String,
        why: ImportError,
    },
    /// Two files of one pupil: the newest is kept.
    Twice {
        pupil: String,
        kept: String,
        dropped: String,
    },
}

/// The class: one entry per pupil (first names compared without case).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    pub entries: Vec<Entry>,
}

fn same_pupil(a: &str, b: &str) -> bool {
    store::clean_name(a).to_lowercase() == store::clean_name(b).to_lowercase()
}

impl Class {
    /// Reads `text` from the file `file`; says what the teacher should know, if anything.
    pub fn add(&mut self, file: &str, text: &str) -> Option<Note> {
        let sheet = match export::read(text) {
            Ok(sheet) => sheet,
            Err(why) => {
                return Some(Note::Refused {
                    file: file.to_string(),
                    why,
                })
            }
        };
        let entry = Entry {
            file: file.to_string(),
            sheet,
        };
        let Some(old) = self
            .entries
            .iter_mut()
            .find(|e| same_pupil(&e.sheet.pupil, &entry.sheet.pupil))
        else {
            self.entries.push(entry);
            return None;
        };
        let pupil = entry.sheet.pupil.clone();
        let (kept, dropped) = if entry.sheet.exported >= old.sheet.exported {
            let dropped = std::mem::replace(old, entry);
            (old.file.clone(), dropped.file)
        } else {
            (old.file.clone(), entry.file)
        };
        Some(Note::Twice {
            pupil,
            kept,
            dropped,
        })
    }

    /// The entries in the order asked.
    pub fn sorted(&self, by: SortBy) -> Vec<&Entry> {
        let mut rows: Vec<&Entry> = self.entries.iter().collect();
        let name = |e: &Entry| e.sheet.pupil.to_lowercase();
        match by {
            SortBy::Name => rows.sort_by_key(|e| name(e)),
            SortBy::Lesson(i) => rows.sort_by(|a, b| {
                let solved = |e: &Entry| counts(&e.sheet, &LESSONS[i]).solved;
                solved(b)
                    .cmp(&solved(a))
                    .then_with(|| name(a).cmp(&name(b)))
            }),
            SortBy::Total => rows.sort_by(|a, b| {
                total_solved(&b.sheet)
                    .cmp(&total_solved(&a.sheet))
                    .then_with(|| name(a).cmp(&name(b)))
            }),
        }
        rows
    }
}

/// How the table is sorted: by first name, or by « réussis » (most first) in a lesson or in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    /// The index of a lesson in `LESSONS`.
    Lesson(usize),
    Total,
}

/// A CSV cell: quoted when it holds a separator, a quote or a line break; a leading = + - @
/// is defused (a spreadsheet would run it as a formula).
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The class as CSV for LibreOffice and Excel: `;` between cells, UTF-8 with a byte-order
/// mark, one line per pupil, `header` naming the columns (in French, from `content`).
pub fn csv(class: &Class, header: &[String]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(";"));
    out.push_str("\r\n");
    for e in class.sorted(SortBy::Name) {
        let mut cells = vec![cell(&e.sheet.pupil)];
        for l in &LESSONS {
            let c = counts(&e.sheet, l);
            cells.extend([c.solved, c.done, c.todo].map(|n| n.to_string()));
        }
        cells.push(total_solved(&e.sheet).to_string());
        for l in &LESSONS {
            let sentence = e.sheet.explanations.get(l.key).map_or("", String::as_str);
            cells.push(cell(sentence));
        }
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests;
