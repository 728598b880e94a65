//! The alphabet a model reads and writes, and `clean`, which turns whatever a pupil pastes into
//! a list of names written in that alphabet.
//!
//! Two alphabets exist. `Letters` is the course's: `.` (start and end of a name) and a-z, 27
//! tokens. `Extended` adds the accented letters French uses and the hyphen (43 tokens), so a
//! model can write « Éloïse » or « Jean-Noël ». The alphabet is a value every model, saved file
//! and picture carries: nothing assumes 27.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The token that marks both the start and the end of a name, in every alphabet.
pub const BOUNDARY: usize = 0;

/// Accented letters and signs of the extended alphabet, after `.` and a-z (token 27 onwards).
const EXTRA: [char; 16] = [
    'é', 'è', 'ê', 'ë', 'à', 'â', 'î', 'ï', 'ô', 'û', 'ù', 'ü', 'ç', 'œ', 'æ', '-',
];

/// Which characters a model knows.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Alphabet {
    /// `.` and a-z: 27 tokens (the six lessons).
    #[default]
    Letters,
    /// `.`, a-z, é è ê ë à â î ï ô û ù ü ç œ æ and the hyphen: 43 tokens.
    Extended,
}

impl Alphabet {
    pub const ALL: [Alphabet; 2] = [Alphabet::Letters, Alphabet::Extended];

    /// Number of tokens.
    pub const fn size(self) -> usize {
        match self {
            Alphabet::Letters => 27,
            Alphabet::Extended => 27 + EXTRA.len(),
        }
    }

    /// The name used on the command line and in files.
    pub fn key(self) -> &'static str {
        match self {
            Alphabet::Letters => "letters",
            Alphabet::Extended => "extended",
        }
    }

    pub fn from_key(key: &str) -> Option<Alphabet> {
        Alphabet::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Token id of a character, or `None` if this alphabet does not have it.
    pub fn encode_char(self, c: char) -> Option<usize> {
        match c {
            '.' => Some(BOUNDARY),
            'a'..='z' => Some(c as usize - 'a' as usize + 1),
            _ if self == Alphabet::Extended => EXTRA.iter().position(|&e| e == c).map(|i| 27 + i),
            _ => None,
        }
    }

    /// Character of a token id (ids outside the alphabet show as `?`, never panic).
    pub fn decode_token(self, id: usize) -> char {
        match id {
            BOUNDARY => '.',
            1..=26 => (b'a' + (id as u8 - 1)) as char,
            _ if id < self.size() => EXTRA[id - 27],
            _ => '?',
        }
    }

    /// Every character of the alphabet, in token order (`.` first).
    pub fn symbols(self) -> Vec<char> {
        (0..self.size()).map(|id| self.decode_token(id)).collect()
    }

    /// A clean name as the token sequence the models read: `.name.` (unknown characters skipped).
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
        text.chars()
            .all(|c| c != '.' && self.encode_char(c).is_some())
    }

    /// Turns any text into names of this alphabet.
    ///
    /// Names are separated by new lines, spaces, commas and semicolons. Each name is lower-cased.
    /// A letter the alphabet lacks loses its accent with Unicode NFKD ("Zoé" → "zoe" with
    /// `Letters`, "Muñoz" → "munoz" with both); the extended alphabet keeps French accents and
    /// inner hyphens. Every other character is reported in `dropped_chars`, never silently eaten.
    ///
    /// Linear in the length of the text, whatever it holds (every name twice included).
    pub fn clean(self, text: &str) -> CleanReport {
        use std::collections::HashSet;
        let mut report = CleanReport::default();
        let (mut seen, mut repeated) = (HashSet::new(), HashSet::new());
        for piece in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
            if piece.is_empty() {
                continue;
            }
            let name = self.clean_piece(piece, &mut report);
            if name.is_empty() {
                report.empty_pieces += 1;
            } else if !seen.contains(&name) {
                seen.insert(name.clone());
                report.names.push(name);
            } else if repeated.insert(name.clone()) {
                report.duplicates.push(name);
            }
        }
        report
    }

    fn clean_piece(self, piece: &str, report: &mut CleanReport) -> String {
        let mut name = String::with_capacity(piece.len());
        for original in piece.chars() {
            let lower: Vec<char> = original.to_lowercase().collect();
            // Kept as it is (a-z, and with `Extended` the French accents and the hyphen).
            if lower.len() == 1 && lower[0] != '.' && self.encode_char(lower[0]).is_some() {
                name.push(lower[0]);
                continue;
            }
            // Ligatures that NFKD leaves whole but French writes often.
            let spelled = match lower[0] {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                _ => "",
            };
            if !spelled.is_empty() {
                name.push_str(spelled);
                continue;
            }
            let mut kept_any = false;
            for c in original.nfkd().filter(|c| !is_combining_mark(*c)) {
                for lower in c.to_lowercase() {
                    if lower.is_ascii_lowercase() {
                        name.push(lower);
                        kept_any = true;
                    }
                }
            }
            if kept_any {
                // Not in the alphabet as it is, yet a letter once simplified: say so.
                report.accents_removed.push(original);
            } else {
                let reason = if original.is_numeric() {
                    DropReason::Digit
                } else if original.is_ascii_punctuation() || is_unicode_punctuation(original) {
                    DropReason::Punctuation
                } else {
                    DropReason::Other
                };
                report.dropped_chars.push((original, reason));
            }
        }
        // A hyphen only joins two parts of a name: one at either end means nothing.
        while name.starts_with('-') || name.ends_with('-') || name.contains("--") {
            let before = name.len();
            name = name.trim_matches('-').replace("--", "-");
            for _ in 0..before - name.len() {
                report.dropped_chars.push(('-', DropReason::Punctuation));
            }
        }
        name
    }
}

