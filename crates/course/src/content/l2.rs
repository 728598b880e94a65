//! Lesson 2 « Apprendre de ses erreurs » (loss, gradient descent, learning rate): texts.

pub use super::common::A_DECIMAL;
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{fr, percent};

pub const META: LessonMeta = LessonMeta {
    number: 2,
    key: "l2",
    bonus: false,
    title: "Apprendre de ses erreurs",
    summary: "Mesurer l'erreur (la loss) et la faire baisser pas à pas.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::L2_E1, level: Level::Observer, topic: "lire la loss pour 50\u{a0}%", question: E1_PROMPT },
        ExerciseMeta { id: ids::L2_E2, level: Level::Modifier, topic: "le plus petit pourcentage dont la loss est sous 0,1", question: E2_PROMPT },
        ExerciseMeta { id: ids::L2_E3, level: Level::Observer, topic: "pourquoi les poids à zéro font mieux que le hasard", question: E3_PROMPT },
        ExerciseMeta { id: ids::L2_E4, level: Level::Modifier, topic: "faire exploser la loss, puis bien apprendre", question: E4_PROMPT },
        ExerciseMeta { id: ids::L2_E5, level: Level::Observer, topic: "comparer appris et compté", question: E5_PROMPT },
        ExerciseMeta { id: ids::L2_E6, level: Level::Completer, topic: "la surprise de «\u{a0}r\u{a0}» après «\u{a0}a\u{a0}»", question: E6_PROMPT },
    ],
    objectives: &[
        "mesurer à quel point un modèle se trompe, avec un seul nombre\u{a0}: la loss\u{a0};",
        "voir un modèle apprendre tout seul en corrigeant ses erreurs\u{a0};",
        "choisir la bonne taille de pas (le taux d'apprentissage)\u{a0};",
        "vérifier que le modèle retrouve ce qu'on avait compté à la leçon 1.",
    ],
    teacher_objectives: &[
        "comprendre la loss comme une «\u{a0}surprise\u{a0}»\u{a0}: 0 quand le modèle est sûr et a raison, grande quand il est sûr et a tort\u{a0};",
        "voir qu'apprendre, c'est corriger un peu chaque nombre du modèle dans le sens qui fait baisser la loss\u{a0};",
        "expérimenter le taux d'apprentissage\u{a0}: trop petit, bon, trop grand (explosion)\u{a0};",
        "constater que le modèle appris retrouve le tableau compté de la leçon 1.",
    ],
    explain: "Explique avec tes mots ce que fait le modèle à chaque pas de son entraînement.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_LOSS: &str = "Mesurer l'erreur\u{a0}: la loss";
pub const S_RANDOM: &str = "Deviner au hasard";
pub const S_TRAIN: &str = "Apprendre pas à pas";
pub const S_RATE: &str = "La taille des pas";
pub const S_COMPARE: &str = "Appris ou compté\u{a0}?";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("loss (perte)", "le score d'erreur du modèle\u{a0}: sa «\u{a0}surprise\u{a0}» devant la bonne lettre. Plus il est petit, mieux le modèle devine."),
    ("poids", "les nombres réglables du modèle. Apprendre, c'est régler les poids."),
    ("gradient", "pour chaque poids, le sens dans lequel il fait monter la loss. On tourne le poids un peu dans l'autre sens."),
    ("taux d'apprentissage", "la taille de chaque petit pas de correction."),
];

pub const BASKET: &str = "Imagine que tu lances un ballon de basket. Raté, trop à droite\u{a0}! Au lancer suivant, tu vises un peu plus à gauche. Encore raté, mais plus près. Tu corriges un peu, encore et encore… et tu finis par marquer. Un modèle apprend exactement comme ça.";
pub const BASKET_CLICK: &str = "Clique sur le bouton pour lancer le ballon.";
pub const BASKET_BUTTON: &str = "Lancer";
pub fn basket_miss(cm: f32) -> String {
    format!(
        "Raté de {} cm à droite. Le joueur corrige un peu et relance\u{a0}!",
        fr(cm, 0)
    )
}
pub const BASKET_SCORE: &str = "Panier\u{a0}! L'erreur a fondu, lancer après lancer.";

