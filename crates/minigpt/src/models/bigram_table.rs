//! Lesson 2's model: a 27×27 table of scores, one row per previous letter. Softmax of a row
//! gives the probabilities of the next letter. Trained by gradient descent, it ends up equal to
//! lesson 1's counted table.

use super::Model;
use crate::autograd::{Tape, Var};
use crate::params::Params;
use crate::vocab::VOCAB_SIZE;
use rand::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct BigramTable {
    pub params: Params,
}

impl BigramTable {
    /// Random scores N(0, std²) (std = 0 gives a uniform start: every letter 1/27).
    pub fn new(std: f32, rng: &mut impl Rng) -> Self {
        let mut params = Params::default();
        if std > 0.0 {
            params.add_normal("scores", VOCAB_SIZE, VOCAB_SIZE, std, rng);
        } else {
            params.add_zeros("scores", VOCAB_SIZE, VOCAB_SIZE);
        }
        BigramTable { params }
    }

    /// Probabilities of the next letter after `prev` (softmax of row `prev`).
    pub fn probabilities(&self, prev: usize) -> [f32; VOCAB_SIZE] {
        let mut p = [0.0; VOCAB_SIZE];
        crate::autograd::softmax_into(self.params.matrices[0].row(prev), &mut p);
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

    fn next_logits(&self, _tape: &mut Tape, context: &[usize]) -> [f32; VOCAB_SIZE] {
        let prev = *context.last().unwrap_or(&crate::vocab::BOUNDARY);
        let mut out = [0.0; VOCAB_SIZE];
        out.copy_from_slice(self.params.matrices[0].row(prev));
        out
    }
}
