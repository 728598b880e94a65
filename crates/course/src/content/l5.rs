//! Lesson 5 « Mon premier LLM » (the whole architecture, parameters, temperature): texts.

pub use super::common::A_NUMBER;
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{count, fr, int, percent, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 5,
    key: "l5",
    bonus: false,
    title: "Mon premier LLM",
    summary: "Assembler toutes les pièces\u{a0}: un vrai petit GPT.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::L5_E1, level: Level::Observer, topic: "suivre «\u{a0}.pik\u{a0}» dans le plan\u{a0}: les neurones éteints", question: E1_PROMPT },
        ExerciseMeta { id: ids::L5_E2, level: Level::Completer, topic: "prédire les paramètres de 6 couches", question: E2_PROMPT },
        ExerciseMeta { id: ids::L5_E3, level: Level::Modifier, topic: "fabriquer un modèle de 20\u{a0}000 à 30\u{a0}000 paramètres", question: E3_PROMPT },
        ExerciseMeta { id: ids::L5_E4, level: Level::Observer, topic: "ce que le froid fait à la barre favorite", question: E4_PROMPT },
        ExerciseMeta { id: ids::L5_E5, level: Level::Modifier, topic: "froid ou chaud\u{a0}: quelle liste se répète", question: E5_PROMPT },
        ExerciseMeta { id: ids::L5_E6, level: Level::Creer, topic: "une température choisie pour inventer 8 Pokémon nouveaux", question: E6_PROMPT },
    ],
    objectives: &[
        "assembler toutes les pièces des leçons 1 à 4 en un vrai mini-GPT\u{a0};",
        "suivre le chemin d'un mot, étape par étape, dans le modèle\u{a0};",
        "compter les paramètres et comparer avec les géants comme GPT-3\u{a0};",
        "régler la température pour rendre le modèle sage ou fantaisiste.",
    ],
    teacher_objectives: &[
        "relier les pièces des leçons 1 à 4 dans le plan d'un GPT (cartes, attention, réseau de neurones, raccourcis, scores)\u{a0};",
        "suivre le chemin de «\u{a0}.pik\u{a0}» dans le modèle et lire ce que chaque bloc produit\u{a0};",
        "calculer le nombre de paramètres quand on ajoute une couche, et comparer aux grands modèles\u{a0};",
        "comprendre la température comme un réglage du hasard au moment de générer.",
    ],
    explain: "Explique avec tes mots ce que change la température quand le modèle invente un nom.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_DIAGRAM: &str = "Le plan du mini-GPT";
pub const S_PARAMS: &str = "Combien de paramètres\u{a0}?";
pub const S_UNTRAINED: &str = "Un modèle qui n'a rien appris";
pub const S_TEMPERATURE: &str = "La température";
pub const S_CREATE: &str = "Ton Pokémon à toi";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("LLM (grand modèle de langage)", "un modèle qui devine la suite d'un texte, comme ChatGPT. Le nôtre est un mini-LLM\u{a0}: il devine des lettres."),
    ("GPT", "le plan de modèle de ChatGPT, bâti avec de l'attention. Notre mini-GPT suit le même plan, en tout petit."),
    ("paramètre (ou poids)", "un nombre du modèle que l'entraînement règle. Un modèle en a des milliers, ou des milliards."),
    ("couche", "un étage «\u{a0}attention + réseau de neurones\u{a0}». On peut en empiler plusieurs."),
    ("température", "le réglage du hasard quand le modèle tire une lettre au sort."),
];

pub const LEGO: &str = "Un GPT, c'est comme une construction en briques\u{a0}: chaque pièce, tu la connais déjà. Les cartes d'identité (leçon 3), l'attention (leçon 4), un petit réseau de neurones, les scores et la machine à pourcentages (leçon 2). Il ne reste qu'à les empiler dans le bon ordre.";
pub const LEGO_BUTTON: &str = "Montre les pièces";

