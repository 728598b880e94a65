//! The pupils' paper: the « fiche d'activité » of each lesson (predictions written before the
//! page reveals them, each exercise with room to answer, « À toi d'expliquer », a 3-question
//! exit ticket whose answers are in the teacher's key) and the legends of the summary sheet's
//! key pictures.

use crate::ids;

pub const WORKSHEET_TITLE: &str = "Fiche d'activité";
pub const OPEN_WORKSHEET: &str = "Fiche d'activité";
pub const WORKSHEET_INTRO: &str = "Garde cette fiche à côté de l'écran. Écris tes prédictions AVANT de cliquer\u{a0}: c'est ce qui compte, même si elles sont fausses.";
pub const PREDICTION: &str = "Ma prédiction, écrite avant de cliquer\u{a0}:";
pub const ANSWER: &str = "Ma réponse\u{a0}:";
pub const HOW: &str = "Comment j'ai trouvé\u{a0}:";
pub const TICKET_TITLE: &str = "Ticket de sortie";
pub const TICKET_INTRO: &str = "Sans regarder l'écran, en 3 minutes.";
pub const KEY_TICKETS: &str = "Tickets de sortie\u{a0}: réponses attendues";

pub fn exercise_heading(k: usize, step: usize, title: &str) -> String {
    format!("Exercice {k} — étape {step}\u{a0}: {title}")
}

/// The exercises whose answer the pupil writes before the page shows anything.
pub const PREDICTIONS: &[&str] = &[ids::L1_E3, ids::L4_E1, ids::L5_E2, ids::L6_E1, ids::B_E1];

/// A question of the exit ticket, and the answer the key gives the teacher.
pub struct Ticket {
    pub question: &'static str,
    pub answer: &'static str,
}

const fn t(question: &'static str, answer: &'static str) -> Ticket {
    Ticket { question, answer }
}

/// Lesson `n`'s exit ticket (the bonus is 7).
pub fn exit_ticket(n: u8) -> &'static [Ticket; 3] {
    match n {
        1 => &L1,
        2 => &L2,
        3 => &L3,
        4 => &L4,
        5 => &L5,
        6 => &L6,
        _ => &BONUS,
    }
}

