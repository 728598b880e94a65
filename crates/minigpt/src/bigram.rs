//! Lesson 1's model: count which letter follows which, then turn the counts into probabilities.

use crate::vocab::{encode_name, VOCAB_SIZE};
use rand::Rng;

/// A 27×27 table: `counts[a][b]` = how many times letter `b` came right after letter `a`.
#[derive(Clone, Debug, PartialEq)]
pub struct BigramCounts {
    pub counts: [[u32; VOCAB_SIZE]; VOCAB_SIZE],
}

impl BigramCounts {
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Self {
        let mut counts = [[0; VOCAB_SIZE]; VOCAB_SIZE];
        for name in names {
            for pair in encode_name(name.as_ref()).windows(2) {
                counts[pair[0]][pair[1]] += 1;
            }
        }
        BigramCounts { counts }
    }

    pub fn row_total(&self, prev: usize) -> u32 {
        self.counts[prev].iter().sum()
    }

    /// P(next | prev) = count / row total, with `smoothing` added to every count
    /// (so that no letter is ever impossible). An empty row is uniform.
    pub fn probabilities(&self, prev: usize, smoothing: f32) -> [f32; VOCAB_SIZE] {
        let total = self.row_total(prev) as f32 + smoothing * VOCAB_SIZE as f32;
        let mut p = [1.0 / VOCAB_SIZE as f32; VOCAB_SIZE];
        if total > 0.0 {
            for (next, c) in self.counts[prev].iter().enumerate() {
                p[next] = (*c as f32 + smoothing) / total;
            }
        }
        p
    }

    /// Average negative log-likelihood per letter of `names` (lower is better).
    pub fn nll<S: AsRef<str>>(&self, names: &[S], smoothing: f32) -> f32 {
        let (mut sum, mut n) = (0.0f64, 0usize);
        for name in names {
            for pair in encode_name(name.as_ref()).windows(2) {
                let p = self.probabilities(pair[0], smoothing)[pair[1]];
                sum -= (p as f64).ln();
                n += 1;
            }
        }
        if n == 0 {
            0.0
        } else {
            (sum / n as f64) as f32
        }
    }

    /// Invents one name letter by letter; returns the letters drawn, each with its probability.
    pub fn generate(&self, rng: &mut impl Rng, max_len: usize) -> Vec<(char, f32)> {
        let table: Vec<[f32; VOCAB_SIZE]> = (0..VOCAB_SIZE)
            .map(|r| self.probabilities(r, 0.0))
            .collect();
        crate::sample::draw_name(&table, rng, max_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{encode_char, BOUNDARY};
    use rand::SeedableRng;

    #[test]
    fn counts_pikachu() {
        let t = BigramCounts::from_names(&["pikachu"]);
        let (p, i) = (encode_char('p').unwrap(), encode_char('i').unwrap());
        assert_eq!(t.counts[BOUNDARY][p], 1);
        assert_eq!(t.counts[p][i], 1);
        assert_eq!(t.counts[encode_char('u').unwrap()][BOUNDARY], 1);
        assert_eq!(t.counts.iter().flatten().sum::<u32>(), 8);
    }

    #[test]
    fn probabilities_sum_to_one_and_nll_matches_hand_computation() {
        let t = BigramCounts::from_names(&["ab", "ac"]);
        let a = encode_char('a').unwrap();
        let p = t.probabilities(a, 0.0);
        assert_eq!(p[encode_char('b').unwrap()], 0.5);
        assert!((t.probabilities(5, 1.0).iter().sum::<f32>() - 1.0).abs() < 1e-6);
        // Pairs: .a (1), ab (1/2), b. (1) for "ab": mean NLL = ln 2 / 3.
        let nll = t.nll(&["ab"], 0.0);
        assert!((nll - std::f32::consts::LN_2 / 3.0).abs() < 1e-6, "{nll}");
    }

    #[test]
    fn generation_ends_with_a_dot_and_is_seeded() {
        let t = BigramCounts::from_names(&crate::data::TEACHING_SET);
        let mut r1 = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let mut r2 = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let a = t.generate(&mut r1, 50);
        assert_eq!(a, t.generate(&mut r2, 50));
        assert_eq!(a.last().unwrap().0, '.');
    }
}
