//! The gaming pupil, natively: for a typed exercise, copy what the step shows, then sweep 0 to
//! 100 and a to z. None of it may earn « réussi » (a right answer within 3 real tries), and
//! nothing the step shows may be the right answer at all.

use crate::exercise::Verdict;
use crate::progress::store::SOLVED_WITHIN;

pub const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

/// Fails if copying `shown` (what the step displays) or sweeping numbers and letters earns
/// « réussi ».
pub fn assert_not_gamed(rule: impl Fn(&str) -> Verdict, shown: &[&str]) {
    for s in shown {
        assert!(
            !rule(s).is_right(),
            "«\u{a0}{s}\u{a0}», shown on the step, is the right answer"
        );
    }
    let numbers: Vec<String> = (0..=100).map(|n| n.to_string()).collect();
    let sweep = shown
        .iter()
        .copied()
        .chain(numbers.iter().map(String::as_str))
        .chain(LETTERS);
    let mut tries = 0;
    for answer in sweep {
        match rule(answer) {
            Verdict::NotAnAnswer(_) => {}
            Verdict::Right(_) => {
                tries += 1;
                assert!(
                    tries > SOLVED_WITHIN,
                    "the sweep finds «\u{a0}{answer}\u{a0}» at try {tries}"
                );
                return;
            }
            Verdict::Wrong(_) => tries += 1,
        }
    }
}

/// Fails if a multiple choice can be passed by its length: the right option is not the
/// longest, and every option is within `slack` characters of the others.
pub fn assert_fair_options(options: &[&str], right: usize, slack: usize) {
    let lengths: Vec<usize> = options.iter().map(|o| o.chars().count()).collect();
    let (min, max) = (
        *lengths.iter().min().unwrap(),
        *lengths.iter().max().unwrap(),
    );
    assert!(max - min <= slack, "options of {lengths:?} characters");
    assert!(
        lengths
            .iter()
            .enumerate()
            .any(|(i, &l)| i != right && l >= lengths[right]),
        "the right option is the longest: {:?}",
        options[right]
    );
}