/// One sentence per block of the diagram, for a 12-year-old.
pub const BLOCKS: &[(&str, &str)] = &[
    ("Lettres", "Le modèle lit des jetons\u{a0}: «\u{a0}.\u{a0}», «\u{a0}p\u{a0}», «\u{a0}i\u{a0}», «\u{a0}k\u{a0}»."),
    ("Cartes + positions", "Chaque lettre prend sa carte d'identité, et on y ajoute une carte «\u{a0}je suis à telle place\u{a0}»."),
    ("Attention", "Chaque lettre regarde les lettres d'avant (4 têtes à la fois) et récupère leurs infos."),
    ("+ raccourci", "On ajoute ce que l'attention a trouvé à ce qu'on avait déjà\u{a0}: rien n'est perdu."),
    ("Réseau de neurones", "Un petit réseau de neurones recalcule la carte de chaque lettre\u{a0}: 64 «\u{a0}neurones\u{a0}» s'allument ou restent éteints."),
    ("+ raccourci", "Encore un raccourci\u{a0}: on ajoute le résultat du réseau."),
    ("Scores", "Un score par jeton possible (27)\u{a0}: plus il est grand, plus la lettre est probable."),
    ("Pourcentages", "La machine à pourcentages change les scores en probabilités qui font 100\u{a0}% en tout."),
];
pub const DIAGRAM: &str = "Voici le plan de notre mini-GPT. Clique sur un bloc pour voir ce qu'il fait quand le modèle lit «\u{a0}.pik\u{a0}» (on regarde la dernière lettre, «\u{a0}k\u{a0}»). Le modèle n'est pas encore entraîné\u{a0}: ses nombres sont tirés au hasard. Chaque bande de couleurs montre une liste de nombres (16 pour une carte)\u{a0}: bleu = négatif, orange = positif, blanc = 0.";
pub fn tokens_line(tokens: &[(char, usize)]) -> String {
    let parts: Vec<String> = tokens
        .iter()
        .map(|(c, i)| format!("{} = jeton n° {i}", quoted(c)))
        .collect();
    parts.join(", ")
}
pub const CARD_OF_K: &str = "Carte de «\u{a0}k\u{a0}»\u{a0}:";
pub const CARD_OF_PLACE: &str = "Carte de la 4e place\u{a0}:";
pub const CARD_SUM: &str = "Les deux cartes additionnées, nombre par nombre\u{a0}:";
/// The sum, once the model has brought it to its usual size (rmsnorm, in words).
pub fn card_rescaled(factor: f32) -> String {
    format!("Avant l'attention, le modèle remet cette carte à une taille habituelle\u{a0}: ici, il multiplie tous ses nombres par {}. Ainsi, les nombres ne deviennent ni trop grands ni trop petits d'un bloc à l'autre\u{a0}:", fr(factor, 1))
}
pub fn head_looks(head: usize, parts: &str) -> String {
    format!("Tête {head}\u{a0}: «\u{a0}k\u{a0}» regarde {parts}")
}
pub const AFTER_ATTENTION: &str = "Après l'attention et le raccourci\u{a0}:";
pub fn neurons_on(on: usize, total: usize) -> String {
    format!(
        "{} sur {total}\u{a0}:",
        count(on, "neurone allumé", "neurones allumés")
    )
}
pub const AFTER_MLP: &str = "Après le réseau de neurones et le raccourci\u{a0}:";
pub const SCORES: &str = "Les 27 scores (un par jeton)\u{a0}:";
pub fn top_probs(parts: &str) -> String {
    format!("Les lettres les plus probables après «\u{a0}.pik\u{a0}»\u{a0}: {parts}")
}
pub const NUMBERS_CURIOUS: &str = "Voir les nombres";
pub const E1_PROMPT: &str = "Suis «\u{a0}.pik\u{a0}» dans le plan\u{a0}: clique sur le bloc «\u{a0}Réseau de neurones\u{a0}». Sur ses 64 neurones, combien restent éteints pour la lettre «\u{a0}k\u{a0}»\u{a0}?";
pub const E1_HINT: &str = "Dans le bloc «\u{a0}Réseau de neurones\u{a0}», chaque neurone est soit allumé, soit éteint\u{a0}: il n'y a pas de troisième possibilité.";
pub const E1_NOT_YET: &str =
    "Clique d'abord sur le bloc «\u{a0}Réseau de neurones\u{a0}» dans le plan.";
