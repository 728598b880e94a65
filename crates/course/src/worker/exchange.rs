//! Several workers share every training step, without shared memory (a page opened from a USB
//! stick cannot have it). Each worker computes the gradient of its part of the batch. The
//! gradient is cut into one slice per worker: each worker receives its slice of every part,
//! adds them up in the order of the parts, and sends the sum to the others. Then every worker
//! has the same summed gradient and takes the same optimiser step. Two rounds of messages per
//! step; each worker sends 2·(W−1)/W of a gradient.
//!
//! Two workers skip the second round: each sends its whole gradient to the other (the same
//! amount of numbers, one message's wait instead of two) and both add the two parts.
//!
//! The sums are added in the order of the parts, element by element, as the native trainer
//! does with its threads: W workers give the bits of `Trainer::set_parts(W)`.

use minigpt::train::add_gradient;
use minigpt::{Gpt, Status, Trainer};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A message between two workers; the numbers travel next to it as a Float32Array.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum PeerMessage {
    /// `from`'s part of step `step`: its loss (None if it had no names this step) and, next
    /// to it, the receiver's slice of its gradient.
    Part {
        step: usize,
        from: usize,
        loss: Option<f32>,
    },
    /// The sum of every part for `from`'s slice of step `step`.
    Sum { step: usize, from: usize },
}

impl PeerMessage {
    fn step(&self) -> usize {
        match *self {
            PeerMessage::Part { step, .. } | PeerMessage::Sum { step, .. } => step,
        }
    }
}

/// A message to send to worker `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub to: usize,
    pub message: PeerMessage,
    pub data: Vec<f32>,
}

/// One worker's side of the exchange, step after step.
pub struct Exchange {
    rank: usize,
    size: usize,
    /// Every worker adds up the whole gradient itself (two workers): no second round.
    direct: bool,
    /// The step being exchanged, and whether this worker has computed its part of it.
    step: usize,
    begun: bool,
    /// How many parts the step is cut into (the ranks from this number on have none).
    parts: usize,
    length: usize,
    /// Per rank: its loss once heard, and its part's slice of this worker's range.
    losses: Vec<Option<Option<f32>>>,
    slices: Vec<Option<Vec<f32>>>,
    /// Per worker: the summed slice of its range.
    sums: Vec<Option<Vec<f32>>>,
    /// Messages of a step this worker has not begun yet.
    later: Vec<(PeerMessage, Vec<f32>)>,
    gradient: Vec<f32>,
}

/// Worker `owner`'s slice of a gradient of `length` numbers shared by `size` workers.
pub fn slice_of(owner: usize, size: usize, length: usize) -> Range<usize> {
    owner * length / size..(owner + 1) * length / size
}

/// Below this many workers, each sends its whole gradient to the others in one round.
const DIRECT_BELOW: usize = 3;

impl Exchange {
    pub fn new(rank: usize, size: usize) -> Exchange {
        let size = size.max(1);
        Exchange {
            rank,
            size,
            direct: size < DIRECT_BELOW,
            step: 0,
            begun: false,
            parts: 1,
            length: 0,
            losses: vec![None; size],
            slices: vec![None; size],
            sums: vec![None; size],
            later: Vec::new(),
            gradient: Vec::new(),
        }
    }

    /// Computes this worker's part of the trainer's next step and says what to send.
    pub fn begin(&mut self, trainer: &mut Trainer<Gpt>) -> Vec<Outgoing> {
        self.step = trainer.step();
        self.parts = trainer.next_step_parts();
        self.length = trainer.model().params.count();
        let loss = if self.rank < self.parts {
            trainer.part_gradient(self.rank, &mut self.gradient)
        } else {
            self.gradient.clear();
            None
        };
        self.begun = true;
        let mut out = Vec::new();
        for owner in (0..self.size).filter(|&o| o != self.rank) {
            let message = PeerMessage::Part {
                step: self.step,
                from: self.rank,
                loss,
            };
            out.push(Outgoing {
                to: owner,
                message,
                data: self.slice_of_own(owner),
            });
        }
        // Two workers: this worker's whole gradient is its own part, kept without a copy.
        let mine = if self.direct {
            std::mem::take(&mut self.gradient)
        } else {
            self.slice_of_own(self.rank)
        };
        out.extend(self.take_part(self.rank, loss, mine));
        for (message, data) in std::mem::take(&mut self.later) {
            out.extend(self.receive(message, data));
        }
        out
    }

