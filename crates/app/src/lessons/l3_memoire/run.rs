//! Lesson 3's training runs: the memory model on the Pokémon cut in two, its two losses, and
//! how the browser keeps a finished run.

use super::rules::{self, lesson_names, untrained, CARDS};
use crate::training::saved::{KeptRun, SavedRun};
use crate::training::LabRun;
use course::content::l3 as text;
use minigpt::bigram::BigramCounts;
use minigpt::train::eval_loss;
use minigpt::{Alphabet, ContextMlp, Status, Trainer};
use std::cell::Cell;

const L: Alphabet = Alphabet::Letters;

/// A training run of the memory model, with its sizes and (once finished) its two losses.
pub struct MemoryRun {
    pub k: usize,
    pub run: LabRun<ContextMlp>,
    /// (loss on the names learned, loss on the names never seen), computed once at the end.
    pub losses: Cell<Option<(f32, f32)>>,
}

impl MemoryRun {
    pub fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    pub fn model(&self) -> ContextMlp {
        self.run.anim.borrow().trainer.model().clone()
    }
    pub fn losses(&self, data: &Data) -> Option<(f32, f32)> {
        if !self.finished() {
            return None;
        }
        if self.losses.get().is_none() {
            let m = self.model();
            self.losses
                .set(eval_loss(&m, &data.train).zip(eval_loss(&m, &data.validation)));
        }
        self.losses.get()
    }
}

/// The Pokémon cut in two: names to learn, names kept aside, and the counted bigram's score.
pub struct Data {
    pub train: Vec<String>,
    pub validation: Vec<String>,
    pub bigram: f32,
}

/// The memory a pupil's first run has.
pub const FIRST_K: usize = 3;

pub fn lesson_data() -> Data {
    let (train, validation) = lesson_names();
    let bigram = BigramCounts::from_names(L, &train).nll(&validation, 0.1);
    Data {
        train,
        validation,
        bigram,
    }
}

/// The run a pupil starts first: what the speed test times.
pub fn first_run() -> LabRun<ContextMlp> {
    let trainer = new_trainer(&lesson_data(), FIRST_K);
    LabRun::new(text::run_label(FIRST_K, CARDS), trainer, FRAME_STEPS)
}

/// A memory run as kept in the browser (its memory `k`).
pub type Kept = SavedRun<usize>;

pub fn new_trainer(data: &Data, k: usize) -> Trainer<ContextMlp> {
    Trainer::new(untrained(k, CARDS), &data.train, rules::train_config())
        .expect("the Pokémon list is not empty")
}

/// A memory run is kept by the browser once finished, with its memory `k`.
impl KeptRun for MemoryRun {
    type Saved = Kept;
    type Context = Data;
    const LESSON: u8 = 3;
    fn finished(&self) -> bool {
        MemoryRun::finished(self)
    }
    fn save(&self) -> Option<Kept> {
        SavedRun::of(&self.run, self.k)
    }
    fn restore(kept: Kept, data: &Data) -> Option<MemoryRun> {
        let k = kept.extra;
        let run = kept.restore(new_trainer(data, k), FRAME_STEPS)?;
        Some(MemoryRun {
            k,
            run,
            losses: Cell::new(None),
        })
    }
}

/// Training steps per animation frame.
pub const FRAME_STEPS: usize = 40;
