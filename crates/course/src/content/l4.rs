//! Lesson 4 « L'attention » (questions, panels, causal mask, heads): texts.

pub use super::common::{A_LETTER, A_NUMBER};
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{percent, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 4,
    key: "l4",
    bonus: false,
    title: "L'attention",
    summary: "Laisser chaque lettre choisir les lettres qui comptent pour elle.",
    minutes: 50,
    exercises: &[
        ExerciseMeta { id: ids::L4_E1, level: Level::Observer, topic: "prédire qui «\u{a0}t\u{a0}» écoute", question: E1_PROMPT },
        ExerciseMeta { id: ids::L4_E2, level: Level::Completer, topic: "calculer un score à la main", question: E2_PROMPT },
        ExerciseMeta { id: ids::L4_E3, level: Level::Modifier, topic: "le masque de ton prénom", question: E3_PROMPT },
        ExerciseMeta { id: ids::L4_E4, level: Level::Creer, topic: "un mot où une tête regarde loin, et ce qu'elle regarde", question: E4_PROMPT },
    ],
    objectives: &[
        "comprendre comment une lettre choisit les lettres qui comptent pour elle\u{a0};",
        "calculer une attention à la main sur le mot «\u{a0}chat\u{a0}»\u{a0};",
        "voir pourquoi une lettre n'a pas le droit de regarder les lettres suivantes\u{a0};",
        "observer les 4 «\u{a0}têtes\u{a0}» d'un vrai petit GPT, et fabriquer un mot qui en piège une.",
    ],
    teacher_objectives: &[
        "comprendre l'attention comme un choix\u{a0}: chaque lettre pose une question, les autres montrent un panneau\u{a0};",
        "calculer un score à la main (multiplier case par case, additionner)\u{a0};",
        "comprendre le masque causal (on ne regarde que les lettres d'avant, et soi-même)\u{a0};",
        "observer plusieurs têtes d'attention d'un vrai modèle, en piéger une avec un mot inventé et lire ce qu'elle regarde.",
    ],
    explain: "Explique avec tes mots pourquoi une lettre n'a pas le droit de regarder les lettres qui viennent après elle.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_SCORES: &str = "Questions et panneaux";
pub const S_MASK: &str = "Interdit de regarder devant";
pub const S_HEADS: &str = "Plusieurs têtes";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("attention", "la façon dont chaque lettre choisit, parmi les lettres d'avant, celles qui l'aident."),
    ("question et panneau", "ce que demande une lettre, et ce que montre chaque lettre pour dire ce qu'elle sait."),
    ("masque", "la règle\u{a0}: on ne regarde que les lettres placées avant soi, et soi-même."),
    ("tête", "une attention parmi plusieurs qui travaillent en même temps, chacune avec ses propres questions."),
];

pub const CLASSROOM: &str = "Imagine une classe. Chaque élève est une lettre. Un élève lève la main avec une question. Les autres montrent un panneau qui dit ce qu'ils savent. L'élève écoute surtout ceux dont le panneau correspond à sa question, et récupère leurs infos. Règle d'or\u{a0}: on n'a le droit de demander qu'aux élèves assis avant soi, et à soi-même.";
pub const CLASSROOM_BUTTON: &str = "Qui lève la main\u{a0}?";
pub const SCENE: &str = "«\u{a0}t\u{a0}» lève la main\u{a0}: «\u{a0}Qui peut m'aider à deviner la lettre suivante\u{a0}?\u{a0}» Les lettres d'avant montrent leur panneau, et «\u{a0}t\u{a0}» écoute surtout celles qui correspondent.";

pub const CHAT: &str = "Sur le mot «\u{a0}.chat\u{a0}», chaque lettre a une question (4 nombres) et un panneau (4 nombres). Le modèle les a calculés avec des tableaux de poids\u{a0}; ici, on les a choisis pour l'exemple. Le score entre une question et un panneau\u{a0}: on multiplie case par case, puis on additionne. Plus le score est grand, plus le panneau correspond. Enfin, une machine à pourcentages change les scores en parts d'attention qui font 100\u{a0}% en tout.";
pub const EXAMPLE: &str = "Exemple\u{a0}:";
pub fn asks(letter: char, q: &str) -> String {
    format!("{} pose sa question\u{a0}: {q}", quoted(letter))
}
pub const COL_LETTER: &str = "lettre";
pub const COL_PANEL: &str = "panneau";
pub const COL_SCORE: &str = "score";
pub const COL_ATTENTION: &str = "attention";
pub fn worked(scores: &str) -> String {
    format!("Par exemple avec le panneau de «\u{a0}c\u{a0}»\u{a0}: {scores}. Le plus grand score gagne la plus grosse part d'attention.")
}
pub const CHAT_CURIOUS: &[&str] = &[
    "Les chercheurs disent «\u{a0}requête\u{a0}» (query, en anglais) pour la question, «\u{a0}clé\u{a0}» (key) pour le panneau, et «\u{a0}valeur\u{a0}» (value) pour l'info que chaque lettre donne.",
    "La machine à pourcentages n'est pas juste proportionnelle\u{a0}: un point de score en plus compte beaucoup. Le plus grand score prend une part bien plus grosse que les autres, sans jamais prendre tout.",
    "Une fois les parts d'attention connues, la lettre qui questionne mélange les infos des lettres qu'elle écoute\u{a0}: beaucoup de l'info de celle qui a la plus grosse part, un peu des autres.",
];
pub const E1_PROMPT: &str = "Maintenant, c'est «\u{a0}t\u{a0}» qui pose sa question (juste au-dessus). Prédis\u{a0}: quelle lettre de «\u{a0}.chat\u{a0}» recevra le plus d'attention\u{a0}?";
pub const E1_HINT: &str = "Compare la question de «\u{a0}t\u{a0}» avec chaque panneau\u{a0}: où les grands nombres tombent-ils aux mêmes places\u{a0}?";
pub const E1_NOT_LETTER: &str =
    "Réponds avec une lettre de «\u{a0}.chat\u{a0}» (ou «\u{a0}point\u{a0}»).";
