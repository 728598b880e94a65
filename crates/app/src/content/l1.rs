//! Lesson 1 "Deviner la suite": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Deviner la lettre suivante",
    "Nos 20 Pokémon",
    "Compter les paires",
    "Le grand tableau",
    "Des comptes aux probabilités",
    "Inventer des Pokémon",
    "Ce qu'on a appris",
];

pub const OBJECTIVES: &[&str] = &[
    "découvrir comment une machine peut deviner la lettre suivante ;",
    "compter les paires de lettres dans des noms de Pokémon ;",
    "transformer ces comptes en probabilités ;",
    "inventer de nouveaux noms de Pokémon, lettre par lettre.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    (
        "bigramme",
        "deux lettres qui se suivent, comme « pi » dans « pikachu ».",
    ),
    (
        "probabilité",
        "la chance qu'une chose arrive, entre 0 % (jamais) et 100 % (toujours).",
    ),
    (
        "modèle",
        "le programme qui devine la suite. Ici, c'est un grand tableau de comptes.",
    ),
    (
        "jeton (token)",
        "un morceau de texte que le modèle lit. Ici : une lettre, ou le point « . ».",
    ),
];

pub const PHONE: &str = "Quand tu écris un message, ton téléphone te propose le mot suivant. Comment fait-il ? Il a vu des millions de messages, et il se souvient de ce qui vient souvent après ce que tu viens d'écrire.";
pub const PATTERNS: &[(&str, &str)] = &[
    ("A, B, C → ", "D"),
    ("L, U, N, D → ", "I"),
    ("après Q vient presque toujours → ", "U"),
];
pub const IDEA: &str = "Un ChatGPT fait pareil, mais avec des mots entiers. Nous, on commence plus petit : deviner la lettre suivante dans un nom.";
pub const DATA: &str = "Notre modèle va apprendre avec 20 noms de Pokémon. Tu peux en ajouter d'autres (ou des prénoms) : le tableau de la suite en tiendra compte.";
pub const DOT: &str = "Le point « . » marque le début et la fin d'un nom. Ainsi « pikachu » devient « .pikachu. » : le modèle apprend aussi par quelle lettre un nom commence, et quand il s'arrête.";
pub const TABLE: &str = "On fait pareil pour tous les noms, et on range les comptes dans un grand tableau de 27 lignes et 27 colonnes. Plus la case est claire, plus la paire est fréquente. Clique sur une lettre à gauche pour choisir sa ligne.";
pub const PROBS: &str = "Pour passer des comptes aux probabilités, on divise chaque case de la ligne par le total de la ligne. Exemple : si « a » est suivi 30 fois au total, et 6 fois par « r », alors la probabilité de « r » après « a » vaut 6 ÷ 30 = 20 %.";
pub const GENERATE: &str = "Pour inventer un nom, on part de « . », on tire au sort la lettre suivante avec les probabilités de sa ligne (comme une roue de loterie où les cases fréquentes sont plus grandes), puis on recommence avec la nouvelle lettre… jusqu'à tirer « . », la fin.";
pub const REFLECTION: &str = "Le modèle ne sait pas ce qu'est un Pokémon. Il ne sait même pas ce qu'est un mot ! Il recopie seulement des habitudes de lettres. C'est déjà le cas des grands modèles comme ChatGPT : ils imitent très bien, sans comprendre comme toi.";
pub const LEARNED: &[&str] = &[
    "Un modèle de langage devine la suite d'un texte, un morceau à la fois.",
    "Notre premier modèle compte les paires de lettres (les bigrammes) dans des exemples.",
    "En divisant par le total d'une ligne, les comptes deviennent des probabilités.",
    "En tirant au sort avec ces probabilités, on invente des noms qui « sonnent » Pokémon.",
];
pub const LIMIT: &str = "Mais notre modèle ne regarde qu'une seule lettre en arrière, et on a rempli son tableau en comptant, pas en apprenant. Dans la leçon 2, le modèle va apprendre tout seul, en corrigeant ses erreurs.";
