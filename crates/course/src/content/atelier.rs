//! The free Atelier: guide, challenges, messages.

use crate::text::{count, fr, int};

pub const TITLE: &str = "L'Atelier libre";
pub const INTRO: &str = "Ici, c'est toi qui décides de tout\u{a0}: les données, la taille du modèle, l'entraînement. Le modèle s'entraîne en arrière-plan\u{a0}: la page reste fluide, même pour les gros modèles. Tu peux l'enregistrer dans un fichier et le rouvrir plus tard.";
pub const GUIDE_TITLE: &str = "Le guide des réglages";
pub const GUIDE: &[(&str, &str)] = &[
    ("Couches", "des étages «\u{a0}attention + réseau de neurones\u{a0}» empilés. Plus de couches\u{a0}: le modèle peut combiner plus d'indices, mais chaque pas coûte plus de calcul."),
    ("Têtes d'attention", "combien de «\u{a0}détectives\u{a0}» regardent les lettres d'avant en même temps, chacun à sa façon (leçon 4)."),
    ("Taille des cartes", "combien de nombres décrivent chaque lettre (sa carte d'identité, leçon 3), et chaque étape du calcul."),
    ("Contexte", "combien de lettres le modèle lit à la fois (dans une phrase, les espaces et les virgules comptent aussi)\u{a0}; un nom ou une phrase plus longs sont coupés pendant l'entraînement\u{a0}: le modèle n'en apprend que le début."),
    ("Noms par pas", "combien de noms le modèle lit avant chaque correction\u{a0}: plus il en lit, plus la correction est sûre (mais chaque pas est plus long)."),
    ("Taux d'apprentissage et nombre de pas", "la taille des corrections, et combien de corrections (leçons 2 et 6)."),
    ("Loss sur les noms jamais vus", "la vraie note du modèle\u{a0}: 10\u{a0}% des noms (au plus 1\u{a0}000) sont gardés de côté et jamais appris."),
];
pub const DATA_TITLE: &str = "Les données";
pub const SIZE_TITLE: &str = "La taille du modèle";
pub const PRESETS: &str = "Tailles toutes prêtes\u{a0}:";
pub const PRESET_NAMES: [&str; 4] = [
    "Petit (leçon 6)",
    "Moyen",
    "Grand (phase 2)",
    "Pour les phrases",
];
pub const LAYERS: &str = "Couches";
pub const HEADS: &str = "Têtes d'attention";
pub const CARDS: &str = "Taille des cartes";
pub const CONTEXT: &str = "Contexte (lettres lues)";
pub const BATCH: &str = "Noms par pas";
pub const LR: &str = "Taux d'apprentissage";
pub const STEPS: &str = "Nombre de pas";
pub const PARAMS: &str = "Paramètres\u{a0}: ";
pub fn heads_dont_divide(cards: usize, heads: usize) -> String {
    format!("Des cartes de {cards} nombres ne se partagent pas en {heads} têtes égales\u{a0}: choisis un autre nombre de têtes ou une autre taille.")
}
pub const RUN_TITLE: &str = "L'entraînement";
pub const TRAIN: &str = "Entraîner";
pub const PAUSE: &str = "Pause";
pub const RESUME: &str = "Reprendre";
pub const STOP: &str = "Arrêter";
pub fn status_line(step: usize, total: usize, tps: f64) -> String {
    format!(
        "Pas {} sur {} · {} lettres par seconde",
        int(step as u64),
        int(total as u64),
        int(tps.round() as u64)
    )
}
pub const CORES: &str = "Cœurs de calcul";
pub fn cores_hint(cores: usize) -> String {
    format!(
        "Ton ordinateur a {}. Les grands modèles entraînés par lots d'au moins 8 noms se \
         partagent entre eux\u{a0}: chaque cœur calcule une partie du lot.",
        count(cores, "cœur", "cœurs")
    )
}
pub fn working_cores(n: usize) -> String {
    format!("{} au travail", count(n, "cœur", "cœurs"))
}
pub const STATUS_STARTING: &str = "Démarrage du calcul en arrière-plan…";
pub const STATUS_PAUSED: &str = "En pause.";
pub const STATUS_FINISHED: &str = "Terminé\u{a0}!";
pub const STATUS_STOPPED: &str = "Arrêté.";
pub fn status_diverged(step: usize) -> String {
    format!(
        "La loss a explosé au pas {}\u{a0}: recommence avec un taux plus petit.",
        int(step as u64)
    )
}
pub const NOT_IN_WORKER: &str = "Ce navigateur refuse le calcul en arrière-plan\u{a0}: l'entraînement se fait dans la page, qui peut ralentir.";
pub fn test_loss(loss: f32, names: usize, sentences: bool) -> String {
    let (one, many) = if sentences {
        ("phrase jamais vue", "phrases jamais vues")
    } else {
        ("nom jamais vu", "noms jamais vus")
    };
    format!(
        "Loss sur les {}\u{a0}: {}",
        count(names, one, many),
        fr(loss, 2)
    )
}
pub fn train_loss(loss: f32) -> String {
    format!(
        "Loss d'entraînement (moyenne des derniers pas)\u{a0}: {}",
        fr(loss, 2)
    )
}
pub fn run_label(layers: usize, heads: usize, cards: usize, data: &str) -> String {
    format!(
        "{}, {}, cartes de {cards}, {data}",
        count(layers, "couche", "couches"),
        count(heads, "tête", "têtes")
    )
}
pub const HISTORY_TITLE: &str = "Tes entraînements";
pub const COL_MODEL: &str = "Modèle";
pub const COL_PARAMS: &str = "Paramètres";
pub const COL_TRAIN: &str = "Loss d'entraînement";
pub const COL_TEST: &str = "Loss sur les noms jamais vus";

