//! The training loop, cut into small pieces: `advance(n)` runs n steps and returns, so a web
//! page can redraw its loss curve between two pieces.

use crate::autograd::{Tape, Var};
use crate::models::Model;
use crate::optim::{Optimizer, OptimizerKind};
use crate::vocab::encode_name;

/// A loss above this means the model is lost (it gives the right letter a probability
/// below e^-100): we call it a divergence, like a non-number.
pub const DIVERGENCE_LOSS: f32 = 100.0;

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrainConfig {
    /// Total number of steps (the learning rate decays to 0 at the last one if `lr_decay`).
    pub steps: usize,
    pub lr: f32,
    pub optimizer: OptimizerKind,
    pub lr_decay: bool,
    /// Names per step (1 = microgpt; the number of names = full-batch gradient descent).
    pub batch_size: usize,
}

impl Default for TrainConfig {
    /// microgpt: 1000 steps of Adam, lr 0.01 decaying linearly to 0, one name per step.
    fn default() -> Self {
        TrainConfig {
            steps: 1000,
            lr: 0.01,
            optimizer: OptimizerKind::Adam,
            lr_decay: true,
            batch_size: 1,
        }
    }
}

/// Where the training stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// More steps to go.
    Running,
    /// All `steps` done.
    Finished,
    /// The loss (or a parameter) became too large or not a number at `step`: the model is lost
    /// and training stops; `reset` starts again.
    Diverged { step: usize, loss: f32 },
}

/// Why a trainer cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// No name holds a letter to learn from.
    NoData,
    /// The learning rate is not a positive number.
    BadLearningRate(f32),
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::NoData => write!(f, "no name to learn from"),
            TrainError::BadLearningRate(lr) => {
                write!(f, "learning rate must be a positive number, not {lr}")
            }
        }
    }
}

impl std::error::Error for TrainError {}

pub struct Trainer<M: Model> {
    model: M,
    initial: M,
    config: TrainConfig,
    docs: Vec<Vec<usize>>,
    optimizer: Optimizer,
    step: usize,
    losses: Vec<f32>,
    status: Status,
    tokens_seen: usize,
    tape: Tape,
    vars: Vec<Var>,
}

impl<M: Model> Trainer<M> {
    /// `names` are clean names (a-z), in the order they will be visited (shuffle them first).
    pub fn new<S: AsRef<str>>(
        model: M,
        names: &[S],
        config: TrainConfig,
    ) -> Result<Self, TrainError> {
        let docs: Vec<Vec<usize>> = names
            .iter()
            .map(|n| encode_name(n.as_ref()))
            .filter(|d| d.len() > 2)
            .collect();
        if docs.is_empty() {
            return Err(TrainError::NoData);
        }
        if !(config.lr > 0.0 && config.lr.is_finite()) {
            return Err(TrainError::BadLearningRate(config.lr));
        }
        let config = TrainConfig {
            batch_size: config.batch_size.clamp(1, docs.len()),
            ..config
        };
        Ok(Trainer {
            optimizer: Optimizer::new(config.optimizer, model.params()),
            initial: model.clone(),
            model,
            config,
            docs,
            step: 0,
            losses: Vec::with_capacity(config.steps),
            status: if config.steps == 0 {
                Status::Finished
            } else {
                Status::Running
            },
            tokens_seen: 0,
            tape: Tape::new(),
            vars: Vec::new(),
        })
    }

    pub fn model(&self) -> &M {
        &self.model
    }
    pub fn config(&self) -> &TrainConfig {
        &self.config
    }
    pub fn step(&self) -> usize {
        self.step
    }
    pub fn status(&self) -> Status {
        self.status
    }
    /// The training loss of every step done so far.
    pub fn losses(&self) -> &[f32] {
        &self.losses
    }
    /// (input, target) positions trained so far: the "letters" of the speed counter.
    pub fn tokens_seen(&self) -> usize {
        self.tokens_seen
    }
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    /// Learning rate of the current step (linear decay to 0, like microgpt).
    pub fn current_lr(&self) -> f32 {
        if self.config.lr_decay {
            self.config.lr * (1.0 - self.step as f32 / self.config.steps.max(1) as f32)
        } else {
            self.config.lr
        }
    }

    /// Runs up to `n` steps (fewer if training ends or diverges) and says where it stands.
    pub fn advance(&mut self, n: usize) -> Status {
        for _ in 0..n {
            if self.status != Status::Running {
                break;
            }
            self.status = self.one_step();
        }
        self.status
    }

    fn one_step(&mut self) -> Status {
        let b = self.config.batch_size;
        let start = self.step * b;
        let docs = &self.docs;
        let pick = |i: usize| docs[(start + i) % docs.len()].as_slice();
        // One name per step (microgpt) needs no list: keep the hot path free of allocation.
        let single;
        let several: Vec<&[usize]>;
        let batch: &[&[usize]] = if b == 1 {
            single = [pick(0)];
            &single
        } else {
            several = (0..b).map(pick).collect();
            &several
        };
        self.tape.clear();
        self.model
            .params()
            .load_into(&mut self.tape, &mut self.vars);
        let Some(loss_var) = self.model.loss(&mut self.tape, &self.vars, batch) else {
            return Status::Diverged {
                step: self.step,
                loss: f32::NAN,
            };
        };
        let loss = self.tape.scalar(loss_var);
        if !loss.is_finite() || loss > DIVERGENCE_LOSS {
            return Status::Diverged {
                step: self.step,
                loss,
            };
        }
        self.tape.backward(loss_var);
        let lr = self.current_lr();
        if !self
            .optimizer
            .step(self.model.params_mut(), &self.tape, &self.vars, lr)
        {
            return Status::Diverged {
                step: self.step,
                loss: f32::INFINITY,
            };
        }
        self.losses.push(loss);
        self.tokens_seen += batch.iter().map(|d| d.len() - 1).sum::<usize>();
        self.step += 1;
        if self.step >= self.config.steps {
            Status::Finished
        } else {
            Status::Running
        }
    }

    /// Back to the model as it was before training, same data, same settings.
    pub fn reset(&mut self) {
        self.model = self.initial.clone();
        self.optimizer = Optimizer::new(self.config.optimizer, self.model.params());
        self.step = 0;
        self.losses.clear();
        self.tokens_seen = 0;
        self.status = if self.config.steps == 0 {
            Status::Finished
        } else {
            Status::Running
        };
    }
}

/// Mean loss per letter of `model` on `names` (no training): the eval loss.
pub fn eval_loss<M: Model, S: AsRef<str>>(model: &M, names: &[S]) -> Option<f32> {
    let mut tape = Tape::new();
    let mut vars = Vec::new();
    let (mut sum, mut count) = (0.0f64, 0usize);
    for name in names {
        let doc = encode_name(name.as_ref());
        tape.clear();
        model.params().load_into(&mut tape, &mut vars);
        if let Some(l) = model.loss(&mut tape, &vars, &[&doc]) {
            // The loss is a mean over the doc's (possibly cropped) positions: weigh it back.
            let n = trained_positions(model, &doc);
            sum += tape.scalar(l) as f64 * n as f64;
            count += n;
        }
    }
    (count > 0).then(|| (sum / count as f64) as f32)
}

fn trained_positions<M: Model>(model: &M, doc: &[usize]) -> usize {
    let n = doc.len() - 1;
    // Only the GPT crops to its block; its parameter "wpe" has one row per position.
    match model.params().get("wpe") {
        Some(wpe) => n.min(wpe.rows),
        None => n,
    }
}
