//! Generation: draw the next letter from the model's probabilities, again and again,
//! until the model draws `.` (end of name).

use crate::autograd::Tape;
use crate::models::Model;
use crate::vocab::{Alphabet, BOUNDARY};
use rand::Rng;

/// Draws an index with the given probabilities (which need not sum exactly to 1).
pub fn draw(probs: &[f32], rng: &mut impl Rng) -> usize {
    let total: f32 = probs.iter().filter(|p| p.is_finite() && **p > 0.0).sum();
    if total <= 0.0 || !total.is_finite() {
        return BOUNDARY;
    }
    let mut r = rng.random::<f32>() * total;
    let mut last = BOUNDARY;
    for (i, &p) in probs.iter().enumerate() {
        if p.is_finite() && p > 0.0 {
            if r < p {
                return i;
            }
            r -= p;
            last = i;
        }
    }
    last
}

/// softmax(logits / temperature). A temperature ≤ 0.01 (or not a number) means
/// "always the most likely letter"; a high one flattens the probabilities.
pub fn probabilities_at(logits: &[f32], temperature: f32) -> Vec<f32> {
    let mut p = vec![0.0; logits.len()];
    if p.is_empty() {
        return p;
    }
    if temperature.is_nan() || temperature <= 0.01 {
        let best = (0..logits.len()).fold(0, |b, i| if logits[i] > logits[b] { i } else { b });
        p[best] = 1.0;
        return p;
    }
    let scaled: Vec<f32> = logits.iter().map(|l| l / temperature).collect();
    crate::kernels::softmax_into(&scaled, &mut p);
    p
}

/// Draws one name letter by letter from a table of next-letter probabilities
/// (`table[prev][next]`, e.g. lesson 1's counts or lesson 2's learned scores). Returns each drawn
/// token with the probability it had; the last one is `.` unless `max_len` letters came first.
pub fn draw_name(
    alphabet: Alphabet,
    table: &[Vec<f32>],
    rng: &mut impl Rng,
    max_len: usize,
) -> Vec<(char, f32)> {
    let mut drawn = Vec::new();
    let mut prev = BOUNDARY;
    while drawn.len() < max_len {
        let next = draw(&table[prev], rng);
        drawn.push((alphabet.decode_token(next), table[prev][next]));
        if next == BOUNDARY {
            break;
        }
        prev = next;
    }
    drawn
}

/// One letter drawn during generation, with the probabilities it was drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    pub letter: char,
    pub probs: Vec<f32>,
}

/// Generates one name that starts with `prefix` (characters the model's alphabet lacks are
/// ignored). Returns the whole name (prefix included, without the dots) and each drawn letter.
/// The context slides, so names may grow past the model's block size, up to `max_len` letters.
pub fn generate<M: Model>(
    model: &M,
    prefix: &str,
    temperature: f32,
    max_len: usize,
    rng: &mut impl Rng,
) -> (String, Vec<Draw>) {
    let alphabet = model.alphabet();
    let mut tape = Tape::new();
    let mut context = vec![BOUNDARY];
    context.extend(
        prefix
            .chars()
            .filter_map(|c| alphabet.encode_char(c))
            .filter(|&t| t != BOUNDARY),
    );
    let mut name: String = context[1..]
        .iter()
        .map(|&t| alphabet.decode_token(t))
        .collect();
    let mut letters = context.len() - 1;
    let mut draws = Vec::new();
    while letters < max_len {
        let probs = probabilities_at(&model.next_logits(&mut tape, &context), temperature);
        let next = draw(&probs, rng);
        draws.push(Draw {
            letter: alphabet.decode_token(next),
            probs,
        });
        if next == BOUNDARY {
            break;
        }
        name.push(alphabet.decode_token(next));
        context.push(next);
        letters += 1;
    }
    (name, draws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::gpt::{Config, Gpt};
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn draw_follows_the_probabilities() {
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        let mut hits = [0; 3];
        for _ in 0..10_000 {
            hits[draw(&[0.2, 0.0, 0.8], &mut rng)] += 1;
        }
        assert_eq!(hits[1], 0);
        assert!((1800..2200).contains(&hits[0]), "{hits:?}");
        assert_eq!(draw(&[f32::NAN, 0.0], &mut rng), BOUNDARY);
    }

    #[test]
    fn temperature_sharpens_and_flattens() {
        let mut logits = [0.0; 27];
        logits[3] = 2.0;
        let cold = probabilities_at(&logits, 0.0);
        assert_eq!(cold[3], 1.0);
        let warm = probabilities_at(&logits, 1.0);
        let hot = probabilities_at(&logits, 10.0);
        assert!(hot[3] < warm[3] && warm[3] < 1.0);
    }

    #[test]
    fn generation_slides_past_the_block_and_never_panics() {
        let config = Config {
            block_size: 4,
            ..Config::default()
        };
        let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(1)).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        // A long prefix, odd characters, a huge temperature: still a name, capped at max_len.
        let (name, draws) = generate(&gpt, "tyrannosaurusrex!!É", 50.0, 40, &mut rng);
        assert!(name.starts_with("tyrannosaurusrex"));
        assert!(name.chars().count() <= 40 && !draws.is_empty());
        let (name, _) = generate(&gpt, "", f32::NAN, 30, &mut rng);
        assert!(name.len() <= 30);
    }

    #[test]
    fn an_extended_model_writes_accents() {
        let config = Config::default().with_alphabet(Alphabet::Extended);
        let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(1)).unwrap();
        let (name, draws) = generate(&gpt, "Zoé-", 1.0, 12, &mut ChaCha8Rng::seed_from_u64(2));
        assert!(name.starts_with("oé-"), "{name}");
        assert!(draws.iter().all(|d| d.probs.len() == 46));
    }
}
