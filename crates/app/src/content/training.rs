//! Words of the training jobs (in a worker or on the page): why a job cannot run.

pub fn impossible_size(why: &str) -> String {
    format!("Cette taille de modèle n'est pas possible ({why}).")
}
pub const NO_READABLE_NAME: &str = "Ta liste ne contient aucun nom que ce modèle sait lire.";
pub const NO_NAME_TO_LEARN: &str = "Ces données ne contiennent aucun nom à apprendre.";
