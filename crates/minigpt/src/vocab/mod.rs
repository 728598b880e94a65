//! The alphabet a model reads and writes, and `clean` (in `clean.rs`), which turns whatever a
//! pupil pastes into a list of items (names, words or sentences) written in that alphabet.
//!
//! Two alphabets are offered. `Letters` is the course's: `.` (start and end of an item) and a-z,
//! 27 tokens. `Extended` adds the accented letters French uses, the hyphen, and what a sentence
//! needs: the space, the apostrophe and the comma (46 tokens), so a model can write « Éloïse »,
//! « Jean-Noël » or « petit à petit, l'oiseau fait son nid ». A final period needs no token: the
//! end token is the period. A third, `Accents`, is the extended alphabet as it was before it
//! had the signs of sentences (43 tokens): only model files saved then use it, and they still
//! give exactly the probabilities they gave.
//!
//! The alphabet is a value every model, saved file and picture carries: nothing assumes 27. Its
//! tokens and fold rules are public data (`TOKENS_AFTER_LETTERS`, `SPELLED_OUT`,
//! `APOSTROPHES`, `Alphabet::symbols`), so a notebook can clean text exactly as the app does.

mod clean;

pub use clean::{CleanReport, DropReason, Joined};

/// The token that marks both the start and the end of an item, in every alphabet.
pub const BOUNDARY: usize = 0;

/// The tokens after `.` and a-z (token 27 onwards), in order: the accented letters and the
/// hyphen (all of them in `Accents`), then the space, the apostrophe and the comma (`Extended`).
pub const TOKENS_AFTER_LETTERS: [char; 19] = [
    'é', 'è', 'ê', 'ë', 'à', 'â', 'î', 'ï', 'ô', 'û', 'ù', 'ü', 'ç', 'œ', 'æ', '-', ' ', '\'', ',',
];

/// How many of `TOKENS_AFTER_LETTERS` the 43-token `Accents` alphabet has (up to the hyphen).
const ACCENTS_EXTRA: usize = 16;

/// Letters written as two when the alphabet lacks them (NFKD leaves them whole).
pub const SPELLED_OUT: [(char, &str); 3] = [('œ', "oe"), ('æ', "ae"), ('ß', "ss")];

/// Typographic apostrophes, written `'` by an alphabet that has the apostrophe.
pub const APOSTROPHES: [char; 3] = ['’', 'ʼ', '‘'];

/// Which characters a model knows.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Alphabet {
    /// `.` and a-z: 27 tokens (the six lessons).
    #[default]
    Letters,
    /// `.`, a-z, é è ê ë à â î ï ô û ù ü ç œ æ, the hyphen, the space, the apostrophe and the
    /// comma: 46 tokens (words and sentences).
    Extended,
    /// `.`, a-z, é è ê ë à â î ï ô û ù ü ç œ æ and the hyphen: 43 tokens. The extended alphabet
    /// of model files saved before it had the space (file version 2 and earlier programs).
    Accents,
}

impl Alphabet {
    pub const ALL: [Alphabet; 3] = [Alphabet::Letters, Alphabet::Extended, Alphabet::Accents];

    /// Number of tokens.
    pub const fn size(self) -> usize {
        27 + self.extra()
    }