pub fn e1_right(winner: char, share: f32) -> String {
    format!("Bien prédit\u{a0}! «\u{a0}t\u{a0}» écoute surtout {} ({}). Le tableau complet est affiché.", quoted(winner), percent(share))
}
pub fn e1_wrong(guess: char, winner: char, share: f32) -> String {
    format!("Prédiction ratée\u{a0}: tu avais dit {}, mais c'est {} qui gagne ({}). Regarde les scores dans le tableau\u{a0}: c'est le plus grand qui l'emporte.", quoted(guess), quoted(winner), percent(share))
}
/// Exercise 2: a question and a panel that appear nowhere else on the page.
pub fn e2_prompt(q: &str, k: &str) -> String {
    format!("À toi de calculer à la main\u{a0}: «\u{a0}a\u{a0}» pose sa question {q}. Imagine une nouvelle lettre dont le panneau est {k}. Quel serait leur score\u{a0}?")
}
pub const E2_HINT: &str = "Multiplie la 1re case de la question par la 1re case du panneau, puis la 2e par la 2e… et additionne les 4 résultats.";
pub fn e2_right(detail: &str) -> String {
    format!("Exact\u{a0}: {detail}. Tu viens de faire le calcul qu'une tête d'attention fait des milliers de fois par seconde.")
}
pub const E2_WRONG: &str =
    "Pas encore. Case par case\u{a0}: 1re × 1re, 2e × 2e, 3e × 3e, 4e × 4e, puis additionne.";
pub const E2_ADDED_ALL: &str = "Tu as additionné tous les nombres. Il faut d'abord multiplier case par case (1re × 1re…), puis additionner ces 4 résultats.";

pub const MASK: &str = "Pendant l'entraînement, le modèle voit le nom entier. S'il pouvait regarder la lettre suivante, il tricherait\u{a0}! Le masque causal l'interdit\u{a0}: chaque ligne est une lettre qui pose sa question, et elle ne peut regarder que les cases permises (les lettres avant elle, et elle-même).";
pub const MASK_INPUT: &str = "Tape ton prénom\u{a0}:";
pub const HEADS_WORD_PLACEHOLDER: &str = "ex.\u{a0}: salameche";
pub const CHOOSE_HEAD: &str = "Choisis une tête";
pub const E3_PROMPT: &str = "Tape ton prénom dans la case et valide. Sur la ligne de sa dernière lettre, combien de cases sont permises\u{a0}?";
pub const E3_HINT: &str =
    "Compte le «\u{a0}.\u{a0}» du début, toutes les lettres d'avant, et la lettre elle-même.";
pub const E3_TYPE_FIRST: &str = "Tape d'abord ton prénom dans la case et valide.";
pub fn e3_right(n: usize) -> String {
    format!("Oui\u{a0}: la dernière lettre peut regarder les {n} cases, du «\u{a0}.\u{a0}» jusqu'à elle-même. Jamais plus loin que sa place\u{a0}!")
}
pub const E3_WRONG: &str = "Compte encore les cases permises de la dernière ligne.";

