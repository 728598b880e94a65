//! Words every page shares: exercise messages, the "how it works" note, shortcuts.

use crate::text::{count, NumberError, TokenError};

pub const EMPTY_ANSWER: &str = "Écris d'abord ta réponse dans la case.";
pub const TOO_LONG_ANSWER: &str =
    "C'est bien trop long pour une réponse\u{a0}: écris juste ta réponse.";
pub const TASK_NOTE: &str =
    "Fais-le dans l'activité de cette étape\u{a0}: la page vérifie toute seule.";
pub const ONE_SHOT: &str =
    "Attention\u{a0}: une seule réponse compte, la première. Réfléchis avant de valider\u{a0}!";
pub const PRACTICE_ONE_SHOT: &str =
    "Entraînement\u{a0}: tu peux répondre de nouveau, mais ton premier résultat reste enregistré.";
pub const PRACTICE: &str =
    "Leçon recommencée\u{a0}: entraîne-toi. Ton premier résultat reste enregistré tel quel.";
pub const ALREADY_SOLVED: &str = "Déjà réussi\u{a0}! Tu peux le refaire si tu veux.";
pub const ALREADY_DONE: &str = "Déjà fait\u{a0}: tu as vu la réponse. C'est compté «\u{a0}fait\u{a0}», pas «\u{a0}réussi\u{a0}».";
pub const SEEN_ANSWER: &str =
    "Réponse déjà vue sur ce poste\u{a0}: c'est compté «\u{a0}fait\u{a0}».";
pub const BET_CLOSED: &str = "L'expérience a déjà montré son résultat\u{a0}: trop tard pour prédire. Une prédiction se fait avant de savoir.";
pub const BADGE_SOLVED: &str = "réussi";
pub const BADGE_DONE: &str = "fait";
pub const HINT: &str = "Coup de pouce";
pub const YOUR_PREDICTION: &str = "Ta prédiction";
pub const YOUR_ANSWER: &str = "Ta réponse";
pub const CHECK_PREDICTION: &str = "Valider ma prédiction";
pub const CHECK_ANSWER: &str = "Vérifier";
pub const CHOOSE_ONCE: &str = "Choisis une réponse (une seule fois)";

pub fn exercise_title(n: usize) -> String {
    format!("À toi de jouer\u{a0}! (Exercice {n})")
}

/// After a typed answer found in more than 3 tries.
pub fn found_after(tries: u32) -> String {
    format!("Trouvé en {tries} essais\u{a0}: l'exercice compte comme «\u{a0}fait\u{a0}». Pour «\u{a0}réussi\u{a0}», il faut trouver en 3 essais au plus.")
}

/// After a wrong typed answer: what the tries left mean.
pub fn tries_left(tries: u32, within: u32) -> String {
    if tries < within {
        let left = (within - tries) as usize;
        format!(
            "Il te reste {} pour «\u{a0}réussi\u{a0}».",
            count(left, "essai", "essais")
        )
    } else {
        format!("Les {within} essais pour «\u{a0}réussi\u{a0}» sont passés\u{a0}: cherche quand même, l'exercice comptera comme «\u{a0}fait\u{a0}».")
    }
}

/// « réussi » and « fait », in one plain sentence (progress, diploma, answer key).
pub const WHAT_SOLVED_MEANS: &str = "«\u{a0}Réussi\u{a0}»\u{a0}: la bonne réponse trouvée en 3 essais au plus, une prédiction ou un choix juste du premier coup, ou l'action demandée faite. «\u{a0}Fait\u{a0}»\u{a0}: terminé autrement (trouvé après plus d'essais, ou une prédiction ratée).";

pub const EXPLAIN_TITLE: &str = "À toi d'expliquer";
pub const EXPLAIN_PLACEHOLDER: &str = "Une phrase avec tes mots…";
pub const EXPLAIN_SAVE: &str = "Enregistrer ma phrase";
pub const EXPLAIN_SAVED: &str = "Phrase enregistrée avec ta progression.";
pub const EXPLAIN_EMPTY: &str =
    "Écris d'abord ta phrase dans la case\u{a0}: une case vide n'est pas enregistrée.";
pub const EXPLAIN_DRAFT: &str = "Brouillon\u{a0}: gardé sur ce poste, mais pas encore dans ta progression. Clique sur «\u{a0}Enregistrer ma phrase\u{a0}» pour que ton professeur la lise.";
pub const EXPLAIN_DRAFT_UNSAVED: &str = "Brouillon\u{a0}: pas encore dans ta progression. Clique sur «\u{a0}Enregistrer ma phrase\u{a0}» pour que ton professeur la lise.";
pub const EXPLAIN_NOTE: &str =
    "La page ne la note pas\u{a0}: ton professeur la lira dans ton fichier de progression.";
pub fn characters_left(n: usize) -> String {
    format!("{} restants", count(n, "caractère", "caractères"))
}

