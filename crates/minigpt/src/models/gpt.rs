//! The GPT of microgpt.py (Karpathy, 2026), step by step:
//! token + position embeddings → rmsnorm → [rmsnorm → causal multi-head attention → + residual
//! → rmsnorm → MLP (ReLU, 4×) → + residual] × n_layer → lm_head scores.
//! No biases; every matrix starts from N(0, 0.08²).
//!
//! A batch of names is packed into one tall matrix (one row per letter, each name its own
//! segment for the attention): every matrix product then serves the whole batch at once.

use super::Model;
use crate::autograd::{nll_sum, Tape, Var};
use crate::params::{Matrix, Params};
use crate::vocab::Alphabet;
use rand::Rng;
use std::ops::Range;

/// The size of a GPT. Defaults are microgpt's: 4,192 parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Config {
    /// Number of tokens: always `alphabet.size()` (kept in files for readers of the JSON).
    pub vocab: usize,
    pub n_embd: usize,
    pub n_head: usize,
    pub n_layer: usize,
    pub block_size: usize,
    /// Files written before the extended alphabet have none: they are `Letters`.
    #[serde(default)]
    pub alphabet: Alphabet,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            vocab: Alphabet::Letters.size(),
            n_embd: 16,
            n_head: 4,
            n_layer: 1,
            block_size: 16,
            alphabet: Alphabet::Letters,
        }
    }
}

