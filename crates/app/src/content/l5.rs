//! Lesson 5 "Mon premier LLM": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Le plan du mini-GPT",
    "Combien de paramètres ?",
    "Un modèle qui n'a rien appris",
    "La température",
    "Ce qu'on a appris",
];

pub const OBJECTIVES: &[&str] = &[
    "assembler toutes les pièces des leçons 1 à 4 en un vrai mini-GPT ;",
    "suivre le chemin d'un mot, étape par étape, dans le modèle ;",
    "compter les paramètres et comparer avec les géants comme GPT-3 ;",
    "régler la température pour rendre le modèle sage ou fantaisiste.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    ("GPT", "« Generative Pre-trained Transformer » : un modèle qui devine la suite, bâti avec de l'attention."),
    ("couche (layer)", "un bloc attention + réseau de neurones. On peut en empiler plusieurs."),
    ("raccourci (residual)", "un chemin qui contourne un bloc : on ajoute ce que le bloc a trouvé à ce qu'on avait déjà."),
    ("température", "un réglage qui rend les tirages plus sages (froid) ou plus fous (chaud)."),
];

pub const LEGO: &str = "Un GPT, c'est comme un Lego : chaque pièce, tu la connais déjà. Les cartes d'identité (leçon 3), l'attention (leçon 4), un petit réseau de neurones, les scores et la softmax (leçon 2). Il ne reste qu'à les empiler dans le bon ordre.";
pub const DIAGRAM: &str = "Voici le plan de notre mini-GPT. Clique sur un bloc pour voir ses vrais nombres quand le modèle lit « .pik » (on regarde la dernière lettre, « k »). Le modèle n'est pas encore entraîné : ses nombres sont tirés au hasard.";
pub const PARAMS: &str = "Chaque bloc a ses poids à régler. Change la taille du modèle et regarde le compteur. Astuce : une couche contient 12 × n_embd × n_embd poids (4 tableaux pour l'attention, 8 pour le réseau de neurones).";
pub const GIANTS: &[(&str, &str, &str)] = &[
    (
        "Notre mini-GPT (par défaut)",
        "4 192",
        "microgpt.py, A. Karpathy (2026)",
    ),
    (
        "GPT-2 (2019)",
        "124 millions (petite version) à 1,5 milliard",
        "Radford et al., OpenAI, 2019",
    ),
    (
        "GPT-3 (2020)",
        "175 milliards",
        "Brown et al., « Language Models are Few-Shot Learners », 2020",
    ),
    (
        "GPT-4 (2023)",
        "non publié par OpenAI",
        "rapport technique GPT-4, OpenAI, 2023",
    ),
];
pub const UNTRAINED: &str = "Faisons passer « .pik » dans le modèle tout neuf. Ses poids sont tirés au hasard : il donne à peu près 1 chance sur 27 à chaque lettre. C'est du charabia, et c'est normal : il n'a encore rien appris !";
pub const TEMPERATURE: &str = "Ce modèle-ci a été entraîné quelques secondes sur les 1 023 Pokémon. Avant de tirer une lettre, on divise ses scores par la température T. Froid (T petit) : la lettre favorite gagne presque toujours. Chaud (T grand) : toutes les lettres ont leur chance.";
pub const REFLECTION: &str = "Quand ChatGPT invente une réponse fausse avec assurance, on parle d'« hallucination » : il tire des mots probables, pas des mots vrais. Une température élevée rend les réponses plus créatives… et plus souvent fausses.";
pub const LEARNED: &[&str] = &[
    "Un GPT empile : cartes d'identité + positions, attention, réseau de neurones, raccourcis, scores, softmax.",
    "Notre mini-GPT a 4 192 paramètres ; GPT-3 en a 175 milliards.",
    "Sans entraînement, le modèle répond au hasard : environ 1 chance sur 27 par lettre.",
    "La température règle le hasard : froid = répétitif, chaud = fantaisiste.",
];
pub const LIMIT: &str = "Notre GPT est assemblé… mais il ne sait rien. Dans la leçon 6, on l'entraîne pour de vrai, sur les noms que tu choisis !";

/// One sentence per block of the diagram, for a 12-year-old.
pub const BLOCKS: &[(&str, &str)] = &[
    ("Lettres", "Le modèle lit des jetons : « . », « p », « i », « k »."),
    ("Cartes + positions", "Chaque lettre prend sa carte d'identité, et on y ajoute une carte « je suis en 4e position »."),
    ("Attention", "Chaque lettre regarde les lettres d'avant (4 têtes à la fois) et récupère leurs infos."),
    ("+ raccourci", "On ajoute ce que l'attention a trouvé à ce qu'on avait déjà : rien n'est perdu."),
    ("Réseau de neurones", "Un petit réseau réfléchit à tout ça : 64 « neurones » s'allument ou restent éteints."),
    ("+ raccourci", "Encore un raccourci : on ajoute le résultat du réseau."),
    ("Scores", "27 scores, un par jeton possible : plus il est grand, plus la lettre est probable."),
    ("Softmax", "Les scores deviennent des probabilités qui font 100 % en tout."),
];
