//! The messages between the page and the training worker. Small messages are JSON text; the
//! model's numbers travel as a Float32Array next to it (no copy through JSON).

use minigpt::data::Dataset;
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
    /// Also send the model at these steps (the end is always sent).
    pub snapshot_steps: Vec<usize>,
}

impl Job {
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    Start(Job),
    Pause,
    Resume,
    Stop,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// The worker runs and listens.
    Ready,
    Progress(Report),
    /// The model's numbers at `step` follow as a Float32Array.
    Model {
        step: usize,
    },
    /// The job could not start (no names, bad settings…): a message for the page.
    Failed(String),
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
        let msg = ToWorker::Start(Job {
            config,
            data: Data::Own(vec!["léa".into()]),
            seed: 1,
            steps: 10,
            lr: 0.01,
            batch: 1,
            max_seconds: Some(2.5),
            test_split: false,
            snapshot_steps: vec![0, 5],
        });
        let back: ToWorker = serde_json::from_str(&serde_json::to_string(&msg).unwrap()).unwrap();
        assert_eq!(back, msg);
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
            snapshot_steps: vec![],
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
