//! Lesson 2's exercise rules: pure functions of the answer and of what the page shows.

use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use super::{loss_of, number};
use crate::content::l2 as text;
use crate::text::decimals_typed;

/// Learning rates the slider offers (plain gradient descent on the 20 names, full batch); what
/// the lesson says of them is measured by `tests/claims.rs`.
pub const LEARNING_RATES: [f32; 11] = [
    0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0,
];

/// Exercise 1: the loss read on the curve at 50 % (0,69), written as the prompt asks, with 2
/// digits after the comma (« 0,7 » is a rounding, not what the curve says: not a try).
pub fn loss_at_half(answer: &str) -> Verdict {
    let x = match number(answer) {
        Ok(x) => x,
        Err(v) => return v,
    };
    if decimals_typed(answer) == 1 {
        NotAnAnswer(text::E1_TWO_DECIMALS.into())
    } else if (x - loss_of(0.5)).abs() <= 0.02 {
        Right(text::E1_RIGHT.into())
    } else {
        Wrong(text::E1_WRONG.into())
    }
}

/// The smallest whole percentage whose loss is under 0.1 (the slider moves by 1 %).
pub fn smallest_percent_under_a_tenth() -> u32 {
    (1..=100)
        .find(|&p| loss_of(p as f32 / 100.0) < 0.1)
        .unwrap_or(100)
}

/// A percentage typed as « 91 », « 91 % » or « 0,91 ».
fn percent_of(answer: &str) -> Option<u32> {
    let x = crate::text::parse_number(answer)?;
    let x = if x < 1.0 && answer.contains([',', '.']) {
        x * 100.0
    } else {
        x
    };
    (1.0..=100.0)
        .contains(&x.round())
        .then_some(x.round() as u32)
}

/// Exercise 2: the smallest percentage whose loss is under 0,1, found with the slider. A wrong
/// try says where to look (the slider, « loss = »), never which way to move: the feedback is
/// no oracle to search with.
pub fn smallest_under_a_tenth(answer: &str) -> Verdict {
    if let Err(v) = number(answer) {
        return v;
    }
    let Some(p) = percent_of(answer) else {
        return NotAnAnswer(text::E2_RANGE.into());
    };
    let best = smallest_percent_under_a_tenth();
    let f = p as f32 / 100.0;
    if p == 100 {
        Wrong(text::E2_PERFECT.into())
    } else if p == best {
        Right(text::e2_right(f, loss_of(f)))
    } else {
        Wrong(text::e2_not_it(f))
    }
}

/// Exercise 3 (a choice): why all-zero weights beat random ones, once both were tried.
pub fn zero_beats_random(choice: usize, tried_zero: bool) -> Verdict {
    if !tried_zero {
        NotAnAnswer(text::E3_NOT_YET.into())
    } else if choice == text::E3_RIGHT_INDEX {
        Right(text::E3_RIGHT.into())
    } else {
        Wrong(text::E3_WRONG.into())
    }
}

/// Exercise 4 (a task): one run that exploded and one that learned well.
pub fn rates_found(exploded: bool, learned: bool) -> Option<Verdict> {
    match (exploded, learned) {
        (true, true) => Some(Right(text::E4_BOTH.into())),
        (true, false) => Some(Wrong(text::E4_EXPLODED.into())),
        (false, true) => Some(Wrong(text::E4_GOOD.into())),
        (false, false) => None,
    }
}

/// Exercise 5 (a choice): the learned and the counted tables, once both are shown.
pub fn tables_alike(choice: usize, shown: bool) -> Verdict {
    if !shown {
        NotAnAnswer(text::E5_NOT_YET.into())
    } else if choice == text::E5_RIGHT_INDEX {
        Right(text::E5_RIGHT.into())
    } else {
        Wrong(text::E5_WRONG.into())
    }
}

