//! Saving a trained GPT to a JSON file and loading it back. The file says what it is
//! (`format`, `version`), so a wrong or damaged file is recognised and refused, never a panic.
//! Version 2 added the model's alphabet; version 3 came when the extended alphabet gained the
//! space, the apostrophe and the comma (46 tokens). Older files still load and give exactly the
//! probabilities they gave: version 1 (no alphabet) as models of the 27-token alphabet, an
//! « extended » model of version 2 as one of the 43-token alphabet it was trained with
//! (`Alphabet::Accents`).

use crate::models::gpt::{Config, Gpt};
use crate::params::Params;

pub const FORMAT: &str = "tuto-llm-minigpt";
pub const VERSION: u32 = 3;
/// The oldest version this program still reads.
pub const OLDEST_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedModel {
    pub format: String,
    pub version: u32,
    pub config: Config,
    /// Free text: which data it learned, how many steps (shown when loading).
    #[serde(default)]
    pub note: String,
    pub params: Params,
}

/// What a file may hold before it is refused: checked on its configuration before its numbers
/// are read (a huge model costs nothing to refuse).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub max_params: usize,
    /// Longer notes are cut (a note is shown to the pupil).
    pub max_note_chars: usize,
    /// A trained weight is a small number; beyond this the model only writes empty names.
    pub max_weight: f32,
}

impl Default for Limits {
    /// Generous: any model this trainer can make (the command line's limits).
    fn default() -> Self {
        Limits {
            max_params: 4_000_000,
            max_note_chars: 2000,
            max_weight: 1000.0,
        }
    }
}

/// Why a file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON, or JSON of another shape.
    NotAModel(String),
    /// A Tuto LLM file of a version this program does not know.
    UnknownVersion(u32),
    /// The right kind of file, but its numbers do not fit its configuration.
    Damaged(String),
    /// A model with more parameters than allowed here.
    TooBig(usize),
    /// Weights so large (or not numbers) that the model cannot write anything.
    AbsurdWeights,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotAModel(e) => write!(f, "not a Tuto LLM model file: {e}"),
            LoadError::UnknownVersion(v) => write!(
                f,
                "model file version {v} is not supported (expected {VERSION})"
            ),
            LoadError::Damaged(e) => write!(f, "damaged model file: {e}"),
            LoadError::TooBig(n) => write!(f, "a model of {n} parameters is too big here"),
            LoadError::AbsurdWeights => {
                write!(f, "the model's weights are not small finite numbers")
            }
        }
    }
}

impl std::error::Error for LoadError {}

pub fn to_json(model: &Gpt, note: &str) -> String {
    let saved = SavedModel {
        format: FORMAT.into(),
        version: VERSION,
        config: model.config,
        note: note.into(),
        params: model.params.clone(),
    };
    serde_json::to_string(&saved).expect("plain numbers and strings always serialise")
}

/// Reads a model file; returns the model and its note (within the default limits).
pub fn from_json(text: &str) -> Result<(Gpt, String), LoadError> {
    from_json_within(text, &Limits::default())
}

/// The file's parts other than its numbers (read first: cheap to refuse).
#[derive(serde::Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    config: Option<serde_json::Value>,
    #[allow(dead_code)]
    params: Option<serde::de::IgnoredAny>,
}

/// Reads a model file within `limits`: what it is, its size and its note first, its numbers
/// only if the size is allowed; weights must be small finite numbers.
pub fn from_json_within(text: &str, limits: &Limits) -> Result<(Gpt, String), LoadError> {
    let header: Header =
        serde_json::from_str(text).map_err(|e| LoadError::NotAModel(e.to_string()))?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(LoadError::NotAModel("missing format tag".into()));
    }
    let version = match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if (OLDEST_VERSION as u64..=VERSION as u64).contains(&v) => v,
        Some(v) => return Err(LoadError::UnknownVersion(v.min(u32::MAX as u64) as u32)),
        None => return Err(LoadError::NotAModel("missing version".into())),
    };
    let config: Config = serde_json::from_value(header.config.unwrap_or_default())
        .map_err(|e| LoadError::Damaged(e.to_string()))?;
    let config = as_written(config, version);
    config
        .validate()
        .map_err(|e| LoadError::Damaged(e.to_string()))?;
    if config.param_count() > limits.max_params {
        return Err(LoadError::TooBig(config.param_count()));
    }
    let saved: SavedModel =
        serde_json::from_str(text).map_err(|e| LoadError::Damaged(e.to_string()))?;
    let gpt = Gpt::from_parts(config, saved.params).map_err(LoadError::Damaged)?;
    let huge = gpt
        .params
        .matrices
        .iter()
        .flat_map(|m| &m.data)
        .any(|w| !w.is_finite() || w.abs() > limits.max_weight);
    if huge {
        return Err(LoadError::AbsurdWeights);
    }
    let note: String = saved
        .note
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(limits.max_note_chars)
        .collect();
    Ok((gpt, note))
}

/// The configuration in the alphabet the file was written with: before version 3, « extended »
/// meant the 43-token alphabet.
fn as_written(config: Config, version: u64) -> Config {
    if version >= 3 {
        return config;
    }
    Config {
        alphabet: config.alphabet.with_vocab(config.vocab),
        ..config
    }
}

/// Characters that reorder text when shown: a note never hides its real text behind them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}
