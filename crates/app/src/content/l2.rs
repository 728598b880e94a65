//! Lesson 2 "Apprendre de ses erreurs": texts.

pub const STEPS: &[&str] = &[
    "Bienvenue",
    "Mesurer l'erreur : la loss",
    "Un modèle qui devine au hasard",
    "Apprendre pas à pas",
    "La taille des pas",
    "Appris ou compté ?",
    "Ce qu'on a appris",
];

pub const OBJECTIVES: &[&str] = &[
    "mesurer à quel point un modèle se trompe, avec un seul nombre : la loss ;",
    "voir un modèle apprendre tout seul en corrigeant ses erreurs ;",
    "choisir la bonne taille de pas (le taux d'apprentissage) ;",
    "vérifier que le modèle retrouve ce qu'on avait compté à la leçon 1.",
];

pub const VOCABULARY: &[(&str, &str)] = &[
    (
        "loss (perte)",
        "le score d'erreur du modèle. Plus il est petit, mieux le modèle devine.",
    ),
    (
        "poids",
        "les nombres réglables du modèle. Apprendre, c'est régler les poids.",
    ),
    (
        "gradient",
        "la direction dans laquelle tourner chaque poids pour que la loss baisse.",
    ),
    (
        "taux d'apprentissage (learning rate)",
        "la taille de chaque petit pas de correction.",
    ),
];

pub const BASKET: &str = "Imagine que tu lances un ballon de basket. Raté, trop à droite ! Au lancer suivant, tu vises un peu plus à gauche. Encore raté, mais plus près. Tu corriges un peu, encore et encore… et tu finis par marquer. Un modèle apprend exactement comme ça.";
pub const LOSS: &str = "Pour corriger, il faut d'abord mesurer l'erreur. On regarde la probabilité p que le modèle donnait à la bonne lettre. Si p = 1 (100 %), parfait : l'erreur vaut 0. Si p est tout petit, l'erreur est grande. Cette erreur s'appelle la loss, et elle vaut −log(p).";
pub const RANDOM: &str = "Un modèle qui n'a rien appris donne la même chance à chacun des 27 jetons : p = 1/27 pour la bonne lettre. Sa loss vaut donc −log(1/27). C'est le point de départ de tout entraînement.";
pub const WEIGHTS: &str = "Notre nouveau modèle a un tableau de 27 × 27 poids (des scores), tirés au hasard au début. Une fonction appelée softmax transforme chaque ligne de scores en probabilités qui font 100 % en tout.";
pub const DOMINOS: &str = "À chaque pas, on calcule la loss sur nos 20 noms. Puis chaque poids reçoit sa correction : pour la bonne lettre, « probabilité − 1 » (négatif : on monte son score) ; pour les autres, « probabilité » (positif : on baisse leur score). Comme une chaîne de dominos qui part de l'erreur et remonte jusqu'à chaque poids. C'est le gradient.";
pub const LR: &str = "Chaque correction est multipliée par le taux d'apprentissage. Trop petit : le modèle avance à pas de fourmi et n'apprend presque rien. Trop grand : il saute par-dessus le but, de plus en plus loin… et la loss explose. Essaie !";
pub const COMPARE: &str = "À gauche, les probabilités que le modèle a apprises en corrigeant ses erreurs. À droite, celles qu'on avait comptées à la leçon 1. Compare-les !";
pub const REFLECTION: &str = "Le modèle n'a pas « compris » les Pokémon : il a seulement réglé des nombres pour faire baisser un score d'erreur. Les grands modèles font pareil avec des milliards de poids — et ils apprennent aussi les erreurs et les préjugés cachés dans leurs exemples.";
pub const LEARNED: &[&str] = &[
    "La loss mesure l'erreur : −log(probabilité de la bonne lettre). Au hasard, elle vaut ln 27 ≈ 3,30.",
    "Le gradient dit dans quel sens tourner chaque poids pour faire baisser la loss.",
    "Le taux d'apprentissage règle la taille des pas : ni trop petit, ni trop grand.",
    "En apprenant, le modèle retrouve tout seul le tableau qu'on avait compté.",
];
pub const LIMIT: &str = "Notre modèle ne regarde toujours qu'une lettre en arrière. Dans la leçon 3, il va se souvenir de plusieurs lettres, grâce à une « carte d'identité » pour chaque lettre.";

pub const COMPARE_CHOICES: &[&str] = &[
    "Ils n'ont rien à voir : le modèle a appris autre chose.",
    "Ils se ressemblent beaucoup : le modèle a retrouvé les comptes tout seul.",
    "Le tableau appris est vide : le modèle n'a rien appris.",
];
pub const COMPARE_RIGHT: usize = 1;
