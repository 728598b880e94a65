//! What a model learns from: one of the built-in lists, or the pupil's own names (the Atelier
//! and lesson 6 let the pupil choose; `app::widgets::dataset_picker` draws the choice).

use crate::content::widgets as text;
use crate::text::int;
use minigpt::data::Dataset;
use minigpt::Alphabet;

/// A built-in list, or the pupil's own names (already cleaned for the model's alphabet).
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// A beginning that suits the data, for the bars of the next letter after training (lesson
    /// 6 and the Atelier): a name of the list starts with it.
    pub fn demo_prefix(&self) -> &'static str {
        match self {
            DataChoice::Builtin(Dataset::Prenoms) => "mar",
            DataChoice::Builtin(Dataset::Dinosaures) => "tyr",
            DataChoice::Builtin(Dataset::Mots) => crate::content::atelier::MOTS_DEMO_PREFIX,
            DataChoice::Builtin(Dataset::Proverbes) => crate::content::atelier::PROVERBES_DEMO_PREFIX,
            _ => "pik",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_prefix_begins_a_name_of_its_list() {
        for d in Dataset::ALL {
            let prefix = DataChoice::Builtin(d).demo_prefix();
            assert!(
                d.names().iter().any(|n| n.starts_with(prefix)),
                "{d:?}: no name starts with {prefix}"
            );
        }
    }
}
