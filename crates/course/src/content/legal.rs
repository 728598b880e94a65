//! « Mentions légales »: the publisher's details (set at build time from `publication.toml`,
//! read by `cargo xtask dist`), what the page collects (nothing), the licences.

pub const TITLE: &str = "Mentions légales";
pub const LINK: &str = "Mentions légales";
pub const TO_FILL: &str = "À compléter par l'établissement qui publie cette page (fichier publication.toml, puis «\u{a0}cargo xtask dist\u{a0}»).";

/// (label, value set at build time).
pub fn publisher_lines() -> [(&'static str, &'static str); 5] {
    [
        ("Éditeur", option_env!("TUTO_PUBLISHER").unwrap_or("")),
        (
            "Directeur ou directrice de la publication",
            option_env!("TUTO_DIRECTOR").unwrap_or(""),
        ),
        ("Contact", option_env!("TUTO_CONTACT").unwrap_or("")),
        ("Hébergement", option_env!("TUTO_HOST").unwrap_or("")),
        ("Code source", option_env!("TUTO_REPOSITORY").unwrap_or("")),
    ]
}

pub const DATA_TITLE: &str = "Données personnelles";
pub const DATA: &str = "Tuto LLM ne collecte aucune donnée personnelle et n'envoie rien sur Internet\u{a0}: la progression et le prénom que l'élève choisit d'écrire restent dans le navigateur du poste. Les fichiers «\u{a0}Envoyer à mon professeur\u{a0}» sont créés sur le poste et remis à la main. Aucun cookie, aucune mesure d'audience.";
pub const LICENCE_TITLE: &str = "Licences";
pub const LICENCE: &str = "Le logiciel Tuto LLM est libre (licence MIT). Les listes de noms gardent leur licence, citée dans les sources de chaque leçon et dans le fichier data/SOURCES.md\u{a0}: les noms de Pokémon restent la propriété de Nintendo, Creatures Inc. et GAME FREAK inc., utilisés ici à des fins éducatives et non commerciales.";
pub const CREDITS_TITLE: &str = "Crédits";
pub const CREDITS: &str = "Le modèle du cours traduit microgpt.py d'Andrej Karpathy\u{a0}; les sources de chaque leçon sont citées à sa dernière étape.";
