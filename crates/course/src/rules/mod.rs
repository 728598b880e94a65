//! Every exercise's grading, one module per lesson: pure functions of the pupil's answer and of
//! what the page shows, returning a `Verdict` whose words come from `content`. The app's
//! exercise components ask them; `tests` plays the gaming pupil against each and checks the
//! teachers' answer key against them.
//!
//! `l4` also holds lesson 4's hand-made numbers (the word « .chat », its questions and panels),
//! which the page and the teachers' plan both show.

pub mod bonus;
pub mod l1;
pub mod l2;
pub mod l3;
pub mod l4;
pub mod l5;
pub mod l6;
pub mod marks;
#[cfg(test)]
mod tests;

/// What an answer turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Not an answer (empty, not a letter, the picture is not there yet): nothing is spent.
    NotAnAnswer(String),
    Right(String),
    Wrong(String),
}

impl Verdict {
    pub fn is_right(&self) -> bool {
        matches!(self, Verdict::Right(_))
    }
}

/// A typed number, or the verdict that says why it is not one (nothing is spent): every rule
/// that asks for a number reads it here, so « -0 » or « 1e-46 » never cost a try.
pub fn number(answer: &str) -> Result<f32, Verdict> {
    crate::text::read_number(answer)
        .map_err(|e| Verdict::NotAnAnswer(crate::content::common::number_error(e).into()))
}

/// The surprise for a probability: −ln p (lesson 2's curve and its exercises).
pub fn loss_of(p: f32) -> f32 {
    -p.ln()
}

/// The shortest invented name that counts as a name (lessons 5 and 6).
pub const MIN_INVENTED: usize = 3;

/// Whether an invented name "sounds like" a list: at least `MIN_INVENTED` letters, and every
/// pair of letters (with the dots) occurs somewhere in the list (`counts`). Otherwise it is
/// « bizarre »: the page does not call it new.
pub fn well_formed(name: &str, counts: &minigpt::bigram::BigramCounts) -> bool {
    let alphabet = counts.alphabet;
    name.chars().count() >= MIN_INVENTED
        && alphabet.can_write(name)
        && alphabet
            .encode_name(name)
            .windows(2)
            .all(|p| counts.counts[p[0]][p[1]] > 0)
}
