//! The messages between the page and the training worker. Small messages are JSON text; the
//! model's numbers travel as a Float32Array next to it (no copy through JSON).

use super::exchange::PeerMessage;
use super::route::Route;
use minigpt::data::Dataset;
use minigpt::optim::OptimizerState;
use minigpt::train::Checkpoint;
use minigpt::{Config, Gpt};
use serde::{Deserialize, Serialize};

/// Where a job's names come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Data {
    /// A built-in list (the worker has the lists too: no need to send 33,235 names).
    Builtin(Dataset),
    /// Only the first `n` names of a built-in list's seeded shuffle (to see what data brings).
    BuiltinFirst(Dataset, usize),
    /// The pupil's own names, already cleaned.
    Own(Vec<String>),
}

/// One training run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub config: Config,
    pub data: Data,
    pub seed: u64,
    /// Total steps: also sets the learning-rate schedule (linear decay to 0).
    pub steps: usize,
    pub lr: f32,
    pub batch: usize,
    /// Stop after this much training time (evaluation not counted), even before `steps`.
    pub max_seconds: Option<f64>,
    /// Keep 10 % of the names (at most 1,000) aside and report the loss on them.
    pub test_split: bool,
}

/// The fewest names per step a worker of a team gets.
pub const MIN_NAMES_PER_WORKER: usize = 8;

impl Job {
    /// How many workers this job can use out of `available`: several only if its steps are
    /// big enough to be cut (as the trainer decides: enough names and enough work per step;
    /// a name gives about 7 letters to learn), and each worker gets at least 8 names (fewer
    /// would leave it waiting for the others' messages more than computing).
    pub fn team_size(&self, available: usize) -> usize {
        let work = self.config.param_count() * self.batch * 7;
        if self.batch >= minigpt::train::SPLIT_BATCH && work >= minigpt::train::SPLIT_WORK {
            available.clamp(1, (self.batch / MIN_NAMES_PER_WORKER).max(1))
        } else {
            1
        }
    }

    /// The names to train on and the names kept aside (empty without `test_split`), written in
    /// the model's alphabet and shuffled with the job's seed. With `BuiltinFirst`, the kept-aside
    /// names are those of the whole list: runs on less data are judged on the same unseen names.
    pub fn names(&self) -> (Vec<String>, Vec<String>) {
        let alphabet = self.config.alphabet;
        let (names, first) = match &self.data {
            Data::Builtin(d) => (d.names_in(alphabet), None),
            Data::BuiltinFirst(d, n) => (d.names_in(alphabet), Some(*n)),
            Data::Own(names) => (names.clone(), None),
        };
        let mut train = minigpt::data::shuffled(&names, self.seed);
        let test = if self.test_split && train.len() >= 2 {
            train.split_off(train.len() - minigpt::train::held_out_count(train.len()))
        } else {
            Vec::new()
        };
        if let Some(n) = first {
            train.truncate(n.max(1));
        }
        (train, test)
    }
}

/// Where a job stands.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum JobStatus {
    Starting,
    Running,
    Paused,
    /// All steps done.
    Finished,
    /// The time budget ran out before the last step.
    TimeUp,
    /// Stopped by the page.
    Stopped,
    /// The loss exploded at this step.
    Diverged(usize),
}

impl JobStatus {
    pub fn is_over(self) -> bool {
        matches!(
            self,
            JobStatus::Finished | JobStatus::TimeUp | JobStatus::Stopped | JobStatus::Diverged(_)
        )
    }
}

/// A progress report: what changed since the last one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub status: JobStatus,
    pub step: usize,
    /// Training losses of the steps done since the last report.
    pub new_losses: Vec<f32>,
    /// Letters trained on so far, and the training time they took.
    pub tokens: usize,
    pub compute_ms: f64,
    /// Loss on the held-out names, measured when training ends (or pauses).
    pub test_loss: Option<f32>,
    pub train_names: usize,
    pub test_names: usize,
}

/// Where a worker sits in its team: worker `rank` of `size`. Worker 0 leads: it listens to the
/// page (pause, stop, time budget) and reports to it; the others only share the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub rank: usize,
    pub size: usize,
}

impl Seat {
    pub const ALONE: Seat = Seat { rank: 0, size: 1 };

    pub fn leads(self) -> bool {
        self.rank == 0
    }
}

/// A checkpoint's small numbers; its params, then Adam's two memories follow as one
/// Float32Array (`Checkpoint::numbers`), its losses are those the page already has.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckpointHeader {
    pub step: usize,
    pub tokens_seen: usize,
    pub adam_t: i32,
    /// Training time so far: a run carried on elsewhere keeps counting from here.
    pub compute_ms: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Start `job` in `seat`. The ports to the other workers follow the message (in the order
    /// of their ranks); with `resume`, the run carries on from a checkpoint whose numbers and
    /// losses follow as two Float32Arrays.
    Start {
        job: Job,
        seat: Seat,
        resume: Option<CheckpointHeader>,
    },
    Pause,
    Resume,
    Stop,
    /// Another worker's message, passed on by the page; its numbers follow as a Float32Array.
    Peer(PeerMessage),
    /// Send the next messages to the other workers this way (`route`).
    Route(Route),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker runs and listens.
    Ready,
    /// A sign of life, every second, whatever the worker is doing.
    Alive,
    Progress(Report),
    /// The model's numbers at `step` follow as a Float32Array.
    Model {
        step: usize,
    },
    /// A checkpoint (every second or so): its numbers follow as a Float32Array.
    Checkpoint(CheckpointHeader),
    /// The job could not start (no names, bad settings…): a message for the page.
    Failed(String),
    /// A message for worker `to` of the team, for the page to pass on with its numbers (a
    /// Float32Array). Through the page rather than a MessageChannel between the workers: the
    /// page hands an 800 KB buffer on in 0.3 ms in every engine, where a channel between two
    /// workers took 0.9 ms in Chromium and WebKit and 3.8 ms in Firefox (measured here).
    Peer {
        to: usize,
        message: PeerMessage,
    },
}

