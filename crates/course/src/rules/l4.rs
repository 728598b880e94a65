//! Lesson 4's numbers (the word « .chat », its questions and panels) and exercise rules: pure
//! functions of the answer and of what the page shows.

use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l4 as text};
use crate::text::{normalize, parse_number};

/// The word of the hand-made demo.
pub const WORD: [char; 5] = ['.', 'c', 'h', 'a', 't'];
/// Each letter's question and panel (chosen for the example: small whole numbers).
pub const QUESTION: [[i32; 4]; 5] = [
    [1, 0, 0, 0],
    [0, 1, 1, 0],
    [1, 2, 0, 0],
    [0, 1, 2, 1],
    [2, 0, 1, 2],
];
pub const PANEL: [[i32; 4]; 5] = [
    [1, 0, 0, 0],
    [0, 1, 0, 1],
    [1, 1, 0, 0],
    [0, 0, 1, 1],
    [0, 1, 1, 0],
];
/// The letter of the worked example, and the letter of the prediction.
pub const EXAMPLE: usize = 2;
pub const PREDICTED: usize = 4;
/// Exercise 2: « a »'s question against a panel seen nowhere else (its score is not on screen).
pub const HAND_ASKER: usize = 3;
pub const HAND_PANEL: [i32; 4] = [3, 2, 2, 1];

pub fn dot(q: &[i32; 4], k: &[i32; 4]) -> i32 {
    q.iter().zip(k).map(|(a, b)| a * b).sum()
}

pub fn score(asker: usize, j: usize) -> i32 {
    dot(&QUESTION[asker], &PANEL[j])
}

