//! The 27 tokens of the course: `.` (start and end of a name) and the letters a-z,
//! and `clean`, which turns whatever a pupil pastes into a list of such names.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Number of tokens: `.` plus the 26 letters.
pub const VOCAB_SIZE: usize = 27;
/// The token that marks both the start and the end of a name.
pub const BOUNDARY: usize = 0;

/// Token id of a character, or `None` if it is not `.` or a-z.
pub fn encode_char(c: char) -> Option<usize> {
    match c {
        '.' => Some(BOUNDARY),
        'a'..='z' => Some(c as usize - 'a' as usize + 1),
        _ => None,
    }
}

/// Character of a token id (ids outside 0..27 show as `?`, never panic).
pub fn decode_token(id: usize) -> char {
    match id {
        BOUNDARY => '.',
        1..=26 => (b'a' + (id as u8 - 1)) as char,
        _ => '?',
    }
}

/// A clean name (a-z only) as the token sequence the models read: `.name.`
pub fn encode_name(name: &str) -> Vec<usize> {
    let mut ids = Vec::with_capacity(name.len() + 2);
    ids.push(BOUNDARY);
    ids.extend(
        name.chars()
            .filter_map(encode_char)
            .filter(|&t| t != BOUNDARY),
    );
    ids.push(BOUNDARY);
    ids
}

/// Token ids back to text.
pub fn decode(ids: &[usize]) -> String {
    ids.iter().map(|&id| decode_token(id)).collect()
}

/// Why a character was left out of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum DropReason {
    Digit,
    Punctuation,
    /// Emoji, symbols, letters of other alphabets: anything that has no a-z form.
    Other,
}

/// What `clean` kept and what it left out, so the page can explain it to the pupil.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanReport {
    /// The names kept, in order of first appearance, each made of a-z only.
    pub names: Vec<String>,
    /// Every character left out, with the reason (one entry per occurrence).
    pub dropped_chars: Vec<(char, DropReason)>,
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

/// Turns any text into names of the 27-token alphabet.
///
/// Names are separated by new lines, spaces, commas and semicolons. Each name is lower-cased and
/// its accents removed with Unicode NFKD ("Zoé" → "zoe", "Ça" → "ca"); every other character is
/// reported in `dropped_chars`, never silently eaten.
pub fn clean(text: &str) -> CleanReport {
    let mut report = CleanReport::default();
    let mut seen = std::collections::HashSet::new();
    for piece in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if piece.is_empty() {
            continue;
        }
        let name = clean_piece(piece, &mut report.dropped_chars);
        if name.is_empty() {
            report.empty_pieces += 1;
        } else if seen.insert(name.clone()) {
            report.names.push(name);
        } else if !report.duplicates.contains(&name) {
            report.duplicates.push(name);
        }
    }
    report
}

fn clean_piece(piece: &str, dropped: &mut Vec<(char, DropReason)>) -> String {
    let mut name = String::with_capacity(piece.len());
    for original in piece.chars() {
        // Ligatures that NFKD leaves whole but French writes often.
        let spelled = match original {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
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
        if !kept_any {
            let reason = if original.is_numeric() {
                DropReason::Digit
            } else if original.is_ascii_punctuation() || is_unicode_punctuation(original) {
                DropReason::Punctuation
            } else {
                DropReason::Other
            };
            dropped.push((original, reason));
        }
    }
    name
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

    #[test]
    fn tokens_round_trip() {
        assert_eq!(encode_name("pikachu"), vec![0, 16, 9, 11, 1, 3, 8, 21, 0]);
        assert_eq!(decode(&encode_name("zoe")), ".zoe.");
        assert_eq!(decode_token(99), '?');
        for id in 0..VOCAB_SIZE {
            assert_eq!(encode_char(decode_token(id)), Some(id));
        }
    }

    #[test]
    fn accents_are_removed_with_nfkd() {
        let r = clean("Zoé Ça Éloïse\nNoël, cœur");
        assert_eq!(r.names, ["zoe", "ca", "eloise", "noel", "coeur"]);
        assert!(r.dropped_chars.is_empty());
    }

    #[test]
    fn everything_dropped_is_reported() {
        let r = clean("Léa2, jean-pierre\n\n🙂 ; léa  123");
        assert_eq!(r.names, ["lea", "jeanpierre"]);
        assert_eq!(r.duplicates, ["lea"]);
        assert_eq!(r.count(DropReason::Digit), 4);
        assert_eq!(r.count(DropReason::Punctuation), 1);
        assert_eq!(r.count(DropReason::Other), 1);
        assert_eq!(r.empty_pieces, 2);
    }

    #[test]
    fn empty_text_gives_no_name() {
        assert_eq!(clean("  \n,,;").names.len(), 0);
    }
}