pub const HEADS: &str = "Un vrai GPT a plusieurs têtes d'attention qui travaillent en même temps, comme une équipe de détectives\u{a0}: chacun cherche un indice différent (la lettre juste avant, le début du mot, les voyelles…). Voici les 4 têtes d'un petit GPT entraîné quelques secondes sur les 1\u{a0}023 Pokémon\u{a0}: ce sont ses vraies attentions, calculées pour ton mot.";
pub const HEADS_READ: &str = "Grille\u{a0}: plus la case est jaune, plus la lettre de la ligne regarde la lettre de la colonne. Traits\u{a0}: plus le trait est foncé, plus la lettre de droite regarde la lettre de gauche (par rapport au trait le plus fort de sa ligne). Touche une lettre à droite pour ne voir que ses traits. Souvent, une tête regarde surtout le «\u{a0}.\u{a0}» du début\u{a0}: c'est sa façon de dire «\u{a0}rien d'intéressant ici\u{a0}».";
pub fn heads_training(step: usize, total: usize) -> String {
    format!(
        "Le modèle s'entraîne un peu… pas {} sur {}.",
        crate::text::int(step as u64),
        crate::text::int(total as u64)
    )
}
pub const HEAD_WORD: &str = "Ton mot\u{a0}:";
pub fn studied(word: &str) -> String {
    format!("Mot étudié\u{a0}: {}.", quoted(word))
}
pub const E4_PROMPT: &str = "À toi de créer\u{a0}! Tape un mot à toi d'au moins 5 lettres, puis cherche une tête où la dernière lettre de ton mot regarde surtout une lettre loin derrière elle\u{a0}: ni elle-même, ni sa voisine, ni le «\u{a0}.\u{a0}». Choisis cette tête, lis sa grille et écris la lettre que la dernière lettre regarde le plus.";
pub const E4_HINT: &str = "La dernière ligne de la grille d'une tête, c'est ce que regarde la dernière lettre\u{a0}: la case la plus jaune est la lettre qu'elle regarde le plus. Compare les 4 têtes\u{a0}; si aucune ne regarde loin, change une lettre de ton mot.";
pub const E4_OWN_WORD: &str =
    "Tape d'abord un mot à toi dans la case «\u{a0}Ton mot\u{a0}», au-dessus des têtes.";
pub const E4_SHORT: &str = "Ton mot est trop court\u{a0}: il faut au moins 5 lettres pour qu'une lettre soit vraiment loin derrière la dernière.";
pub const E4_NOT_IN_WORD: &str =
    "Réponds avec une lettre de ton mot, ou «\u{a0}point\u{a0}» pour le «\u{a0}.\u{a0}» du début.";
pub fn e4_right(head: usize, last: char, looked: char, share: f32, back: usize) -> String {
    format!("Réussi\u{a0}! Dans la tête {head}, la dernière lettre {} regarde surtout {} ({}), {back} places derrière elle. Tu as trouvé une tête qui regarde loin… et tu as su la lire.", quoted(last), quoted(looked), percent(share))
}
pub fn e4_misread(head: usize) -> String {
    format!("Ce n'est pas ce que montre la tête {head}. Relis la dernière ligne de sa grille\u{a0}: quelle case est la plus jaune\u{a0}?")
}
/// Where a head that does not look far looks, seen from the last letter.
pub const LOOKS_AT_ITSELF: &str = "elle-même";
pub const LOOKS_AT_NEIGHBOUR: &str = "sa voisine juste avant";
pub const LOOKS_AT_START: &str = "le «\u{a0}.\u{a0}» du début";
/// Read right, but the head does not look far (`which`: one of the three above).
pub fn e4_near(head: usize, looked: char, which: &str) -> String {
    format!("Bien lu\u{a0}: dans la tête {head}, la dernière lettre regarde surtout {}, {which}. Ce n'est pas loin derrière elle\u{a0}: essaie une autre tête, ou change ton mot.", quoted(looked))
}
pub fn head_choice(n: usize) -> String {
    format!("Tête {n}")
}

pub const REFLECTION: &str = "L'attention ne «\u{a0}comprend\u{a0}» pas\u{a0}: elle calcule des scores. Mais c'est elle qui permet à ChatGPT de relier un mot à un autre très loin dans la phrase. Chaque tête apprend ses propres habitudes, que personne ne lui a dictées, et qu'on a parfois du mal à expliquer.";
pub const QUESTION: &str = "Si personne ne sait expliquer pourquoi une tête regarde telle lettre, peut-on faire confiance au modèle\u{a0}? Dans quels cas est-ce important de savoir pourquoi\u{a0}?";
pub const LEARNED: &[&str] = &[
    "Chaque lettre pose une question et montre un panneau\u{a0}; elle écoute surtout les lettres dont le panneau correspond.",
    "Le score question × panneau (case par case, puis on additionne) dit à quel point un panneau correspond\u{a0}; une machine à pourcentages en fait des parts d'attention.",
    "Le masque causal interdit de regarder les lettres suivantes\u{a0}: pas de triche.",
    "Plusieurs têtes regardent en même temps, chacune à sa façon.",
];
pub const LIMIT: &str = "On a maintenant toutes les pièces\u{a0}: les cartes d'identité, l'attention, un petit réseau de neurones. Dans la leçon 5, on les assemble en un vrai mini-GPT\u{a0}!";

/// A question or a panel: « [0 ; 1 ; 2 ; 1] ».
pub fn vector(numbers: &[String]) -> String {
    format!("[{}]", numbers.join("\u{a0}; "))
}
/// The question as the worksheet prints it (the page adds its own numbers).
pub const E2_PROMPT: &str = "À toi de calculer à la main\u{a0}: multiplie la question de «\u{a0}a\u{a0}» et le panneau de la nouvelle lettre case par case, puis additionne. Quel est leur score\u{a0}?";