/// Exercise 6: the surprise of « r » after « a », from the learned probability `p` (what the
/// curve gives for it, ± 0,08: a percentage or two of reading).
pub fn surprise_r_after_a(p: Option<f32>, answer: &str) -> Verdict {
    let Some(p) = p else {
        return NotAnAnswer(text::E5_NOT_YET.into());
    };
    let read = loss_of((p * 100.0).round() / 100.0);
    match number(answer) {
        Err(v) => v,
        Ok(x) if (x - p).abs() <= 0.01 || (x - p * 100.0).abs() <= 1.0 => {
            Wrong(text::E6_PROBABILITY_NOT_LOSS.into())
        }
        Ok(x) if (x - loss_of(p)).abs() <= 0.08 => Right(text::e6_right(p, read)),
        Ok(_) => Wrong(text::e6_wrong(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_fair_options, assert_not_gamed};

    #[test]
    fn exercise_1_reads_0_69() {
        assert!(loss_at_half("0,69").is_right());
        for usual in ["0,50", "50"] {
            assert!(matches!(loss_at_half(usual), Wrong(_)));
        }
        // « avec 2 chiffres après la virgule »: a rounded « 0,7 » is asked again, not counted.
        assert!(matches!(loss_at_half("0,7"), NotAnAnswer(_)));
        assert!(matches!(loss_at_half("-0,69"), NotAnAnswer(_)));
        // The step shows the landmarks 4,61 and 3,3, and the slider starts at 20 % (1,61).
        assert_not_gamed(loss_at_half, &["4,61", "3,3", "1", "27", "20", "1,61"]);
    }

    #[test]
    fn exercise_2_wants_91() {
        assert_eq!(smallest_percent_under_a_tenth(), 91);
        assert!(smallest_under_a_tenth("91 %").is_right());
        assert!(smallest_under_a_tenth("0,91").is_right());
        for usual in ["100", "99", "90"] {
            assert!(matches!(smallest_under_a_tenth(usual), Wrong(_)), "{usual}");
        }
        // Above or below the answer, a wrong try hears the same: no direction to follow.
        let said = |a: &str| match smallest_under_a_tenth(a) {
            Wrong(m) => m.replace(a, "_"),
            v => panic!("{a}: {v:?}"),
        };
        assert_eq!(said("90"), said("95"));
        for direction in [
            "Monte",
            "monte",
            "Descends",
            "descends",
            "plus haut",
            "plus bas",
        ] {
            assert!(!said("90").contains(direction), "{direction}");
        }
        assert!(matches!(smallest_under_a_tenth("-0"), NotAnAnswer(_)));
        assert!(matches!(smallest_under_a_tenth("0"), NotAnAnswer(_)));
        assert_not_gamed(
            smallest_under_a_tenth,
            &["4,61", "3,3", "20", "1,61", "0,1", "100"],
        );
    }

    #[test]
    fn exercise_3_needs_both_buttons_and_a_fair_choice() {
        assert!(matches!(zero_beats_random(0, false), NotAnAnswer(_)));
        assert!(zero_beats_random(text::E3_RIGHT_INDEX, true).is_right());
        assert!(matches!(zero_beats_random(1, true), Wrong(_)));
        assert_fair_options(text::E3_CHOICES, text::E3_RIGHT_INDEX, 12);
    }

    #[test]
    fn exercise_4_needs_both_runs() {
        assert_eq!(rates_found(false, false), None);
        assert!(matches!(rates_found(true, false), Some(Wrong(_))));
        assert!(rates_found(true, true).unwrap().is_right());
    }

    #[test]
    fn exercise_5_needs_the_tables_and_a_fair_choice() {
        assert!(matches!(tables_alike(1, false), NotAnAnswer(_)));
        assert!(tables_alike(text::E5_RIGHT_INDEX, true).is_right());
        assert_fair_options(text::E5_CHOICES, text::E5_RIGHT_INDEX, 12);
    }

    #[test]
    fn exercise_6_reads_the_loss_of_the_learned_probability() {
        let p = Some(0.2787);
        assert!(surprise_r_after_a(p, "1,27").is_right());
        assert!(surprise_r_after_a(p, "1,29").is_right());
        assert!(
            matches!(surprise_r_after_a(p, "0,28"), Wrong(_)),
            "the probability"
        );
        assert!(
            matches!(surprise_r_after_a(p, "28"), Wrong(_)),
            "the percentage"
        );
        assert!(matches!(surprise_r_after_a(p, "3,3"), Wrong(_)));
        assert!(matches!(surprise_r_after_a(None, "1,27"), NotAnAnswer(_)));
        assert_not_gamed(|a| surprise_r_after_a(p, a), &["28", "0,69", "3,3", "50"]);
    }
}
