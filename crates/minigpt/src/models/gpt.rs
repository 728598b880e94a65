//! The GPT of microgpt.py (Karpathy, 2026), step by step:
//! token + position embeddings → rmsnorm → [rmsnorm → causal multi-head attention → + residual
//! → rmsnorm → MLP (ReLU, 4×) → + residual] × n_layer → lm_head scores.
//! No biases; every matrix starts from N(0, 0.08²).

use super::{positions, Model};
use crate::autograd::{Tape, Var};
use crate::params::Params;
use crate::vocab::VOCAB_SIZE;
use rand::Rng;

/// The size of a GPT. Defaults are microgpt's: 4,192 parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Config {
    pub vocab: usize,
    pub n_embd: usize,
    pub n_head: usize,
    pub n_layer: usize,
    pub block_size: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            vocab: VOCAB_SIZE,
            n_embd: 16,
            n_head: 4,
            n_layer: 1,
            block_size: 16,
        }
    }
}

/// Why a configuration cannot be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Vocab(usize),
    ZeroSize,
    HeadsDontDivide { n_embd: usize, n_head: usize },
    TooBig,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Vocab(v) => write!(f, "vocabulary must be {VOCAB_SIZE} tokens, not {v}"),
            ConfigError::ZeroSize => write!(f, "every size must be at least 1"),
            ConfigError::HeadsDontDivide { n_embd, n_head } => write!(f, "n_embd {n_embd} is not a multiple of n_head {n_head}"),
            ConfigError::TooBig => write!(f, "model too big for this trainer (n_embd ≤ 256, n_head ≤ 16, n_layer ≤ 8, block ≤ 64)"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.vocab != VOCAB_SIZE {
            return Err(ConfigError::Vocab(self.vocab));
        }
        if [self.n_embd, self.n_head, self.n_layer, self.block_size].contains(&0) {
            return Err(ConfigError::ZeroSize);
        }
        if !self.n_embd.is_multiple_of(self.n_head) {
            return Err(ConfigError::HeadsDontDivide {
                n_embd: self.n_embd,
                n_head: self.n_head,
            });
        }
        if self.n_embd > 256 || self.n_head > 16 || self.n_layer > 8 || self.block_size > 64 {
            return Err(ConfigError::TooBig);
        }
        Ok(())
    }

    /// Number of parameters: embeddings, lm_head, and 12·n_embd² per layer
    /// (4 attention matrices + an MLP of 4× width).
    pub fn param_count(&self) -> usize {
        let e = self.n_embd;
        2 * self.vocab * e + self.block_size * e + self.n_layer * 12 * e * e
    }
}

/// Everything the forward pass computed for one input, for the pictures of lessons 4-5.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub tokens: Vec<usize>,
    /// Per position: the token's embedding, the position's embedding, and their normalised sum.
    pub token_embedding: Vec<Vec<f32>>,
    pub position_embedding: Vec<Vec<f32>>,
    pub embedding_sum: Vec<Vec<f32>>,
    /// [layer][head][position][looked-at position] attention weights (0 for the future).
    pub attention: Vec<Vec<Vec<Vec<f32>>>>,
    /// [layer][position] the block's output after attention + residual.
    pub after_attention: Vec<Vec<Vec<f32>>>,
    /// [layer][position] the MLP's hidden ReLU activations.
    pub mlp_hidden: Vec<Vec<Vec<f32>>>,
    /// [layer][position] the block's output after MLP + residual.
    pub after_mlp: Vec<Vec<Vec<f32>>>,
    /// Per position: the 27 scores and their softmax.
    pub logits: Vec<Vec<f32>>,
    pub probs: Vec<Vec<f32>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gpt {
    pub config: Config,
    pub params: Params,
}

const WTE: usize = 0;
const WPE: usize = 1;
const LM_HEAD: usize = 2;
const PER_LAYER: usize = 6;
const WQ: usize = 0;
const WK: usize = 1;
const WV: usize = 2;
const WO: usize = 3;
const FC1: usize = 4;
const FC2: usize = 5;

