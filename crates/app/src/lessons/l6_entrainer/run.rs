//! A training run of lesson 6, and how the browser keeps it: the GPT of microgpt's size trained
//! live on the chosen data, its final loss (measured a chunk of names at a time, after the run,
//! so no task of the page lasts long even on a slow computer) and photo album (drawn once, by the
//! lesson's effects, not while drawing), and what a reload brings back.

use super::super::common::invent_names;
use crate::training::saved::{KeptRun, SavedRun};
use crate::clock::now_ms;
use crate::training::{play, LabRun};
use crate::widgets::loss_curve::Run;
use course::atelier::files::data_part;
use course::content::l6 as text;
use course::dataset::DataChoice;
use course::lessons::l6::{FIRST_LR, FIRST_STEPS};
use course::rules::l6::Trained;
use course::text::decimal;
use minigpt::data::{shuffled, Dataset};
use minigpt::notebook::{About, Shown};
use minigpt::train::EVAL_CHUNK;
use minigpt::{Alphabet, Config, Gpt, Model, Status, Tape, TrainConfig, Trainer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

const SEED: u64 = 42;
/// At most this many steps per frame, so even a fast run is seen learning (~1 s for 1000 steps).
pub const STEPS_PER_FRAME: usize = 20;
/// The final loss is measured on at most this many names of the list (the first ones).
pub const EVAL_NAMES: usize = 1023;
/// The photos of the album: before, early, and at the end (`steps`).
const PHOTOS: [usize; 3] = [0, 50, 250];

/// Each run's id (the bet of exercise 3 and « Emporter » name runs by it).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

pub struct GptRun {
    pub id: u64,
    /// Trained from the own-list step (7), not from step 5.
    pub own: bool,
    pub choice: Rc<DataChoice>,
    pub steps: usize,
    pub lr: f32,
    pub run: LabRun<Gpt>,
    pub names: Rc<Vec<String>>,
    eval: Cell<Option<f32>>,
    /// The final loss being measured: the next chunk, the sum and count of the chunks so far.
    measuring: Cell<(usize, f64, usize)>,
    /// Names invented by each snapshot of the album, drawn once.
    album: RefCell<Vec<(usize, Vec<String>)>>,
}

/// What to start: the data, the alphabet, the settings, and which step starts it.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub choice: Rc<DataChoice>,
    pub alphabet: Alphabet,
    pub steps: usize,
    pub lr: f32,
    pub own: bool,
}

/// The run a pupil starts first (the Pokémon, 1,000 steps, 0,01): what the speed test times.
pub fn first_run() -> Option<LabRun<Gpt>> {
    let choice = DataChoice::Builtin(Dataset::Pokemon);
    let names = shuffled(&choice.names(Alphabet::Letters), SEED);
    let trainer = trainer(&names, Alphabet::Letters, FIRST_STEPS, FIRST_LR)?;
    let label = text::run_label(&choice.label(), FIRST_STEPS, &decimal(FIRST_LR));
    Some(LabRun::new(label, trainer, STEPS_PER_FRAME))
}

fn trainer(names: &[String], alphabet: Alphabet, steps: usize, lr: f32) -> Option<Trainer<Gpt>> {
    let config = Config::default().with_alphabet(alphabet);
    let gpt = Gpt::new(config, &mut ChaCha8Rng::seed_from_u64(SEED)).ok()?;
    let train = TrainConfig {
        steps,
        lr,
        ..TrainConfig::default()
    };
    Trainer::new(gpt, names, train).ok()
}

impl GptRun {
    fn with(start: &Start, names: Vec<String>, run: LabRun<Gpt>) -> GptRun {
        GptRun {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            own: start.own,
            choice: start.choice.clone(),
            steps: start.steps,
            lr: start.lr,
            run,
            names: Rc::new(names),
            eval: Cell::new(None),
            measuring: Cell::new((0, 0.0, 0)),
            album: Default::default(),
        }
    }

