//! What the pupil sets before « Entraîner »: the data, the model's size, how it learns, and on
//! how many cores. The three ready-made sizes are the core's own configurations, not copies of
//! their numbers; the sliders' positions say what the Atelier can make (and so what a model file
//! opened here may hold).

use crate::content::atelier as text;
use crate::dataset::DataChoice;
use crate::speed::{phase2_job, proverbs_job};
use crate::worker::protocol::{Data, Job};
use minigpt::data::Dataset;
use minigpt::saved::{Limits, LoadError};
use minigpt::{Alphabet, Config, TrainConfig};

/// The sliders' positions.
pub const LAYERS: [usize; 4] = [1, 2, 3, 4];
pub const HEADS: [usize; 4] = [1, 2, 3, 4];
pub const CARDS: [usize; 8] = [8, 16, 24, 32, 40, 48, 56, 64];
/// Up to 64 letters: a proverb is about 35 letters long, its longest ones 81
/// (`Config::phase2_sentences`).
pub const CONTEXTS: [usize; 9] = [8, 12, 16, 20, 24, 28, 32, 48, 64];
pub const BATCHES: [usize; 5] = [1, 4, 8, 16, 32];
pub const RATES: [f32; 5] = [0.001, 0.003, 0.005, 0.01, 0.03];
pub const STEPS: [usize; 6] = [500, 1000, 3000, 5000, 10000, 20000];
/// The workers a run may use, up to the cores the browser reports.
pub static CORES: [usize; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

/// Every run of the Atelier starts from the same seed: two runs differ by their settings only.
pub const SEED: u64 = 42;

/// A model's size and how it learns: what a ready-made size sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Layers, heads, cards and context (in the 26-letter alphabet: the data decides that).
    pub config: Config,
    /// Names per step.
    pub batch: usize,
    pub lr: f32,
}

/// A list is sentences when at least half its items have a space (a list of names with a few
/// « Le Havre » stays names).
pub fn is_sentences<S: AsRef<str>>(items: &[S]) -> bool {
    let spaced = items.iter().filter(|i| i.as_ref().contains(' ')).count();
    !items.is_empty() && 2 * spaced >= items.len()
}

/// The data is sentences (the proverbs, or the pupil's own list of sentences).
pub fn data_is_sentences(data: &DataChoice) -> bool {
    match data {
        DataChoice::Builtin(d) => is_sentences(&d.names()),
        DataChoice::Own(items) => is_sentences(items),
    }
}

/// The ready-made sizes, smallest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// microgpt's size and way of learning, as in lesson 6.
    Small,
    /// Between the two: 2 layers, cards of 32, 16 names per step.
    Medium,
    /// The phase-2 model of the speed test (4 layers, cards of 64, 32 names per step).
    Large,
    /// The phase-2 model for sentences, as the speed test times it on the proverbs
    /// (`speed::proverbs_job`): offered when the data is sentences.
    Sentences,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Small,
        Preset::Medium,
        Preset::Large,
        Preset::Sentences,
    ];

    /// The sizes offered for this data: the sentence size only for sentences.
    pub fn offered(sentences: bool) -> &'static [Preset] {
        if sentences {
            &Preset::ALL
        } else {
            &Preset::ALL[..3]
        }
    }

    pub fn size(self) -> Size {
        let microgpt = TrainConfig::default();
        let phase2 = phase2_job(0, 0.0);
        match self {
            Preset::Small => Size {
                config: Config::default(),
                batch: microgpt.batch_size,
                lr: microgpt.lr,
            },
            Preset::Medium => Size {
                config: Config {
                    n_layer: 2,
                    n_embd: 32,
                    block_size: 32,
                    ..Config::default()
                },
                batch: 16,
                lr: phase2.lr,
            },
            Preset::Large => Size {
                config: phase2.config,
                batch: phase2.batch,
                lr: phase2.lr,
            },
            // The alphabet is the settings' own (choosing sentences picks the extended one).
            Preset::Sentences => {
                let proverbs = proverbs_job();
                Size {
                    config: proverbs.config.with_alphabet(Config::default().alphabet),
                    batch: proverbs.batch,
                    lr: proverbs.lr,
                }
            }
        }
    }

    /// The steps it sets too (the sentence size comes with its measured steps).
    pub fn steps(self) -> Option<usize> {
        (self == Preset::Sentences).then(|| proverbs_job().steps)
    }

    /// Its button's words.
    pub fn name(self) -> &'static str {
        text::PRESET_NAMES[self as usize]
    }

    /// Its button's test id (`a-preset-0` … `a-preset-2`).
    pub fn testid(self) -> String {
        format!("a-preset-{}", self as usize)
    }
}

/// Which slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    Layers,
    Heads,
    Cards,
    Context,
    Batch,
    Steps,
    Workers,
}

/// Everything « Entraîner » reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub data: DataChoice,
    pub alphabet: Alphabet,
    pub size: Size,
    pub steps: usize,
    /// How many workers a big run may use (the computer's cores by default).
    pub workers: usize,
}

