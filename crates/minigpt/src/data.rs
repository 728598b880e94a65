//! The built-in datasets (embedded at compile time), the 20-name teaching set, and the seeded
//! shuffle / train-validation split every lesson uses.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::vocab::Alphabet;

const POKEMON: &str = include_str!("../../../data/pokemon.txt");
const PRENOMS: &str = include_str!("../../../data/prenoms.txt");
const DINOSAURES: &str = include_str!("../../../data/dinosaures.txt");
const MOTS: &str = include_str!("../../../data/mots.txt");

/// The 20 Pokémon of the original course, used in lessons 1-5.
pub const TEACHING_SET: [&str; 20] = [
    "arcanin",
    "bulbizarre",
    "carapuce",
    "dracaufeu",
    "ectoplasma",
    "evoli",
    "felinferno",
    "gardevoir",
    "goupix",
    "lokhlass",
    "lucario",
    "metamorph",
    "mewtwo",
    "noctali",
    "pikachu",
    "rondoudou",
    "ronflex",
    "salameche",
    "togepi",
    "voltali",
];

/// A built-in list of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Dataset {
    Pokemon,
    Prenoms,
    Dinosaures,
    /// French dictionary words, with their accents and hyphens (see data/SOURCES.md).
    Mots,
}

impl Dataset {
    pub const ALL: [Dataset; 4] = [
        Dataset::Pokemon,
        Dataset::Prenoms,
        Dataset::Dinosaures,
        Dataset::Mots,
    ];

    /// Parses the short name used on the command line and in URLs.
    pub fn from_key(key: &str) -> Option<Dataset> {
        match key {
            "pokemon" => Some(Dataset::Pokemon),
            "prenoms" => Some(Dataset::Prenoms),
            "dinosaures" => Some(Dataset::Dinosaures),
            "mots" => Some(Dataset::Mots),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Dataset::Pokemon => "pokemon",
            Dataset::Prenoms => "prenoms",
            Dataset::Dinosaures => "dinosaures",
            Dataset::Mots => "mots",
        }
    }

    /// The alphabet the list is written in (the three lists of names are a-z only).
    pub fn alphabet(self) -> Alphabet {
        match self {
            Dataset::Mots => Alphabet::Extended,
            _ => Alphabet::Letters,
        }
    }

    /// The names, written for a model of `alphabet`: with `Letters`, « café » becomes « cafe »
    /// and « mots-clés » « motscles » (an alphabet that has every token of the list's own keeps
    /// them as they are).
    pub fn names_in(self, alphabet: Alphabet) -> Vec<String> {
        let names = self.names();
        if alphabet.includes(self.alphabet()) {
            return names.into_iter().map(String::from).collect();
        }
        alphabet.clean(&names.join("\n")).names
    }

    /// The names, one per line in the embedded file (written in the list's own alphabet).
    pub fn names(self) -> Vec<&'static str> {
        let text = match self {
            Dataset::Pokemon => POKEMON,
            Dataset::Prenoms => PRENOMS,
            Dataset::Dinosaures => DINOSAURES,
            Dataset::Mots => MOTS,
        };
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// The names in a reproducible random order (the same seed gives the same order everywhere).
pub fn shuffled<T: Clone>(names: &[T], seed: u64) -> Vec<T> {
    let mut out = names.to_vec();
    out.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    out
}

/// Splits a shuffled list: the first `1 - validation_fraction` to train on, the rest to check
/// the model on names it never saw. Both parts get at least one name when there are two.
pub fn split<T: Clone>(names: &[T], validation_fraction: f32) -> (Vec<T>, Vec<T>) {
    let n = names.len();
    let mut n_val = (n as f32 * validation_fraction.clamp(0.0, 1.0)).round() as usize;
    if n >= 2 {
        n_val = n_val.clamp(1, n - 1);
    } else {
        n_val = 0;
    }
    (names[..n - n_val].to_vec(), names[n - n_val..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datasets_have_the_documented_sizes_and_alphabet() {
        assert_eq!(Dataset::Pokemon.names().len(), 1023);
        assert_eq!(Dataset::Prenoms.names().len(), 33235);
        assert_eq!(Dataset::Dinosaures.names().len(), 1524);
        assert_eq!(Dataset::Mots.names().len(), 13407);
        for d in Dataset::ALL {
            for name in d.names() {
                assert!(d.alphabet().can_write(name), "{name}");
                assert_eq!(
                    d.alphabet().clean(name).names,
                    [name],
                    "already clean: {name}"
                );
            }
            assert_eq!(Dataset::from_key(d.key()), Some(d));
        }
        let mots = Dataset::Mots.names();
        assert!(mots.iter().any(|w| w.contains('é')) && mots.iter().any(|w| w.contains('-')));
        let letters = Dataset::Mots.names_in(Alphabet::Letters);
        assert!(letters.iter().all(|w| Alphabet::Letters.can_write(w)));
        assert!(
            letters.len() > 13000,
            "a few words meet once their accents are gone"
        );
        assert_eq!(
            Dataset::Dinosaures.names().iter().map(|n| n.len()).max(),
            Some(26)
        );
    }

    #[test]
    fn teaching_set_is_in_the_pokemon_list() {
        let all = Dataset::Pokemon.names();
        assert!(TEACHING_SET.iter().all(|n| all.contains(n)));
    }

    #[test]
    fn shuffle_is_seeded_and_split_keeps_everything() {
        let names = Dataset::Pokemon.names();
        assert_eq!(shuffled(&names, 7), shuffled(&names, 7));
        assert_ne!(shuffled(&names, 7), shuffled(&names, 8));
        let (train, val) = split(&names, 0.1);
        assert_eq!(train.len() + val.len(), names.len());
        assert_eq!(val.len(), 102);
        assert_eq!(split(&["a"], 0.5).1.len(), 0);
        assert_eq!(split(&["a", "b"], 0.0).1.len(), 1);
    }
}
