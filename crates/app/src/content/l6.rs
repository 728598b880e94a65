//! Lesson 6 "Entraîner le modèle": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Choisir les données",
    "La loss de départ",
    "La chaîne de dominos",
    "L'entraînement, en direct",
    "Générer des noms",
    "Ta propre liste",
    "Réfléchir : biais, hallucinations, énergie",
    "Fin du cours",
];

pub const OBJECTIVES: &[&str] = &[
    "entraîner pour de vrai ton mini-GPT, en direct dans la page ;",
    "prédire la loss de départ et la voir baisser ;",
    "comparer plusieurs réglages, générer des noms avec un début et une température ;",
    "entraîner le modèle sur ta propre liste de noms.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    (
        "rétropropagation (backpropagation)",
        "remonter l'erreur de la fin vers le début du modèle, pour corriger chaque poids.",
    ),
    (
        "pas (step)",
        "un tour d'entraînement : un nom, une loss, une correction de tous les poids.",
    ),
    (
        "Adam",
        "une façon maligne de faire les pas : chaque poids a sa propre taille de pas.",
    ),
    (
        "données (dataset)",
        "la liste d'exemples dont le modèle apprend. Il ne sait rien d'autre !",
    ),
];

pub const WAKE: &str = "Ton mini-GPT de la leçon 5 est assemblé, mais il ne sait rien. Aujourd'hui, il apprend. Le cours en Python mettait 1 à 3 minutes par entraînement ; ici, tout tourne dans ta page, en quelques secondes.";
pub const DATA: &str = "Un modèle ne connaît que ses données. Choisis-les : des Pokémon, des prénoms, des dinosaures… ou ta propre liste !";
pub const START_LOSS: &str =
    "Avant l'entraînement, le modèle devine presque au hasard parmi les 27 jetons.";
pub const DOMINOS: &str = "Quand le modèle se trompe, l'erreur part de la fin (la loss) et remonte, étape par étape, jusqu'au début : chaque étape dit à la précédente comment elle aurait dû changer. Comme une rangée de dominos qui tombent à l'envers. C'est la rétropropagation. Bonne nouvelle : la bibliothèque « autograd » la calcule toute seule pour les 4 192 poids.";
pub const DOMINO_STAGES: &[&str] = &[
    "Lettres",
    "Cartes + positions",
    "Attention",
    "Raccourci",
    "Réseau de neurones",
    "Scores",
    "Loss",
];
pub const TRAIN: &str = "Lance l'entraînement : à chaque pas, le modèle lit un nom, calcule sa loss, et corrige ses 4 192 poids avec Adam. La courbe montre la loss moyenne des derniers noms. L'album photo montre ce que le modèle invente au fil de l'entraînement.";
pub const GENERATE: &str = "Le modèle entraîné peut inventer des noms. Donne-lui un début et une température, et regarde ce qu'il imagine.";
pub const OWN: &str = "À toi de créer ! Écris au moins 10 noms (les prénoms de ta classe, des noms de monstres inventés…), entraîne le modèle dessus, et regarde s'il invente de nouveaux noms dans le même style.";
pub const BIAS: &str = "Biais : le modèle imite ses données. Entraîné sur des prénoms d'une seule époque ou d'un seul pays, il n'inventera que ceux-là. Les grands modèles héritent de la même façon des préjugés de leurs textes.";
pub const HALLUCINATION: &str = "Hallucination : le modèle invente des noms qui « sonnent » vrais mais n'existent pas. C'est ce qu'on lui demande ici… mais quand ChatGPT invente un fait avec assurance, c'est un vrai problème.";
pub const ENERGY: &str = "Énergie : notre mini-GPT apprend en une seconde. Les grands modèles demandent des milliers de puces pendant des mois, et beaucoup d'électricité.";
pub const CALCULATOR: &str = "Combien de temps faudrait-il à TON ordinateur pour entraîner GPT-4 ? On estime qu'il a fallu environ 2 × 10²⁵ opérations (estimation d'Epoch AI, 2023 : OpenAI n'a pas publié le chiffre). Ton ordinateur en fait environ 6 × 4 192 par lettre apprise.";
pub const COURSE: &[(&str, &str)] = &[
    (
        "Leçon 1",
        "compter les paires de lettres et inventer des noms",
    ),
    (
        "Leçon 2",
        "mesurer l'erreur (la loss) et apprendre pas à pas",
    ),
    (
        "Leçon 3",
        "des cartes d'identité pour les lettres et plus de mémoire",
    ),
    ("Leçon 4", "l'attention : chaque lettre choisit qui écouter"),
    ("Leçon 5", "assembler un vrai mini-GPT"),
    (
        "Leçon 6",
        "l'entraîner pour de vrai, sur tes propres données",
    ),
];
pub const DATASETS_NOTE: &str = "Prénoms : Source : INSEE, « Fichier des prénoms depuis 1900 » (Licence Ouverte / Etalab 2.0). Dinosaures : liste publique des genres de dinosaures (noms scientifiques, libres).";