/// Why a configuration cannot be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Vocab { vocab: usize, alphabet: Alphabet },
    ZeroSize,
    HeadsDontDivide { n_embd: usize, n_head: usize },
    TooBig,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Vocab { vocab, alphabet } => write!(
                f,
                "vocabulary must be {} tokens for the {} alphabet, not {vocab}",
                alphabet.size(),
                alphabet.key()
            ),
            ConfigError::ZeroSize => write!(f, "every size must be at least 1"),
            ConfigError::HeadsDontDivide { n_embd, n_head } => write!(f, "n_embd {n_embd} is not a multiple of n_head {n_head}"),
            ConfigError::TooBig => write!(f, "model too big for this trainer (n_embd ≤ 256, n_head ≤ 16, n_layer ≤ 8, block ≤ 64)"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The phase-2 model (the course's step to code): 4 layers, cards of 64 numbers, 4 heads,
    /// context 32; 202,112 parameters with 27 tokens.
    pub fn phase2() -> Config {
        Config {
            n_embd: 64,
            n_head: 4,
            n_layer: 4,
            block_size: 32,
            ..Config::default()
        }
    }

    /// The phase-2 model for sentences: the extended alphabet (46 tokens) and a context of 64,
    /// the most this trainer allows: 95 % of the « Proverbes » fit whole (55 characters at most,
    /// with the start and end tokens 57); the 7 longer ones (up to 81) are learned up to their
    /// 64th character. 206,592 parameters.
    pub fn phase2_sentences() -> Config {
        Config {
            block_size: 64,
            ..Config::phase2()
        }
        .with_alphabet(Alphabet::Extended)
    }

    /// The default size, reading and writing `alphabet`.
    pub fn with_alphabet(self, alphabet: Alphabet) -> Config {
        Config {
            vocab: alphabet.size(),
            alphabet,
            ..self
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.vocab != self.alphabet.size() {
            return Err(ConfigError::Vocab {
                vocab: self.vocab,
                alphabet: self.alphabet,
            });
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
    /// (4 attention matrices of n_embd² + an MLP of two n_embd × 4·n_embd matrices).
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
    /// Per position: the scores of every token and their softmax.
    pub logits: Vec<Vec<f32>>,
    pub probs: Vec<Vec<f32>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gpt {
    pub config: Config,
    pub params: Params,
}

/// microgpt's initial standard deviation.
pub const INIT_STD: f32 = 0.08;

/// The weights of one layer, as loaded on the tape.
#[derive(Clone, Copy, Debug)]
pub struct LayerWeights {
    pub wq: Var,
    pub wk: Var,
    pub wv: Var,
    pub wo: Var,
    pub fc1: Var,
    pub fc2: Var,
}

/// Every weight of the GPT, as loaded on the tape, by name.
#[derive(Clone, Debug)]
pub struct Weights {
    pub wte: Var,
    pub wpe: Var,
    pub lm_head: Var,
    pub layers: Vec<LayerWeights>,
}

/// One matrix of the GPT: what it is for. `Config::layout` lists them in their one order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Token embeddings: one card of `n_embd` numbers per letter.
    Wte,
    /// Position embeddings: one card per place in the context.
    Wpe,
    /// The final scores: one row per letter.
    LmHead,
    /// Layer `l`'s attention: queries, keys, values, output projection.
    Wq(usize),
    Wk(usize),
    Wv(usize),
    Wo(usize),
    /// Layer `l`'s MLP: widen to 4·n_embd, then back.
    Fc1(usize),
    Fc2(usize),
}

impl Role {
    /// The matrix's name in saved files (microgpt's names).
    pub fn name(self) -> String {
        match self {
            Role::Wte => "wte".into(),
            Role::Wpe => "wpe".into(),
            Role::LmHead => "lm_head".into(),
            Role::Wq(l) => format!("layer{l}.attn_wq"),
            Role::Wk(l) => format!("layer{l}.attn_wk"),
            Role::Wv(l) => format!("layer{l}.attn_wv"),
            Role::Wo(l) => format!("layer{l}.attn_wo"),
            Role::Fc1(l) => format!("layer{l}.mlp_fc1"),
            Role::Fc2(l) => format!("layer{l}.mlp_fc2"),
        }
    }
}

/// A matrix's place in the layout: its role and its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub role: Role,
    pub rows: usize,
    pub cols: usize,
}

impl Config {
    /// Every matrix of the GPT in its one order: the order `Gpt::new` draws them in (which the
    /// golden tests fix), `Weights` names them in, files save them in and the workers send
    /// them in (all the numbers one matrix after the other). Allocates nothing.
    pub fn layout(&self) -> impl Iterator<Item = Slot> {
        let (v, e, b) = (self.vocab, self.n_embd, self.block_size);
        let slot = |role, rows, cols| Slot { role, rows, cols };
        let embeddings = [
            slot(Role::Wte, v, e),
            slot(Role::Wpe, b, e),
            slot(Role::LmHead, v, e),
        ];
        let layers = (0..self.n_layer).flat_map(move |l| {
            [
                slot(Role::Wq(l), e, e),
                slot(Role::Wk(l), e, e),
                slot(Role::Wv(l), e, e),
                slot(Role::Wo(l), e, e),
                slot(Role::Fc1(l), 4 * e, e),
                slot(Role::Fc2(l), e, 4 * e),
            ]
        });
        embeddings.into_iter().chain(layers)
    }
}

impl Weights {
    /// Names the vars that `Params::load_into` put on the tape, by the roles of the layout.
    pub fn new(vars: &[Var], config: &Config) -> Weights {
        let blank = vars[0];
        let mut w = Weights {
            wte: blank,
            wpe: blank,
            lm_head: blank,
            layers: Vec::new(),
        };
        let no_layer = LayerWeights {
            wq: blank,
            wk: blank,
            wv: blank,
            wo: blank,
            fc1: blank,
            fc2: blank,
        };
        w.layers = vec![no_layer; config.n_layer];
        for (slot, &var) in config.layout().zip(vars) {
            match slot.role {
                Role::Wte => w.wte = var,
                Role::Wpe => w.wpe = var,
                Role::LmHead => w.lm_head = var,
                Role::Wq(l) => w.layers[l].wq = var,
                Role::Wk(l) => w.layers[l].wk = var,
                Role::Wv(l) => w.layers[l].wv = var,
                Role::Wo(l) => w.layers[l].wo = var,
                Role::Fc1(l) => w.layers[l].fc1 = var,
                Role::Fc2(l) => w.layers[l].fc2 = var,
            }
        }
        w
    }
}

/// Names packed one after the other for one forward pass.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub tokens: Vec<usize>,
    /// Each row's place in its own name (for the position embeddings).
    pub positions: Vec<usize>,
    /// The letter each row must predict.
    pub targets: Vec<usize>,
    /// The rows of each name.
    pub segments: Vec<Range<usize>>,
}

impl Batch {
    /// Adds the first `n` inputs of `doc` (and their targets when the doc has them).
    fn push(&mut self, doc: &[usize], n: usize) {
        let start = self.tokens.len();
        self.tokens.extend_from_slice(&doc[..n]);
        self.positions.extend(0..n);
        if doc.len() > n {
            self.targets.extend_from_slice(&doc[1..=n]);
        }
        self.segments.push(start..start + n);
    }
}

/// Vars of one layer's intermediate results, for the trace.
struct LayerVars {
    attention: Var,
    after_attention: Var,
    mlp_hidden: Var,
    after_mlp: Var,
}

/// What the forward pass returns: the scores, and a few inputs the trace shows.
struct Forward {
    logits: Var,
    tok: Var,
    pos: Var,
    emb: Var,
}

impl Gpt {
    pub fn new(config: Config, rng: &mut impl Rng) -> Result<Self, ConfigError> {
        config.validate()?;
        let mut params = Params::default();
        for slot in config.layout() {
            params.add_normal(&slot.role.name(), slot.rows, slot.cols, INIT_STD, rng);
        }
        Ok(Gpt { config, params })
    }

    /// The model of `config` whose numbers are `flat`, all the matrices one after the other in
    /// the layout's order (as `flat_params` writes them): how models travel to and from workers.
    pub fn from_flat(config: Config, flat: &[f32]) -> Option<Gpt> {
        config.validate().ok()?;
        if flat.len() != config.param_count() {
            return None;
        }
        let mut params = Params::default();
        let mut at = 0;
        for slot in config.layout() {
            let n = slot.rows * slot.cols;
            params.matrices.push(Matrix {
                name: slot.role.name(),
                rows: slot.rows,
                cols: slot.cols,
                data: flat[at..at + n].to_vec(),
            });
            at += n;
        }
        Some(Gpt { config, params })
    }

    /// All the numbers, matrix after matrix in the layout's order.
    pub fn flat_params(&self) -> Vec<f32> {
        self.params.flat()
    }

    /// Checks that `params` have exactly the matrices this config needs (used when loading).
    pub fn from_parts(config: Config, params: Params) -> Result<Self, String> {
        config.validate().map_err(|e| e.to_string())?;
        let layout: Vec<Slot> = config.layout().collect();
        if layout.len() != params.matrices.len() {
            return Err(format!(
                "expected {} matrices, found {}",
                layout.len(),
                params.matrices.len()
            ));
        }
        for (want, got) in layout.iter().zip(&params.matrices) {
            if want.role.name() != got.name
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

    /// Packs `docs` (each cropped to the block) into one batch.
    fn pack(&self, docs: &[&[usize]]) -> Batch {
        let mut batch = Batch::default();
        for doc in docs {
            let n = self.trained_positions(doc);
            if n > 0 {
                batch.push(doc, n);
            }
        }
        batch
    }

    /// The forward pass on a packed batch (each name at most `block_size` rows).
    fn forward(
        &self,
        tape: &mut Tape,
        w: &Weights,
        batch: &Batch,
        mut layers: Option<&mut Vec<LayerVars>>,
    ) -> Forward {
        let c = self.config;
        let tok = tape.gather(w.wte, &batch.tokens, 1);
        let pos = tape.gather(w.wpe, &batch.positions, 1);
        let sum = tape.add(tok, pos);
        let mut x = tape.rmsnorm(sum);
        let emb = x;
        for layer in &w.layers {
            let h = tape.rmsnorm(x);
            let q = tape.linear(h, layer.wq);
            let k = tape.linear(h, layer.wk);
            let v = tape.linear(h, layer.wv);
            let attention = tape.attention(q, k, v, c.n_head, &batch.segments);
            let projected = tape.linear(attention, layer.wo);
            x = tape.add(projected, x);
            let after_attention = x;
            let h = tape.rmsnorm(x);
            let h = tape.linear(h, layer.fc1);
            let mlp_hidden = tape.relu(h);
            let out = tape.linear(mlp_hidden, layer.fc2);
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
        Forward {
            logits: tape.linear(x, w.lm_head),
            tok,
            pos,
            emb,
        }
    }

    /// Loads the parameters on a cleared tape and names them.
    fn load(&self, tape: &mut Tape) -> Weights {
        tape.clear();
        let mut vars = Vec::new();
        self.params.load_into(tape, &mut vars);
        Weights::new(&vars, &self.config)
    }

    /// The last `block_size` tokens of `context` (the window slides past the block size).
    fn window<'a>(&self, context: &'a [usize]) -> &'a [usize] {
        &context[context.len().saturating_sub(self.config.block_size)..]
    }

    /// Runs the model on `tokens` (e.g. ".pik") and keeps every intermediate result.
    pub fn trace(&self, tokens: &[usize]) -> Trace {
        let tokens = self.window(tokens);
        if tokens.is_empty() {
            return Trace::default();
        }
        let mut tape = Tape::new();
        let w = self.load(&mut tape);
        let mut batch = Batch::default();
        batch.push(tokens, tokens.len());
        let mut layers = Vec::new();
        let f = self.forward(&mut tape, &w, &batch, Some(&mut layers));
        let rows = |tape: &Tape, v: Var| -> Vec<Vec<f32>> {
            let cols = tape.shape(v).1;
            tape.value(v)
                .chunks_exact(cols)
                .map(<[f32]>::to_vec)
                .collect()
        };
        let t = tokens.len();
        let probs = rows(&tape, f.logits)
            .into_iter()
            .map(|row| {
                let mut p = vec![0.0; row.len()];
                crate::kernels::softmax_into(&row, &mut p);
                p
            })
            .collect();
        Trace {
            tokens: tokens.to_vec(),
            token_embedding: rows(&tape, f.tok),
            position_embedding: rows(&tape, f.pos),
            embedding_sum: rows(&tape, f.emb),
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
            logits: rows(&tape, f.logits),
            probs,
        }
    }
}

/// Names per forward pass when evaluating (no gradient: memory is the only limit).
const EVAL_BATCH: usize = 64;

impl Model for Gpt {
    fn params(&self) -> &Params {
        &self.params
    }
    fn params_mut(&mut self) -> &mut Params {
        &mut self.params
    }
    fn alphabet(&self) -> Alphabet {
        self.config.alphabet
    }

    /// Like microgpt, a name longer than the block is cropped to its first `block_size` targets.
    fn trained_positions(&self, doc: &[usize]) -> usize {
        doc.len().saturating_sub(1).min(self.config.block_size)
    }

    /// The mean loss per letter over the whole batch: one cross-entropy over all packed rows.
    fn loss(&self, tape: &mut Tape, vars: &[Var], docs: &[&[usize]]) -> Option<Var> {
        let batch = self.pack(docs);
        if batch.tokens.is_empty() {
            return None;
        }
        let w = Weights::new(vars, &self.config);
        let f = self.forward(tape, &w, &batch, None);
        Some(tape.cross_entropy(f.logits, &batch.targets))
    }

    /// Evaluates many names per forward pass; each name's mean is computed in the order the
    /// single-name loss uses, so the result has the same bits.
    fn nll(&self, tape: &mut Tape, docs: &[&[usize]]) -> (f64, usize) {
        let (mut sum, mut count) = (0.0f64, 0usize);
        let vocab = self.config.vocab;
        let mut probs = Vec::new();
        for chunk in docs.chunks(EVAL_BATCH) {
            let batch = self.pack(chunk);
            if batch.tokens.is_empty() {
                continue;
            }
            let w = self.load(tape);
            let f = self.forward(tape, &w, &batch, None);
            let logits = tape.value(f.logits);
            for seg in &batch.segments {
                let n = seg.len();
                probs.resize(n * vocab, 0.0);
                let total = nll_sum(
                    &logits[seg.start * vocab..seg.end * vocab],
                    vocab,
                    &batch.targets[seg.clone()],
                    &mut probs,
                );
                sum += (total / n as f32) as f64 * n as f64;
                count += n;
            }
        }
        (sum, count)
    }

    fn next_logits(&self, tape: &mut Tape, context: &[usize]) -> Vec<f32> {
        let tokens = self.window(context);
        let vocab = self.config.vocab;
        if tokens.is_empty() {
            return vec![0.0; vocab];
        }
        let w = self.load(tape);
        let mut batch = Batch::default();
        batch.push(tokens, tokens.len());
        let f = self.forward(tape, &w, &batch, None);
        let v = tape.value(f.logits);
        v[v.len() - vocab..].to_vec()
    }
}
