//! Lesson 1's model: count which letter follows which, then turn the counts into probabilities.

use crate::vocab::Alphabet;
use rand::Rng;

/// A square table: `counts[a][b]` = how many times letter `b` came right after letter `a`
/// (27 × 27 with the course's alphabet).
#[derive(Clone, Debug, PartialEq)]
pub struct BigramCounts {
    pub alphabet: Alphabet,
    pub counts: Vec<Vec<u32>>,
}

impl BigramCounts {
    pub fn from_names<S: AsRef<str>>(alphabet: Alphabet, names: &[S]) -> Self {
        let v = alphabet.size();
        let mut counts = vec![vec![0; v]; v];
        for name in names {
            for pair in alphabet.encode_name(name.as_ref()).windows(2) {
                counts[pair[0]][pair[1]] += 1;
            }
        }
        BigramCounts { alphabet, counts }
    }

    pub fn row_total(&self, prev: usize) -> u32 {
        self.counts[prev].iter().sum()
    }

    /// P(next | prev) = count / row total, with `smoothing` added to every count
    /// (so that no letter is ever impossible). An empty row is uniform.
    pub fn probabilities(&self, prev: usize, smoothing: f32) -> Vec<f32> {
        let v = self.alphabet.size();
        let total = self.row_total(prev) as f32 + smoothing * v as f32;
        if total <= 0.0 {
            return vec![1.0 / v as f32; v];
        }
        self.counts[prev]
            .iter()
            .map(|&c| (c as f32 + smoothing) / total)
            .collect()
    }

    /// Every row's probabilities (the table a generator draws from).
    pub fn probability_table(&self, smoothing: f32) -> Vec<Vec<f32>> {
        (0..self.alphabet.size())
            .map(|r| self.probabilities(r, smoothing))
            .collect()
    }

    /// Average negative log-likelihood per letter of `names` (lower is better).
    pub fn nll<S: AsRef<str>>(&self, names: &[S], smoothing: f32) -> f32 {
        let table = self.probability_table(smoothing);
        let (mut sum, mut n) = (0.0f64, 0usize);
        for name in names {
            for pair in self.alphabet.encode_name(name.as_ref()).windows(2) {
                sum -= (table[pair[0]][pair[1]] as f64).ln();
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
        crate::sample::draw_name(self.alphabet, &self.probability_table(0.0), rng, max_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::BOUNDARY;
    use rand::SeedableRng;

    const L: Alphabet = Alphabet::Letters;

    #[test]
    fn counts_pikachu() {
        let t = BigramCounts::from_names(L, &["pikachu"]);
        let (p, i) = (L.encode_char('p').unwrap(), L.encode_char('i').unwrap());
        assert_eq!(t.counts[BOUNDARY][p], 1);
        assert_eq!(t.counts[p][i], 1);
        assert_eq!(t.counts[L.encode_char('u').unwrap()][BOUNDARY], 1);
        assert_eq!(t.counts.iter().flatten().sum::<u32>(), 8);
        let e = BigramCounts::from_names(Alphabet::Extended, &["léa"]);
        assert_eq!(e.counts.len(), 46);
        assert_eq!(e.counts[L.encode_char('l').unwrap()][27], 1);
    }

    #[test]
    fn probabilities_sum_to_one_and_nll_matches_hand_computation() {
        let t = BigramCounts::from_names(L, &["ab", "ac"]);
        let a = L.encode_char('a').unwrap();
        let p = t.probabilities(a, 0.0);
        assert_eq!(p[L.encode_char('b').unwrap()], 0.5);
        assert!((t.probabilities(5, 1.0).iter().sum::<f32>() - 1.0).abs() < 1e-6);
        // Pairs: .a (1), ab (1/2), b. (1) for "ab": mean NLL = ln 2 / 3.
        let nll = t.nll(&["ab"], 0.0);
        assert!((nll - std::f32::consts::LN_2 / 3.0).abs() < 1e-6, "{nll}");
    }

    #[test]
    fn generation_ends_with_a_dot_and_is_seeded() {
        let t = BigramCounts::from_names(L, &crate::data::TEACHING_SET);
        let mut r1 = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let mut r2 = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let a = t.generate(&mut r1, 50);
        assert_eq!(a, t.generate(&mut r2, 50));
        assert_eq!(a.last().unwrap().0, '.');
    }
}
