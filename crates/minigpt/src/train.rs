//! The training loop, cut into small pieces: `advance(n)` runs n steps and returns, so a web
//! page can redraw its loss curve between two pieces.

use crate::autograd::{Tape, Var};
use crate::models::Model;
use crate::optim::{Optimizer, OptimizerKind};
use crate::parallel;

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
    /// Keep the last 10 % of the names (at most 1,000) aside, never trained on, to measure the
    /// loss on names the model never saw (`Trainer::test_loss`).
    #[serde(default)]
    pub test_split: bool,
}

/// Losses reserved up front (a run of 10^10 steps must not ask for 40 GB before its first step).
const MAX_RESERVED_LOSSES: usize = 100_000;

/// The held-out part of the names: 10 %, at most this many.
pub const MAX_TEST_NAMES: usize = 1000;

/// How many of `n` names the held-out split keeps aside: 10 %, at least 1, at most 1,000.
pub fn held_out_count(n: usize) -> usize {
    ((n as f32 * 0.1).round() as usize).clamp(1, MAX_TEST_NAMES)
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
            test_split: false,
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

/// A step is shared between the cores (one part of the batch each) when it has at least this
/// many names and this much work (parameters × letters): smaller steps — every lesson's — are
/// not worth the threads' meeting, and stay exactly as they would run in the browser.
pub const SPLIT_BATCH: usize = 8;
pub const SPLIT_WORK: usize = 4_000_000;

/// One core's share of a training step: its own tape, with the parameters loaded on it.
#[derive(Clone, Debug, Default)]
struct PartTape {
    tape: Tape,
    vars: Vec<Var>,
    /// This part's loss, weighted by its share of the letters (the parts' losses add up to the
    /// batch's mean loss, and so do their gradients).
    loss: Option<Var>,
}

/// A run at one step: its model's numbers, the optimiser's memory and the losses so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checkpoint {
    pub step: usize,
    pub tokens_seen: usize,
    pub params: Vec<f32>,
    pub optimizer: crate::optim::OptimizerState,
    pub losses: Vec<f32>,
}

/// What a part of a step needs to know: the model, the names and how the step is cut.
#[derive(Clone, Copy)]
struct PartJob<'a, M> {
    model: &'a M,
    docs: &'a [Vec<usize>],
    batch_size: usize,
    step: usize,
    parts: usize,
    /// The letters of the whole step (each part's loss weighs its share of them).
    positions: usize,
}

/// Adds a part's gradient to the sum: parts are always added in the order of their number,
/// so a step has the same bits on one machine's threads or in several browser workers.
pub fn add_gradient(part: &[f32], sum: &mut [f32]) {
    crate::kernels::axpy(1.0, part, sum);
}

/// The divergence check then the optimiser's step: `Err(loss)` if the model is lost.
fn descend<M: Model>(
    model: &mut M,
    optimizer: &mut Optimizer,
    lr: f32,
    loss: f32,
    grads: &[&[f32]],
) -> Result<(), f32> {
    if !loss.is_finite() || loss > DIVERGENCE_LOSS {
        return Err(loss);
    }
    if !optimizer.step(model.params_mut(), grads, lr) {
        return Err(f32::INFINITY);
    }
    Ok(())
}

pub struct Trainer<M: Model> {
    model: M,
    initial: M,
    config: TrainConfig,
    docs: Vec<Vec<usize>>,
    test_docs: Vec<Vec<usize>>,
    optimizer: Optimizer,
    step: usize,
    losses: Vec<f32>,
    status: Status,
    tokens_seen: usize,
    /// One per part of a big step; results depend on their number, never on timing.
    part_tapes: Vec<PartTape>,
    /// How many parts a big step is cut into (natively the cores, in the browser the workers).
    parts: usize,
    /// Where the parts' gradients are added up, one buffer per parameter matrix.
    grad_sum: Vec<Vec<f32>>,
}