pub fn e1_right(off: usize, on: usize) -> String {
    format!("Exact\u{a0}: {} sur 64, puisque {} s'allument. Pour une autre lettre, d'autres neurones s'allumeraient\u{a0}: chaque lettre donne un calcul différent.", count(off, "neurone éteint", "neurones éteints"), int(on as u64))
}
pub const E1_WRONG: &str = "Pas encore. Regarde la bande du bloc «\u{a0}Réseau de neurones\u{a0}»\u{a0}: chaque case est un neurone, et une case blanche est un neurone éteint.";
/// The number written on the block, typed as the answer.
pub const E1_SHOWN: &str = "Ce nombre est écrit dans le bloc «\u{a0}Réseau de neurones\u{a0}»\u{a0}: relis ce qu'il compte, puis relis la question.";

pub const PARAMS: &str = "Chaque bloc a ses poids à régler. Avec des cartes de 16 nombres, une couche contient 3\u{a0}072 poids\u{a0}: 1\u{a0}024 pour l'attention (4 tableaux de 16 × 16) et 2\u{a0}048 pour le réseau de neurones (2 tableaux de 16 × 64). Le reste du modèle (les cartes des 27 jetons, celles des 16 places, les scores) en contient 1\u{a0}120. Avec une couche\u{a0}: 1\u{a0}120 + 3\u{a0}072 = 4\u{a0}192 paramètres.";
/// Exercise 2's model: more layers than the Atelier's sliders make (4 at most), so its count
/// is not one click away.
pub const E2_LAYERS: usize = 6;
pub const E2_PROMPT: &str = "Prédis\u{a0}: avec 6 couches au lieu d'une (et toujours des cartes de 16 nombres), combien de paramètres aura le modèle\u{a0}? Les curseurs s'ouvriront après ta réponse.";
pub const E2_HINT: &str = "Relis le texte au-dessus\u{a0}: qu'est-ce qui grandit quand on ajoute une couche, et qu'est-ce qui ne change pas\u{a0}?";
pub fn e2_right(n: usize) -> String {
    format!("Bien prédit\u{a0}: 1\u{a0}120 + 6 × 3\u{a0}072 = {} paramètres. Le reste du modèle ne change pas, et chaque couche ajoute les mêmes 3\u{a0}072 poids.", int(n as u64))
}
pub fn e2_wrong(guess: f32, n: usize) -> String {
    format!("Prédiction ratée\u{a0}: tu avais dit {}, le modèle en a {}\u{a0}: 1\u{a0}120 pour le reste du modèle, plus 6 × 3\u{a0}072 pour les 6 couches.", fr(guess, 0), int(n as u64))
}
pub const E2_NOT_NUMBER: &str = "Écris un nombre entier, par exemple 5000.";
pub const SLIDERS_AFTER_E2: &str =
    "Les curseurs s'ouvriront quand tu auras fait ta prédiction (exercice 2).";
