//! Saving a trained GPT to a JSON file and loading it back. The file says what it is
//! (`format`, `version`), so a wrong or damaged file is recognised and refused, never a panic.
//! Version 2 adds the model's alphabet; version 1 files (before the extended alphabet) still
//! load, as models of the 27-token alphabet.

use crate::models::gpt::{Config, Gpt};
use crate::params::Params;

pub const FORMAT: &str = "tuto-llm-minigpt";
pub const VERSION: u32 = 2;
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

/// Why a file could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON, or JSON of another shape.
    NotAModel(String),
    /// A Tuto LLM file of a version this program does not know.
    UnknownVersion(u32),
    /// The right kind of file, but its numbers do not fit its configuration.
    Damaged(String),
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

/// Reads a model file; returns the model and its note.
pub fn from_json(text: &str) -> Result<(Gpt, String), LoadError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotAModel(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(LoadError::NotAModel("missing format tag".into()));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (OLDEST_VERSION as u64..=VERSION as u64).contains(&v) => {}
        Some(v) => return Err(LoadError::UnknownVersion(v.min(u32::MAX as u64) as u32)),
        None => return Err(LoadError::NotAModel("missing version".into())),
    }
    let saved: SavedModel =
        serde_json::from_value(value).map_err(|e| LoadError::Damaged(e.to_string()))?;
    let gpt = Gpt::from_parts(saved.config, saved.params).map_err(LoadError::Damaged)?;
    Ok((gpt, saved.note))
}
