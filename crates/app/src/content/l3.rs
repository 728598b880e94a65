//! Lesson 3 "La mémoire du modèle": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Une carte d'identité par lettre",
    "La fenêtre de contexte",
    "Entraîner le modèle à mémoire",
    "La carte des lettres",
    "Inventer avec plus de mémoire",
    "Ce qu'on a appris",
];

pub const OBJECTIVES: &[&str] = &[
    "donner à chaque lettre une « carte d'identité » de quelques nombres ;",
    "laisser le modèle regarder plusieurs lettres en arrière ;",
    "entraîner ce modèle et comparer sa loss à celle du bigramme ;",
    "découvrir sur une carte quelles lettres le modèle trouve semblables.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    ("embedding (plongement)", "la carte d'identité d'une lettre : une liste de d nombres que le modèle règle lui-même."),
    ("contexte", "les k lettres d'avant que le modèle regarde pour deviner la suivante."),
    ("paramètres", "tous les nombres réglables du modèle (les poids)."),
    ("validation", "des noms gardés de côté, jamais appris, pour vérifier que le modèle ne fait pas que réciter."),
];

pub const CARD: &str = "Imagine que chaque lettre reçoit une carte d'identité avec quelques notes sur 10 : « aime le début des mots », « suit souvent une voyelle »… Personne n'écrit ces notes à la main : le modèle les invente et les règle tout seul pendant l'entraînement. Au début, elles sont tirées au hasard.";
pub const TABLE: &str = "Voici toutes les cartes : une ligne par lettre, d cases par carte. Bleu = nombre négatif, orange = positif. Passe la souris sur une case pour lire son nombre. Change d avec le curseur.";
pub const WINDOW: &str = "Le bigramme ne regardait qu'une lettre en arrière. Maintenant, le modèle prend les cartes des k dernières lettres et les pose côte à côte : ça fait une seule longue liste de k × d nombres. Un petit réseau de neurones lit cette liste et donne 27 scores, puis la softmax les change en probabilités.";
pub const TRAIN: &str = "On entraîne ce modèle sur 90 % des 1 023 Pokémon, et on garde 10 % des noms de côté pour vérifier (la « validation »). À chaque pas, le modèle corrige ses poids ET les cartes d'identité des lettres.";
pub const MAP: &str = "Après l'entraînement, on dessine les cartes d'identité sur une carte à plat (on garde les 2 directions où elles varient le plus). Les lettres que le modèle utilise de la même façon finissent proches. Les voyelles sont des ronds bleus, les consonnes des carrés orange, le « . » un losange noir.";
pub const GENERATE: &str = "Invente des noms avec le modèle à mémoire, et compare avec ceux du bigramme (leçon 1). Ils devraient « sonner » plus Pokémon !";
pub const REFLECTION: &str = "Le modèle a rangé les lettres tout seul, sans qu'on lui dise ce qu'est une voyelle. Les grands modèles font pareil avec les mots : « chat » et « chien » finissent proches. Mais ils rangent aussi les préjugés de leurs textes : si les exemples associent un métier à un seul genre, le modèle le fera aussi.";
pub const LEARNED: &[&str] = &[
    "Chaque lettre a une carte d'identité (un embedding) que le modèle règle lui-même.",
    "Avec une fenêtre de k lettres, le modèle se souvient de plus de contexte.",
    "Plus de mémoire donne une loss plus basse, même sur des noms jamais vus.",
    "Sur la carte, les lettres qui se comportent pareil se regroupent.",
];
pub const LIMIT: &str = "Mais la fenêtre est fixe : la lettre d'il y a 3 places compte toujours autant, même quand elle ne sert à rien. Et si le modèle pouvait choisir lui-même quelles lettres regarder ? C'est l'attention, dans la leçon 4.";