/// microgpt's initial standard deviation.
pub const INIT_STD: f32 = 0.08;

/// Vars of one layer's intermediate results, for the trace.
struct LayerVars {
    attention: Var,
    after_attention: Var,
    mlp_hidden: Var,
    after_mlp: Var,
}

impl Gpt {
    pub fn new(config: Config, rng: &mut impl Rng) -> Result<Self, ConfigError> {
        config.validate()?;
        let (v, e) = (config.vocab, config.n_embd);
        let mut params = Params::default();
        params.add_normal("wte", v, e, INIT_STD, rng);
        params.add_normal("wpe", config.block_size, e, INIT_STD, rng);
        params.add_normal("lm_head", v, e, INIT_STD, rng);
        for l in 0..config.n_layer {
            for name in ["attn_wq", "attn_wk", "attn_wv", "attn_wo"] {
                params.add_normal(&format!("layer{l}.{name}"), e, e, INIT_STD, rng);
            }
            params.add_normal(&format!("layer{l}.mlp_fc1"), 4 * e, e, INIT_STD, rng);
            params.add_normal(&format!("layer{l}.mlp_fc2"), e, 4 * e, INIT_STD, rng);
        }
        Ok(Gpt { config, params })
    }

    /// Checks that `params` have exactly the matrices this config needs (used when loading).
    pub fn from_parts(config: Config, params: Params) -> Result<Self, String> {
        config.validate().map_err(|e| e.to_string())?;
        let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(0);
        let expected = Gpt::new(config, &mut rng).map_err(|e| e.to_string())?;
        if expected.params.matrices.len() != params.matrices.len() {
            return Err(format!(
                "expected {} matrices, found {}",
                expected.params.matrices.len(),
                params.matrices.len()
            ));
        }
        for (want, got) in expected.params.matrices.iter().zip(&params.matrices) {
            if want.name != got.name
                || want.rows != got.rows
                || want.cols != got.cols
                || got.data.len() != got.rows * got.cols
            {
                return Err(format!(
                    "matrix {} does not have the expected shape {}×{}",
                    got.name, want.rows, want.cols
                ));
            }
        }
        if !params.all_finite() {
            return Err("a parameter is not a finite number".into());
        }
        Ok(Gpt { config, params })
    }

    /// The forward pass on at most `block_size` tokens; returns the logits (T×27).
    fn forward(
        &self,
        tape: &mut Tape,
        vars: &[Var],
        tokens: &[usize],
        mut layers: Option<&mut Vec<LayerVars>>,
    ) -> (Var, Var, Var, Var) {
        let c = self.config;
        let t = tokens.len();
        debug_assert!(t <= c.block_size);
        let tok = tape.gather(vars[WTE], tokens, 1);
        let pos_ids: [usize; 64] = std::array::from_fn(|i| i);
        let pos = tape.gather(vars[WPE], &pos_ids[..t], 1);
        let sum = tape.add(tok, pos);
        let mut x = tape.rmsnorm(sum);
        let emb = x;
        for l in 0..c.n_layer {
            let w = &vars[3 + l * PER_LAYER..][..PER_LAYER];
            let h = tape.rmsnorm(x);
            let q = tape.linear(h, w[WQ]);
            let k = tape.linear(h, w[WK]);
            let v = tape.linear(h, w[WV]);
            let attention = tape.attention(q, k, v, c.n_head);
            let projected = tape.linear(attention, w[WO]);
            x = tape.add(projected, x);
            let after_attention = x;
            let h = tape.rmsnorm(x);
            let h = tape.linear(h, w[FC1]);
            let mlp_hidden = tape.relu(h);
            let out = tape.linear(mlp_hidden, w[FC2]);
            x = tape.add(out, x);
            if let Some(layers) = layers.as_deref_mut() {
                layers.push(LayerVars {
                    attention,
                    after_attention,
                    mlp_hidden,
                    after_mlp: x,
                });
            }
        }
        (tape.linear(x, vars[LM_HEAD]), tok, pos, emb)
    }

