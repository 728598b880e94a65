//! The app's cleaning rules (`Alphabet::clean`), read off the app itself and written as Python
//! data for the notebooks' `nettoyer` and `noms_de` (`py/lettres.py`). The notebooks then read
//! « Béziers » as the app does (« beziers » with 27 tokens, « béziers » with the extended
//! alphabet), whatever `vocab` decides now or later.
//!
//! The Python side does what `clean` does by default (lower case; a character the alphabet
//! lacks loses its accent by Unicode NFKD, and only letters a-z remain of it); this module asks
//! `clean` about every character a pupil may plausibly type and records where it does something
//! else: which characters cut a text into names, which are written differently, and which signs
//! only join two parts of a name (never at an end, never doubled).

use super::python_string;
use crate::vocab::Alphabet;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The characters asked about: ASCII, Latin letters with their accents and ligatures, spaces,
/// punctuation, letter-like and full-width forms, mathematical letters.
const PROBED: [(u32, u32); 15] = [
    (0x0000, 0x024f),
    (0x0250, 0x036f),
    (0x1680, 0x1680),
    (0x1e00, 0x1eff),
    (0x2000, 0x20cf),
    (0x2100, 0x218f),
    (0x2460, 0x24ff),
    (0x2e00, 0x2e7f),
    (0x3000, 0x3003),
    (0xfb00, 0xfb06),
    (0xfe10, 0xfe6f),
    (0xfeff, 0xfeff),
    (0xff01, 0xff65),
    (0x1d400, 0x1d7ff),
    (0x1f300, 0x1f64f),
];

/// How one alphabet's `clean` reads text, as the notebook needs it.
#[derive(Debug, Default, PartialEq)]
pub struct Rules {
    /// Characters that end a name and start the next.
    pub separators: String,
    /// Characters `clean` writes otherwise than the default rule would (« œ » → « oe »).
    pub replacements: Vec<(char, String)>,
    /// Signs of the alphabet that only join two parts of a name.
    pub joints: String,
}

/// What the notebook's default rule makes of `c` (see `py/lettres.py`).
fn default_rule(alphabet: Alphabet, c: char) -> String {
    let lower: Vec<char> = c.to_lowercase().collect();
    if lower.len() == 1 && lower[0] != '.' && alphabet.encode_char(lower[0]).is_some() {
        return lower[0].to_string();
    }
    c.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(char::is_ascii_lowercase)
        .collect()
}

/// Reads `clean`'s rules for `alphabet` off `clean` itself.
pub fn rules(alphabet: Alphabet) -> Rules {
    let mut rules = Rules::default();
    let probed = PROBED
        .iter()
        .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32));
    for c in probed {
        // Between two letters, a character either cuts the text or becomes part of the name.
        let names = alphabet.clean(&format!("a{c}b")).names;
        match names.as_slice() {
            [a, b] if a == "a" && b == "b" => rules.separators.push(c),
            [name] if name.starts_with('a') && name.ends_with('b') && name.len() >= 2 => {
                let written = &name[1..name.len() - 1];
                if written != default_rule(alphabet, c) {
                    rules.replacements.push((c, written.to_string()));
                }
            }
            // Anything else (a character that merged or cut differently) is not a rule the
            // notebook can follow: `vocab` and this module must be read together again.
            _ => rules.replacements.push((c, String::new())),
        }
    }
    for sign in alphabet.symbols() {
        if sign == '.' || sign.is_ascii_lowercase() {
            continue;
        }
        // On two lines: a comma the alphabet writes joins there (it cuts a one-line list).
        let joined = alphabet
            .clean(&format!("{sign}a{sign}{sign}b{sign}\nc"))
            .names;
        if joined.first() == Some(&format!("a{sign}b")) {
            rules.joints.push(sign);
        }
    }
    rules
}

/// The rules as the Python constants `py/lettres.py` reads.
pub fn python_constants(alphabet: Alphabet) -> String {
    let rules = rules(alphabet);
    let replacements: Vec<String> = rules
        .replacements
        .iter()
        .map(|(c, s)| format!("{}: {}", python_string(&c.to_string()), python_string(s)))
        .collect();
    format!(
        "{}\nSEPARATEURS = {}\nREMPLACEMENTS = {{{}}}\nJOINTS = {}\n",
        super::text::LETTERS_COMMENT,
        python_string(&rules.separators),
        replacements.join(", "),
        python_string(&rules.joints)
    )
}
