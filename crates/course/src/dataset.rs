//! What a model learns from: one of the built-in lists, or the pupil's own names (the Atelier
//! and lesson 6 let the pupil choose; `app::widgets::dataset_picker` draws the choice).

use crate::content::widgets as text;
use crate::text::int;
use minigpt::data::Dataset;
use minigpt::Alphabet;

/// A built-in list, or the pupil's own names (already cleaned for the model's alphabet).
#[derive(Clone, Debug, PartialEq)]
pub enum DataChoice {
    Builtin(Dataset),
    Own(Vec<String>),
}

impl DataChoice {
    /// The names, written for a model of `alphabet`.
    pub fn names(&self, alphabet: Alphabet) -> Vec<String> {
        match self {
            DataChoice::Builtin(d) => d.names_in(alphabet),
            DataChoice::Own(names) => names.clone(),
        }
    }
    /// How the page names it.
    pub fn label(&self) -> String {
        match self {
            DataChoice::Builtin(d) => dataset_label(*d),
            DataChoice::Own(n) => text::own_list(n.len()),
        }
    }
}

/// A built-in list's name, with its size.
pub fn dataset_label(d: Dataset) -> String {
    let n = int(d.names().len() as u64);
    match d {
        Dataset::Pokemon => text::pokemon(&n),
        Dataset::Prenoms => text::prenoms(&n),
        Dataset::Dinosaures => text::dinosaures(&n),
        Dataset::Mots => text::mots(&n),
        Dataset::Proverbes => text::proverbes(&n),
    }
}
