//! The trainable models, from simplest to the real thing. All share the `Model` trait, so one
//! `Trainer` and one `sample` work for all of them.

pub mod bigram_table;
pub mod gpt;
pub mod mlp;

use crate::autograd::{Tape, Var};
use crate::params::Params;
use crate::vocab::Alphabet;

pub trait Model: Clone + Send + Sync {
    fn params(&self) -> &Params;
    fn params_mut(&mut self) -> &mut Params;
    /// The alphabet the model reads and writes (its number of tokens).
    fn alphabet(&self) -> Alphabet;

    /// Builds on the tape the mean loss per letter (cross-entropy) of `docs`, each a token
    /// sequence `. n a m e .`; `vars` are the parameters already loaded on the tape.
    /// Returns `None` if the docs hold no letter to predict.
    fn loss(&self, tape: &mut Tape, vars: &[Var], docs: &[&[usize]]) -> Option<Var>;

    /// How many (input, target) positions of `doc` the loss counts (a GPT crops long names).
    fn trained_positions(&self, doc: &[usize]) -> usize {
        doc.len().saturating_sub(1)
    }

    /// The summed loss of `docs` and the number of letters it counts, without gradients
    /// (evaluation). Each doc's mean is computed exactly as `loss` would for that doc alone.
    fn nll(&self, tape: &mut Tape, docs: &[&[usize]]) -> (f64, usize) {
        let mut vars = Vec::new();
        let (mut sum, mut count) = (0.0f64, 0usize);
        for doc in docs {
            tape.clear();
            self.params().load_into(tape, &mut vars);
            if let Some(l) = self.loss(tape, &vars, &[doc]) {
                let n = self.trained_positions(doc);
                sum += tape.scalar(l) as f64 * n as f64;
                count += n;
            }
        }
        (sum, count)
    }

    /// Scores (logits), one per token of the alphabet, for the letter that follows `context`
    /// (`context` starts with `.`; it may be longer than the model can read: it slides).
    fn next_logits(&self, tape: &mut Tape, context: &[usize]) -> Vec<f32>;
}