pub const HOW_IT_WORKS: &str = "Comment ça marche\u{a0}: lis, clique, fais glisser. Les boutons «\u{a0}Suivant\u{a0}» et «\u{a0}Précédent\u{a0}» (ou les flèches ← → du clavier) changent d'étape. La barre en haut montre où tu en es. Dans chaque «\u{a0}À toi de jouer\u{a0}!\u{a0}», la page vérifie ta réponse\u{a0}; le «\u{a0}Coup de pouce\u{a0}» t'aide si tu bloques.";
pub const SHORTCUTS: &str =
    "Raccourcis\u{a0}: ← → étapes · Espace lancer ou mettre en pause · R recommencer";
pub const CURIOUS: &str = "Pour les curieux";
pub const VOCABULARY: &str = "Vocabulaire";
pub const OBJECTIVES: &str = "Dans cette leçon, tu vas…";
pub const REFLECTION: &str = "Réfléchissons";
pub const DISCUSS: &str = "À discuter en binôme ou en classe\u{a0}:";
pub const LEARNED: &str = "Ce qu'on a appris";
pub const SOURCES: &str = "Sources";
pub const WRITE_A_NUMBER: &str = "Écris un nombre, avec des chiffres.";
pub const NO_EXPONENT: &str = "Écris le nombre en entier, avec des chiffres et une virgule si besoin, sans «\u{a0}e\u{a0}»\u{a0}: ici, aucune réponse n'est si grande ni si petite.";
pub const NO_SIGN: &str = "Écris le nombre sans signe «\u{a0}-\u{a0}» ni «\u{a0}+\u{a0}»\u{a0}: ici, aucune réponse n'est négative.";

/// What to tell a pupil whose answer is not a number the course accepts.
pub fn number_error(e: NumberError) -> &'static str {
    match e {
        NumberError::NotANumber => WRITE_A_NUMBER,
        NumberError::Exponent => NO_EXPONENT,
        NumberError::Signed => NO_SIGN,
    }
}
pub const WRITE_ONE_LETTER: &str = "Écris une seule lettre.";
pub const WRITE_A_LETTER: &str = "Écris une lettre, de a à z.";

/// What to tell a pupil whose answer is not one letter.
pub fn token_error(e: TokenError) -> &'static str {
    match e {
        TokenError::NotOneLetter => WRITE_ONE_LETTER,
        TokenError::NotALetter => WRITE_A_LETTER,
    }
}
pub const LESSON: &str = "Leçon";

/// Placeholders of the answer boxes.
pub const A_LETTER: &str = "une lettre";
pub const A_NUMBER: &str = "un nombre";
pub const A_NAME: &str = "un nom";
pub const A_DECIMAL: &str = "un nombre à virgule";

/// Words a model must not show a pupil (it only imitates its list: a French-words model can
/// make up slang). A generated word equal to one of `RUDE_WORDS`, or starting with one of
/// `RUDE_STEMS`, is drawn again. Kept short on purpose: the lists the models learn are clean,
/// only chance assembles these.
pub const RUDE_WORDS: &[&str] = &[
    "con", "cons", "conne", "connes", "cul", "culs", "pute", "putes", "bite", "bites", "zob",
    "zizi", "nique", "niquer", "chier", "chie", "pisse", "pisser", "merde", "merdes", "salope",
    "enculer", "encule", "enculé", "foutre", "bordel", "teub", "chatte",
];
pub const RUDE_STEMS: &[&str] = &[
    "biter", "bitte", "couill", "merdi", "merdeu", "putain", "salop", "encul", "branl", "pédé",
    "nichon", "connard", "connass", "batard", "bâtard", "niqu",
];

/// Whether a generated word is one a pupil must not be shown.
pub fn is_rude(word: &str) -> bool {
    let w = word.to_lowercase();
    RUDE_WORDS.contains(&w.as_str()) || RUDE_STEMS.iter().any(|s| w.starts_with(s))
}

/// A name the model ended at once (it drew « . » first).
pub const EMPTY_NAME: &str = "(rien\u{a0}: fin tout de suite)";

/// A generated name as the page shows it: an empty one (the model drew « . » at once) is said.
pub fn shown_name(name: &str) -> String {
    if name.is_empty() {
        EMPTY_NAME.to_string()
    } else {
        name.to_string()
    }
}
pub const POKEMON_RUN: &str = "Pokémon";
pub const LEAVE_CONFIRM: &str = "Un entraînement est en cours (ou un modèle n'est pas enregistré) sur cette page. Si tu la quittes, il sera perdu. Quitter quand même\u{a0}?";

#[cfg(test)]
mod tests {
    use super::is_rude;

    #[test]
    fn rude_words_are_caught_and_ordinary_ones_kept() {
        for rude in ["biter", "Merde", "con", "couillon", "putains"] {
            assert!(is_rude(rude), "{rude}");
        }
        for fine in [
            "conte", "content", "culotte", "bitume", "merle", "salade", "contenir",
        ] {
            assert!(!is_rude(fine), "{fine}");
        }
    }
}