    /// Starts training (`on_frame` redraws the page after each frame).
    pub fn start(start: &Start, on_frame: Rc<dyn Fn()>) -> Option<GptRun> {
        let names = shuffled(&start.choice.names(start.alphabet), SEED);
        let trainer = trainer(&names, start.alphabet, start.steps, start.lr)?;
        let label = text::run_label(&start.choice.label(), start.steps, &decimal(start.lr));
        let run = LabRun::new(label, trainer, STEPS_PER_FRAME);
        let mut photos = PHOTOS.to_vec();
        photos.push(start.steps);
        run.anim.borrow_mut().keep_snapshots(&photos);
        play(&run.anim, on_frame);
        Some(GptRun::with(start, names, run))
    }

    pub fn finished(&self) -> bool {
        self.run.status() == Status::Finished
    }
    pub fn model(&self) -> Gpt {
        self.run.anim.borrow().trainer.model().clone()
    }
    pub fn alphabet(&self) -> Alphabet {
        self.run.anim.borrow().trainer.model().config.alphabet
    }
    pub fn eval_count(&self) -> usize {
        self.names.len().min(EVAL_NAMES)
    }
    /// The final loss, once `measure` has measured it.
    pub fn evaluated(&self) -> Option<f32> {
        self.eval.get()
    }
    /// Measures the final loss of a finished run (the mean loss per letter over the first names
    /// of the list) for at most `budget_ms`, a chunk of names at a time: the same chunks added
    /// in the same order as `minigpt::train::eval_loss`, so the same bits. Says whether it is
    /// still measuring.
    pub fn measure(&self, budget_ms: f64) -> bool {
        if !self.finished() || self.eval.get().is_some() {
            return false;
        }
        let start = now_ms();
        let anim = self.run.anim.borrow();
        let model = anim.trainer.model();
        let names = &self.names[..self.eval_count()];
        let (mut next, mut sum, mut count) = self.measuring.get();
        while next * EVAL_CHUNK < names.len() {
            let chunk = &names[next * EVAL_CHUNK..names.len().min((next + 1) * EVAL_CHUNK)];
            let docs: Vec<Vec<usize>> = chunk
                .iter()
                .map(|n| model.alphabet().encode_name(n))
                .collect();
            let refs: Vec<&[usize]> = docs.iter().map(Vec::as_slice).collect();
            let (s, c) = model.nll(&mut Tape::new(), &refs);
            (sum, count, next) = (sum + s, count + c, next + 1);
            if now_ms() - start >= budget_ms {
                break;
            }
        }
        self.measuring.set((next, sum, count));
        if next * EVAL_CHUNK < names.len() {
            return true;
        }
        self.eval
            .set((count > 0).then(|| (sum / count as f64) as f32));
        false
    }
    /// The run as exercise 3 compares it, once over and measured (an exploded run has no loss).
    pub fn trained(&self) -> Option<Trained> {
        let loss = match self.run.status() {
            Status::Running => return None,
            Status::Finished => Some(self.evaluated()?),
            Status::Diverged { .. } => None,
        };
        Some(Trained {
            label: self.run.label.clone(),
            steps: self.steps,
            lr: self.lr,
            loss,
        })
    }
    /// The photo album as drawn so far.
    pub fn album(&self) -> Vec<(usize, Vec<String>)> {
        self.album.borrow().clone()
    }
    /// Draws the names of the photos taken since (once each); says whether it drew any.
    pub fn draw_album(&self) -> bool {
        let anim = self.run.anim.borrow();
        let mut album = self.album.borrow_mut();
        let before = album.len();
        // A run restarted forgets its old photos (a run restored from the browser has only them).
        if !anim.snapshots.is_empty() {
            album.retain(|(s, _)| anim.snapshots.iter().any(|(t, _)| t == s));
        }
        let mut drew = album.len() != before;
        for (step, model) in &anim.snapshots {
            if !album.iter().any(|(s, _)| s == step) {
                album.push((*step, invent_names(model, "", 0.8, 5, 7)));
                drew = true;
            }
        }
        album.sort_by_key(|(s, _)| *s);
        drew
    }
    /// The loss curve, smoothed over the last 50 names (one name per step is noisy).
    pub fn smoothed(&self) -> Run {
        let raw = self.run.losses();
        let mut out = Vec::with_capacity(raw.len());
        let mut sum = 0.0;
        for (i, l) in raw.iter().enumerate() {
            sum += l;
            if i >= 50 {
                sum -= raw[i - 50];
            }
            out.push(sum / (i + 1).min(50) as f32);
        }
        Run {
            label: self.run.label.clone(),
            losses: out,
            exploded: self.run.exploded(),
        }
    }
    /// The notebook « Emporter mon modèle » makes of this run: its model, its data, its
    /// settings, and the final loss the table shows (2 decimals) on the names it was measured on.
    pub fn notebook(&self) -> Option<(Gpt, About)> {
        if !self.finished() {
            return None;
        }
        let anim = self.run.anim.borrow();
        let model = anim.trainer.model().clone();
        let names = self.names.to_vec();
        let shown = self.evaluated().map(|value| Shown {
            value,
            decimals: 2,
            names: names[..self.eval_count()].to_vec(),
        });
        let about = About {
            data: self.run.label.clone(),
            dataset: data_part(&self.choice).to_string(),
            steps: Some(anim.trainer.step()),
            lr: Some(self.lr),
            batch: Some(anim.trainer.config().batch_size),
            shown,
            train_names: names,
            ..About::default()
        };
        Some((model, about))
    }
}

