//! `Alphabet::clean`: whatever a pupil pastes, as a list of items written in the alphabet, with
//! a report of everything it changed (nothing is silently eaten).
//!
//! **Where an item ends.** At a line break, always, and at a semicolon. At a comma too, unless
//! the alphabet writes the comma (`Extended`) and the text has several lines: there a comma
//! belongs to its sentence (« petit à petit, l'oiseau fait son nid », one proverb per line),
//! while a list typed on one line (« Paris, Lyon, Le Havre ») is still cut at its commas. The
//! report says which rule applied (`commas_separate`). Where one item is expected (a beginning
//! of sentence to complete, a word to look at), `clean_one` reads the whole text as one item.
//!
//! **Inside an item.** Letters are lower-cased. A letter the alphabet lacks loses its accent with
//! Unicode NFKD (« Zoé » → « zoe » with `Letters`, « Muñoz » → « munoz » with all), or is spelled
//! out (`SPELLED_OUT`: « cœur » → « coeur » with `Letters`). Typographic apostrophes become `'`
//! (`APOSTROPHES`). Blanks (spaces, tabs, non-breaking spaces) between words become one space
//! with an alphabet that has the space; without one they are removed and the item is reported in
//! `joined` (« Le Havre » → « lehavre »): a pasted line stays one item either way. The signs that
//! join (space, hyphen, apostrophe, comma) never start or end an item and never come twice in a
//! row. Every other character is reported in `dropped_chars`.
//!
//! Linear in the length of the text, whatever it holds (every item twice included).

use super::{Alphabet, APOSTROPHES, SPELLED_OUT};
use std::collections::HashSet;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Why a character was left out of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum DropReason {
    Digit,
    Punctuation,
    /// Emoji, symbols, letters of other alphabets: anything that has no form in the alphabet.
    Other,
}

/// An item whose words were joined because the alphabet has no space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    /// The item as it was pasted, without the blanks around it (« Le Havre »).
    pub pasted: String,
    /// What it became (« lehavre »).
    pub name: String,
}

/// What `clean` kept and what it left out, so the page can explain it to the pupil.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanReport {
    /// The items kept, in order of first appearance, each written in the alphabet.
    pub names: Vec<String>,
    /// Every character left out, with the reason (one entry per occurrence).
    pub dropped_chars: Vec<(char, DropReason)>,
    /// Letters kept without their accent (or ligature), one entry per occurrence ("é" in "Zoé").
    pub accents_removed: Vec<char>,
    /// Items that appeared more than once (each kept once).
    pub duplicates: Vec<String>,
    /// Pieces of text that held no letter at all (for example "123" or "🙂").
    pub empty_pieces: usize,
    /// Items whose spaces were removed (the alphabet has none), one entry per item, in order.
    pub joined: Vec<Joined>,
    /// Whether commas separated items (else they stayed inside them: see the module's doc).
    pub commas_separate: bool,
}

impl CleanReport {
    pub fn count(&self, reason: DropReason) -> usize {
        self.dropped_chars
            .iter()
            .filter(|(_, r)| *r == reason)
            .count()
    }
}

/// The signs that only join two parts of an item.
const JOINERS: [char; 4] = [' ', '-', '\'', ','];

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether `text` has at least two lines with something other than blanks.
fn has_several_lines(text: &str) -> bool {
    text.split(is_line_break)
        .filter(|line| !line.trim().is_empty())
        .nth(1)
        .is_some()
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '’' | '‘' | '“' | '”' | '…' | '–' | '—' | '¿' | '¡' | '·'
    )
}

