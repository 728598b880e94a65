//! Lesson 3's exercise rules: pure functions of the answer and of what the page shows.

use super::number;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::l3 as text;
use crate::text::letter;

/// The memory model of the lesson: its neurons, its training, its cards and its seed (the
/// page trains exactly this, and the tests below check what the lesson says of it).
pub const HIDDEN: usize = 64;
pub const TRAIN_STEPS: usize = 1500;
/// The cards of the trained models (the window step and the training use 8 numbers).
pub const CARDS: usize = 8;
pub const SEED: u64 = 3;

/// The Pokémon cut in two: the names to learn, and 10 % kept aside, never learned.
pub fn lesson_names() -> (Vec<String>, Vec<String>) {
    use minigpt::data::{shuffled, split, Dataset};
    let names: Vec<String> = shuffled(&Dataset::Pokemon.names(), SEED)
        .into_iter()
        .map(String::from)
        .collect();
    split(&names, 0.1)
}

/// The lesson's memory model before training: `k` letters of memory, cards of `d` numbers.
pub fn untrained(k: usize, d: usize) -> minigpt::ContextMlp {
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED);
    minigpt::ContextMlp::new(minigpt::Alphabet::Letters, k, d, HIDDEN, &mut rng)
}

/// How the lesson trains it.
pub fn train_config() -> minigpt::TrainConfig {
    minigpt::TrainConfig {
        steps: TRAIN_STEPS,
        lr: 0.01,
        batch_size: 16,
        ..minigpt::TrainConfig::default()
    }
}

/// Exercise 1: the numbers of the whole card table with cards of `d` (the slider on 5).
pub fn table_numbers(d: usize, answer: &str) -> Verdict {
    if d != 5 {
        return NotAnAnswer(text::E1_SLIDER.into());
    }
    match number(answer) {
        Ok(x) if x == 27.0 * 5.0 => Right(text::E1_RIGHT.into()),
        Ok(_) => Wrong(text::E1_WRONG.into()),
        Err(v) => v,
    }
}

/// Exercise 2: what the network reads when the window shows « pik » (`k` letters) with cards
/// of 8 numbers.
pub fn window_numbers(k: usize, answer: &str) -> Verdict {
    if k != 3 {
        return NotAnAnswer(text::E2_WINDOW.into());
    }
    match number(answer) {
        Ok(24.0) => Right(text::E2_RIGHT.into()),
        Ok(_) => Wrong(text::E2_WRONG.into()),
        Err(v) => v,
    }
}

/// Exercise 3's line between « un peu » and « bien » plus basse: the gap the pupil reads.
pub const E3_BIG_GAP: f32 = 0.2;