/// Scores and attention shares (softmax) of letter `asker` over the letters up to itself.
pub fn attention_of(asker: usize) -> (Vec<i32>, Vec<f32>) {
    let scores: Vec<i32> = (0..=asker).map(|j| score(asker, j)).collect();
    let max = *scores.iter().max().unwrap_or(&0) as f32;
    let exp: Vec<f32> = scores.iter().map(|&s| (s as f32 - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    (scores, exp.iter().map(|e| e / total).collect())
}

pub fn argmax(row: &[f32]) -> usize {
    (0..row.len()).fold(0, |b, i| if row[i] > row[b] { i } else { b })
}

/// "0 × 3 + 1 × 2 + 2 × 2 + 1 × 1 = 7"
pub fn calculation(q: &[i32; 4], k: &[i32; 4]) -> String {
    let parts: Vec<String> = q.iter().zip(k).map(|(a, b)| format!("{a} × {b}")).collect();
    format!("{} = {}", parts.join(" + "), dot(q, k))
}

/// A letter of `word` typed by the pupil (« point » or « . » for the start), as its place.
fn place_in(word: &[char], answer: &str) -> Option<usize> {
    let a = normalize(answer);
    if answer.trim() == "." || a == "point" {
        return Some(0);
    }
    let mut chars = a.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => word.iter().position(|&w| w == c),
        _ => None,
    }
}

/// Exercise 1 (a prediction): which letter of « .chat » « t » listens to most.
pub fn predict_listener(answer: &str) -> Verdict {
    let (_, shares) = attention_of(PREDICTED);
    let winner = argmax(&shares);
    match place_in(&WORD, answer) {
        Some(j) if j == winner => Right(text::e1_right(WORD[j], shares[j])),
        Some(j) => Wrong(text::e1_wrong(WORD[j], WORD[winner], shares[winner])),
        None => NotAnAnswer(text::E1_NOT_LETTER.into()),
    }
}

/// Exercise 2: the score of « a »'s question with the new panel.
pub fn hand_score(answer: &str) -> Verdict {
    let q = &QUESTION[HAND_ASKER];
    let all: i32 = q.iter().chain(&HAND_PANEL).sum();
    match parse_number(answer) {
        Some(x) if x == dot(q, &HAND_PANEL) as f32 => {
            Right(text::e2_right(&calculation(q, &HAND_PANEL)))
        }
        Some(x) if x == all as f32 => Wrong(text::E2_ADDED_ALL.into()),
        Some(_) => Wrong(text::E2_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 3: the allowed cells of the last row of the mask, for a typed word of
/// `letters` letters (`None` before a word is typed): the letters and the « . ».
pub fn allowed_cells(letters: Option<usize>, answer: &str) -> Verdict {
    let Some(n) = letters else {
        return NotAnAnswer(text::E3_TYPE_FIRST.into());
    };
    match parse_number(answer) {
        Some(x) if x == (n + 1) as f32 => Right(text::e3_right(n + 1)),
        Some(_) => Wrong(text::E3_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 4 (créer): with the pupil's word (`tokens`, « . » first) and head `head` (its
/// attention row for the last letter), the letter the last letter looks at most, read by the
/// pupil; right when read right and it is the word's first letter.
pub fn trapped_head(tokens: &[char], head: usize, last_row: &[f32], answer: &str) -> Verdict {
    let last = tokens.len() - 1;
    if last < 3 {
        return NotAnAnswer(text::E4_SHORT.into());
    }
    let Some(read) = place_in(tokens, answer) else {
        return NotAnAnswer(text::E4_NOT_IN_WORD.into());
    };
    let looked = argmax(&last_row[..=last]);
    if tokens[read] != tokens[looked] {
        Wrong(text::e4_misread(head + 1))
    } else if looked != 1 {
        Wrong(text::e4_not_trapped(head + 1, tokens[looked]))
    } else {
        Right(text::e4_right(
            head + 1,
            tokens[last],
            tokens[1],
            last_row[1],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_not_gamed, LETTERS};

    #[test]
    fn exercise_1_predicts_a() {
        assert!(predict_listener(" A ").is_right());
        assert!(
            matches!(predict_listener("h"), Wrong(_)),
            "the neighbour is the usual mistake"
        );
        assert!(
            matches!(predict_listener("z"), NotAnAnswer(_)),
            "a letter outside the word is not spent"
        );
    }

    #[test]
    fn exercise_2_is_a_score_shown_nowhere() {
        assert!(hand_score("7").is_right());
        assert!(
            matches!(hand_score("12"), Wrong(_)),
            "all eight numbers added"
        );
        // Every score the step shows: the worked example (h) and t's revealed row.
        let shown: Vec<String> = [EXAMPLE, PREDICTED]
            .iter()
            .flat_map(|&a| attention_of(a).0)
            .map(|s| s.to_string())
            .collect();
        assert!(!shown.contains(&"7".to_string()));
        let shown: Vec<&str> = shown
            .iter()
            .map(String::as_str)
            .chain(["0", "1", "2", "3"])
            .collect();
        assert_not_gamed(hand_score, &shown);
    }

    #[test]
    fn exercise_3_counts_the_letters_and_the_dot() {
        assert!(allowed_cells(Some(5), "6").is_right());
        assert!(
            matches!(allowed_cells(Some(5), "5"), Wrong(_)),
            "the «\u{a0}.\u{a0}» forgotten"
        );
        assert!(matches!(allowed_cells(None, "6"), NotAnAnswer(_)));
    }

    #[test]
    fn exercise_4_wants_the_trap_read_right() {
        let tokens = ['.', 'l', 'e', 'a'];
        let trapped = [0.1, 0.6, 0.1, 0.2];
        assert!(trapped_head(&tokens, 0, &trapped, "l").is_right());
        assert!(
            matches!(trapped_head(&tokens, 0, &trapped, "a"), Wrong(_)),
            "misread"
        );
        let at_start = [0.7, 0.1, 0.1, 0.1];
        assert!(
            matches!(trapped_head(&tokens, 0, &at_start, "point"), Wrong(_)),
            "read right, not trapped"
        );
        assert!(matches!(
            trapped_head(&['.', 'l', 'e'], 0, &trapped, "l"),
            NotAnAnswer(_)
        ));
        // Sweeping letters on an untrapped head never succeeds.
        let word: Vec<char> = ".pikachu".chars().collect();
        let row = [0.5, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05];
        assert!(LETTERS
            .iter()
            .all(|l| !trapped_head(&word, 0, &row, l).is_right()));
        assert_not_gamed(|a| trapped_head(&word, 0, &row, a), &["p", "u", "."]);
    }
}
