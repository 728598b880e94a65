//! Words of the training jobs (in a worker or on the page): why a job cannot run.

pub fn impossible_size(why: &str) -> String {
    format!("Cette taille de modèle n'est pas possible ({why}).")
}
pub const NO_READABLE_NAME: &str = "Ta liste ne contient aucun nom que ce modèle sait lire.";
pub const NO_NAME_TO_LEARN: &str = "Ces données ne contiennent aucun nom à apprendre.";
pub const CANNOT_CARRY_ON: &str =
    "Impossible de reprendre l'entraînement là où il s'était arrêté\u{a0}: relance-le.";
/// Said by the worker's script itself when the module cannot start (no Rust code runs yet).
pub const BOOT_FAILED: &str = "Le calcul en arrière-plan n'a pas démarré\u{a0}: ";

/// A core of the team stopped answering; the others carry on from the last checkpoint.
pub fn core_lost(step: usize, now: usize, before: usize) -> String {
    format!(
        "Un des cœurs de calcul ne répondait plus. Pas de panique\u{a0}: l'entraînement continue \
         avec {} au lieu de {before}, depuis le pas {}.",
        crate::text::count(now, "cœur", "cœurs"),
        crate::text::int(step as u64)
    )
}

/// The last worker stopped answering: the model is kept as it was at its last checkpoint.
pub fn worker_lost(step: Option<usize>) -> String {
    match step {
        Some(step) => format!(
            "Le calcul en arrière-plan s'est arrêté. Ton modèle est gardé tel qu'il était au \
             pas {}\u{a0}: tu peux l'essayer, l'enregistrer ou relancer l'entraînement.",
            crate::text::int(step as u64)
        ),
        None => "Le calcul en arrière-plan s'est arrêté avant d'avoir appris quoi que ce soit. \
                 Relance l'entraînement."
            .to_string(),
    }
}
