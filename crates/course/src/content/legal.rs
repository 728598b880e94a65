//! « Mentions légales »: the publisher's details (set at build time from `publication.toml`,
//! read by `cargo xtask dist`), what the page collects (nothing), the licences; and the note
//! for the school's data protection officer (« Note pour le ou la DPO »).

pub const TITLE: &str = "Mentions légales";
pub const LINK: &str = "Mentions légales";

/// (label, value set at build time, what to fill in when it is empty: words for a head
/// teacher; how to build it is in the README).
pub fn publisher_lines() -> [(&'static str, &'static str, &'static str); 5] {
    [
        (
            "Éditeur",
            option_env!("TUTO_PUBLISHER").unwrap_or(""),
            "À compléter par l'établissement\u{a0}: nom et adresse de l'établissement qui publie cette page.",
        ),
        (
            "Directeur ou directrice de la publication",
            option_env!("TUTO_DIRECTOR").unwrap_or(""),
            "À compléter par l'établissement\u{a0}: en général, le chef ou la cheffe d'établissement.",
        ),
        (
            "Contact",
            option_env!("TUTO_CONTACT").unwrap_or(""),
            "À compléter par l'établissement\u{a0}: une adresse électronique pour joindre l'établissement au sujet de cette page.",
        ),
        (
            "Hébergement",
            option_env!("TUTO_HOST").unwrap_or(""),
            "À compléter par l'établissement\u{a0}: qui héberge cette page (nom, adresse, téléphone), ou «\u{a0}aucun\u{a0}» pour la version copiée sur clé USB.",
        ),
        (
            "Code source",
            option_env!("TUTO_REPOSITORY").unwrap_or(""),
            "À compléter par l'établissement\u{a0}: l'adresse où l'on peut lire le code de la page publiée.",
        ),
    ]
}

pub const DATA_TITLE: &str = "Données personnelles";
pub const DATA: &str = "Tuto LLM ne collecte aucune donnée personnelle et n'envoie rien sur Internet\u{a0}: le prénom, l'initiale du nom, les résultats et les phrases de l'élève restent dans le navigateur du poste. Les fichiers «\u{a0}Envoyer à mon professeur\u{a0}» sont créés sur le poste et remis à la main au professeur. Aucun cookie, aucune mesure d'audience.";
pub const LICENCE_TITLE: &str = "Licences";
pub const LICENCE: &str = "Le logiciel Tuto LLM est libre (licence MIT). Les listes de noms gardent leur licence, citée dans les sources de chaque leçon et dans le fichier data/SOURCES.md\u{a0}: les noms de Pokémon restent la propriété de Nintendo, Creatures Inc. et GAME FREAK inc., utilisés ici à des fins éducatives et non commerciales.";
pub const CREDITS_TITLE: &str = "Crédits";
pub const CREDITS: &str = "Le modèle du cours traduit microgpt.py d'Andrej Karpathy\u{a0}; les sources de chaque leçon sont citées à sa dernière étape.";

// « Note pour le ou la DPO »: the personal data of the collected files, for the school's data
// protection officer (linked from « Ma classe », the privacy page and the teachers' corner).
pub const DPO_LINK: &str = "Note pour le ou la DPO (les données des élèves)";
pub const DPO_TITLE: &str = "Note pour le ou la DPO";
pub const DPO_INTRO: &str = "À transmettre au délégué ou à la déléguée à la protection des données de l'établissement. Tuto LLM est une page web qui fonctionne entièrement dans le navigateur\u{a0}: pas de compte, pas de serveur qui reçoive des données, pas de cookie, pas de mesure d'audience.";
/// (title, paragraphs).
pub const DPO: &[(&str, &[&str])] = &[
    ("Ce que contiennent les fichiers remis au professeur", &[
        "En fin de séance, chaque élève (ou chaque binôme) enregistre un fichier progression-Prénom-I-date.json et le remet à son professeur. Ce fichier contient\u{a0}: le prénom et l'initiale du nom (les deux pour un binôme)\u{a0}; la date d'enregistrement\u{a0}; pour chaque exercice fait, le résultat («\u{a0}réussi\u{a0}» ou «\u{a0}fait\u{a0}»), le nombre d'essais, la première réponse (40 caractères au plus, par exemple la lettre prédite) et la date\u{a0}; les phrases «\u{a0}À toi d'expliquer\u{a0}» (280 caractères au plus, une par leçon).",
        "Il ne contient ni nom de famille complet, ni date de naissance, ni adresse, ni identifiant de l'ENT, ni adresse IP.",
    ]),
    ("Comment ils circulent", &[
        "À la main\u{a0}: clé USB qui passe de poste en poste, dépôt sur l'ENT ou messagerie de l'établissement. La page «\u{a0}Ma classe\u{a0}» les lit dans le navigateur du professeur, sans rien envoyer\u{a0}; son tableau disparaît quand la page est fermée ou avec «\u{a0}Vider la classe\u{a0}». Seul le nom de la classe tapé par le professeur («\u{a0}4e B\u{a0}») reste dans son navigateur. L'export CSV contient les mêmes informations que les fichiers.",
    ]),
    ("Où les garder", &[
        "Sur un espace de l'établissement (ENT, espace de stockage professionnel), pas sur un service en ligne grand public ni sur un ordinateur personnel. La clé USB qui a servi à la collecte est vidée une fois les fichiers copiés.",
    ]),
    ("Quand les supprimer", &[
        "À la fin de la séquence (les six leçons et la leçon bonus), et au plus tard à la fin de l'année scolaire. Le tableau CSV, s'il a été exporté, suit la même règle.",
    ]),
    ("Sur les postes des élèves", &[
        "Le navigateur de chaque poste garde, pour chaque élève qui s'y est nommé, son prénom et son initiale, ses résultats, ses premières réponses et ses phrases, ainsi que la liste des réponses déjà montrées sur ce poste (pour qu'une réponse vue ne compte pas «\u{a0}réussi\u{a0}»). Un élève efface les siens avec «\u{a0}Effacer toute ma progression\u{a0}»\u{a0}; le professeur efface ceux de tous les élèves du poste avec «\u{a0}Vider ce poste\u{a0}», sur la page «\u{a0}Confidentialité\u{a0}».",
    ]),
    ("Rien d'autre ne quitte le poste", &[
        "La page ne fait aucune requête vers Internet\u{a0}: les tests automatiques du projet le vérifient à chaque modification, et la version hors ligne (tuto-llm.html) interdit toute connexion. En dehors des fichiers remis à la main, aucune donnée ne sort du poste.",
    ]),
    ("Finalité", &[
        "Le suivi pédagogique de la classe par son professeur (évaluation formative)\u{a0}: savoir, exercice par exercice, ce que chaque élève a compris. Aucune autre utilisation. La base légale envisageable est la mission d'intérêt public d'enseignement (article 6, 1, e du RGPD)\u{a0}; l'inscription au registre des traitements de l'établissement est à décider par le ou la DPO.",
    ]),
];