pub const CHALLENGES_TITLE: &str = "Défis";
pub const CHALLENGES_INTRO: &str =
    "La page vérifie tes défis toute seule, à la fin de chaque entraînement.";
pub const CHALLENGES: [(&str, &str); 3] = [
    ("Sous 2,2", "Entraîne un modèle sur les prénoms dont la loss sur les noms jamais vus descend sous 2,2."),
    ("Par cœur", "Fabrique un modèle qui apprend par cœur\u{a0}: sa loss d'entraînement est plus basse d'au moins 0,5 que sa loss sur les noms jamais vus (essaie une petite liste et beaucoup de pas)."),
    ("Gros mais pas mieux", "Sur les mêmes données, entraîne un modèle au moins deux fois plus gros qu'un autre… qui ne fait pas mieux sur les noms jamais vus."),
];
pub const CHALLENGE_DONE: &str = "réussi";
pub const CHALLENGE_TODO: &str = "à relever";

pub const SAVE_TITLE: &str = "Enregistrer ou ouvrir un modèle";
pub const LIVES_HERE: &str = "Un modèle entraîné vit dans cette page\u{a0}: si tu la recharges, la fermes ou la quittes sans l'avoir enregistré, il disparaît (la page te le demande avant).";
pub const SAVE: &str = "Enregistrer le modèle";
pub const OPEN: &str = "Ouvrir un modèle";
/// « Enregistrer le modèle » worked: which file, which model, how big.
pub fn saved(file: &str, what: &str, bytes: usize) -> String {
    format!(
        "Modèle enregistré dans le fichier «\u{a0}{file}\u{a0}» (dossier Téléchargements)\u{a0}: {what}, {}\u{a0}Ko.",
        int(bytes.div_ceil(1000) as u64)
    )
}
/// A trained model in words: its run's label, its steps, its parameters.
pub fn describe_trained(label: &str, steps: usize, params: usize) -> String {
    format!(
        "{label}, {}, {}",
        count(steps, "pas", "pas"),
        count(params, "paramètre", "paramètres")
    )
}
/// A model opened from a file, in words.
pub fn describe_opened(params: usize) -> String {
    format!(
        "le modèle ouvert depuis un fichier, {}",
        count(params, "paramètre", "paramètres")
    )
}
/// Why « Enregistrer le modèle » waits.
pub const SAVE_BUSY: &str = "Attends la fin de l'entraînement (ou arrête-le) pour enregistrer ton modèle ou en ouvrir un autre.";
pub const SAVE_REFUSED: &str = super::widgets::DOWNLOAD_REFUSED;
pub const TOO_BIG: &str = "Ce fichier est bien trop gros pour être un modèle Tuto LLM.";
pub const UNREADABLE: &str = "Impossible de lire ce fichier.";
pub const NOT_A_MODEL: &str = "Ce fichier n'est pas un modèle Tuto LLM. Choisis un fichier .json enregistré avec le bouton «\u{a0}Enregistrer le modèle\u{a0}».";
pub fn unknown_version(v: u32) -> String {
    format!("Ce modèle vient d'une autre version de Tuto LLM (format {v})\u{a0}: il ne peut pas être ouvert ici.")
}
pub const DAMAGED: &str = "Ce fichier de modèle est abîmé\u{a0}: ses nombres ne correspondent pas à sa taille. Enregistre-le à nouveau.";
pub fn loaded(params: usize, extended: bool, note: &str) -> String {
    format!(
        "Modèle ouvert\u{a0}: {} paramètres, {}. {note}",
        int(params as u64),
        if extended {
            "alphabet étendu (accents)"
        } else {
            "alphabet de 26 lettres"
        }
    )
}
pub fn note(data: &str, steps: usize) -> String {
    format!(
        "Atelier Tuto LLM, données\u{a0}: {data}, {} pas.",
        int(steps as u64)
    )
}

