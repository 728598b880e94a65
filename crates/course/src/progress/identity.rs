//! Who a pupil is: « Prénom I. », a first name and, when given, the initial of the family name,
//! typed in one box (« Inès B. », « ines b », « Inès Bernard » → « Inès » and « B »).
//!
//! Two names are the same pupil when their identity keys are equal: the first name in Unicode
//! NFKD, its combining marks removed, case-folded, its spaces collapsed, then `|` and the initial
//! folded the same way ("" when none). So « léa », « LÉA », « Lea » and a decomposed « Léa » are
//! one first name; « Léa B. » and « Léa M. » are two pupils, and « Léa » with no initial a third.
//! The pupil's page and « Ma classe » both compare names with `key` (FORMAT.md).

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// The longest first name kept (characters).
pub const MAX_NAME: usize = 40;

/// Characters that reorder text when shown (a name or a note must never hide its real text):
/// the core's one list.
pub use minigpt::saved::is_bidi_control;

/// Text from a pupil or a file as it may be shown: no control or bidi characters, spaces
/// collapsed, trimmed, at most `max` characters.
pub fn clean_text(text: &str, max: usize) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    kept.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// A name as kept: `clean_text` with at most `MAX_NAME` characters.
pub fn clean(name: &str) -> String {
    clean_text(name, MAX_NAME)
}

/// One pupil's name: a first name as typed (cleaned) and, if given, the family name's initial.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    pub first: String,
    /// Upper case, as shown (« B »).
    pub initial: Option<char>,
}

impl Name {
    /// Reads what a pupil typed: the last of several words is the family name (or its
    /// initial, with or without a dot), the words before it the first name.
    pub fn parse(typed: &str) -> Name {
        let cleaned = clean_text(typed, 4 * MAX_NAME);
        let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
        let (first, initial) = match words.split_last() {
            Some((last, before)) if !before.is_empty() => {
                match last.chars().next().filter(|c| c.is_alphabetic()) {
                    Some(c) => (before.join(" "), c.to_uppercase().next()),
                    None => (words.join(" "), None),
                }
            }
            _ => (words.join(" "), None),
        };
        let first = first.trim_end_matches([',', ';']).trim_end();
        Name {
            first: clean(first),
            initial: initial.filter(|_| !first.is_empty()),
        }
    }

    /// Nobody said their name.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// « Inès B. », or « Inès » without an initial ("" for nobody).
    pub fn display(&self) -> String {
        match self.initial {
            Some(i) if !self.is_empty() => format!("{} {i}.", self.first),
            _ => self.first.clone(),
        }
    }

    /// The identity key: "ines|b", "lea|" ("" for nobody).
    pub fn key(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        let initial = self
            .initial
            .map(|c| fold(&c.to_string()))
            .unwrap_or_default();
        format!("{}|{initial}", fold(&clean(&self.first)))
    }
}

/// The identity key of a typed or displayed name (`Name::key`).
pub fn key(name: &str) -> String {
    Name::parse(name).key()
}