/// A checkpoint as it travels: the header and all its numbers in one buffer (params, then
/// Adam's first and second memories), the losses apart.
pub fn checkpoint_numbers(c: &Checkpoint) -> Vec<f32> {
    let mut numbers = Vec::with_capacity(3 * c.params.len());
    numbers.extend_from_slice(&c.params);
    numbers.extend_from_slice(&c.optimizer.m);
    numbers.extend_from_slice(&c.optimizer.v);
    numbers
}

/// The checkpoint that `checkpoint_numbers` and its header describe; None if the numbers do
/// not split in three equal parts or the losses do not match the step.
pub fn checkpoint_from(
    h: &CheckpointHeader,
    numbers: &[f32],
    losses: &[f32],
) -> Option<Checkpoint> {
    if !numbers.len().is_multiple_of(3) || losses.len() != h.step {
        return None;
    }
    let n = numbers.len() / 3;
    Some(Checkpoint {
        step: h.step,
        tokens_seen: h.tokens_seen,
        params: numbers[..n].to_vec(),
        optimizer: OptimizerState {
            t: h.adam_t,
            m: numbers[n..2 * n].to_vec(),
            v: numbers[2 * n..].to_vec(),
        },
        losses: losses.to_vec(),
    })
}

/// All the parameters, one matrix after the other in the layout's order (what travels
/// between page and worker).
pub fn flatten(model: &Gpt) -> Vec<f32> {
    model.flat_params()
}

/// The model of `config` whose parameters are `flat` (as `flatten` made them).
pub fn unflatten(config: Config, flat: &[f32]) -> Option<Gpt> {
    Gpt::from_flat(config, flat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn models_and_messages_travel_intact() {
        let config = Config::default();
        let gpt = Gpt::new(config, &mut rand_chacha::ChaCha8Rng::seed_from_u64(3)).unwrap();
        assert_eq!(unflatten(config, &flatten(&gpt)), Some(gpt));
        assert_eq!(unflatten(config, &[1.0; 10]), None);
        let job = Job {
            config,
            data: Data::Own(vec!["léa".into()]),
            seed: 1,
            steps: 10,
            lr: 0.01,
            batch: 1,
            max_seconds: Some(2.5),
            test_split: false,
        };
        let header = CheckpointHeader {
            step: 2,
            tokens_seen: 9,
            adam_t: 2,
            compute_ms: 1.5,
        };
        let seat = Seat { rank: 1, size: 3 };
        let msg = ToWorker::Start {
            job,
            seat,
            resume: Some(header),
        };
        let back: ToWorker = serde_json::from_str(&serde_json::to_string(&msg).unwrap()).unwrap();
        assert_eq!(back, msg);
        // A checkpoint travels as a header, one buffer and the losses, and comes back whole.
        let checkpoint = Checkpoint {
            step: 2,
            tokens_seen: 9,
            params: vec![1.0, 2.0],
            optimizer: OptimizerState {
                t: 2,
                m: vec![0.5, 0.25],
                v: vec![0.125, 1e-9],
            },
            losses: vec![3.3, 3.1],
        };
        let numbers = checkpoint_numbers(&checkpoint);
        assert_eq!(
            checkpoint_from(&header, &numbers, &[3.3, 3.1]),
            Some(checkpoint)
        );
        assert_eq!(checkpoint_from(&header, &numbers[1..], &[3.3, 3.1]), None);
        assert_eq!(checkpoint_from(&header, &numbers, &[3.3]), None);
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn only_big_steps_get_several_workers() {
        let job = |config: Config, batch| Job {
            config,
            data: Data::Builtin(Dataset::Prenoms),
            seed: 1,
            steps: 10,
            lr: 0.01,
            batch,
            max_seconds: None,
            test_split: false,
        };
        let big = Config::phase2();
        assert_eq!(job(big, 32).team_size(2), 2);
        assert_eq!(job(big, 32).team_size(4), 4);
        assert_eq!(
            job(big, 32).team_size(8),
            4,
            "8 names at least for each worker"
        );
        assert_eq!(job(big, 16).team_size(8), 2);
        assert_eq!(job(big, 8).team_size(8), 1);
        assert_eq!(job(big, 4).team_size(4), 1, "too few names to cut");
        assert_eq!(
            job(Config::default(), 32).team_size(4),
            1,
            "microgpt's steps are too small"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn fewer_names_keep_the_same_held_out_names() {
        let job = |data| Job {
            config: Config::default(),
            data,
            seed: 42,
            steps: 1,
            lr: 0.01,
            batch: 1,
            max_seconds: None,
            test_split: true,
        };
        let (all, all_test) = job(Data::Builtin(Dataset::Prenoms)).names();
        let (few, few_test) = job(Data::BuiltinFirst(Dataset::Prenoms, 2000)).names();
        assert_eq!(
            (few.len(), few_test.len(), all_test.len()),
            (2000, 1000, 1000)
        );
        assert_eq!(few_test, all_test);
        assert_eq!(few[..], all[..2000]);
    }
}