pub const LOSS: &str = "Pour corriger, il faut d'abord mesurer l'erreur. On regarde la probabilité que le modèle donnait à la bonne lettre. S'il lui donnait 100\u{a0}%, il n'est pas surpris du tout\u{a0}: l'erreur vaut 0. S'il lui donnait 1\u{a0}%, il est très surpris\u{a0}: l'erreur est grande. Cette surprise s'appelle la loss. Fais glisser le curseur pour voir la courbe.";
pub const LOSS_NOTE: &str = "Repère\u{a0}: avec 1\u{a0}%, la loss vaut 4,61. Plus le modèle est sûr de lui et a tort, plus ça coûte cher\u{a0}! Au hasard parmi 27 jetons (environ 4\u{a0}% chacun), la loss vaut à peu près 3,3.";
pub const LOSS_CURIOUS: &[&str] = &[
    "Regarde la forme de la courbe\u{a0}: quand la probabilité passe de 100\u{a0}% à 50\u{a0}%, la surprise monte à peine (0,69). Mais quand la probabilité devient petite, la surprise grandit très vite\u{a0}: 2,30 à 10\u{a0}%, 4,61 à 1\u{a0}%. Chaque fois que la probabilité est divisée par 10, la surprise monte de 2,30 de plus.",
    "Pour un nom entier, on fait la moyenne des surprises de chaque lettre\u{a0}: c'est la loss du nom.",
];
pub const E1_PROMPT: &str = "Avec le curseur, lis la loss quand le modèle donne 50\u{a0}% à la bonne lettre. Écris-la avec 2 chiffres après la virgule.";
pub const E1_HINT: &str = "Pousse le curseur jusqu'à 50\u{a0}% et lis le nombre écrit «\u{a0}loss =\u{a0}» sous la courbe.";
pub const E1_RIGHT: &str = "Exact\u{a0}: à 50\u{a0}%, la loss vaut 0,69. Le modèle hésite entre deux lettres\u{a0}: une surprise moyenne.";
pub const E1_WRONG: &str =
    "Pas encore\u{a0}: mets le curseur exactement sur 50\u{a0}% et lis la loss sous la courbe.";
pub const E1_TWO_DECIMALS: &str = "Écris la loss avec 2 chiffres après la virgule, exactement comme elle est écrite sous la courbe.";
pub const E2_PROMPT: &str = "Fais glisser le curseur\u{a0}: quel est le plus petit pourcentage pour lequel la loss passe sous 0,1\u{a0}?";
pub const E2_HINT: &str =
    "La loss baisse quand la probabilité monte. Va vers la droite, au-dessus de 80\u{a0}%, et regarde le nombre «\u{a0}loss =\u{a0}».";
pub const E2_PLACEHOLDER: &str = "par exemple 75";
pub fn e2_right(p: f32, loss: f32) -> String {
    format!("Oui\u{a0}! À {}, la loss vaut {}\u{a0}: le modèle est presque sûr de la bonne lettre, il n'est presque pas surpris. Un cran plus bas, elle repasse au-dessus de 0,1.", percent(p), fr(loss, 3))
}
pub const E2_PERFECT: &str = "100\u{a0}% donne une loss de 0, mais c'est le cas parfait. Cherche le plus petit pourcentage dont la loss est quand même sous 0,1.";
/// A wrong percentage: where to look, never which way to move.
pub fn e2_not_it(p: f32) -> String {
    format!("{} n'est pas le plus petit pourcentage dont la loss passe sous 0,1. Fais glisser le curseur cran par cran et lis le nombre «\u{a0}loss =\u{a0}» à chaque cran\u{a0}: où passe-t-il sous 0,1\u{a0}?", percent(p))
}
pub const E2_RANGE: &str = "Écris un pourcentage entre 1 et 100, par exemple 75.";

