//! « Ma classe » for LibreOffice and Excel: one line per pupil, the class's name, the first and
//! last activity, the source files, one column per exercise (outcome and tries), the total and
//! the sentences. `;` between cells, UTF-8 with a byte-order mark, CRLF. Every cell a file or
//! the teacher wrote is defused: a spreadsheet never runs it as a formula.

use super::grid::{misconception, total_solved, State};
use super::merge::Row;
use crate::content::{teachers as text, LESSONS};

/// What a spreadsheet would read as a formula (ASCII and full-width forms).
const FORMULA_START: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// A cell whose first character after spaces, TAB, CR and LF would start a formula gets a
/// leading apostrophe (LibreOffice and Excel then read it as text). Other cells are unchanged:
/// the apostrophe shows in LibreOffice, so it goes only where it is needed.
pub fn defuse(cell: &str) -> String {
    let first = cell
        .chars()
        .find(|c| !matches!(c, ' ' | '\t' | '\r' | '\n'));
    if first.is_some_and(|c| FORMULA_START.contains(&c)) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A cell: defused, then quoted when it holds a separator, a quote or a line break.
fn cell(text: &str) -> String {
    let text = defuse(text);
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The day of `ms` (since 1970) where the clock is `offset_minutes` ahead of UTC, as
/// (year, month, day): the progress file's own calendar (`export::Day`).
pub fn day_of(ms: f64, offset_minutes: i32) -> (i64, u32, u32) {
    let d = crate::progress::export::Day::of(ms, i64::from(offset_minutes));
    (d.year, d.month, d.day)
}

/// « 2026-12-06 »: a date every spreadsheet reads.
pub fn iso_day(ms: f64, offset_minutes: i32) -> String {
    let (y, m, d) = day_of(ms, offset_minutes);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `ma-classe-4e-B-2026-12-06.csv`: letters and digits of the class's name, hyphens between.
pub fn file_name(class: &str, now: f64, offset_minutes: i32) -> String {
    let words: Vec<String> = class
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let day = iso_day(now, offset_minutes);
    text::csv_file(&words.join("-"), &day)
}

/// A pupil's exercise in words: « réussi (1 essai) », « fait (2 essais ; 1re réponse : l) ».
fn exercise_cell(row: &Row, id: &str) -> String {
    let work = row.work.get(id);
    let state = State::of(work);
    match work {
        Some(w) if state != State::Todo => {
            text::csv_exercise(state.key(), w.tries, misconception(w), w.seen)
        }
        _ => text::csv_exercise(State::Todo.key(), 0, None, false),
    }
}

/// Every sentence of a lesson, dated when there are several.
fn sentences_cell(row: &Row, lesson: &str, offset_minutes: i32) -> String {
    let said = row.sentences.get(lesson).map(Vec::as_slice).unwrap_or(&[]);
    match said {
        [] => String::new(),
        [one] => one.text.clone(),
        many => many
            .iter()
            .map(|s| {
                let day = s.day.map(|d| iso_day(d, offset_minutes));
                text::dated_sentence(day.as_deref(), &s.text)
            })
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// The table as CSV, rows in the order given, for the class `class`.
pub fn csv(rows: &[&Row], class: &str, offset_minutes: i32) -> String {
    let all: Vec<_> = LESSONS.iter().collect();
    let mut header: Vec<String> = [
        text::CSV_CLASS,
        text::COL_PUPIL,
        text::CSV_FIRST,
        text::CSV_LAST,
        text::CSV_FILES,
    ]
    .map(str::to_string)
    .to_vec();
    for l in &LESSONS {
        for (k, _) in l.exercises.iter().enumerate() {
            header.push(text::exercise_short(l.number, l.bonus, k + 1));
        }
    }
    header.push(text::CSV_TOTAL.to_string());
    header.extend(LESSONS.iter().map(|l| {
        format!(
            "{} {}",
            text::lesson_short(l.number, l.bonus),
            text::CSV_SENTENCE
        )
    }));
    let mut out = String::from("\u{feff}");
    let line =
        |cells: Vec<String>| cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(";") + "\r\n";
    out.push_str(&line(header));
    for row in rows {
        let day = |t: Option<f64>| t.map(|t| iso_day(t, offset_minutes)).unwrap_or_default();
        let mut cells = vec![
            class.to_string(),
            row.name.clone(),
            day(row.first),
            day(row.last),
            row.files.join(", "),
        ];
        for l in &LESSONS {
            cells.extend(l.exercises.iter().map(|e| exercise_cell(row, e.id)));
        }
        cells.push(total_solved(row, &all).to_string());
        cells.extend(
            LESSONS
                .iter()
                .map(|l| sentences_cell(row, l.key, offset_minutes)),
        );
        out.push_str(&line(cells));
    }
    out
}
