//! Judging a generated sentence by a rule a pupil can check with their own eyes:
//! - « copié » (`Copied`): it is one of the sentences the model learned, word for word;
//! - « bizarre » (`Odd`): fewer than `MIN_WORDS` words, or a word that is not a French word;
//! - « nouveau » (`New`): a sentence that is not in the list, and every word of it is French.
//!
//! The bar is high on purpose: a sentence with one invented word reads as bizarre to a pupil
//! (measured on a model trained on the proverbs: with « one word in three » allowed, sentences
//! such as « il faire ffaise eut vais sut » passed as new).
//!
//! Each word says whether it is French (in `dictionary`: every form of every word of a big
//! French word list, not only the « Mots français » sample the models learn from).

pub mod dictionary;

use dictionary::{words_in, Dictionary};
use std::collections::HashSet;
use std::ops::Range;

/// A sentence of fewer words is odd (a word alone is not a sentence).
pub const MIN_WORDS: usize = 2;

/// What a generated sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// « copié »: a sentence of the list.
    Copied,
    /// « nouveau »: not in the list, every word French.
    New,
    /// « bizarre »: too short, or a word that does not exist.
    Odd,
}

/// One word of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where it is in the sentence (bytes), to mark it there.
    pub range: Range<usize>,
    pub text: String,
    pub french: bool,
}

/// A sentence's verdict and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub words: Vec<Word>,
}

impl Judgement {
    pub fn french_words(&self) -> usize {
        self.words.iter().filter(|w| w.french).count()
    }
}

/// The words of `sentence`, each checked against the French word list.
pub fn words(sentence: &str) -> Vec<Word> {
    let french = Dictionary::french();
    words_in(sentence, &|w: &str| french.contains(w))
        .into_iter()
        .map(|range| {
            let text = sentence[range.clone()].to_string();
            let french = french.is_french(&text);
            Word {
                range,
                text,
                french,
            }
        })
        .collect()
}

/// Judges sentences against the list a model learned.
#[derive(Clone, Debug, Default)]
pub struct Judge {
    known: HashSet<String>,
}

impl Judge {
    pub fn new<S: AsRef<str>>(learned: &[S]) -> Judge {
        Judge {
            known: learned.iter().map(|s| s.as_ref().to_string()).collect(),
        }
    }

    pub fn judge(&self, sentence: &str) -> Judgement {
        let sentence = sentence.trim();
        let words = words(sentence);
        let verdict = if self.known.contains(sentence) {
            Verdict::Copied
        } else if words.len() < MIN_WORDS || words.iter().any(|w| !w.french) {
            Verdict::Odd
        } else {
            Verdict::New
        };
        Judgement { verdict, words }
    }
}

/// How many words are French among how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordShare {
    pub french: usize,
    pub words: usize,
}

impl WordShare {
    /// The words of every sentence.
    pub fn of<S: AsRef<str>>(sentences: &[S]) -> WordShare {
        WordShare::of_first(usize::MAX, sentences.iter().map(|s| s.as_ref().to_string()))
    }

    /// The first `n` words of the sentences, in order (fewer if the sentences run out): to
    /// compare two generators on the same number of words.
    pub fn of_first(n: usize, sentences: impl Iterator<Item = String>) -> WordShare {
        let mut share = WordShare::default();
        for sentence in sentences {
            for word in words(&sentence) {
                if share.words == n {
                    return share;
                }
                share.words += 1;
                share.french += usize::from(word.french);
            }
        }
        share
    }

    /// The share of French words (`None` without words).
    pub fn share(&self) -> Option<f64> {
        (self.words > 0).then(|| self.french as f64 / self.words as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    #[test]
    fn every_word_of_the_proverbs_is_french() {
        let proverbs = Dataset::Proverbes.names();
        let share = WordShare::of(&proverbs);
        assert_eq!(share.french, share.words);
        assert!(share.words > 3700, "{share:?}");
        let judge = Judge::new(&proverbs);
        assert!(proverbs
            .iter()
            .all(|p| judge.judge(p).verdict == Verdict::Copied));
    }

    #[test]
    fn gibberish_is_not_french() {
        for word in [
            "xqz", "paskal", "ourf", "blorp", "fromm", "l'", "oiseaux'", "qu'x", "tréf", "ç", "-",
        ]
        .iter()
        {
            let french = words(word).iter().all(|w| w.french);
            assert_eq!(french, *word == "l'", "{word}");
        }
    }

    #[test]
    fn the_verdicts_follow_the_rule_a_pupil_reads() {
        let judge = Judge::new(&["qui vivra verra"]);
        let verdict = |s: &str| judge.judge(s).verdict;
        assert_eq!(verdict("qui vivra verra"), Verdict::Copied);
        assert_eq!(verdict("qui chante verra"), Verdict::New);
        assert_eq!(verdict("l'oiseau fait son nid"), Verdict::New);
        // One word that does not exist is enough.
        assert_eq!(verdict("qui vivra verra ensemble blorp"), Verdict::Odd);
        assert_eq!(verdict("qui vivra verra ensemble"), Verdict::New);
        assert_eq!(verdict("verra"), Verdict::Odd, "one word");
        assert_eq!(verdict(""), Verdict::Odd);
        let j = judge.judge("l'oizeau chante");
        let marks: Vec<(&str, bool)> = j
            .words
            .iter()
            .map(|w| (w.text.as_str(), w.french))
            .collect();
        assert_eq!(marks, [("l'", true), ("oizeau", false), ("chante", true)]);
        assert_eq!(&"l'oizeau chante"[j.words[1].range.clone()], "oizeau");
    }

    #[test]
    fn shares_count_the_same_number_of_words() {
        let sentences = ["qui vivra verra", "blorp blorp", "l'oiseau"];
        assert_eq!(
            WordShare::of(&sentences),
            WordShare {
                french: 5,
                words: 7
            }
        );
        let first = WordShare::of_first(4, sentences.iter().map(|s| s.to_string()));
        assert_eq!((first.french, first.words), (3, 4));
        assert_eq!(WordShare::default().share(), None);
    }
}
