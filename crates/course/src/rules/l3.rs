//! Lesson 3's exercise rules: pure functions of the answer and of what the page shows.

use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l3 as text};
use crate::text::{letter, parse_number};

/// Exercise 1: the numbers of the whole card table with cards of `d` (the slider on 5).
pub fn table_numbers(d: usize, answer: &str) -> Verdict {
    if d != 5 {
        return NotAnAnswer(text::E1_SLIDER.into());
    }
    match parse_number(answer) {
        Some(x) if x == 27.0 * 5.0 => Right(text::E1_RIGHT.into()),
        Some(_) => Wrong(text::E1_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 2: what the network reads when the window shows « pik » (`k` letters) with cards
/// of 8 numbers.
pub fn window_numbers(k: usize, answer: &str) -> Verdict {
    if k != 3 {
        return NotAnAnswer(text::E2_WINDOW.into());
    }
    match parse_number(answer) {
        Some(24.0) => Right(text::E2_RIGHT.into()),
        Some(_) => Wrong(text::E2_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 3 (a choice): which memory guesses unseen names better, once both runs ended
/// (`one`, `three`: their loss on unseen names). « Pareil » only within 0,01.
pub fn better_memory(choice: usize, one: Option<f32>, three: Option<f32>) -> Verdict {
    let (Some(a), Some(b)) = (one, three) else {
        return NotAnAnswer(text::E3_NOT_YET.into());
    };
    let right = if (a - b).abs() < 0.01 {
        2
    } else if b < a {
        1
    } else {
        0
    };
    if choice == right {
        Right(text::e3_right(a, b))
    } else {
        Wrong(text::e3_wrong(a, b))
    }
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// The distance of the closest pair of points on the map.
pub fn closest_distance(points: &[[f32; 2]]) -> f32 {
    let mut best = f32::INFINITY;
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            best = best.min(dist(points[i], points[j]));
        }
    }
    best
}

/// Exercise 4 (a task): the two letters picked are the closest on the map (up to 10 % further
/// than the closest pair, plus 1 % of the map for rounding).
pub fn closest_pair(picked: &[usize], points: &[[f32; 2]]) -> Option<Verdict> {
    let &[a, b] = picked else { return None };
    let (got, best) = (dist(points[a], points[b]), closest_distance(points));
    let span = points
        .iter()
        .map(|p| dist(*p, points[0]))
        .fold(0.0f32, f32::max)
        .max(1e-6);
    Some(if got <= best * 1.1 + span * 0.01 {
        Right(text::e4_right(letter(a), letter(b)))
    } else {
        Wrong(text::e4_wrong(letter(a), letter(b)))
    })
}

/// Exercise 5 (a choice): 3 or 5 letters of memory, from both runs' (learned, unseen) losses.
pub fn too_much_memory(
    choice: usize,
    three: Option<(f32, f32)>,
    five: Option<(f32, f32)>,
) -> Verdict {
    let (Some((s3, u3)), Some((s5, u5))) = (three, five) else {
        return NotAnAnswer(text::E5_NOT_YET.into());
    };
    let right = if u5 < u3 {
        0
    } else if s5 < s3 {
        1
    } else {
        2
    };
    if choice == right {
        Right(text::e5_right(s3, s5, u3, u5))
    } else {
        Wrong(text::e5_wrong(s3, s5, u3, u5))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_fair_options, assert_not_gamed};

    #[test]
    fn exercise_1_counts_27_by_5() {
        assert!(table_numbers(5, "135").is_right());
        assert!(
            matches!(table_numbers(8, "135"), NotAnAnswer(_)),
            "the slider first"
        );
        assert!(
            matches!(table_numbers(5, "216"), Wrong(_)),
            "27 × 8, the slider not moved"
        );
        assert_not_gamed(|a| table_numbers(5, a), &["8", "27", "5", "1", "16"]);
    }

    #[test]
    fn exercise_2_counts_3_cards_of_8() {
        assert!(window_numbers(3, "24").is_right());
        assert!(
            matches!(window_numbers(1, "24"), NotAnAnswer(_)),
            "the window first"
        );
        for usual in ["3", "8", "32"] {
            assert!(matches!(window_numbers(3, usual), Wrong(_)));
        }
        // The step shows the sliders (3, 8), 27 letters, 64 neurons and the parameter table.
        assert_not_gamed(
            |a| window_numbers(3, a),
            &["3", "8", "27", "64", "216", "1 600", "1 755", "729"],
        );
    }

    #[test]
    fn exercise_3_follows_the_measured_losses() {
        assert!(matches!(better_memory(1, Some(2.56), None), NotAnAnswer(_)));
        assert!(better_memory(1, Some(2.56), Some(2.49)).is_right());
        assert!(
            matches!(better_memory(2, Some(2.56), Some(2.49)), Wrong(_)),
            "«\u{a0}pareil\u{a0}» is the usual mistake"
        );
        assert!(better_memory(2, Some(2.50), Some(2.495)).is_right());
        assert_fair_options(text::E3_CHOICES, 1, 6);
    }

    #[test]
    fn exercise_4_wants_the_closest_pair() {
        let points = [[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [5.2, 5.0]];
        assert!(closest_pair(&[2, 3], &points).unwrap().is_right());
        assert!(matches!(closest_pair(&[0, 1], &points), Some(Wrong(_))));
        assert_eq!(closest_pair(&[0], &points), None);
    }

    #[test]
    fn exercise_5_follows_the_measured_losses() {
        let (three, five) = (Some((2.12, 2.49)), Some((1.98, 2.62)));
        assert!(too_much_memory(1, three, five).is_right());
        assert!(matches!(too_much_memory(0, three, five), Wrong(_)));
        assert!(matches!(too_much_memory(1, three, None), NotAnAnswer(_)));
        assert_fair_options(text::E5_CHOICES, 1, 12);
    }
}