pub const TALK_TITLE: &str = "Faire parler le modèle";
pub fn bars_title(prefix: &str) -> String {
    format!("Après «\u{a0}.{prefix}\u{a0}», le modèle prédit")
}
pub const PREFIX: &str = "Début du nom ou de la phrase\u{a0}:";
/// The button that draws ten names, or ten sentences for a model of sentences.
pub fn invent(prefix: &str, sentences: bool) -> String {
    let what = if sentences { "phrases" } else { "noms" };
    if prefix.is_empty() {
        format!("Invente 10 {what}")
    } else {
        format!("Invente 10 {what} commençant par «\u{a0}{prefix}\u{a0}»")
    }
}
/// How invented sentences are marked (`minigpt::judge`), said under them: `min_words` words at
/// least, and the dictionary's size.
pub fn sentence_marks_rule(min_words: usize, dictionary: usize) -> String {
    format!(
        "Chaque phrase inventée est marquée\u{a0}: «\u{a0}{}\u{a0}» si c'est une phrase de la liste apprise, mot pour mot\u{a0}; «\u{a0}{}\u{a0}» si elle n'y est pas et que tous ses mots (au moins {min_words}) sont des mots français\u{a0}; «\u{a0}{}\u{a0}» sinon. Un mot souligné en pointillés n'est pas un mot français\u{a0}: il n'est pas parmi les {} mots du dictionnaire de la page.",
        super::marks::COPY,
        super::marks::NEW,
        super::marks::ODD,
        int(dictionary as u64)
    )
}
/// A word that is not French: its title (shown on hover), and what a screen reader says after it.
pub const NOT_FRENCH: &str = "pas un mot français";
pub const NOT_FRENCH_SPOKEN: &str = " (pas un mot français)";
/// The names' marks: the rule lessons 5 and 6 state, word for word (one rule, `rules::marks`).
pub const MARKS_RULE: &str = super::marks::RULE;
/// A model opened from a file: no data to compare its names with.
pub const NO_MARKS: &str = "Ce modèle vient d'un fichier\u{a0}: la page ne connaît pas ses données, elle ne peut donc pas dire si un nom est copié ou nouveau.";
pub const SOURCES_TITLE: &str = "Sources des données";
pub const MOTS_DEMO_PREFIX: &str = "pré";
pub const PROVERBES_DEMO_PREFIX: &str = "il faut";
pub const PREFIX_PLACEHOLDER: &str = "ex.\u{a0}: ma";
/// A model file's name starts so; the data and the pupil's name follow.
pub const MODEL_FILE_STEM: &str = "tuto-llm-modele";
/// The data's part of a file name for the pupil's own list.
pub const OWN_LIST_FILE: &str = "ma-liste";
pub fn too_big_model(params: usize, max: usize) -> String {
    format!("Ce modèle a {} paramètres\u{a0}: l'Atelier n'en ouvre pas plus de {}. Ce n'est pas un fichier de l'Atelier.", int(params as u64), int(max as u64))
}
pub const ABSURD_WEIGHTS: &str = "Les nombres de ce modèle sont bien trop grands\u{a0}: il n'écrirait que des noms vides. Ce fichier a été modifié ou abîmé.";
/// A model's note as shown: at most a few lines.
pub fn short_note(note: &str) -> String {
    const SHOWN: usize = 300;
    if note.chars().count() > SHOWN {
        format!("{}…", note.chars().take(SHOWN).collect::<String>())
    } else {
        note.to_string()
    }
}
pub fn challenge_line(what: &str) -> String {
    format!(" — {what} ")
}
/// What a notebook says a loaded model learned from, when its file has no note.
pub const FROM_FILE: &str = "un modèle ouvert depuis un fichier";