/// Why a character was left out of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum DropReason {
    Digit,
    Punctuation,
    /// Emoji, symbols, letters of other alphabets: anything that has no form in the alphabet.
    Other,
}

/// What `clean` kept and what it left out, so the page can explain it to the pupil.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanReport {
    /// The names kept, in order of first appearance, each written in the alphabet.
    pub names: Vec<String>,
    /// Every character left out, with the reason (one entry per occurrence).
    pub dropped_chars: Vec<(char, DropReason)>,
    /// Letters kept without their accent (or ligature), one entry per occurrence ("é" in "Zoé").
    pub accents_removed: Vec<char>,
    /// Names that appeared more than once (each kept once).
    pub duplicates: Vec<String>,
    /// Pieces of text that held no letter at all (for example "123" or "🙂").
    pub empty_pieces: usize,
}

impl CleanReport {
    pub fn count(&self, reason: DropReason) -> usize {
        self.dropped_chars
            .iter()
            .filter(|(_, r)| *r == reason)
            .count()
    }
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '’' | '‘' | '“' | '”' | '…' | '–' | '—' | '¿' | '¡' | '·'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Alphabet::{Extended, Letters};

    #[test]
    fn tokens_round_trip() {
        assert_eq!(
            Letters.encode_name("pikachu"),
            vec![0, 16, 9, 11, 1, 3, 8, 21, 0]
        );
        assert_eq!(Letters.decode(&Letters.encode_name("zoe")), ".zoe.");
        assert_eq!(Letters.decode_token(99), '?');
        assert_eq!(Letters.decode_token(27), '?');
        for a in Alphabet::ALL {
            for id in 0..a.size() {
                assert_eq!(a.encode_char(a.decode_token(id)), Some(id));
            }
            assert_eq!(Alphabet::from_key(a.key()), Some(a));
        }
        assert_eq!((Letters.size(), Extended.size()), (27, 43));
        assert_eq!(Letters.encode_char('é'), None);
        assert_eq!(
            Extended.decode(&Extended.encode_name("jean-noël")),
            ".jean-noël."
        );
    }

    #[test]
    fn letters_remove_accents_with_nfkd_and_say_so() {
        let r = Letters.clean("Zoé Ça Éloïse\nNoël, cœur");
        assert_eq!(r.names, ["zoe", "ca", "eloise", "noel", "coeur"]);
        assert!(r.dropped_chars.is_empty());
        assert_eq!(r.accents_removed, ['é', 'Ç', 'É', 'ï', 'ë']);
    }

    #[test]
    fn extended_keeps_french_accents_and_hyphens() {
        let r = Extended.clean("Éloïse, Jean-Noël ; Maëlys Cœur Muñoz -Léa- Ana--Lou");
        assert_eq!(
            r.names,
            [
                "éloïse",
                "jean-noël",
                "maëlys",
                "cœur",
                "munoz",
                "léa",
                "ana-lou"
            ]
        );
        assert_eq!(r.accents_removed, ['ñ']);
        assert_eq!(r.count(DropReason::Punctuation), 3);
        assert!(r.names.iter().all(|n| Extended.can_write(n)));
    }

    #[test]
    fn everything_dropped_is_reported() {
        let r = Letters.clean("Léa2, jean-pierre\n\n🙂 ; léa  123");
        assert_eq!(r.names, ["lea", "jeanpierre"]);
        assert_eq!(r.duplicates, ["lea"]);
        assert_eq!(r.count(DropReason::Digit), 4);
        assert_eq!(r.count(DropReason::Punctuation), 1);
        assert_eq!(r.count(DropReason::Other), 1);
        assert_eq!(r.empty_pieces, 2);
    }

    #[test]
    fn empty_text_gives_no_name() {
        for a in Alphabet::ALL {
            assert_eq!(a.clean("  \n,,;-").names.len(), 0);
        }
    }
}
