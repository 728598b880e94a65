//! The list of French words a generated sentence is checked against, and how a sentence is cut
//! into words.
//!
//! The list is `data/dictionnaire.z`, made by `cargo xtask mots` from the npm package
//! `an-array-of-french-words` (every form: plurals, conjugations), the elided forms (« l' »,
//! « qu' »…), a few words written with an apostrophe (« aujourd'hui ») and every word of the
//! « Proverbes » (recipe in data/SOURCES.md). It is stored sorted, each word written as the
//! number of letters it shares with the one before and the rest (« 5ante » after « chanter »
//! is « chante »), then zlib-compressed; it is read once, on first use.
//!
//! Words are stored without ligatures (the package writes « coeur »): a word is looked up with
//! `œ` and `æ` spelled out (`fold`).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

const EMBEDDED: &[u8] = include_bytes!("../../../../data/dictionnaire.z");
/// Far more than the list (3.9 MB): a damaged file cannot fill the memory.
const MAX_TEXT_BYTES: usize = 16 << 20;

/// Elided forms: a word cut before a vowel, written with its apostrophe.
pub const ELIDED: [&str; 12] = [
    "c'", "d'", "j'", "jusqu'", "l'", "lorsqu'", "m'", "n'", "puisqu'", "qu'", "s'", "t'",
];

/// Words that hold an apostrophe themselves (the package has none).
pub const WITH_APOSTROPHE: [&str; 5] = [
    "aujourd'hui",
    "presqu'île",
    "prud'homme",
    "quelqu'un",
    "quelqu'une",
];

/// A word as the list writes it: the ligatures spelled out (« cœur » → « coeur »).
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.contains(['œ', 'æ']) {
        Cow::Owned(word.replace('œ', "oe").replace('æ', "ae"))
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether `word` is French for a list that `contains` (folded) words: the word itself, or,
/// for a word with hyphens, every one of its parts (« dis-moi », « arc-en-ciel »).
pub fn is_french_in(word: &str, contains: &impl Fn(&str) -> bool) -> bool {
    let word = fold(word);
    if word.is_empty() {
        return false;
    }
    contains(&word) || (word.contains('-') && word.split('-').all(|p| !p.is_empty() && contains(p)))
}

/// The words of a sentence, as byte ranges: the pieces between spaces and commas, and a piece
/// that is not a French word as a whole is cut after each apostrophe (« l'oiseau » → « l' »,
/// « oiseau »; « aujourd'hui » stays whole).
pub fn words_in(sentence: &str, contains: &impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices().chain([(sentence.len(), ' ')]) {
        if c != ' ' && c != ',' {
            continue;
        }
        if start < i {
            let piece = &sentence[start..i];
            if is_french_in(piece, contains) || !piece.contains('\'') {
                words.push(start..i);
            } else {
                let mut from = start;
                for (j, _) in piece.match_indices('\'') {
                    words.push(from..start + j + 1);
                    from = start + j + 1;
                }
                if from < i {
                    words.push(from..i);
                }
            }
        }
        start = i + c.len_utf8();
    }
    words
}

/// A sorted list of words, kept as one text and where each word starts (a few MB, one
/// allocation), searched by halves.
#[derive(Debug, Default)]
pub struct Dictionary {
    text: String,
    starts: Vec<u32>,
}

impl Dictionary {
    /// The embedded list, read on first use.
    pub fn french() -> &'static Dictionary {
        static FRENCH: OnceLock<Dictionary> = OnceLock::new();
        // Tests (and `cargo xtask mots --check`) read it: an unreadable list cannot ship.
        FRENCH.get_or_init(|| Dictionary::decompress(EMBEDDED).unwrap_or_default())
    }

    /// A list of words (sorted and deduplicated here).
    pub fn from_words<S: AsRef<str>>(words: &[S]) -> Dictionary {
        let mut sorted: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut dictionary = Dictionary::default();
        for word in sorted {
            dictionary.push(word);
        }
        dictionary
    }

    fn push(&mut self, word: &str) {
        self.starts.push(self.text.len() as u32);
        self.text.push_str(word);
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The words, in byte order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.word(i))
    }

    fn word(&self, i: usize) -> &str {
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        &self.text[self.starts[i] as usize..end]
    }

    /// Whether the list holds exactly this (folded) word.
    pub fn contains(&self, word: &str) -> bool {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.word(mid).cmp(word) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// Whether `word` is a French word of this list (`is_french_in`).
    pub fn is_french(&self, word: &str) -> bool {
        is_french_in(word, &|w: &str| self.contains(w))
    }

    /// The list front-coded (each line: the number of characters shared with the word before,
    /// then the rest) and zlib-compressed, as `data/dictionnaire.z` stores it.
    pub fn compress(&self) -> Vec<u8> {
        let mut text = String::new();
        let mut previous = "";
        for word in self.words() {
            let shared = previous
                .chars()
                .zip(word.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let rest: String = word.chars().skip(shared).collect();
            text.push_str(&format!("{shared}{rest}\n"));
            previous = word;
        }
        miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 10)
    }

    /// Reads what `compress` wrote.
    pub fn decompress(bytes: &[u8]) -> Result<Dictionary, String> {
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_TEXT_BYTES)
            .map_err(|e| format!("not a zlib stream: {e:?}"))?;
        let lines = std::str::from_utf8(&raw).map_err(|e| e.to_string())?;
        // Each word is built at the end of one buffer from the word before it (no copy per word).
        let mut text: Vec<u8> = Vec::with_capacity(raw.len() * 5 / 2);
        let mut starts: Vec<u32> = Vec::new();
        for line in lines.lines() {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let shared: usize = line[..digits]
                .parse()
                .map_err(|_| format!("bad line {line:?}"))?;
            let previous = starts.last().map_or(0, |&s| s as usize)..text.len();
            let kept = prefix_bytes(&text[previous.clone()], shared);
            let start = text.len();
            text.extend_from_within(previous.start..previous.start + kept);
            text.extend_from_slice(&line.as_bytes()[digits..]);
            if !starts.is_empty() && text[start..] <= text[previous] {
                return Err(format!("not in order at {line:?}"));
            }
            starts.push(start as u32);
        }
        let text = String::from_utf8(text).map_err(|e| e.to_string())?;
        Ok(Dictionary { text, starts })
    }
}

