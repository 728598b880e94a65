//! Lesson 2's model: a table of scores (27 × 27 with the course's alphabet), one row per previous
//! letter. Softmax of a row gives the probabilities of the next letter. Trained by gradient
//! descent, it ends up equal to lesson 1's counted table.

use super::Model;
use crate::autograd::{Tape, Var};
use crate::params::Params;
use crate::vocab::{Alphabet, BOUNDARY};
use rand::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct BigramTable {
    pub alphabet: Alphabet,
    pub params: Params,
}

impl BigramTable {
    /// Random scores N(0, std²) (std = 0 gives a uniform start: every token equally likely).
    pub fn new(alphabet: Alphabet, std: f32, rng: &mut impl Rng) -> Self {
        let v = alphabet.size();
        let mut params = Params::default();
        if std > 0.0 {
            params.add_normal("scores", v, v, std, rng);
        } else {
            params.add_zeros("scores", v, v);
        }
        BigramTable { alphabet, params }
    }

    /// Probabilities of the next letter after `prev` (softmax of row `prev`).
    pub fn probabilities(&self, prev: usize) -> Vec<f32> {
        let mut p = vec![0.0; self.alphabet.size()];
        crate::kernels::softmax_into(self.params.matrices[0].row(prev), &mut p);
        p
    }
}

impl Model for BigramTable {
    fn params(&self) -> &Params {
        &self.params
    }
    fn params_mut(&mut self) -> &mut Params {
        &mut self.params
    }
    fn alphabet(&self) -> Alphabet {
        self.alphabet
    }

    fn loss(&self, tape: &mut Tape, vars: &[Var], docs: &[&[usize]]) -> Option<Var> {
        let mut prev = Vec::new();
        let mut next = Vec::new();
        for doc in docs {
            for pair in doc.windows(2) {
                prev.push(pair[0]);
                next.push(pair[1]);
            }
        }
        if prev.is_empty() {
            return None;
        }
        let logits = tape.gather(vars[0], &prev, 1);
        Some(tape.cross_entropy(logits, &next))
    }

    fn next_logits(&self, _tape: &mut Tape, context: &[usize]) -> Vec<f32> {
        let prev = *context.last().unwrap_or(&BOUNDARY);
        self.params.matrices[0].row(prev).to_vec()
    }
}