    fn slice_of_own(&self, owner: usize) -> Vec<f32> {
        if self.gradient.is_empty() {
            return Vec::new();
        }
        self.gradient[self.range(owner)].to_vec()
    }

    /// The numbers worker `owner` adds up: its slice, or everything when direct.
    fn range(&self, owner: usize) -> Range<usize> {
        if self.direct {
            0..self.length
        } else {
            slice_of(owner, self.size, self.length)
        }
    }

    /// Takes a message from another worker; says what to send in answer.
    pub fn receive(&mut self, message: PeerMessage, data: Vec<f32>) -> Vec<Outgoing> {
        if !self.begun || message.step() != self.step {
            self.later.push((message, data));
            return Vec::new();
        }
        match message {
            PeerMessage::Part { from, loss, .. } => self.take_part(from, loss, data),
            PeerMessage::Sum { from, .. } => {
                if from < self.size {
                    self.sums[from] = Some(data);
                }
                Vec::new()
            }
        }
    }

    /// Keeps a part's slice; once every part is in, adds them up and sends the sum around.
    fn take_part(&mut self, from: usize, loss: Option<f32>, data: Vec<f32>) -> Vec<Outgoing> {
        if from >= self.size {
            return Vec::new();
        }
        self.losses[from] = Some(loss);
        self.slices[from] = Some(data);
        if self.sums[self.rank].is_some() || self.slices.iter().any(Option::is_none) {
            return Vec::new();
        }
        let range = self.range(self.rank);
        // The parts that had names, in their order: the first copied, the others added.
        let mut present = self
            .slices
            .iter()
            .zip(&self.losses)
            .take(self.parts)
            .filter(|(_, loss)| matches!(loss, Some(Some(_))))
            .filter_map(|(slice, _)| slice.as_deref())
            .filter(|slice| slice.len() == range.len());
        let mut sum = present.next().map(<[f32]>::to_vec).unwrap_or_default();
        for slice in present {
            add_gradient(slice, &mut sum);
        }
        if self.direct {
            self.sums[self.rank] = Some(sum);
            return Vec::new();
        }
        self.sums[self.rank] = Some(sum.clone());
        (0..self.size)
            .filter(|&o| o != self.rank)
            .map(|to| Outgoing {
                to,
                message: PeerMessage::Sum {
                    step: self.step,
                    from: self.rank,
                },
                data: sum.clone(),
            })
            .collect()
    }

    /// Every slice's sum is in: the step can be taken.
    pub fn ready(&self) -> bool {
        let all_in = if self.direct {
            self.sums[self.rank].is_some()
        } else {
            self.sums.iter().all(Option::is_some)
        };
        self.begun && all_in
    }

    /// Takes the step with the summed gradient (once `ready`), on every worker alike.
    pub fn finish(&mut self, trainer: &mut Trainer<Gpt>) -> Status {
        let mut loss = 0.0f32;
        for l in self
            .losses
            .iter()
            .take(self.parts)
            .flat_map(|l| l.flatten())
        {
            loss += l;
        }
        if self.direct {
            // The whole sum is this worker's own: used as it is (its buffer serves next step).
            self.gradient = self.sums[self.rank].take().unwrap_or_default();
        } else {
            self.gradient.clear();
            for sum in &mut self.sums {
                self.gradient
                    .extend_from_slice(sum.as_deref().unwrap_or_default());
                *sum = None;
            }
        }
        self.losses.iter_mut().for_each(|l| *l = None);
        self.slices.iter_mut().for_each(|s| *s = None);
        self.begun = false;
        let status = trainer.apply(loss, &self.gradient);
        self.step = trainer.step();
        status
    }
}

#[cfg(test)]
mod tests;