pub const WEIGHTS: &str = "Notre nouveau modèle a un tableau de 27 × 27 poids\u{a0}: des scores. Une petite machine à pourcentages transforme chaque ligne de scores en probabilités qui font 100\u{a0}% en tout. Au début, on ne sait pas quels scores mettre.";
pub const RANDOM_BUTTON: &str = "Poids au hasard";
pub const ZERO_BUTTON: &str = "Tous les poids à zéro";
pub const RANDOM_TITLE: &str = "Probabilités du modèle avant d'apprendre";
pub const RANDOM_DESC: &str =
    "Chaque ligne\u{a0}: les probabilités de la lettre suivante, calculées à partir des scores.";
pub fn loss_on_names(zero: bool) -> &'static str {
    if zero {
        "Loss de ce modèle (tous les poids à zéro) sur nos 20 noms\u{a0}: "
    } else {
        "Loss de ce modèle (poids au hasard) sur nos 20 noms\u{a0}: "
    }
}
pub const RANDOM: &str = "Avec des poids tirés au hasard, les probabilités de chaque ligne sont inégales. Avec tous les poids à zéro, chaque jeton a exactement la même chance, 1 sur 27. Essaie les deux boutons et compare les deux loss. Notre entraînement partira de poids tous à zéro.";
pub const E3_PROMPT: &str = "Clique sur «\u{a0}Tous les poids à zéro\u{a0}», puis sur «\u{a0}Poids au hasard\u{a0}». Pourquoi la loss est-elle plus basse avec les poids à zéro\u{a0}?";
pub const E3_HINT: &str = "Avec des poids au hasard, certaines lettres ont beaucoup de chances… mais pas forcément les bonnes. Que se passe-t-il quand le modèle est très sûr de lui et a tort (étape 2)\u{a0}?";
pub const E3_CHOICES: &[&str] = &[
    "Personne n'est favori\u{a0}: le modèle ne se trompe jamais en étant très sûr.",
    "Le modèle a déjà appris un peu de nos noms grâce à tous ces poids à zéro.",
    "Avec des poids à zéro, la loss vaut toujours moins\u{a0}: zéro, c'est le plus petit.",
];
pub const E3_RIGHT_INDEX: usize = 0;
pub const E3_NOT_YET: &str = "Essaie d'abord les deux boutons\u{a0}: «\u{a0}Tous les poids à zéro\u{a0}» et «\u{a0}Poids au hasard\u{a0}».";
pub const E3_RIGHT: &str = "Exactement\u{a0}: au hasard, le modèle donne parfois beaucoup de chances à une mauvaise lettre, et une erreur sûre d'elle coûte très cher. Avec tous les poids à zéro, 1 chance sur 27 partout\u{a0}: la loss vaut 3,30, le repère du hasard.";
pub const E3_WRONG: &str = "Ce n'est pas ça\u{a0}: personne n'a encore rien appris. Au hasard, le modèle est parfois très sûr d'une mauvaise lettre, et ça coûte cher. À zéro, 1 chance sur 27 partout\u{a0}: 3,30, le repère du hasard.";

pub const STEP: &str = "Pour chaque poids, on regarde dans quel sens il fait monter la loss\u{a0}: c'est le gradient. Puis on le tourne un tout petit peu dans l'autre sens. Pour la bonne lettre, son score monte\u{a0}; pour les autres, il baisse un peu. On recommence, pas après pas, sur nos 20 noms.";
pub const STEP_CURIOUS: &[&str] = &[
    "À chaque pas, le score de la bonne lettre monte d'autant plus que le modèle lui donnait peu de chances\u{a0}; le score de chaque autre lettre baisse d'autant plus que le modèle lui en donnait beaucoup. La taille du pas est réglée par le taux d'apprentissage (étape suivante).",
];
pub const TRAIN_BUTTON: &str = "Lancer l'entraînement (100 pas)";
pub const TRAIN_NOTE: &str = "La courbe part de 3,30 (tous les poids à zéro, le hasard) et descend\u{a0}: le modèle se trompe de moins en moins.";

