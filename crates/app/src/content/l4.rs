//! Lesson 4 "L'attention": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Questions, signes et infos",
    "Interdit de regarder devant",
    "Plusieurs têtes",
    "Ce qu'on a appris",
];

pub const OBJECTIVES: &[&str] = &[
    "comprendre comment une lettre choisit les lettres qui comptent pour elle ;",
    "calculer une attention à la main sur le mot « chat » ;",
    "voir pourquoi une lettre n'a pas le droit de regarder les lettres suivantes ;",
    "observer les 4 « têtes » d'un vrai petit GPT, et fabriquer un mot qui les piège.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    ("attention", "la façon dont chaque lettre choisit, parmi les lettres d'avant, celles qui l'aident."),
    ("requête, clé, valeur (query, key, value)", "la question qu'une lettre pose, le panneau que montre chaque lettre, l'info qu'elle donne."),
    ("masque causal", "la règle : on ne regarde que les lettres placées avant soi (et soi-même)."),
    ("tête (head)", "une attention parmi plusieurs qui travaillent en même temps, chacune avec ses questions."),
];

pub const CLASSROOM: &str = "Imagine une classe. Chaque élève est une lettre. Un élève lève la main avec une question (la requête). Les autres montrent un panneau qui dit ce qu'ils savent (la clé). L'élève écoute surtout ceux dont le panneau correspond à sa question, et récupère leurs infos (les valeurs). Règle d'or : on n'a le droit de demander qu'aux élèves assis AVANT soi.";
pub const SCENE: &str = "« t » lève la main : « Qui peut m'aider à deviner la lettre suivante ? » Les lettres d'avant montrent leur panneau, et « t » écoute surtout celles qui correspondent.";
pub const CHAT: &str = "Sur le mot « .chat », chaque lettre a 4 nombres. On calcule sa question (q), son panneau (k) et son info (v) avec trois petits tableaux de poids. Le score entre deux lettres = q · k (on multiplie case par case, on additionne), divisé par 2 (la racine de 4). La softmax change les scores en pourcentages d'attention. Enfin, la lettre mélange les infos v des autres selon ces pourcentages.";
pub const MASK: &str = "Pendant l'entraînement, le modèle voit le nom entier. S'il pouvait regarder la lettre suivante, il tricherait ! Le masque causal l'interdit : chaque ligne est une lettre qui pose sa question, et elle ne peut regarder que les cases vertes (les lettres avant elle, et elle-même).";
pub const HEADS: &str = "Un vrai GPT a plusieurs têtes d'attention qui travaillent en même temps : chacune pose ses propres questions. Voici les 4 têtes d'un petit GPT entraîné rapidement (600 pas, quelques secondes) sur les 1 023 Pokémon : ce sont ses vraies attentions, calculées pour ton mot. Plus le trait est foncé, plus la lettre de droite regarde la lettre de gauche.";
pub const REFLECTION: &str = "L'attention ne « comprend » pas : elle calcule des scores. Mais c'est elle qui permet à ChatGPT de relier un mot à un autre très loin dans la phrase. Chaque tête apprend ses propres habitudes, que personne ne lui a dictées — et qu'on a parfois du mal à expliquer.";
pub const LEARNED: &[&str] = &[
    "Chaque lettre pose une question (q), montre un panneau (k) et offre une info (v).",
    "Score = q · k ; la softmax en fait des pourcentages d'attention ; on mélange les infos v.",
    "Le masque causal interdit de regarder les lettres suivantes : pas de triche.",
    "Plusieurs têtes regardent en même temps, chacune à sa façon.",
];
pub const LIMIT: &str = "On a maintenant toutes les pièces : les cartes d'identité, l'attention, un petit réseau de neurones. Dans la leçon 5, on les assemble en un vrai mini-GPT !";