const L1: [Ticket; 3] = [
    t("Combien de paires de lettres y a-t-il dans «\u{a0}.papa.\u{a0}» (avec les points)\u{a0}?", "5\u{a0}: .p, pa, ap, pa, a. (une paire de plus que de lettres)."),
    t("Après «\u{a0}q\u{a0}», un modèle a compté 9 fois «\u{a0}u\u{a0}» et 1 fois «\u{a0}a\u{a0}». Quelle chance donne-t-il à «\u{a0}u\u{a0}»\u{a0}?", "9 sur 10, soit 90\u{a0}%."),
    t("Ce modèle comprend-il les noms qu'il invente\u{a0}? Explique en une phrase.", "Non\u{a0}: il tire au sort la lettre suivante d'après les comptes de paires, sans rien savoir de ce que veulent dire les mots."),
];
const L2: [Ticket; 3] = [
    t("Le modèle donne 90\u{a0}% à la bonne lettre, puis 10\u{a0}%. Dans quel cas est-il le plus surpris (la loss la plus grande)\u{a0}?", "À 10\u{a0}%\u{a0}: moins il croyait à la bonne lettre, plus la loss est grande."),
    t("Que vaut environ la loss d'un modèle qui donne la même chance à chacun des 27 jetons\u{a0}?", "Environ 3,3\u{a0}: c'est le repère du hasard."),
    t("Que se passe-t-il si le taux d'apprentissage est beaucoup trop grand\u{a0}?", "Les corrections sont trop fortes\u{a0}: la loss remonte et «\u{a0}explose\u{a0}», le modèle est perdu."),
];
const L3: [Ticket; 3] = [
    t("Des cartes de 8 nombres, 3 lettres regardées\u{a0}: combien de nombres le réseau reçoit-il\u{a0}?", "24 (3 cartes de 8 nombres posées côte à côte)."),
    t("Un modèle récite très bien ses noms appris mais devine mal les noms jamais vus. Que lui arrive-t-il\u{a0}?", "Il apprend par cœur au lieu de trouver des règles\u{a0}: c'est le sur-apprentissage."),
    t("Pourquoi garde-t-on des noms de côté, jamais montrés pendant l'entraînement\u{a0}?", "Pour vérifier qu'il devine bien des noms nouveaux, pas seulement ceux qu'il connaît."),
];
const L4: [Ticket; 3] = [
    t("La question d'une lettre est [1\u{a0}; 0\u{a0}; 2\u{a0}; 1] et le panneau d'une autre est [2\u{a0}; 3\u{a0}; 1\u{a0}; 0]. Quel est leur score\u{a0}?", "4\u{a0}: 1 × 2 + 0 × 3 + 2 × 1 + 1 × 0."),
    t("Dans «\u{a0}.chat\u{a0}», la lettre «\u{a0}a\u{a0}» peut-elle regarder le «\u{a0}t\u{a0}»\u{a0}? Pourquoi\u{a0}?", "Non\u{a0}: une lettre ne regarde que les lettres d'avant et elle-même. Quand on écrit, la suite n'existe pas encore."),
    t("À quoi sert d'avoir plusieurs têtes d'attention\u{a0}?", "Chaque tête peut regarder autre chose\u{a0}: la lettre d'avant, le début du mot, une voyelle…"),
];
const L5: [Ticket; 3] = [
    t("Le mini-GPT a 4\u{a0}192 paramètres. Qu'est-ce qu'un paramètre\u{a0}?", "Un des nombres du modèle que l'entraînement règle petit à petit."),
    t("Température 0,1 ou température 2\u{a0}: laquelle donne presque toujours les mêmes noms\u{a0}?", "0,1 (froide)\u{a0}: la lettre favorite gagne presque à chaque fois."),
    t("Un modèle pas encore entraîné écrit du charabia. Pourquoi\u{a0}?", "Ses nombres sont encore tirés au hasard\u{a0}: il n'a rien appris des données."),
];
const L6: [Ticket; 3] = [
    t("Avant l'entraînement, la loss du modèle vaut environ combien\u{a0}? Pourquoi\u{a0}?", "Environ 3,3\u{a0}: il devine encore au hasard parmi 27 jetons."),
    t("Pendant l'entraînement, dans quel sens l'erreur traverse-t-elle le modèle\u{a0}?", "À l'envers\u{a0}: de la loss vers les scores, le réseau de neurones, l'attention, puis les cartes."),
    t("Entraîné longtemps sur 15 prénoms, le modèle les récite. Que peux-tu changer pour qu'il en invente\u{a0}?", "Moins de pas, une température un peu plus chaude, ou une liste plus longue."),
];
const BONUS: [Ticket; 3] = [
    t("Un modèle entraîné sur des mots français invente «\u{a0}chantouille\u{a0}». Pourquoi ce mot sonne-t-il français alors qu'il n'existe pas\u{a0}?", "Il enchaîne des suites de lettres fréquentes dans les vrais mots français\u{a0}; il ne sait pas ce que veulent dire les mots."),
    t("Le modèle des proverbes écrit «\u{a0}qui sème le vent récolte la tempête\u{a0}». L'a-t-il inventée\u{a0}? Comment le vérifier\u{a0}?", "Non\u{a0}: c'est un proverbe de la liste apprise, recopié mot pour mot (on le trouve dans la liste). Une phrase inventée n'est pas dans la liste\u{a0}; elle pourrait être un vrai proverbe si tous ses mots sont français."),
    t("Pourquoi entraîner un modèle géant coûte-t-il cher\u{a0}?", "Il faut d'énormes quantités de calculs, donc des milliers de machines et beaucoup d'électricité pendant des semaines."),
];

/// What the summary sheet's key picture shows (its legend).
pub fn picture_legend(n: u8) -> &'static str {
    match n {
        1 => "Chaque ligne est la lettre d'avant, chaque colonne la lettre d'après. Plus la case est jaune, plus la paire revient souvent dans nos noms\u{a0}; plus elle est foncée (bleu-vert), plus la paire est rare\u{a0}; une case blanche, elle n'a jamais été vue.",
        2 => "Le curseur donne la chance que le modèle accordait à la bonne lettre\u{a0}; la courbe donne sa surprise, la loss\u{a0}: presque 0\u{a0}s'il était sûr et avait raison, très haute s'il était sûr et se trompait.",
        3 => "Chaque ligne est la carte d'identité d'une lettre\u{a0}: des nombres que le modèle apprend. Des lettres qui s'emploient de la même façon finissent avec des cartes proches.",
        4 => "Chaque ligne est une lettre qui regarde\u{a0}: elle peut regarder les lettres d'avant et elle-même (cases ouvertes), jamais celles d'après (cases grisées).",
        5 => "Le plan du mini-GPT, de bas en haut\u{a0}: les cartes des lettres et des places, l'attention, le réseau de neurones, puis un score pour chaque lettre possible.",
        6 => "Les dominos de l'entraînement\u{a0}: l'erreur part de la loss et remonte jusqu'aux cartes\u{a0}; en passant, chaque domino corrige un peu ses nombres.",
        _ => "Les trois modèles de la course et GPT-3, par leur nombre de paramètres.",
    }
}
