//! Words of the shared widgets: name lists, word boxes, tables, sliders, the loss curve.

use crate::text::{count, int, quoted};

pub fn accents_removed_letters(letters: &str) -> String {
    format!(
        "Accents enlevés ({letters})\u{a0}: ce modèle ne connaît que les 26 lettres sans accent."
    )
}
pub fn accents_removed_extended(letters: &str) -> String {
    format!("Accents enlevés ({letters})\u{a0}: ces lettres ne sont pas dans l'alphabet étendu.")
}
pub fn digits_removed(n: usize) -> String {
    format!(
        "{}\u{a0}: le modèle ne connaît que les lettres.",
        count(n, "chiffre enlevé", "chiffres enlevés")
    )
}
pub fn punctuation_removed(n: usize) -> String {
    format!(
        "{}.",
        count(
            n,
            "signe de ponctuation enlevé",
            "signes de ponctuation enlevés"
        )
    )
}
pub fn symbols_removed(n: usize) -> String {
    format!(
        "{}\u{a0}: ils ne font pas partie de l'alphabet du modèle.",
        count(n, "symbole ou emoji enlevé", "symboles ou emoji enlevés")
    )
}
/// A few names, and how many more: « tortank, tiplouf… et 11 569 autres ».
pub fn some_names(shown: &[String], more: usize) -> String {
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{}… et {} autres", shown.join(", "), int(more as u64))
    }
}
pub fn already_in_list(names: &str) -> String {
    format!("Déjà dans la liste\u{a0}: {names}.")
}
pub fn added(names: &str) -> String {
    format!("Ajouté\u{a0}: {names}.")
}
pub fn text_cut(max_chars: usize) -> String {
    format!(
        "Ta liste est très longue\u{a0}: je ne lis que ses {} premiers caractères.",
        int(max_chars as u64)
    )
}
pub fn names_cut(max: usize) -> String {
    format!(
        "Ta liste a trop de noms pour cette page\u{a0}: je garde les {} premiers.",
        int(max as u64)
    )
}
pub fn and_more(n: usize) -> String {
    format!("… et {} autres", int(n as u64))
}
pub const WRITE_A_NAME: &str = "Écris un nom avec des lettres, par exemple «\u{a0}tortank\u{a0}».";
pub const ADD_NAMES_LABEL: &str =
    "Ajoute des noms (sépare-les par des espaces ou des virgules)\u{a0}: ";
pub const ADD_NAMES_PLACEHOLDER: &str = "ex.\u{a0}: tortank, tiplouf";
pub const ADD: &str = "Ajouter";
pub fn remove(name: &str) -> String {
    format!("Enlever {name}")
}
pub fn names_in_list(n: usize) -> String {
    count(n, "nom dans la liste", "noms dans la liste")
}

pub const ONE_WORD_LETTERS: &str = "Écris un mot avec des lettres de a à z.";
pub const ONE_WORD_EXTENDED: &str =
    "Écris un mot avec des lettres (accents et trait d'union permis).";
pub fn one_word_at_a_time(first: &str) -> String {
    format!("Un seul mot à la fois\u{a0}: je garde {}.", quoted(first))
}
pub fn word_too_long(max: usize, word: &str) -> String {
    format!(
        "Mot trop long\u{a0}: je garde les {max} premières lettres, {}.",
        quoted(word)
    )
}
/// Why a model refuses letters (at most a few shown).
pub fn cannot_read_letters(shown: &str, extended: bool) -> String {
    if extended {
        format!(
            "Ce modèle ne sait pas lire {shown}\u{a0}: ces lettres ne sont pas dans son alphabet."
        )
    } else {
        format!("Ce modèle ne sait pas lire {shown}\u{a0}: il a appris avec les 26 lettres sans accent. Écris sans accent, ou entraîne un modèle avec l'alphabet étendu.")
    }
}
pub const VALIDATE: &str = "Valider";
pub const WORD_PLACEHOLDER: &str = "ex.\u{a0}: Zoé";
pub const TEMPERATURE: &str = "Température";