impl Settings {
    /// What a pupil finds on arrival: the Pokémon, the small size, 1,000 steps, every core
    /// (`cores`, at most 8).
    pub fn first(cores: usize) -> Settings {
        Settings {
            data: DataChoice::Builtin(Dataset::Pokemon),
            alphabet: Alphabet::Letters,
            size: Preset::Small.size(),
            steps: TrainConfig::default().steps,
            workers: cores.clamp(1, CORES.len()),
        }
    }

    /// Another data: sentences come with the extended alphabet (its space, apostrophe and
    /// comma) and the sentence size; leaving them for names gives back the small size.
    pub fn choose_data(&mut self, data: DataChoice) {
        if data_is_sentences(&data) {
            self.alphabet = Alphabet::Extended;
            self.choose_preset(Preset::Sentences);
        } else if self.preset() == Some(Preset::Sentences) {
            self.choose_preset(Preset::Small);
            self.steps = TrainConfig::default().steps;
        }
        self.data = data;
    }

    /// A ready-made size (and its steps, if it has its own).
    pub fn choose_preset(&mut self, preset: Preset) {
        self.size = preset.size();
        if let Some(steps) = preset.steps() {
            self.steps = steps;
        }
    }

    /// The data is sentences.
    pub fn sentences(&self) -> bool {
        data_is_sentences(&self.data)
    }

    /// The model's configuration, in the chosen alphabet.
    pub fn config(&self) -> Config {
        self.size.config.with_alphabet(self.alphabet)
    }

    /// The ready-made size these settings are, if any (its button shows it pressed).
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.size() == self.size)
    }

    /// A slider's value.
    pub fn get(&self, knob: Knob) -> usize {
        let c = &self.size.config;
        match knob {
            Knob::Layers => c.n_layer,
            Knob::Heads => c.n_head,
            Knob::Cards => c.n_embd,
            Knob::Context => c.block_size,
            Knob::Batch => self.size.batch,
            Knob::Steps => self.steps,
            Knob::Workers => self.workers,
        }
    }

    /// Moves a slider (a value the slider does not offer changes nothing).
    pub fn set(&mut self, knob: Knob, value: usize) {
        if !choices(knob).contains(&value) {
            return;
        }
        let c = &mut self.size.config;
        match knob {
            Knob::Layers => c.n_layer = value,
            Knob::Heads => c.n_head = value,
            Knob::Cards => c.n_embd = value,
            Knob::Context => c.block_size = value,
            Knob::Batch => self.size.batch = value,
            Knob::Steps => self.steps = value,
            Knob::Workers => self.workers = value,
        }
    }

    /// The run « Entraîner » starts with these settings.
    pub fn job(&self) -> Job {
        Job {
            config: self.config(),
            data: match &self.data {
                DataChoice::Builtin(d) => Data::Builtin(*d),
                DataChoice::Own(names) => Data::Own(names.clone()),
            },
            seed: SEED,
            steps: self.steps,
            lr: self.size.lr,
            batch: self.size.batch,
            max_seconds: None,
            test_split: true,
        }
    }

    /// The run's name in the history (« 1 couche, 4 têtes, cartes de 16, 1 023 Pokémon »).
    pub fn label(&self) -> String {
        let c = &self.size.config;
        text::run_label(c.n_layer, c.n_head, c.n_embd, &self.data.label())
    }
}

/// A slider's positions.
pub fn choices(knob: Knob) -> &'static [usize] {
    match knob {
        Knob::Layers => &LAYERS,
        Knob::Heads => &HEADS,
        Knob::Cards => &CARDS,
        Knob::Context => &CONTEXTS,
        Knob::Batch => &BATCHES,
        Knob::Steps => &STEPS,
        Knob::Workers => &CORES,
    }
}

/// The run « Entraîner » starts on arrival: what the speed test times.
pub fn first_job() -> Job {
    Settings::first(1).job()
}

/// The largest model the sliders make (the last position of each size slider, 46 tokens): no
/// file opened here may hold a bigger one.
pub fn largest() -> Config {
    Config {
        n_layer: LAYERS[LAYERS.len() - 1],
        n_embd: CARDS[CARDS.len() - 1],
        block_size: CONTEXTS[CONTEXTS.len() - 1],
        ..Config::default()
    }
    .with_alphabet(Alphabet::Extended)
}

/// What a model file may hold here.
pub fn limits() -> Limits {
    Limits {
        max_params: largest().param_count(),
        ..Limits::default()
    }
}

/// Files bigger than this cannot hold the largest model (about 13 bytes per number, and a
/// note): refused before reading them.
pub fn max_file_bytes() -> f64 {
    largest().param_count() as f64 * 20.0 + 100_000.0
}

/// The pupil's words for a file that cannot be opened.
pub fn load_error_message(e: &LoadError) -> String {
    match e {
        LoadError::NotAModel(_) => text::NOT_A_MODEL.into(),
        LoadError::UnknownVersion(v) => text::unknown_version(*v),
        LoadError::Damaged(_) => text::DAMAGED.into(),
        LoadError::TooBig(n) => text::too_big_model(*n, largest().param_count()),
        LoadError::AbsurdWeights => text::ABSURD_WEIGHTS.into(),
    }
}