/// A name folded for comparison: NFKD, combining marks removed, case-folded (with the full
/// folds lower-casing misses: ß → ss, final ς → σ), spaces collapsed.
pub fn fold(text: &str) -> String {
    let mut folded = String::new();
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match c {
            'ß' => folded.push_str("ss"),
            'ς' => folded.push('σ'),
            _ => folded.push(c),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A session's key: its pupils' keys joined by `+` ("" for nobody). The page keeps a session's
/// drafts and lesson models under it.
pub fn session_key(names: &[Name]) -> String {
    names.iter().map(Name::key).collect::<Vec<_>>().join("+")
}

/// Text in plain ASCII letters and digits for a file name: accents removed (« Inès » → « Ines »),
/// œ æ ß spelt out, anything else a hyphen (never two in a row, none at the ends).
pub fn ascii(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        let spelt = match c {
            'œ' => "oe",
            'Œ' => "OE",
            'æ' => "ae",
            'Æ' => "AE",
            'ß' => "ss",
            'ø' => "o",
            'Ø' => "O",
            'ł' => "l",
            'Ł' => "L",
            'đ' => "d",
            'Đ' => "D",
            _ => "",
        };
        if !spelt.is_empty() {
            out.push_str(spelt);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Why the names typed in « Qui es-tu ? » cannot be taken (the page says it in French).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamesError {
    /// The first box is empty (an empty « C'est moi » must not make the pupil nobody).
    Empty,
    /// « Nous sommes deux », but the second box is empty.
    EmptyPartner,
    /// The same pupil twice.
    Twice,
}

/// The session typed in « Qui es-tu ? »: the pupil, and the partner when « Nous sommes deux »
/// is on (`partner` is then Some, even empty).
pub fn session_of(name: &str, partner: Option<&str>) -> Result<Vec<Name>, NamesError> {
    let first = Name::parse(name);
    if first.is_empty() {
        return Err(NamesError::Empty);
    }
    let Some(partner) = partner else {
        return Ok(vec![first]);
    };
    let second = Name::parse(partner);
    if second.is_empty() {
        return Err(NamesError::EmptyPartner);
    }
    if second.key() == first.key() {
        return Err(NamesError::Twice);
    }
    Ok(vec![first, second])
}

/// After this long without activity (ms), the next pupil may be someone else: ask again.
pub const IDLE_MS: u64 = 30 * 60 * 1000;

/// Whether the keyboard has been left alone long enough to ask who is there (no activity
/// recorded counts as long ago; a time ahead of the clock as recent).
pub fn idle(last_activity: Option<u64>, now: u64) -> bool {
    last_activity.is_none_or(|t| now.saturating_sub(t) >= IDLE_MS)
}

/// How a tab starts on a shared PC.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// This tab (this browser session) already knows who is at the keyboard, active within
    /// `IDLE_MS`: they carry on (an empty list: without a name).
    Continue(Vec<Name>),
    /// Someone was named on this PC: ask « Qui es-tu ? » before any exercise shows or counts,
    /// offering the last name, never assuming it.
    Ask,
    /// Nobody was ever named here: start without a name.
    Nameless,
}

/// The opening rule: `this_tab` is what this tab's session remembers (none after the browser
/// was closed), `someone_named` whether a name was ever given on this PC.
pub fn opening(
    this_tab: Option<Vec<Name>>,
    someone_named: bool,
    last_activity: Option<u64>,
    now: u64,
) -> Opening {
    match this_tab {
        Some(names) if !idle(last_activity, now) => Opening::Continue(names),
        _ if someone_named => Opening::Ask,
        _ => Opening::Nameless,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_lea_are_one_first_name_and_initials_make_two_pupils() {
        let keys: Vec<String> = ["léa", "LÉA", "Lea", "Le\u{301}a", "  Léa "]
            .iter()
            .map(|n| key(n))
            .collect();
        assert!(keys.iter().all(|k| k == "lea|"), "{keys:?}");
        assert_eq!(key("Léa B."), "lea|b");
        assert_eq!(key("lea b"), "lea|b");
        assert_eq!(key("LÉA Bernard"), "lea|b");
        assert_ne!(key("Léa B."), key("Léa M."));
        assert_ne!(key("Léa B."), key("Léa"));
        assert_eq!(key("Élodie É."), key("elodie e"));
        assert_eq!(key("Strauß"), key("STRAUSS"), "full case folding");
        assert_eq!(key("ﬁona"), key("Fiona"), "compatibility forms");
        assert_eq!(key(""), "");
        assert_eq!(key(" \u{202e} "), "");
    }

    #[test]
    fn one_box_reads_first_name_and_initial() {
        let n = Name::parse("Inès B.");
        assert_eq!((n.first.as_str(), n.initial), ("Inès", Some('B')));
        assert_eq!(n.display(), "Inès B.");
        assert_eq!(Name::parse("ines b").display(), "ines B.");
        assert_eq!(Name::parse("Inès Bernard").display(), "Inès B.");
        assert_eq!(Name::parse("Marie Anne   d.").display(), "Marie Anne D.");
        assert_eq!(Name::parse("Inès, B").display(), "Inès B.");
        assert_eq!(Name::parse("Inès").display(), "Inès");
        assert_eq!(Name::parse("Léa 5e").display(), "Léa 5e", "not an initial");
        assert!(Name::parse("   ").is_empty());
        assert_eq!(Name::parse("   ").display(), "");
    }

    #[test]
    fn names_lose_control_and_bidi_characters_and_are_cut() {
        assert_eq!(clean("  Lé\u{202e}a\n "), "Léa");
        assert_eq!(clean("Adam\u{202e}gnp.exe"), "Adamgnp.exe");
        assert_eq!(clean(&"x".repeat(100)).chars().count(), MAX_NAME);
        assert_eq!(
            Name::parse(&"é".repeat(100)).first.chars().count(),
            MAX_NAME
        );
        assert_eq!(Name::parse("Zoé\u{0}\t M").display(), "Zoé M.");
    }

    #[test]
    fn ascii_names_are_safe_in_a_file_name() {
        assert_eq!(ascii("Inès"), "Ines");
        assert_eq!(ascii("Chloë-Zoé"), "Chloe-Zoe");
        assert_eq!(ascii("Jean Noël / 5e"), "Jean-Noel-5e");
        assert_eq!(ascii("Œdipe Strauß"), "OEdipe-Strauss");
        assert_eq!(ascii("../../etc/passwd"), "etc-passwd");
        assert_eq!(ascii("李"), "");
    }

    #[test]
    fn a_shared_pc_asks_after_the_browser_closed_or_half_an_hour_alone() {
        let tom = vec![Name::parse("Tom B.")];
        let t = 1_780_000_000_000;
        let recent = Some(t - 60_000);
        assert_eq!(
            opening(Some(tom.clone()), true, recent, t),
            Opening::Continue(tom.clone())
        );
        assert_eq!(
            opening(Some(vec![]), true, recent, t),
            Opening::Continue(vec![])
        );
        assert_eq!(
            opening(None, true, recent, t),
            Opening::Ask,
            "the browser was closed"
        );
        assert_eq!(
            opening(Some(tom.clone()), true, Some(t - IDLE_MS), t),
            Opening::Ask
        );
        assert_eq!(opening(Some(tom), true, None, t), Opening::Ask);
        assert_eq!(opening(None, false, None, t), Opening::Nameless);
        assert!(
            !idle(Some(t + 5_000), t),
            "a clock put back is not idleness"
        );
    }

    #[test]
    fn the_box_refuses_empty_names_and_one_pupil_twice() {
        assert_eq!(session_of("  ", None), Err(NamesError::Empty));
        assert_eq!(session_of("\u{202e}", Some("Tom")), Err(NamesError::Empty));
        assert_eq!(
            session_of("Léa B.", Some(" ")),
            Err(NamesError::EmptyPartner)
        );
        assert_eq!(session_of("Léa B.", Some("LEA b")), Err(NamesError::Twice));
        assert_eq!(session_of("Léa B.", None), Ok(vec![Name::parse("Léa B.")]));
        let pair = session_of("Léa B.", Some("Léa M.")).expect("two pupils");
        assert_eq!(pair.len(), 2);
    }

    #[test]
    fn a_pair_has_one_session_key() {
        let pair = [Name::parse("Léa B."), Name::parse("Tom M.")];
        assert_eq!(session_key(&pair), "lea|b+tom|m");
        assert_eq!(session_key(&[Name::default()]), "");
    }
}
