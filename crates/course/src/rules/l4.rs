//! Lesson 4's numbers (the word « .chat », its questions and panels) and exercise rules: pure
//! functions of the answer and of what the page shows.

use super::number;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::l4 as text;
use crate::text::normalize;

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
    match number(answer) {
        Ok(x) if x == dot(q, &HAND_PANEL) as f32 => {
            Right(text::e2_right(&calculation(q, &HAND_PANEL)))
        }
        Ok(x) if x == all as f32 => Wrong(text::E2_ADDED_ALL.into()),
        Ok(_) => Wrong(text::E2_WRONG.into()),
        Err(v) => v,
    }
}

/// Exercise 3: the allowed cells of the last row of the mask, for a typed word of
/// `letters` letters (`None` before a word is typed): the letters and the « . ».
pub fn allowed_cells(letters: Option<usize>, answer: &str) -> Verdict {
    let Some(n) = letters else {
        return NotAnAnswer(text::E3_TYPE_FIRST.into());
    };
    match number(answer) {
        Ok(x) if x == (n + 1) as f32 => Right(text::e3_right(n + 1)),
        Ok(_) => Wrong(text::E3_WRONG.into()),
        Err(v) => v,
    }
}

/// The shortest word exercise 4 takes: with fewer letters, « far behind » leaves one or two
/// letters to choose from, and the question would give its answer away.
pub const E4_MIN_LETTERS: usize = 5;

/// Where the letter a head looks at most sits, seen from the last letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looked {
    Itself,
    /// The letter just before.
    Neighbour,
    /// The « . » of the start: « nothing interesting here ».
    Start,
    /// A letter at least two places back: the trap.
    Far,
}

/// Where `looked` (a place of a word of `last` + 1 tokens, « . » first) is, seen from the last.
pub fn looked_place(looked: usize, last: usize) -> Looked {
    match looked {
        0 => Looked::Start,
        l if l == last => Looked::Itself,
        l if l + 1 == last => Looked::Neighbour,
        _ => Looked::Far,
    }
}

/// Exercise 4 (créer): the pupil's own word (`tokens`, « . » first; `own`: typed by the pupil,
/// not the page's example) and a head they chose (`last_row`: its attention for the last
/// letter). The pupil writes the letter the last letter looks at most, read on the grid; right
/// when read right and it is far behind (not itself, its neighbour or the « . »). The question
/// names no letter: the pupil must read the grid.
pub fn far_look(
    tokens: &[char],
    own: bool,
    head: usize,
    last_row: &[f32],
    answer: &str,
) -> Verdict {
    if !own {
        return NotAnAnswer(text::E4_OWN_WORD.into());
    }
    let last = tokens.len() - 1;
    if last < E4_MIN_LETTERS {
        return NotAnAnswer(text::E4_SHORT.into());
    }
    let Some(read) = place_in(tokens, answer) else {
        return NotAnAnswer(text::E4_NOT_IN_WORD.into());
    };
    let looked = argmax(&last_row[..=last]);
    if tokens[read] != tokens[looked] {
        return Wrong(text::e4_misread(head + 1));
    }
    match looked_place(looked, last) {
        Looked::Far => Right(text::e4_right(
            head + 1,
            tokens[last],
            tokens[looked],
            last_row[looked],
            last - looked,
        )),
        place => {
            let which = match place {
                Looked::Itself => text::LOOKS_AT_ITSELF,
                Looked::Neighbour => text::LOOKS_AT_NEIGHBOUR,
                Looked::Start | Looked::Far => text::LOOKS_AT_START,
            };
            Wrong(text::e4_near(head + 1, tokens[looked], which))
        }
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
    fn exercise_4_wants_a_far_look_read_on_the_grid() {
        let tokens: Vec<char> = ".lucas".chars().collect();
        // The last letter « s » looks most at « c », two places back.
        let far = [0.05, 0.1, 0.1, 0.5, 0.05, 0.2];
        assert!(far_look(&tokens, true, 0, &far, "c").is_right());
        let Right(m) = far_look(&tokens, true, 0, &far, " C ") else {
            panic!("read right")
        };
        assert!(
            m.contains("«\u{a0}c\u{a0}»") && m.contains("«\u{a0}s\u{a0}»"),
            "{m}"
        );
        assert!(
            matches!(far_look(&tokens, true, 0, &far, "l"), Wrong(_)),
            "misread"
        );
        // Read right, but not far: a try, with what it looked at.
        let near = [0.05, 0.05, 0.05, 0.05, 0.6, 0.2];
        assert!(matches!(far_look(&tokens, true, 0, &near, "a"), Wrong(_)));
        let start = [0.6, 0.05, 0.05, 0.05, 0.05, 0.2];
        assert!(matches!(
            far_look(&tokens, true, 0, &start, "point"),
            Wrong(_)
        ));
        let itself = [0.05, 0.05, 0.05, 0.05, 0.1, 0.7];
        assert!(matches!(far_look(&tokens, true, 0, &itself, "s"), Wrong(_)));
        // Not the pupil's own word, too short, or a letter outside it: nothing is spent.
        assert!(matches!(
            far_look(&tokens, false, 0, &far, "c"),
            NotAnAnswer(_)
        ));
        assert!(matches!(
            far_look(&['.', 'l', 'e', 'a'], true, 0, &[0.1, 0.6, 0.1, 0.2], "l"),
            NotAnAnswer(_)
        ));
        assert!(matches!(
            far_look(&tokens, true, 0, &far, "z"),
            NotAnAnswer(_)
        ));
        // The question gives no letter: sweeping the alphabet on a far-looking head takes more
        // than 3 tries, and an untrapped head never succeeds.
        assert_not_gamed(|a| far_look(&tokens, true, 0, &far, a), &["l", "u", "."]);
        assert!(LETTERS
            .iter()
            .all(|l| !far_look(&tokens, true, 0, &near, l).is_right()));
    }
}