/// What a finished run of this lesson keeps besides its model: how to train it again, and
/// its album (the model at each photo is not kept, only the names it invented).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    choice: KeptChoice,
    alphabet: Alphabet,
    steps: usize,
    lr: f32,
    album: Vec<(usize, Vec<String>)>,
    /// Trained from the own-list step (absent in older kept runs: then a run on the pupil's
    /// list was one).
    #[serde(default)]
    own: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum KeptChoice {
    Builtin(Dataset),
    Own(Vec<String>),
}

impl KeptRun for GptRun {
    type Saved = SavedRun<Kept>;
    type Context = ();
    const LESSON: u8 = 6;

    fn finished(&self) -> bool {
        GptRun::finished(self)
    }

    fn save(&self) -> Option<SavedRun<Kept>> {
        let choice = match &*self.choice {
            DataChoice::Builtin(d) => KeptChoice::Builtin(*d),
            DataChoice::Own(names) => KeptChoice::Own(names.clone()),
        };
        let kept = Kept {
            choice,
            alphabet: self.alphabet(),
            steps: self.steps,
            lr: self.lr,
            album: self.album(),
            own: Some(self.own),
        };
        SavedRun::of(&self.run, kept)
    }

    fn restore(saved: SavedRun<Kept>, _: &()) -> Option<GptRun> {
        let k = saved.extra.clone();
        let choice = match k.choice {
            KeptChoice::Builtin(d) => DataChoice::Builtin(d),
            KeptChoice::Own(names) => DataChoice::Own(names),
        };
        // Kept before the extended alphabet had the space: its 43 tokens (`Accents`).
        let vocab = saved.params.get("wte").map_or(0, |m| m.rows);
        let alphabet = k.alphabet.with_vocab(vocab);
        let start = Start {
            own: k.own.unwrap_or(matches!(choice, DataChoice::Own(_))),
            choice: Rc::new(choice),
            alphabet,
            steps: k.steps,
            lr: k.lr,
        };
        let names = shuffled(&start.choice.names(alphabet), SEED);
        let run = saved.restore(trainer(&names, alphabet, k.steps, k.lr)?, STEPS_PER_FRAME)?;
        let g = GptRun::with(&start, names, run);
        *g.album.borrow_mut() = k.album;
        Some(g)
    }
}