pub const COUNT_BUTTON: &str = "Compter les paramètres";
pub const COUNT_NOTE: &str = "Le compteur ne montre que le modèle que tu as compté\u{a0}: pendant l'exercice 3, chaque clic sur «\u{a0}Compter les paramètres\u{a0}» est un essai.";
pub fn counted(size: usize, layers: usize) -> String {
    format!(
        "Modèle compté\u{a0}: cartes de {size} nombres, {}.",
        count(layers, "couche", "couches")
    )
}
pub const SIZE_LABEL: &str = "Taille des cartes";
pub const HEADS_LABEL: &str = "Têtes d'attention";
pub const LAYERS_LABEL: &str = "Couches";
pub const PARAMS_LABEL: &str = "Paramètres\u{a0}: ";
pub fn heads_dont_divide(size: usize, heads: usize) -> String {
    format!("Des cartes de {size} nombres ne se partagent pas en {heads} têtes égales\u{a0}: choisis un autre nombre de têtes.")
}
pub const GIANTS: &[(&str, &str, &str)] = &[
    (
        "Notre mini-GPT (par défaut)",
        "4\u{a0}192",
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
        "Brown et al., «\u{a0}Language Models are Few-Shot Learners\u{a0}» («\u{a0}les modèles de langage apprennent avec peu d'exemples\u{a0}»), 2020",
    ),
    (
        "GPT-4 (2023)",
        "non publié par OpenAI",
        "rapport technique GPT-4, OpenAI, 2023",
    ),
];
pub const GIANTS_NOTE: &str =
    "GPT-3 a environ 42 millions de fois plus de paramètres que notre mini-GPT.";
pub const E3_PROMPT: &str = "Règle les curseurs pour un modèle qui a entre 20\u{a0}000 et 30\u{a0}000 paramètres, puis clique sur «\u{a0}Compter les paramètres\u{a0}». Réfléchis avant de compter\u{a0}: chaque clic est un essai.";
pub const E3_HINT: &str = "Des cartes 2 fois plus grandes donnent 4 fois plus de poids à chaque couche (2 × 2). Les couches, elles, s'ajoutent une à une.";
pub fn e3_right(n: usize, size: usize, layers: usize) -> String {
    format!("Réussi\u{a0}: {} paramètres, avec des cartes de {size} nombres et {}. Doubler la taille des cartes multiplie les poids d'une couche par 4\u{a0}: la taille des cartes compte plus que le nombre de couches.", int(n as u64), count(layers, "couche", "couches"))
}
pub fn e3_wrong(n: usize) -> String {
    format!(
        "Ton modèle a {} paramètres\u{a0}: ce n'est pas entre 20\u{a0}000 et 30\u{a0}000.",
        int(n as u64)
    )
}

pub const UNTRAINED: &str = "Faisons passer «\u{a0}.pik\u{a0}» dans le modèle tout neuf. Ses poids sont tirés au hasard\u{a0}: il donne à peu près 1 chance sur 27 à chaque lettre (entre 2\u{a0}% et 8\u{a0}%). Et quand on lui fait inventer des noms, c'est du charabia\u{a0}: c'est normal, il n'a encore rien appris\u{a0}!";
pub const UNTRAINED_BARS: &str =
    "Modèle pas entraîné\u{a0}: les lettres les plus probables après «\u{a0}.pik\u{a0}»";
pub fn one_in_27() -> String {
    format!(
        "1 chance sur 27, c'est {}. Le modèle hésite entre toutes les lettres.",
        percent(1.0 / 27.0)
    )
}
pub const UNTRAINED_NAMES: &str = "Inventés par le modèle pas entraîné\u{a0}:";