impl<M: Model> Trainer<M> {
    /// `names` are clean names written in the model's alphabet, in the order they will be
    /// visited (shuffle them first). With `test_split`, the last 10 % (at most 1,000) are kept
    /// aside and never trained on.
    pub fn new<S: AsRef<str>>(
        model: M,
        names: &[S],
        config: TrainConfig,
    ) -> Result<Self, TrainError> {
        let kept: Vec<&str> = names
            .iter()
            .map(|n| n.as_ref())
            .filter(|n| model.alphabet().encode_name(n).len() > 2)
            .collect();
        let n_test = if config.test_split && kept.len() >= 2 {
            held_out_count(kept.len())
        } else {
            0
        };
        let (train, test) = kept.split_at(kept.len() - n_test);
        Self::with_held_out(model, train, test, config)
    }

    /// Trains on `train` and measures `test_loss` on `held_out` (never trained on), whatever
    /// `test_split` says: for comparing runs on the very same unseen names.
    pub fn with_held_out<S: AsRef<str>, T: AsRef<str>>(
        model: M,
        train: &[S],
        held_out: &[T],
        config: TrainConfig,
    ) -> Result<Self, TrainError> {
        let alphabet = model.alphabet();
        let encode = |n: &str| alphabet.encode_name(n);
        let docs: Vec<Vec<usize>> = train
            .iter()
            .map(|n| encode(n.as_ref()))
            .filter(|d| d.len() > 2)
            .collect();
        let test_docs: Vec<Vec<usize>> = held_out
            .iter()
            .map(|n| encode(n.as_ref()))
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
            test_docs,
            step: 0,
            // Room for the losses of a usual run; a huge `steps` grows it only as steps are done.
            losses: Vec::with_capacity(config.steps.min(MAX_RESERVED_LOSSES)),
            status: if config.steps == 0 {
                Status::Finished
            } else {
                Status::Running
            },
            tokens_seen: 0,
            part_tapes: vec![PartTape::default(); parallel::threads().max(1)],
            parts: parallel::threads().max(1),
            grad_sum: Vec::new(),
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
    /// Names trained on.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }
    /// Names kept aside (0 without `test_split`).
    pub fn test_count(&self) -> usize {
        self.test_docs.len()
    }

    /// Mean loss per letter on the held-out names (never trained on), or `None` without them.
    pub fn test_loss(&self) -> Option<f32> {
        mean_nll(&self.model, &self.test_docs)
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

    /// The names of step `step`: the same list, in the same order, wherever it runs.
    fn batch_at(
        docs: &[Vec<usize>],
        batch_size: usize,
        step: usize,
    ) -> impl Iterator<Item = &[usize]> {
        let start = step * batch_size;
        (0..batch_size).map(move |i| docs[(start + i) % docs.len()].as_slice())
    }

    /// How many parts the next step is cut into, and its letters: `self.parts` for steps
    /// with enough names and enough work; every lesson's steps are not worth it and stay whole.
    pub fn next_step_parts(&self) -> usize {
        self.plan_next_step().0
    }

    fn plan_next_step(&self) -> (usize, usize) {
        let b = self.config.batch_size;
        let positions: usize = Self::batch_at(&self.docs, b, self.step)
            .map(|d| self.model.trained_positions(d))
            .sum();
        let work = positions * self.model.params().count();
        let parts = if b >= SPLIT_BATCH && work >= SPLIT_WORK {
            self.parts.min(b)
        } else {
            1
        };
        (parts, positions)
    }

    /// Cuts big steps into `parts` (natively: the threads; in the browser: the workers). For
    /// a given number of parts, the result has the same bits however the parts are computed.
    pub fn set_parts(&mut self, parts: usize) {
        self.parts = parts.max(1);
        self.part_tapes.resize(self.parts, PartTape::default());
    }

    /// Forward and backward of part `i` (of `parts`) of step `step`, on `w`'s tape.
    fn compute_part(job: &PartJob<'_, M>, w: &mut PartTape, i: usize) {
        let PartJob {
            model,
            docs,
            batch_size,
            step,
            parts,
            positions,
        } = *job;
        // Each part gets about the same number of letters (the work), never half a name: a
        // name goes to the part where its middle letter falls. (Its first letter gave the
        // first part 6 % more letters on average, and its worker kept the others waiting.)
        let mut before = 0;
        let part: Vec<&[usize]> = Self::batch_at(docs, batch_size, step)
            .filter(|d| {
                let letters = model.trained_positions(d);
                let middle = before + letters / 2;
                before += letters;
                (middle * parts / positions.max(1)).min(parts - 1) == i
            })
            .collect();
        w.tape.clear();
        if part.is_empty() {
            // A few very long names can leave a part without any.
            w.loss = None;
            return;
        }
        model.params().load_into(&mut w.tape, &mut w.vars);
        w.loss = model.loss(&mut w.tape, &w.vars, &part).map(|l| {
            if parts == 1 {
                return l;
            }
            // Each part's loss weighs its share of the letters: the parts add up to the mean.
            let share: usize = part.iter().map(|d| model.trained_positions(d)).sum();
            w.tape.scale(l, share as f32 / positions as f32)
        });
        if let Some(l) = w.loss {
            w.tape.backward(l);
        }
    }

    fn part_job(&self, parts: usize, positions: usize) -> PartJob<'_, M> {
        PartJob {
            model: &self.model,
            docs: &self.docs,
            batch_size: self.config.batch_size,
            step: self.step,
            parts,
            positions,
        }
    }

    /// Part `i` of the next step, cut into `next_step_parts()`: its share of the loss, and its
    /// gradient written into `grads` (every parameter, matrix after matrix). Adding the parts'
    /// losses and gradients in the order of `i` (`add_gradient`), then `apply`, is exactly one
    /// step of `advance` with `set_parts` at the same number: how several browser workers
    /// share a step.
    pub fn part_gradient(&mut self, i: usize, grads: &mut Vec<f32>) -> Option<f32> {
        let (parts, positions) = self.plan_next_step();
        let mut w = std::mem::take(&mut self.part_tapes[0]);
        Self::compute_part(&self.part_job(parts, positions), &mut w, i);
        grads.clear();
        let loss = w.loss.map(|l| w.tape.scalar(l));
        if loss.is_some() {
            for &v in &w.vars {
                grads.extend_from_slice(w.tape.grad(v));
            }
        }
        self.part_tapes[0] = w;
        loss
    }

    /// Ends the next step with the parts' summed `loss` and gradient (`part_gradient`'s, added
    /// in order): the divergence check, then one optimiser step.
    pub fn apply(&mut self, loss: f32, grads: &[f32]) -> Status {
        if self.status != Status::Running {
            return self.status;
        }
        let (_, positions) = self.plan_next_step();
        let mut slices = Vec::with_capacity(self.model.params().matrices.len());
        let mut rest = grads;
        for m in &self.model.params().matrices {
            let (head, tail) = rest.split_at(m.data.len().min(rest.len()));
            slices.push(head);
            rest = tail;
        }
        let lr = self.current_lr();
        let descended = descend(&mut self.model, &mut self.optimizer, lr, loss, &slices);
        self.status = self.count_step(descended, loss, positions);
        self.status
    }

    fn one_step(&mut self) -> Status {
        let (parts, positions) = self.plan_next_step();
        let job = PartJob {
            model: &self.model,
            docs: &self.docs,
            batch_size: self.config.batch_size,
            step: self.step,
            parts,
            positions,
        };
        // Forward and backward, each part on its own core.
        parallel::for_each_item(&mut self.part_tapes[..parts], |i, w| {
            Self::compute_part(&job, w, i)
        });
        // The parts that have names (all but rarely), in their order.
        let mut present = self.part_tapes[..parts].iter().filter(|w| w.loss.is_some());
        let first = present
            .next()
            .expect("a step has letters, so one part has names");
        let mut loss = 0.0f32;
        for w in std::iter::once(first).chain(present.clone()) {
            loss += w.loss.map_or(f32::NAN, |l| w.tape.scalar(l));
        }
        if parts > 1 {
            // Add the parts' gradients up, always in the same order.
            self.grad_sum.resize(first.vars.len(), Vec::new());
            for (i, sum) in self.grad_sum.iter_mut().enumerate() {
                sum.clear();
                sum.extend_from_slice(first.tape.grad(first.vars[i]));
                for w in present.clone() {
                    add_gradient(w.tape.grad(w.vars[i]), sum);
                }
            }
        }
        let grads: Vec<&[f32]> = if parts == 1 {
            first.vars.iter().map(|&v| first.tape.grad(v)).collect()
        } else {
            self.grad_sum.iter().map(Vec::as_slice).collect()
        };
        let lr = self.current_lr();
        let descended = descend(&mut self.model, &mut self.optimizer, lr, loss, &grads);
        self.count_step(descended, loss, positions)
    }

    /// The counters after a step, or where it diverged.
    fn count_step(&mut self, descended: Result<(), f32>, loss: f32, positions: usize) -> Status {
        if let Err(loss) = descended {
            return Status::Diverged {
                step: self.step,
                loss,
            };
        }
        self.losses.push(loss);
        self.tokens_seen += positions;
        self.step += 1;
        if self.step >= self.config.steps {
            Status::Finished
        } else {
            Status::Running
        }
    }

    /// Everything needed to carry this run on elsewhere (another worker) with the same bits.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            step: self.step,
            tokens_seen: self.tokens_seen,
            params: self.model.params().flat(),
            optimizer: self.optimizer.state(),
            losses: self.losses.clone(),
        }
    }

    /// Carries on from `checkpoint` (made by a trainer of the same model, names and settings):
    /// the next steps have the same bits as the original run's. False, unchanged, if it does
    /// not fit this trainer.
    pub fn resume(&mut self, checkpoint: &Checkpoint) -> bool {
        let fits = checkpoint.params.len() == self.model.params().count()
            && checkpoint.losses.len() == checkpoint.step
            && checkpoint.step <= self.config.steps;
        let mut optimizer = self.optimizer.clone();
        if !fits || !optimizer.set_state(&checkpoint.optimizer) {
            return false;
        }
        self.model.params_mut().set_flat(&checkpoint.params);
        self.optimizer = optimizer;
        self.step = checkpoint.step;
        self.losses = checkpoint.losses.clone();
        self.tokens_seen = checkpoint.tokens_seen;
        self.status = if self.step >= self.config.steps {
            Status::Finished
        } else {
            Status::Running
        };
        true
    }

    /// This trainer as it was after a run saved earlier: `model` after `losses.len()` steps
    /// (`tokens_seen` letters). Finished if those were all its steps; the optimiser's memory is
    /// not saved, so a run continued from here would not have the same bits.
    pub fn restore(&mut self, model: M, losses: Vec<f32>, tokens_seen: usize) {
        self.model = model;
        self.step = losses.len();
        self.losses = losses;
        self.tokens_seen = tokens_seen;
        self.status = if self.step >= self.config.steps {
            Status::Finished
        } else {
            Status::Running
        };
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
    let alphabet = model.alphabet();
    let docs: Vec<Vec<usize>> = names
        .iter()
        .map(|n| alphabet.encode_name(n.as_ref()))
        .collect();
    mean_nll(model, &docs)
}

/// Names per evaluation chunk; chunks run on all cores and add up in order (same bits always).
/// A page that measures a chunk at a time (lesson 6) uses the same chunks, for the same bits.
pub const EVAL_CHUNK: usize = 64;

fn mean_nll<M: Model>(model: &M, docs: &[Vec<usize>]) -> Option<f32> {
    let mut chunks: Vec<(&[Vec<usize>], f64, usize)> =
        docs.chunks(EVAL_CHUNK).map(|c| (c, 0.0, 0)).collect();
    parallel::for_each_item(&mut chunks, |_, (chunk, sum, count)| {
        let refs: Vec<&[usize]> = chunk.iter().map(Vec::as_slice).collect();
        (*sum, *count) = model.nll(&mut Tape::new(), &refs);
    });
    let (mut sum, mut count) = (0.0f64, 0usize);
    for (_, s, c) in &chunks {
        sum += s;
        count += c;
    }
    (count > 0).then(|| (sum / count as f64) as f32)
}