/// How many bytes the first `chars` characters of UTF-8 `bytes` take (all of them if fewer).
fn prefix_bytes(bytes: &[u8], chars: usize) -> usize {
    // A character starts at every byte that is not a continuation byte (0b10xx_xxxx).
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b & 0xC0 != 0x80)
        .nth(chars)
        .map_or(bytes.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Dictionary {
        Dictionary::from_words(&[
            "chanter",
            "chante",
            "coeur",
            "arc",
            "en",
            "ciel",
            "l'",
            "oiseau",
            "dis",
            "moi",
            "fait",
            "aujourd'hui",
            "hui",
            "chanter",
        ])
    }

    #[test]
    fn a_list_survives_compression_and_is_searched() {
        let d = small();
        assert_eq!(d.len(), 13, "sorted, once each");
        let back = Dictionary::decompress(&d.compress()).unwrap();
        assert_eq!(
            back.words().collect::<Vec<_>>(),
            d.words().collect::<Vec<_>>()
        );
        assert!(back.contains("chante") && back.contains("chanter") && !back.contains("chant"));
        assert!(Dictionary::decompress(b"not zlib").is_err());
    }

    #[test]
    fn ligatures_hyphens_and_apostrophes() {
        let d = small();
        assert!(d.is_french("cœur") && d.is_french("arc-en-ciel") && d.is_french("dis-moi"));
        assert!(!d.is_french("arc-") && !d.is_french("-") && !d.is_french(""));
        let contains = |w: &str| d.contains(w);
        let cut = |s: &str| -> Vec<String> {
            words_in(s, &contains)
                .into_iter()
                .map(|r| s[r].to_string())
                .collect()
        };
        assert_eq!(
            cut("l'oiseau fait, aujourd'hui"),
            ["l'", "oiseau", "fait", "aujourd'hui"]
        );
        assert_eq!(cut(" ,, chante  "), ["chante"]);
        assert_eq!(cut("x'y'"), ["x'", "y'"]);
        assert_eq!(cut(""), Vec::<String>::new());
    }

    #[test]
    fn the_embedded_list_reads() {
        let d = Dictionary::french();
        assert!(d.len() > 300_000, "{} words", d.len());
        for word in [
            "qui",
            "pas",
            "eau",
            "vivra",
            "verra",
            "l'",
            "qu'",
            "cœur",
            "aujourd'hui",
        ] {
            assert!(d.is_french(word), "{word}");
        }
    }
}
