//! Lesson 3's model (Bengio et al., 2003): each letter gets a vector of `d` numbers (its
//! "identity card", the embedding); the last `k` letters' vectors are laid side by side and go
//! through a small neural network (hidden layer with tanh) that gives one score per token.

use super::Model;
use crate::autograd::{Tape, Var};
use crate::params::Params;
use crate::vocab::{Alphabet, BOUNDARY};
use rand::Rng;

#[derive(Clone, Debug, PartialEq)]
pub struct ContextMlp {
    pub alphabet: Alphabet,
    /// How many previous letters the model reads (1 to 5 in the lesson).
    pub context: usize,
    /// Size of each letter's embedding.
    pub embd: usize,
    pub hidden: usize,
    pub params: Params,
}

const EMB: usize = 0;
const W1: usize = 1;
const B1: usize = 2;
const W2: usize = 3;
const B2: usize = 4;

impl ContextMlp {
    pub fn new(
        alphabet: Alphabet,
        context: usize,
        embd: usize,
        hidden: usize,
        rng: &mut impl Rng,
    ) -> Self {
        let vocab = alphabet.size();
        assert!(
            context > 0 && embd > 0 && hidden > 0,
            "sizes must be positive"
        );
        let mut params = Params::default();
        params.add_normal("embedding", vocab, embd, 1.0, rng);
        let fan_in = (context * embd) as f32;
        params.add_normal("hidden", hidden, context * embd, 1.0 / fan_in.sqrt(), rng);
        params.add_zeros("hidden_bias", 1, hidden);
        params.add_normal("output", vocab, hidden, 0.1 / (hidden as f32).sqrt(), rng);
        params.add_zeros("output_bias", 1, vocab);
        ContextMlp {
            alphabet,
            context,
            embd,
            hidden,
            params,
        }
    }

    /// Number of parameters for given sizes (the live counter of lesson 3).
    pub fn count_params(vocab: usize, context: usize, embd: usize, hidden: usize) -> usize {
        vocab * embd + hidden * context * embd + hidden + vocab * hidden + vocab
    }

    /// The embedding of token `id`.
    pub fn embedding(&self, id: usize) -> &[f32] {
        self.params.matrices[EMB].row(id)
    }

    /// The `k` tokens before position `i` of `doc`, padded with `.` before the start.
    fn window(&self, doc: &[usize], i: usize, out: &mut Vec<usize>) {
        for back in (1..=self.context).rev() {
            out.push(if i >= back { doc[i - back] } else { BOUNDARY });
        }
    }

    fn scores(&self, tape: &mut Tape, vars: &[Var], ids: &[usize]) -> Var {
        let x = tape.gather(vars[EMB], ids, self.context);
        let h = tape.linear(x, vars[W1]);
        let h = tape.add_bias(h, vars[B1]);
        let h = tape.tanh(h);
        let y = tape.linear(h, vars[W2]);
        tape.add_bias(y, vars[B2])
    }
}

impl Model for ContextMlp {
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
        let mut ids = Vec::new();
        let mut targets = Vec::new();
        for doc in docs {
            // doc[0] is the start mark, which the padding already stands for.
            for i in 1..doc.len() {
                self.window(&doc[1..], i - 1, &mut ids);
                targets.push(doc[i]);
            }
        }
        if targets.is_empty() {
            return None;
        }
        let logits = self.scores(tape, vars, &ids);
        Some(tape.cross_entropy(logits, &targets))
    }

    fn next_logits(&self, tape: &mut Tape, context: &[usize]) -> Vec<f32> {
        let letters = context.strip_prefix(&[BOUNDARY]).unwrap_or(context);
        let mut ids = Vec::with_capacity(self.context);
        self.window(letters, letters.len(), &mut ids);
        tape.clear();
        let mut vars = Vec::new();
        self.params.load_into(tape, &mut vars);
        let y = self.scores(tape, &vars, &ids);
        tape.value(y).to_vec()
    }
}