impl Alphabet {
    /// Turns any text into items of this alphabet (the rules are in this module's doc).
    pub fn clean(self, text: &str) -> CleanReport {
        let commas_separate = !self.has(',') || !has_several_lines(text);
        let mut report = CleanReport {
            commas_separate,
            ..CleanReport::default()
        };
        let (mut seen, mut repeated) = (HashSet::new(), HashSet::new());
        let ends_item = |c: char| is_line_break(c) || c == ';' || (commas_separate && c == ',');
        for piece in text.split(ends_item) {
            if piece.trim().is_empty() {
                continue;
            }
            let name = self.clean_item(piece, &mut report);
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

    /// The whole text as one item (line breaks are blanks; commas and semicolons stay inside,
    /// or are dropped if the alphabet lacks them): at most one name.
    pub fn clean_one(self, text: &str) -> CleanReport {
        let mut report = CleanReport::default();
        let name = self.clean_item(text, &mut report);
        if name.is_empty() {
            report.empty_pieces = usize::from(!text.trim().is_empty());
        } else {
            report.names.push(name);
        }
        report
    }

    fn clean_item(self, piece: &str, report: &mut CleanReport) -> String {
        let mut item = Item::default();
        for original in piece.chars() {
            let lower: Vec<char> = original.to_lowercase().collect();
            if original.is_whitespace() {
                item.joiner(' ', report);
            } else if APOSTROPHES.contains(&original) && self.has('\'') {
                item.joiner('\'', report);
            } else if lower.len() == 1 && JOINERS.contains(&lower[0]) && self.has(lower[0]) {
                // `Extended` only: the comma never reaches here when it separates items.
                item.joiner(lower[0], report);
            } else if lower.len() == 1 && self.has(lower[0]) {
                item.letter(lower[0], self);
            } else if let Some((_, spelled)) = SPELLED_OUT.iter().find(|(c, _)| *c == lower[0]) {
                spelled.chars().for_each(|c| item.letter(c, self));
            } else {
                self.simplify(original, &mut item, report);
            }
        }
        item.finish(self, piece, report)
    }

    /// A character the alphabet lacks: its letters without their accents, or reported dropped.
    fn simplify(self, original: char, item: &mut Item, report: &mut CleanReport) {
        let mut kept_any = false;
        for c in original.nfkd().filter(|c| !is_combining_mark(*c)) {
            for lower in c.to_lowercase() {
                if lower.is_ascii_lowercase() {
                    item.letter(lower, self);
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
}

/// An item being written: its letters, and the joining signs met since the last letter (kept
/// only if a letter follows them).
#[derive(Default)]
struct Item {
    text: String,
    pending: Vec<char>,
    spaces_removed: bool,
}

impl Item {
    fn joiner(&mut self, sign: char, report: &mut CleanReport) {
        if self.text.is_empty() || self.pending.last() == Some(&sign) {
            drop_sign(sign, report);
        } else {
            self.pending.push(sign);
        }
    }

    fn letter(&mut self, c: char, alphabet: Alphabet) {
        for sign in self.pending.drain(..) {
            if !alphabet.has(sign) {
                // Only the space can be pending without being in the alphabet.
                self.spaces_removed = true;
            } else if !self.text.ends_with(sign) {
                // « a - - b » without a space in the alphabet: one hyphen, not two.
                self.text.push(sign);
            }
        }
        self.text.push(c);
    }

    fn finish(mut self, alphabet: Alphabet, piece: &str, report: &mut CleanReport) -> String {
        for sign in std::mem::take(&mut self.pending) {
            drop_sign(sign, report);
        }
        if self.spaces_removed && !alphabet.has(' ') {
            report.joined.push(Joined {
                pasted: piece.trim().to_string(),
                name: self.text.clone(),
            });
        }
        self.text
    }
}

/// A joining sign at an end of an item or doubled: left out (a blank is not worth a word).
fn drop_sign(sign: char, report: &mut CleanReport) {
    if sign != ' ' {
        report.dropped_chars.push((sign, DropReason::Punctuation));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Alphabet::{Accents, Extended, Letters};

    #[test]
    fn letters_remove_accents_with_nfkd_and_say_so() {
        let r = Letters.clean("Zoé, Ça, Éloïse\nNoël, cœur");
        assert_eq!(r.names, ["zoe", "ca", "eloise", "noel", "coeur"]);
        assert!(r.dropped_chars.is_empty());
        assert_eq!(r.accents_removed, ['é', 'Ç', 'É', 'ï', 'ë']);
    }

    #[test]
    fn extended_keeps_french_accents_and_hyphens() {
        let r = Extended.clean("Éloïse, Jean-Noël ; Maëlys, Cœur, Muñoz, -Léa-, Ana--Lou");
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
    fn a_pasted_line_with_spaces_stays_one_item() {
        let pasted = "Le Havre\n  Kylian   Mbappé \nSaint-Étienne\tsud";
        let ext = Extended.clean(pasted);
        assert_eq!(
            ext.names,
            ["le havre", "kylian mbappé", "saint-étienne sud"]
        );
        assert!(ext.joined.is_empty() && ext.dropped_chars.is_empty());
        // Without a space in the alphabet, the words of an item are joined, and the report says so.
        let letters = Letters.clean(pasted);
        assert_eq!(
            letters.names,
            ["lehavre", "kylianmbappe", "saintetiennesud"]
        );
        assert_eq!(
            letters.joined[0],
            Joined {
                pasted: "Le Havre".into(),
                name: "lehavre".into()
            }
        );
        assert_eq!(letters.joined.len(), 3);
        assert_eq!(Accents.clean("Le Havre").names, ["lehavre"]);
        // Blanks around an item are not joins.
        assert!(Letters.clean("  lyon \n").joined.is_empty());
    }

    #[test]
    fn commas_stay_in_sentences_and_cut_a_list_on_one_line() {
        let proverbs = "Petit à petit, l’oiseau fait son nid.\nQui vivra verra !\n";
        let r = Extended.clean(proverbs);
        assert_eq!(
            r.names,
            ["petit à petit, l'oiseau fait son nid", "qui vivra verra"]
        );
        assert!(!r.commas_separate);
        assert_eq!(r.count(DropReason::Punctuation), 2, "the period and « ! »");
        let one_line = Extended.clean("Paris, Lyon, Le Havre");
        assert_eq!(one_line.names, ["paris", "lyon", "le havre"]);
        assert!(one_line.commas_separate);
        // An alphabet without the comma always cuts at commas; semicolons always cut.
        assert_eq!(Letters.clean("a b, c\nd").names, ["ab", "c", "d"]);
        assert_eq!(Extended.clean("a, b ; c\nd").names, ["a, b", "c", "d"]);
        // Joining signs never start or end an item, nor come twice.
        assert_eq!(
            Extended.clean(", l' oiseau ,,\n' -- aujourd’hui - ").names,
            ["l' oiseau", "aujourd'hui"]
        );
    }

    #[test]
    fn one_item_keeps_its_commas_and_lines() {
        let r = Extended.clean_one("Petit à petit,\nl’oiseau ; fait son nid");
        assert_eq!(r.names, ["petit à petit, l'oiseau fait son nid"]);
        assert_eq!(r.count(DropReason::Punctuation), 1, "the semicolon");
        assert_eq!(Letters.clean_one("Le Havre, Paris").names, ["lehavreparis"]);
        assert_eq!(Letters.clean_one(" 123 ").empty_pieces, 1);
        assert!(Letters.clean_one("  ").names.is_empty());
    }

    #[test]
    fn everything_dropped_is_reported() {
        let r = Letters.clean("Léa2, jean-pierre\n\n🙂 ; léa , 123");
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
            assert_eq!(a.clean(" \u{a0}' , \n\t").names.len(), 0);
        }
    }
}