    /// The last `block_size` tokens of `context` (the window slides past the block size).
    fn window<'a>(&self, context: &'a [usize]) -> &'a [usize] {
        &context[context.len().saturating_sub(self.config.block_size)..]
    }

    /// Runs the model on `tokens` (e.g. ".pik") and keeps every intermediate result.
    pub fn trace(&self, tokens: &[usize]) -> Trace {
        let tokens = self.window(tokens);
        let mut tape = Tape::new();
        let mut vars = Vec::new();
        self.params.load_into(&mut tape, &mut vars);
        let mut layers = Vec::new();
        if tokens.is_empty() {
            return Trace::default();
        }
        let (logits, tok, pos, emb) = self.forward(&mut tape, &vars, tokens, Some(&mut layers));
        let rows = |tape: &Tape, v: Var| -> Vec<Vec<f32>> {
            let cols = tape.shape(v).1;
            tape.value(v)
                .chunks_exact(cols)
                .map(<[f32]>::to_vec)
                .collect()
        };
        let t = tokens.len();
        let probs = rows(&tape, logits)
            .into_iter()
            .map(|row| {
                let mut p = vec![0.0; row.len()];
                crate::autograd::softmax_into(&row, &mut p);
                p
            })
            .collect();
        Trace {
            tokens: tokens.to_vec(),
            token_embedding: rows(&tape, tok),
            position_embedding: rows(&tape, pos),
            embedding_sum: rows(&tape, emb),
            attention: layers
                .iter()
                .map(|l| {
                    tape.aux(l.attention)
                        .chunks_exact(t * t)
                        .map(|head| head.chunks_exact(t).map(<[f32]>::to_vec).collect())
                        .collect()
                })
                .collect(),
            after_attention: layers
                .iter()
                .map(|l| rows(&tape, l.after_attention))
                .collect(),
            mlp_hidden: layers.iter().map(|l| rows(&tape, l.mlp_hidden)).collect(),
            after_mlp: layers.iter().map(|l| rows(&tape, l.after_mlp)).collect(),
            logits: rows(&tape, logits),
            probs,
        }
    }
}

impl Model for Gpt {
    fn params(&self) -> &Params {
        &self.params
    }
    fn params_mut(&mut self) -> &mut Params {
        &mut self.params
    }

    /// Like microgpt, a name longer than the block is cropped to its first `block_size` targets.
    fn loss(&self, tape: &mut Tape, vars: &[Var], docs: &[&[usize]]) -> Option<Var> {
        let total: usize = docs
            .iter()
            .map(|d| positions(d).min(self.config.block_size))
            .sum();
        let mut loss: Option<Var> = None;
        for doc in docs {
            let n = positions(doc).min(self.config.block_size);
            if n == 0 {
                continue;
            }
            let (logits, ..) = self.forward(tape, vars, &doc[..n], None);
            let mut l = tape.cross_entropy(logits, &doc[1..=n]);
            if docs.len() > 1 {
                // Weight by letters so the batch loss is the mean per letter.
                l = tape.scale(l, n as f32 / total as f32);
            }
            loss = Some(match loss {
                None => l,
                Some(acc) => tape.add(acc, l),
            });
        }
        loss
    }

    fn next_logits(&self, tape: &mut Tape, context: &[usize]) -> [f32; VOCAB_SIZE] {
        let tokens = self.window(context);
        let mut out = [0.0; VOCAB_SIZE];
        if tokens.is_empty() {
            return out;
        }
        tape.clear();
        let mut vars = Vec::new();
        self.params.load_into(tape, &mut vars);
        let (logits, ..) = self.forward(tape, &vars, tokens, None);
        let v = tape.value(logits);
        out.copy_from_slice(&v[v.len() - VOCAB_SIZE..]);
        out
    }
}
