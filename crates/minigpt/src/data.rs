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
const PROVERBES: &str = include_str!("../../../data/proverbes.txt");

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
    /// Traditional French proverbs and sayings, one sentence per line (spaces, apostrophes and
    /// commas: the extended alphabet).
    Proverbes,
}

impl Dataset {
    pub const ALL: [Dataset; 5] = [
        Dataset::Pokemon,
        Dataset::Prenoms,
        Dataset::Dinosaures,
        Dataset::Mots,
        Dataset::Proverbes,
    ];

    /// Parses the short name used on the command line and in URLs.
    pub fn from_key(key: &str) -> Option<Dataset> {
        match key {
            "pokemon" => Some(Dataset::Pokemon),
            "prenoms" => Some(Dataset::Prenoms),
            "dinosaures" => Some(Dataset::Dinosaures),
            "mots" => Some(Dataset::Mots),
            "proverbes" => Some(Dataset::Proverbes),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Dataset::Pokemon => "pokemon",
            Dataset::Prenoms => "prenoms",
            Dataset::Dinosaures => "dinosaures",
            Dataset::Mots => "mots",
            Dataset::Proverbes => "proverbes",
        }
    }

    /// The alphabet the list is written in (the three lists of names are a-z only).
    pub fn alphabet(self) -> Alphabet {
        match self {
            Dataset::Mots | Dataset::Proverbes => Alphabet::Extended,
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
        // Each line is one item (a proverb keeps its commas); lines that become equal, once.
        let mut seen = std::collections::HashSet::new();
        names
            .into_iter()
            .flat_map(|name| alphabet.clean_one(name).names)
            .filter(|name| seen.insert(name.clone()))
            .collect()
    }

    /// The names, one per line in the embedded file (written in the list's own alphabet).
    pub fn names(self) -> Vec<&'static str> {
        let text = match self {
            Dataset::Pokemon => POKEMON,
            Dataset::Prenoms => PRENOMS,
            Dataset::Dinosaures => DINOSAURES,
            Dataset::Mots => MOTS,
            Dataset::Proverbes => PROVERBES,
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
        assert_eq!(Dataset::Proverbes.names().len(), 549);
        for d in Dataset::ALL {
            for name in d.names() {
                assert!(d.alphabet().can_write(name), "{name}");
                assert_eq!(
                    d.alphabet().clean_one(name).names,
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
    fn proverbs_are_sentences_of_the_extended_alphabet() {
        let proverbs = Dataset::Proverbes.names();
        let chars = |p: &&str| p.chars().count();
        assert_eq!(proverbs.iter().map(chars).max(), Some(81));
        let mut lengths: Vec<usize> = proverbs.iter().map(chars).collect();
        lengths.sort_unstable();
        // The 95th percentile (data/SOURCES.md; the context of a model for sentences).
        assert_eq!(lengths[(proverbs.len() * 95).div_ceil(100) - 1], 55);
        let block = crate::Config::phase2_sentences().block_size;
        assert_eq!(lengths.iter().filter(|&&n| n + 1 > block).count(), 7);
        assert_eq!(crate::Config::phase2_sentences().param_count(), 206_592);
        assert!(proverbs.contains(&"petit à petit, l'oiseau fait son nid"));
        assert!(proverbs.iter().all(|p| p.contains(' ')));
        let letters = Dataset::Proverbes.names_in(Alphabet::Letters);
        assert!(letters.contains(&"petitapetitloiseaufaitsonnid".to_string()));
        assert_eq!(letters.len(), proverbs.len());
        assert!(proverbs.iter().filter(|p| p.contains(',')).count() > 100);
        // No line twice, and no line cut in two by the cleaning of a pasted list.
        let once: std::collections::HashSet<_> = proverbs.iter().collect();
        assert_eq!(once.len(), proverbs.len());
        assert_eq!(Alphabet::Extended.clean(PROVERBES).names, proverbs);
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