pub const TEMPERATURE: &str = "Ce modèle-ci a été entraîné quelques secondes sur les 1\u{a0}023 Pokémon. Avant de tirer une lettre au sort, on règle la température. Froid (petite température)\u{a0}: la lettre favorite gagne presque toujours. Chaud (grande température)\u{a0}: les lettres moins probables ont plus de chances.";
pub const TEMPERATURE_CURIOUS: &[&str] = &["On divise les scores par la température avant de les changer en pourcentages\u{a0}: diviser par 0,1 écarte beaucoup les scores (la favorite écrase les autres), diviser par 2 les rapproche."];
pub fn training(step: usize, total: usize) -> String {
    format!(
        "Le modèle s'entraîne un peu… pas {} sur {}.",
        crate::text::int(step as u64),
        crate::text::int(total as u64)
    )
}
pub const OTHER_PREFIX: &str = "Ou tape un autre début\u{a0}:";
pub fn bars_at(prefix: &str, t: f32) -> String {
    format!(
        "Après «\u{a0}.{prefix}\u{a0}», à la température {}",
        fr(t, 1)
    )
}
pub const E4_PROMPT: &str = "Regarde la barre la plus grande à la température 1. Puis mets la température à 0,5 ou moins. Que devient cette barre favorite\u{a0}?";
pub const E4_HINT: &str = "Fais glisser le curseur de température vers la gauche et regarde la longueur et le pourcentage de la première barre.";
pub const E4_CHOICES: &[&str] = &[
    "Elle grandit\u{a0}: la favorite prend encore plus de place.",
    "Elle baisse\u{a0}: les autres lettres prennent sa place.",
    "Rien ne change\u{a0}: la température ne touche pas aux barres.",
];
pub const E4_RIGHT_INDEX: usize = 0;
pub const E4_NOT_YET: &str =
    "Mets d'abord la température à 0,5 ou moins, et regarde les barres changer.";
pub fn e4_right(l: char, warm: f32, cold: f32) -> String {
    format!("Oui\u{a0}: {} passe de {} à la température 1 à {} à 0,5. Le froid donne encore plus de chances à la favorite.", quoted(l), percent(warm), percent(cold))
}
pub fn e4_wrong(l: char, warm: f32, cold: f32) -> String {
    format!("Regarde bien\u{a0}: {} passe de {} à la température 1 à {} à 0,5. Le froid donne encore plus de chances à la favorite.", quoted(l), percent(warm), percent(cold))
}
pub const GEN_COLD: &str = "Génère 10 noms à 0,1 (froid)";
/// How exercise 5's option and its button both call the temperature 2.
pub const HOT_WORD: &str = "2,0 (chaud)";
pub const GEN_HOT: &str = "Génère 10 noms à 2,0 (chaud)";
pub const COLD_TITLE: &str = "Température 0,1";
pub const HOT_TITLE: &str = "Température 2,0";
pub const E5_PROMPT: &str = "Génère à la température 0,1 puis à la température 2,0. Quelle liste est la plus répétitive\u{a0}?";
pub const E5_HINT: &str = "Compte les noms différents dans chaque liste.";
/// Three options, not two: a guess is right once in three, and « autant » is the idea to catch
/// (that the temperature changes nothing).
pub const E5_CHOICES: &[&str] = &[
    "La liste à 0,1 (froid)",
    "La liste à 2,0 (chaud)",
    "Autant l'une que l'autre",
];
pub const E5_NOT_YET: &str = "Génère d'abord les deux listes avec les deux boutons.";
pub fn e5_right(cold: usize, hot: usize) -> String {
    format!("Oui\u{a0}! À 0,1, il n'y a que {} sur 10\u{a0}; à 2,0, {}. Le froid rend sage et répétitif, le chaud rend fantaisiste.", count(cold, "nom différent", "noms différents"), count(hot, "nom différent", "noms différents"))
}
pub fn e5_wrong(cold: usize, hot: usize) -> String {
    format!(
        "Ce n'est pas ça\u{a0}: il y a {} à 0,1 et {} à 2,0. Le froid répète la lettre favorite.",
        count(cold, "nom différent", "noms différents"),
        count(hot, "nom différent", "noms différents")
    )
}