pub const LR: &str = "Chaque correction est multipliée par le taux d'apprentissage. Trop petit\u{a0}: le modèle avance à pas de fourmi et n'apprend presque rien. Trop grand\u{a0}: il saute par-dessus le but, de plus en plus loin… et la loss explose. Essaie\u{a0}!";
pub const LR_LABEL: &str = "Taux d'apprentissage";
pub const LR_TRAIN: &str = "Lancer avec ce taux";
pub const LR_CLEAR: &str = "Effacer les courbes";
pub const E4_PROMPT: &str = "Lance plusieurs entraînements\u{a0}: trouve un taux qui fait exploser la loss, et un taux qui apprend bien (loss finale sous 2,2). Les courbes se superposent pour comparer.";
pub const E4_HINT: &str = "Les taux sont rangés du plus petit au plus grand. Essaie tout à gauche, au milieu, puis tout à droite.";
pub const E4_BOTH: &str = "Bravo, tu as trouvé les deux\u{a0}! Un pas trop grand fait exploser la loss\u{a0}; un bon pas la fait descendre en douceur.";
pub const E4_EXPLODED: &str = "Tu as fait exploser la loss. Trouve maintenant un taux qui apprend bien (loss finale sous 2,2).";
pub const E4_GOOD: &str =
    "Tu as un taux qui apprend bien. Trouve maintenant un taux qui fait exploser la loss\u{a0}!";

pub const E5_FIRST: &str = "Réponds d'abord à l'exercice 5\u{a0}: les noms inventés par le modèle appris s'afficheront ensuite.";
pub const COMPARE: &str = "À gauche, les probabilités que le modèle a apprises en corrigeant ses erreurs. À droite, celles qu'on avait comptées à la leçon 1. Compare-les\u{a0}!";
pub const NEED_MODEL: &str = "Il faut d'abord un modèle qui a bien appris.";
pub const TRAIN_NOW: &str = "Entraîner maintenant (taux 30, 100 pas)";
pub const LEARNED_TITLE: &str = "Appris (leçon 2)";
pub const LEARNED_DESC: &str = "Probabilités apprises en corrigeant les erreurs.";
pub const COUNTED_TITLE: &str = "Compté (leçon 1)";
pub const COUNTED_DESC: &str = "Probabilités comptées dans les 20 noms.";
pub const E5_PROMPT: &str = "Compare les deux tableaux. Qu'est-ce que tu remarques\u{a0}?";
pub const E5_HINT: &str = "Regarde où sont les cases jaunes et les cases blanches dans chaque tableau\u{a0}: aux mêmes endroits ou pas\u{a0}?";
pub const E5_CHOICES: &[&str] = &[
    "Ils n'ont rien à voir\u{a0}: il a appris autre chose.",
    "Ils se ressemblent\u{a0}: il a retrouvé nos comptes.",
    "Le tableau appris est vide\u{a0}: il n'a rien appris.",
];
pub const E5_RIGHT_INDEX: usize = 1;
pub const E5_NOT_YET: &str = "Les deux tableaux ne sont pas encore affichés\u{a0}: entraîne d'abord le modèle avec le bouton ci-dessus.";
pub const E5_RIGHT: &str = "Exactement\u{a0}! En apprenant de ses erreurs, le modèle retrouve presque le même tableau que celui qu'on avait compté. Mais cette fois, personne ne lui a donné les comptes\u{a0}: il les a trouvés tout seul.";
pub const E5_WRONG: &str = "Ce n'est pas ça\u{a0}: regarde bien, les cases jaunes sont aux mêmes endroits à gauche et à droite. Le modèle a retrouvé les comptes tout seul.";
pub const E6_PROMPT: &str = "Dans le tableau appris, quelle probabilité le modèle donne-t-il à «\u{a0}r\u{a0}» après «\u{a0}a\u{a0}»\u{a0}? Avec la courbe juste au-dessus, trouve sa surprise (sa loss) quand «\u{a0}r\u{a0}» vient bien après «\u{a0}a\u{a0}». Écris-la avec 2 chiffres après la virgule.";
pub const E6_HINT: &str = "Passe la souris sur la case ligne «\u{a0}a\u{a0}», colonne «\u{a0}r\u{a0}» du tableau appris (ou touche-la) pour lire sa probabilité. Mets ce pourcentage sur le curseur et lis la loss.";
/// `shown` is the loss the curve gives for the rounded percentage, what the pupil reads.
pub fn e6_right(p: f32, shown: f32) -> String {
    format!("Exact\u{a0}: le modèle donne {} à «\u{a0}r\u{a0}» après «\u{a0}a\u{a0}», et la courbe donne une surprise de {} pour ce pourcentage. C'est ainsi qu'on calcule la loss de tout un nom\u{a0}: une surprise par lettre, puis la moyenne.", percent(p), fr(shown, 2))
}
pub fn e6_wrong(p: f32) -> String {
    format!("Pas encore. Le modèle donne {} à «\u{a0}r\u{a0}» après «\u{a0}a\u{a0}»\u{a0}: mets le curseur sur cette valeur et lis la loss.", percent(p))
}
pub const E6_PROBABILITY_NOT_LOSS: &str = "Ça, c'est la probabilité. Mets-la sur le curseur et lis la loss, le nombre «\u{a0}loss =\u{a0}».";
pub const GENERATE_TITLE: &str = "Invente des noms avec le modèle appris";
pub const GENERATE_NOTE: &str = "Compare avec les noms inventés à la leçon 1, en comptant.";

