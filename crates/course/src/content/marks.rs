//! The marks of an invented name (`rules::marks`), and their rule as the pupil reads it: lessons
//! 5 and 6 and the Atelier say the same words.

pub const COPY: &str = "copié";
pub const NEW: &str = "nouveau";
pub const ODD: &str = "bizarre";
pub const RULE: &str = "Les marques\u{a0}: «\u{a0}copié\u{a0}», un nom de la liste apprise\u{a0}; «\u{a0}nouveau\u{a0}», un nom qui n'y est pas mais lui ressemble\u{a0}; «\u{a0}bizarre\u{a0}», un nom de moins de 3 lettres, plus long que tous ceux de la liste, ou avec une paire de lettres que la liste n'a jamais (ou presque\u{a0}: dans moins d'un nom sur 1\u{a0}000).";