pub const CREATE: &str = "À toi de créer\u{a0}! Tape ton prénom\u{a0}: le modèle va inventer des Pokémon qui commencent par ses 3 premières lettres. Chaque nom est marqué «\u{a0}copié\u{a0}» (un vrai Pokémon), «\u{a0}nouveau\u{a0}» ou «\u{a0}bizarre\u{a0}».";
pub const FIRST_NAME: &str = "Ton prénom\u{a0}:";
pub fn prefix_chosen(prefix: &str) -> String {
    format!("Début choisi\u{a0}: «\u{a0}{prefix}\u{a0}»")
}
pub const INVENT: &str = "Invente 10 Pokémon";
pub const E6_PROMPT: &str = "Règle la température toi-même pour que le modèle invente au moins 8 Pokémon nouveaux et tous différents sur 10, qui commencent par les 3 premières lettres de ton prénom. Chaque clic sur «\u{a0}Invente 10 Pokémon\u{a0}» est un essai\u{a0}: choisis ta température avant.";
pub const E6_HINT: &str = "Regarde ton dernier essai\u{a0}: des noms qui reviennent, ou des noms «\u{a0}bizarres\u{a0}»\u{a0}? À basse température, le modèle choisit presque toujours les mêmes lettres\u{a0}; à haute température, il ose des lettres rares.";
pub const E6_TYPE_FIRST: &str = "Tape d'abord ton prénom (au moins 3 lettres).";
pub fn e6_odd_prefix(prefix: &str) -> String {
    format!("Le début «\u{a0}{prefix}\u{a0}» a une paire de lettres qu'aucun Pokémon (ou presque) n'a\u{a0}: tous ses noms seraient «\u{a0}bizarres\u{a0}». Prends les 3 premières lettres d'un autre prénom (celui d'un ami, par exemple).")
}
pub const E6_TEMPERATURE: &str =
    "Règle d'abord la température toi-même (autre chose que 1,0), puis invente.";
pub fn e6_right(good: usize, example: &str, t: f32) -> String {
    format!("Réussi\u{a0}: {} sur 10, comme {}, à la température {}. Assez chaud pour ne pas répéter, assez froid pour ne pas écrire de charabia.", count(good, "Pokémon nouveau et différent", "Pokémon nouveaux et différents"), quoted(example), fr(t, 1))
}
pub fn e6_wrong(good: usize, odd: usize, copies: usize, repeated: usize) -> String {
    format!("{} sur 10\u{a0}: il en faut 8. Dans ta liste, {}, {} et {}. Regarde ce qui cloche avant de choisir ta température.", count(good, "Pokémon nouveau et différent", "Pokémon nouveaux et différents"), count(odd, "nom bizarre", "noms bizarres"), count(copies, "vrai Pokémon", "vrais Pokémon"), count(repeated, "répétition", "répétitions"))
}

pub const REFLECTION: &str = "Quand ChatGPT invente une réponse fausse avec assurance, on parle d'«\u{a0}hallucination\u{a0}»\u{a0}: il tire des mots probables, pas des mots vrais. Une température élevée rend les réponses plus créatives… et plus souvent fausses.";
pub const QUESTION: &str = "Pour écrire un poème, quelle température choisirais-tu\u{a0}? Et pour répondre à une question de sciences\u{a0}? Pourquoi\u{a0}?";
pub const LEARNED: &[&str] = &[
    "Un GPT empile\u{a0}: cartes d'identité + places, attention, réseau de neurones, raccourcis, scores, pourcentages.",
    "Notre mini-GPT a 4\u{a0}192 paramètres\u{a0}; GPT-3 en a 175 milliards.",
    "Sans entraînement, le modèle répond au hasard\u{a0}: environ 1 chance sur 27 par lettre.",
    "La température règle le hasard\u{a0}: froid = répétitif, chaud = fantaisiste.",
];
pub const LIMIT: &str = "Notre GPT est assemblé… mais il ne sait rien. Dans la leçon 6, on l'entraîne pour de vrai, sur les noms que tu choisis\u{a0}!";

pub const PREFIX_PLACEHOLDER: &str = "ex.\u{a0}: sal";
pub const COL_MODEL: &str = "Modèle";
pub const COL_PARAMS: &str = "Paramètres";
pub const COL_SOURCE: &str = "Source";
pub fn letter_share(letter: char, share: &str) -> String {
    format!("{} {share}", quoted(letter))
}
