//! The simplest generator there is, to compare the models with: letters drawn from how often
//! each appears in the list (the end of an item counted as a letter), with no context at all.
//! What it writes shows what chance alone gives (« eo s tauln »).

use crate::sample::{draw, probabilities_at};
use crate::vocab::{Alphabet, BOUNDARY};
use rand::Rng;

/// How many times each token appears in a list: every letter, and one end per item.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterFrequencies {
    pub alphabet: Alphabet,
    pub counts: Vec<u64>,
}

impl LetterFrequencies {
    pub fn from_names<S: AsRef<str>>(alphabet: Alphabet, names: &[S]) -> Self {
        let mut counts = vec![0; alphabet.size()];
        for name in names {
            // `.name.`: the letters and the end, not the start (nothing is drawn before it).
            for &token in &alphabet.encode_name(name.as_ref())[1..] {
                counts[token] += 1;
            }
        }
        LetterFrequencies { alphabet, counts }
    }

    /// Each token's share of the list.
    pub fn probabilities(&self) -> Vec<f32> {
        let total = self.counts.iter().sum::<u64>().max(1) as f64;
        self.counts
            .iter()
            .map(|&c| (c as f64 / total) as f32)
            .collect()
    }

    /// An item drawn letter by letter until the end token (at most `max_len` letters); a
    /// temperature other than 1 sharpens or flattens the frequencies as for the models.
    pub fn generate(&self, rng: &mut impl Rng, temperature: f32, max_len: usize) -> String {
        let logits: Vec<f32> = self.probabilities().iter().map(|p| p.ln()).collect();
        let probs = probabilities_at(&logits, temperature);
        let mut text = String::new();
        for _ in 0..max_len {
            let token = draw(&probs, rng);
            if token == BOUNDARY {
                break;
            }
            text.push(self.alphabet.decode_token(token));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn draws_letters_as_often_as_the_list_has_them() {
        let f = LetterFrequencies::from_names(Alphabet::Extended, &["aab", "a a"]);
        let p = f.probabilities();
        let id = |c| Alphabet::Extended.encode_char(c).unwrap();
        // 4 « a », 1 « b », 1 space, 2 ends: 8 tokens.
        assert_eq!(
            (p[id('a')], p[id('b')], p[id(' ')], p[BOUNDARY]),
            (0.5, 0.125, 0.125, 0.25)
        );
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let texts: Vec<String> = (0..2000).map(|_| f.generate(&mut rng, 1.0, 50)).collect();
        let letters: String = texts.concat();
        let share_a = letters.chars().filter(|&c| c == 'a').count() as f64 / letters.len() as f64;
        assert!((share_a - 4.0 / 6.0).abs() < 0.02, "{share_a}");
        // On average 1/0.25 − 1 = 3 letters before the end.
        let mean = letters.len() as f64 / texts.len() as f64;
        assert!((mean - 3.0).abs() < 0.25, "{mean}");
        assert!(texts.iter().all(|t| t.chars().count() <= 50));
    }
}