/// Exercise 3 (a choice): what the table shows of 1 and 3 letters of memory on unseen names,
/// once both runs ended (`one`, `three`: their loss there). The options say how much lower, so
/// the honest reading of a small gap (2,56 against 2,49) is an option of its own.
pub fn better_memory(choice: usize, one: Option<f32>, three: Option<f32>) -> Verdict {
    let (Some(a), Some(b)) = (one, three) else {
        return NotAnAnswer(text::E3_NOT_YET.into());
    };
    // As the table shows them: two decimals.
    let gap = ((a - b) * 100.0).round() / 100.0;
    let right = if gap <= 0.0 {
        0
    } else if gap < E3_BIG_GAP {
        1
    } else {
        2
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

/// Two pairs whose distances on the map differ by less than this many pixels look equally
/// close: the eye cannot order them (a symbol is 22 pixels wide).
pub const SAME_LOOK_PX: f32 = 5.0;

/// The pairs of letters that look closest on the map (`points`, in pixels, where they are
/// drawn): the closest pair, and any other within `SAME_LOOK_PX` of it.
pub fn closest_pairs(points: &[[f32; 2]]) -> Vec<(usize, usize)> {
    let best = closest_distance(points);
    let mut pairs = Vec::new();
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            if dist(points[i], points[j]) <= best + SAME_LOOK_PX {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// How far apart two letters' cards are, with all their numbers (not only the map's two).
fn card_distance(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f32>()
        .sqrt()
}

/// The mean distance between two letters' cards, over every pair of letters.
pub fn mean_card_distance(cards: &[Vec<f32>]) -> f32 {
    let mut sum = 0.0;
    let mut n = 0;
    for i in 0..cards.len() {
        for j in i + 1..cards.len() {
            sum += card_distance(&cards[i], &cards[j]);
            n += 1;
        }
    }
    sum / n.max(1) as f32
}

/// The vowels of the map (its round symbols).
pub const VOWELS: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];

/// How far apart the cards (all their numbers) of two vowels are on average, and those of a
/// vowel and a consonant (the « . » is neither): what the flat map cannot show.
pub fn vowel_distances(cards: &[Vec<f32>]) -> (f32, f32) {
    let vowel = |i: usize| VOWELS.contains(&letter(i));
    let (mut vv, mut nv, mut vc, mut nc) = (0.0, 0, 0.0, 0);
    for i in 1..cards.len() {
        for j in i + 1..cards.len() {
            let d = card_distance(&cards[i], &cards[j]);
            match (vowel(i), vowel(j)) {
                (true, true) => (vv, nv) = (vv + d, nv + 1),
                (a, b) if a != b => (vc, nc) = (vc + d, nc + 1),
                _ => {}
            }
        }
    }
    (vv / nv.max(1) as f32, vc / nc.max(1) as f32)
}

/// Exercise 4 (a task): the two letters picked are the closest on the map as drawn (`points`,
/// in pixels), judged by the real distances: the closest pair, or one that looks as close
/// (`closest_pairs`). The verdict also says how alike their full cards (`cards`) really are:
/// the map is a flat shadow of them.
pub fn closest_pair(picked: &[usize], points: &[[f32; 2]], cards: &[Vec<f32>]) -> Option<Verdict> {
    let &[a, b] = picked else { return None };
    let (a, b) = (a.min(b), a.max(b));
    let closest = closest_pairs(points);
    if !closest.contains(&(a, b)) {
        return Some(Wrong(text::e4_wrong(letter(a), letter(b))));
    }
    let others: Vec<(char, char)> = closest
        .iter()
        .filter(|&&p| p != (a, b))
        .map(|&(x, y)| (letter(x), letter(y)))
        .collect();
    let alike = card_distance(&cards[a], &cards[b]);
    Some(Right(text::e4_right(
        (letter(a), letter(b)),
        &others,
        alike,
        mean_card_distance(cards),
    )))
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
        // The lesson's runs: 2,56 and 2,49, a small gap, read as such.
        assert!(better_memory(1, Some(2.56), Some(2.49)).is_right());
        assert!(matches!(better_memory(2, Some(2.56), Some(2.49)), Wrong(_)));
        assert!(matches!(better_memory(0, Some(2.56), Some(2.49)), Wrong(_)));
        assert!(better_memory(2, Some(2.80), Some(2.49)).is_right());
        assert!(
            better_memory(0, Some(2.50), Some(2.497)).is_right(),
            "equal to the hundredth: 1 letter is as low"
        );
        assert_fair_options(text::E3_CHOICES, 1, 8);
    }

    #[test]
    fn exercise_4_wants_the_closest_pair_or_one_that_looks_as_close() {
        let cards: Vec<Vec<f32>> = (0..5).map(|i| vec![i as f32, 0.0]).collect();
        let points = [
            [0.0, 0.0],
            [100.0, 0.0],
            [50.0, 50.0],
            [58.0, 50.0],
            [150.0, 0.0],
        ];
        // 2-3 are 8 px apart; 1-4 are 50 px apart.
        assert!(closest_pair(&[3, 2], &points, &cards).unwrap().is_right());
        assert!(matches!(
            closest_pair(&[1, 4], &points, &cards),
            Some(Wrong(_))
        ));
        assert_eq!(closest_pair(&[0], &points, &cards), None);
        // A pair 3 px further looks as close, and both are accepted and named.
        let points = [
            [0.0, 0.0],
            [11.0, 0.0],
            [200.0, 0.0],
            [208.0, 0.0],
            [400.0, 0.0],
        ];
        assert_eq!(closest_pairs(&points), vec![(0, 1), (2, 3)]);
        let Some(Right(m)) = closest_pair(&[0, 1], &points, &cards) else {
            panic!("looks as close")
        };
        assert!(m.contains("«\u{a0}c\u{a0}»"), "names the other pair: {m}");
        // Every pair picked on a map of evenly spread letters but the closest is a try.
        let points: Vec<[f32; 2]> = (0..27).map(|i| [(i * i) as f32 * 3.0, 0.0]).collect();
        let cards: Vec<Vec<f32>> = (0..27).map(|i| vec![i as f32]).collect();
        let right = (0..27)
            .flat_map(|a| (a + 1..27).map(move |b| [a, b]))
            .filter(|p| closest_pair(p, &points, &cards).unwrap().is_right())
            .count();
        assert_eq!(right, 1);
    }

    /// Trains the lesson's model with `k` letters of memory: its cards, and its losses on the
    /// names learned and on those never seen.
    fn trained(k: usize) -> (Vec<Vec<f32>>, f32, f32) {
        let (learn, aside) = lesson_names();
        let mut t = minigpt::Trainer::new(untrained(k, CARDS), &learn, train_config()).unwrap();
        t.advance(TRAIN_STEPS);
        let m = t.model();
        let cards = (0..27).map(|i| m.embedding(i).to_vec()).collect();
        let loss = |names: &[String]| minigpt::train::eval_loss(m, names).unwrap();
        (cards, loss(&learn), loss(&aside))
    }

    /// What the lesson says of its three runs (steps 4 to 6 and the recap), measured: 3
    /// letters guess unseen names a little better than 1 (option 2 of exercise 3, « moins de
    /// 0,2 d'écart »); 5 recite better and guess worse (exercise 5); in every run the vowels'
    /// full cards are a little closer to each other than to the consonants', while the flat map
    /// shows them scattered (the map's sentence and the recap).
    #[test]
    fn the_lessons_runs_back_what_it_says() {
        let runs: Vec<(Vec<Vec<f32>>, f32, f32)> = [1, 3, 5].map(trained).into();
        let [(_, _, one), (_, seen3, three), (_, seen5, five)] =
            [runs[0].clone(), runs[1].clone(), runs[2].clone()];
        println!("unseen: 1 letter {one:.3}, 3 letters {three:.3}, 5 letters {five:.3}");
        assert!(better_memory(1, Some(one), Some(three)).is_right());
        assert!(too_much_memory(1, Some((seen3, three)), Some((seen5, five))).is_right());
        for (k, (cards, _, _)) in [1, 3, 5].iter().zip(&runs) {
            let (vowels, mixed) = vowel_distances(cards);
            println!("{k} letters: vowels {vowels:.2}, vowel and consonant {mixed:.2}");
            assert!(vowels < mixed, "{k} letters: the vowels are not closer");
            assert!(
                vowels > mixed * 0.7,
                "{k} letters: more than «\u{a0}un peu\u{a0}» closer"
            );
        }
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