    /// How many of `TOKENS_AFTER_LETTERS` this alphabet has.
    const fn extra(self) -> usize {
        match self {
            Alphabet::Letters => 0,
            Alphabet::Accents => ACCENTS_EXTRA,
            Alphabet::Extended => TOKENS_AFTER_LETTERS.len(),
        }
    }

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Alphabet::Letters => "letters",
            Alphabet::Extended => "extended",
            Alphabet::Accents => "accents",
        }
    }

    pub fn from_key(key: &str) -> Option<Alphabet> {
        Alphabet::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The alphabet that data saved as `self` with `vocab` tokens was written in: before the
    /// extended alphabet had the space, « extended » meant 43 tokens (`Accents`). For files and
    /// kept runs of earlier versions; anything else is `self`.
    pub fn with_vocab(self, vocab: usize) -> Alphabet {
        if self == Alphabet::Extended && vocab == Alphabet::Accents.size() {
            Alphabet::Accents
        } else {
            self
        }
    }

    /// Whether every token of `other` is a token of this alphabet, with the same id.
    pub fn includes(self, other: Alphabet) -> bool {
        self.extra() >= other.extra()
    }

    /// Token id of a character, or `None` if this alphabet does not have it.
    pub fn encode_char(self, c: char) -> Option<usize> {
        match c {
            '.' => Some(BOUNDARY),
            'a'..='z' => Some(c as usize - 'a' as usize + 1),
            _ => TOKENS_AFTER_LETTERS[..self.extra()]
                .iter()
                .position(|&e| e == c)
                .map(|i| 27 + i),
        }
    }

    /// Whether the alphabet writes this character (`.` is the boundary, not a character).
    pub fn has(self, c: char) -> bool {
        c != '.' && self.encode_char(c).is_some()
    }

    /// Character of a token id (ids outside the alphabet show as `?`, never panic).
    pub fn decode_token(self, id: usize) -> char {
        match id {
            BOUNDARY => '.',
            1..=26 => (b'a' + (id as u8 - 1)) as char,
            _ if id < self.size() => TOKENS_AFTER_LETTERS[id - 27],
            _ => '?',
        }
    }

    /// Every character of the alphabet, in token order (`.` first).
    pub fn symbols(self) -> Vec<char> {
        (0..self.size()).map(|id| self.decode_token(id)).collect()
    }

    /// A clean item as the token sequence the models read: `.item.` (unknown characters
    /// skipped).
    pub fn encode_name(self, name: &str) -> Vec<usize> {
        let mut ids = Vec::with_capacity(name.len() + 2);
        ids.push(BOUNDARY);
        ids.extend(
            name.chars()
                .filter_map(|c| self.encode_char(c))
                .filter(|&t| t != BOUNDARY),
        );
        ids.push(BOUNDARY);
        ids
    }

    /// Token ids back to text.
    pub fn decode(self, ids: &[usize]) -> String {
        ids.iter().map(|&id| self.decode_token(id)).collect()
    }

    /// Whether every character of `text` can be written with this alphabet (`.` excepted).
    pub fn can_write(self, text: &str) -> bool {
        text.chars().all(|c| self.has(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Alphabet::{Accents, Extended, Letters};

    #[test]
    fn tokens_round_trip() {
        assert_eq!(
            Letters.encode_name("pikachu"),
            vec![0, 16, 9, 11, 1, 3, 8, 21, 0]
        );
        assert_eq!(Letters.decode(&Letters.encode_name("zoe")), ".zoe.");
        assert_eq!(Letters.decode_token(99), '?');
        assert_eq!(Letters.decode_token(27), '?');
        assert_eq!(Accents.decode_token(43), '?');
        for a in Alphabet::ALL {
            for id in 0..a.size() {
                assert_eq!(a.encode_char(a.decode_token(id)), Some(id));
            }
            assert_eq!(Alphabet::from_key(a.key()), Some(a));
        }
        assert_eq!(
            (Letters.size(), Accents.size(), Extended.size()),
            (27, 43, 46)
        );
        assert_eq!(Letters.encode_char('é'), None);
        assert_eq!(Accents.encode_char(' '), None);
        assert_eq!(
            Extended.decode(&Extended.encode_name("jean-noël")),
            ".jean-noël."
        );
        let proverb = "petit à petit, l'oiseau fait son nid";
        assert!(Extended.can_write(proverb) && !Accents.can_write(proverb));
        assert_eq!(
            Extended.decode(&Extended.encode_name(proverb)),
            format!(".{proverb}.")
        );
    }

    #[test]
    fn the_43_token_alphabet_is_the_start_of_the_extended_one() {
        // Same ids for the same characters: an old model's tokens mean what they meant.
        assert_eq!(Extended.symbols()[..43], Accents.symbols()[..]);
        assert_eq!(Extended.symbols()[43..], [' ', '\'', ',']);
        assert!(Extended.includes(Accents) && Accents.includes(Letters));
        assert!(!Letters.includes(Extended) && !Accents.includes(Extended));
        assert_eq!(Extended.with_vocab(43), Accents);
        assert_eq!(Extended.with_vocab(46), Extended);
        assert_eq!(Letters.with_vocab(27), Letters);
    }
}
