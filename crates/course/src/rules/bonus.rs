//! The bonus lesson's exercise rules: pure functions of the answer and of what the page shows.

use super::well_formed;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{bonus as text, common as shared};
use crate::text::parse_number;
use minigpt::bigram::BigramCounts;

/// Exercise 1 (a bet): the model whose loss on unseen names is the lowest (`losses`: each
/// model's, once the race is over).
pub fn race_bet(bet: Option<usize>, losses: Option<[f32; 3]>) -> Option<Verdict> {
    let (bet, losses) = (bet?, losses?);
    let winner = (0..3)
        .min_by(|&a, &b| losses[a].total_cmp(&losses[b]))
        .unwrap_or(0);
    let name = text::MODELS[winner].0;
    Some(if bet == winner {
        Right(text::e1_right(name, losses[winner]))
    } else {
        Wrong(text::e1_wrong(name, losses[winner]))
    })
}

/// Exercise 2: how many times more parameters the big model has (« environ »: within 10 %).
pub fn size_ratio(small: usize, big: usize, answer: &str) -> Verdict {
    let ratio = big as f32 / small as f32;
    match parse_number(answer) {
        Some(x) if (x - ratio).abs() <= ratio * 0.1 => Right(text::e2_right(ratio)),
        Some(x) if (x - (big - small) as f32).abs() < 1.0 => Wrong(text::E2_DIFFERENCE.into()),
        Some(_) => Wrong(text::E2_WRONG.into()),
        None => NotAnAnswer(shared::WRITE_A_NUMBER.into()),
    }
}

/// Exercise 3 (a choice): what little data does, from both runs' (learned, unseen) losses.
pub fn little_data(choice: usize, results: Option<[(f32, f32); 2]>) -> Verdict {
    let Some([(few_seen, few_test), (many_seen, many_test)]) = results else {
        return NotAnAnswer(text::E3_NOT_YET.into());
    };
    let right = if few_test <= many_test + 0.01 {
        0
    } else if few_seen < few_test {
        1
    } else {
        2
    };
    if choice == right {
        Right(text::e3_right(few_test, many_test))
    } else {
        Wrong(text::e3_wrong(few_seen, few_test, many_seen, many_test))
    }
}

/// Whether a word has a letter of the extended alphabet beyond a-z (an accent, not a hyphen).
pub fn accented(word: &str) -> bool {
    word.chars().any(|c| !c.is_ascii_lowercase() && c != '-')
}

/// Exercise 4 (créer): the word the pupil picked among the invented ones: new, accented, and
/// made of letter pairs found in the French words (`words`, `pairs`).
pub fn picked_word(
    trained: bool,
    picked: Option<&str>,
    words: &[&str],
    pairs: &BigramCounts,
) -> Option<Verdict> {
    if !trained {
        return Some(Wrong(text::E4_TRAIN.into()));
    }
    let w = picked?;
    Some(if words.contains(&w) {
        Wrong(text::e4_real(w))
    } else if !accented(w) {
        Wrong(text::e4_no_accent(w))
    } else if !well_formed(w, pairs) {
        Wrong(text::e4_odd(w))
    } else {
        Right(text::e4_right(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_fair_options, assert_not_gamed};
    use minigpt::data::Dataset;
    use minigpt::Alphabet;

    #[test]
    fn exercise_1_judges_the_bet_on_the_race() {
        assert_eq!(race_bet(None, Some([2.3, 2.2, 2.4])), None);
        assert!(race_bet(Some(1), Some([2.3, 2.2, 2.4])).unwrap().is_right());
        assert!(matches!(
            race_bet(Some(2), Some([2.3, 2.2, 2.4])),
            Some(Wrong(_))
        ));
    }

    #[test]
    fn exercise_2_accepts_about_48() {
        let (small, big) = (4192, 202_112);
        for right in ["48", "50", "48,2"] {
            assert!(size_ratio(small, big, right).is_right(), "{right}");
        }
        assert!(
            matches!(size_ratio(small, big, "197 920"), Wrong(_)),
            "a difference, not a ratio"
        );
        assert!(matches!(size_ratio(small, big, "40"), Wrong(_)));
        assert_not_gamed(
            |a| size_ratio(small, big, a),
            &["4 192", "202 112", "32 235", "1 000", "20", "10", "3"],
        );
    }

    #[test]
    fn exercise_3_is_a_fair_choice() {
        assert!(matches!(little_data(1, None), NotAnAnswer(_)));
        assert!(little_data(1, Some([(1.5, 2.6), (2.1, 2.2)])).is_right());
        assert_fair_options(&text::E3_CHOICES, 1, 14);
    }

    #[test]
    fn exercise_4_wants_a_new_accented_well_formed_word() {
        let words = Dataset::Mots.names();
        let pairs = BigramCounts::from_names(Alphabet::Extended, &words);
        let judge = |w| picked_word(true, Some(w), &words, &pairs).unwrap();
        assert!(
            matches!(judge(words.iter().find(|w| accented(w)).unwrap()), Wrong(_)),
            "a real word"
        );
        assert!(matches!(judge("tabourin"), Wrong(_)), "no accent");
        assert!(matches!(judge("éqzx"), Wrong(_)), "odd pairs");
        assert!(judge("carémoine").is_right() || judge("prétable").is_right());
        assert_eq!(picked_word(true, None, &words, &pairs), None);
    }
}
