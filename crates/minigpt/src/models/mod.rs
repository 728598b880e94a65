//! The trainable models, from simplest to the real thing. All share the `Model` trait, so one
//! `Trainer` and one `sample` work for all of them.

pub mod bigram_table;
pub mod gpt;
pub mod mlp;

use crate::autograd::{Tape, Var};
use crate::params::Params;

pub trait Model: Clone {
    fn params(&self) -> &Params;
    fn params_mut(&mut self) -> &mut Params;

    /// Builds on the tape the mean loss per letter (cross-entropy) of `docs`, each a token
    /// sequence `. n a m e .`; `vars` are the parameters already loaded on the tape.
    /// Returns `None` if the docs hold no letter to predict.
    fn loss(&self, tape: &mut Tape, vars: &[Var], docs: &[&[usize]]) -> Option<Var>;

    /// Scores (logits) of the 27 tokens for the letter that follows `context`
    /// (`context` starts with `.`; it may be longer than the model can read: it slides).
    fn next_logits(&self, tape: &mut Tape, context: &[usize]) -> [f32; crate::vocab::VOCAB_SIZE];
}

/// Loss pairs of one doc: how many (input, target) positions it trains.
pub(crate) fn positions(doc: &[usize]) -> usize {
    doc.len().saturating_sub(1)
}