pub const REFLECTION: &str = "Le modèle n'a pas «\u{a0}compris\u{a0}» les Pokémon\u{a0}: il a seulement réglé des nombres pour faire baisser un score d'erreur. Les grands modèles font pareil avec des milliards de poids, et ils apprennent aussi les erreurs et les préjugés cachés dans leurs exemples.";
pub const QUESTION: &str = "Si les exemples d'un modèle contiennent des erreurs, que va-t-il apprendre\u{a0}? Qui devrait vérifier les exemples\u{a0}?";
pub const LEARNED: &[&str] = &[
    "La loss mesure la surprise du modèle devant la bonne lettre\u{a0}: 0\u{a0}s'il en était sûr, environ 3,3\u{a0}s'il devine au hasard parmi 27.",
    "Le gradient dit dans quel sens chaque poids fait monter la loss\u{a0}; on le tourne un peu dans l'autre sens.",
    "Le taux d'apprentissage règle la taille des pas\u{a0}: ni trop petit, ni trop grand.",
    "En apprenant, le modèle retrouve tout seul le tableau qu'on avait compté.",
];
pub const LIMIT: &str = "Notre modèle ne regarde toujours qu'une lettre en arrière. Dans la leçon 3, il va se souvenir de plusieurs lettres, grâce à une «\u{a0}carte d'identité\u{a0}» pour chaque lettre.";

pub fn run_label(lr: f32) -> String {
    format!("taux {}", lr_text(lr))
}

/// "0,1", "3", "1000": the learning rates of the lesson.
pub fn lr_text(lr: f32) -> String {
    if lr < 1.0 {
        fr(lr, 1)
    } else {
        crate::text::int(lr as u64)
    }
}

pub const BASKET_PICTURE: &str = "Chaque lancer corrige l'erreur du précédent";
pub fn basket_label(throws: &[f32]) -> String {
    let gaps: Vec<String> = throws
        .iter()
        .map(|x| format!("{}\u{a0}cm", fr(*x, 0)))
        .collect();
    format!(
        "{} lancers. Écart au panier\u{a0}: {}",
        throws.len(),
        gaps.join(", ")
    )
}
