//! The per-exercise grid of « Ma classe »: what each cell says (réussi, fait, tried but not
//! finished, à faire), the first answer worth showing, the class line under each exercise, the
//! order of the rows (any column, both ways) and the total per pupil.

use super::merge::{Row, Work};
use crate::content::LessonMeta;
use crate::progress::store::Outcome;
use std::cmp::{Ordering, Reverse};

/// A cell, worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Todo,
    /// Answered at least once, not finished.
    Tried,
    Done,
    Solved,
}

impl State {
    pub fn of(work: Option<&Work>) -> State {
        match work {
            Some(w) => match w.outcome {
                Some(Outcome::Solved) => State::Solved,
                Some(Outcome::Done) => State::Done,
                None if w.tries > 0 => State::Tried,
                None => State::Todo,
            },
            None => State::Todo,
        }
    }

    /// The cell's `data-outcome`.
    pub fn key(self) -> &'static str {
        match self {
            State::Solved => "solved",
            State::Done => "done",
            State::Tried => "tried",
            State::Todo => "todo",
        }
    }
}

/// The pupil's first answer when it tells the teacher something: not for an exercise
/// « réussi » at the first try (its first answer is the right one).
pub fn misconception(work: &Work) -> Option<&str> {
    let first = work.first.as_deref()?;
    let right_at_once = work.outcome == Some(Outcome::Solved) && work.tries <= 1;
    (!right_at_once).then_some(first)
}

/// The class line under an exercise: how many pupils are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub pupils: usize,
    pub solved: usize,
    pub done: usize,
    pub tried: usize,
    pub todo: usize,
}

pub fn line(rows: &[&Row], id: &str) -> Line {
    let mut l = Line {
        pupils: rows.len(),
        ..Line::default()
    };
    for r in rows {
        match State::of(r.work.get(id)) {
            State::Solved => l.solved += 1,
            State::Done => l.done += 1,
            State::Tried => l.tried += 1,
            State::Todo => l.todo += 1,
        }
    }
    l
}

/// The exercises « réussi » of a pupil, in one lesson or in all.
pub fn total_solved(row: &Row, lessons: &[&LessonMeta]) -> usize {
    lessons
        .iter()
        .flat_map(|l| l.exercises)
        .filter(|e| State::of(row.work.get(e.id)) == State::Solved)
        .count()
}

/// A column of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Exercise(&'static str),
    Total,
}

/// How the rows are ordered: a column, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    /// Names Z → A; results best first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            column: Column::Name,
            descending: false,
        }
    }
}

impl Sort {
    /// A click on a column's title: a new column sorts names A → Z and results best first; a
    /// second click on the same column reverses it.
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                descending: !self.descending,
                ..self
            }
        } else {
            Sort {
                column,
                descending: column != Column::Name,
            }
        }
    }
}

/// How good a cell is: its state, then fewer tries.
fn rank(work: Option<&Work>) -> (State, Reverse<u32>) {
    (State::of(work), Reverse(work.map_or(0, |w| w.tries)))
}

/// The rows in the order asked; ties by name.
pub fn sorted<'a>(rows: &'a [Row], sort: Sort, lessons: &[&LessonMeta]) -> Vec<&'a Row> {
    order(rows, sort, lessons)
        .into_iter()
        .map(|i| &rows[i])
        .collect()
}

/// The order asked, as indices into `rows`.
pub fn order(rows: &[Row], sort: Sort, lessons: &[&LessonMeta]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..rows.len()).collect();
    let by_name = |a: &&Row, b: &&Row| a.key.cmp(&b.key).then_with(|| a.name.cmp(&b.name));
    let value = |a: &&Row, b: &&Row| -> Ordering {
        match sort.column {
            Column::Name => by_name(a, b),
            Column::Exercise(id) => rank(a.work.get(id)).cmp(&rank(b.work.get(id))),
            Column::Total => total_solved(a, lessons).cmp(&total_solved(b, lessons)),
        }
    };
    out.sort_by(|&a, &b| {
        let (a, b) = (&&rows[a], &&rows[b]);
        let o = value(a, b);
        let o = if sort.descending { o.reverse() } else { o };
        o.then_with(|| by_name(a, b))
    });
    out
}
