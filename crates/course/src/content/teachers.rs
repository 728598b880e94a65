//! The teacher's kit: the corner's texts, a plan per lesson (phases with minutes, what is done
//! together and in pairs, prerequisites, plan B), the answer key of every exercise, and how the
//! lessons fit the programmes (sourced). Written for the teacher: « l'élève », « son », « sa ».

use crate::ids;

pub const CORNER_TITLE: &str = "Coin des enseignants";
pub const CORNER_INTRO: &str = "Tuto LLM fait construire à vos élèves (10-14\u{a0}ans) un vrai petit modèle de langage, lettre par lettre, en six leçons de 50 à 55 minutes, plus une leçon bonus. Chaque leçon suit le même plan\u{a0}: accueil et objectifs, vocabulaire, analogie avant les nombres, démonstrations interactives, exercices «\u{a0}À toi de jouer\u{a0}!\u{a0}» vérifiés par la page, réflexion avec une question pour la classe, bilan «\u{a0}Ce qu'on a appris\u{a0}» et sources. Aucune formule n'est nécessaire\u{a0}: les encadrés «\u{a0}Pour les curieux\u{a0}» des élèves disent les maths en mots et en images\u{a0}; les formules sont dans le corrigé, pour vous.";
pub const KIT_TITLE: &str = "Préparer une séance";
pub const KIT_INTRO: &str = "Pour chaque leçon\u{a0}: un déroulé minuté, le corrigé de ses exercices, une fiche élève à imprimer.";
pub const OPEN_PLAN: &str = "Déroulé et corrigé";
pub const OPEN_SHEET: &str = "Fiche élève";
pub const OPEN_LESSON: &str = "Ouvrir la leçon";
pub const ANSWER_KEY_LINK: &str = "Le corrigé complet, à imprimer";
pub const CURRICULUM_LINK: &str = "Tuto LLM et les programmes du cycle 4";

pub const OFFLINE_TITLE: &str = "Sans Internet (clé USB)";
pub const OFFLINE: &str = "Tout Tuto LLM tient dans un seul fichier, tuto-llm.html (environ 2,4\u{a0}Mo). Téléchargez-le avec le bouton ci-dessous, copiez-le sur une clé USB ou sur chaque poste, puis double-cliquez dessus\u{a0}: il s'ouvre dans le navigateur, sans serveur ni connexion. Aucun outil à installer.";
pub const DOWNLOAD: &str = "Télécharger la version hors ligne (tuto-llm.html)";
pub const ALREADY_OFFLINE: &str = "Vous utilisez déjà la version hors ligne\u{a0}: ce fichier-ci est celui à copier sur une clé USB ou sur les postes.";
pub const OFFLINE_PROGRESS: &str = "La progression des élèves est gardée dans le navigateur du poste utilisé\u{a0}: elle ne suit pas l'élève d'un poste à l'autre. En fin de séance, l'élève ouvre «\u{a0}Ma progression\u{a0}» (lien en bas de chaque page) et vous envoie son fichier avec «\u{a0}Envoyer à mon professeur\u{a0}»\u{a0}: la page «\u{a0}Ma classe\u{a0}» rassemble ceux de toute la classe.";

pub const BROWSERS_TITLE: &str = "Navigateurs vérifiés";
pub const BROWSERS_INTRO: &str = "À chaque modification, les tests automatiques ouvrent Tuto LLM dans trois moteurs de navigateur, depuis le fichier (file://) et depuis un serveur\u{a0}: accueil, une leçon complète avec ses exercices, l'entraînement de la leçon 6, la progression gardée après rechargement, l'enregistrement et l'ouverture d'un modèle dans l'Atelier, aucune connexion vers l'extérieur.";
pub const BROWSERS: &[(&str, &str, &str)] = &[
    (
        "Chromium (moteur de Chrome, Edge, des Chromebooks)",
        "156",
        "fichier et serveur\u{a0}: tout fonctionne. Leçon 6\u{a0}: 0,04\u{a0}s de calcul. Atelier en grand format\u{a0}: 32\u{a0}300 lettres par seconde sur 2\u{a0}cœurs (19\u{a0}600 sur un seul).",
    ),
    (
        "Gecko (Firefox, Firefox ESR)",
        "153 ESR",
        "fichier et serveur\u{a0}: tout fonctionne. Leçon 6\u{a0}: 0,04\u{a0}s de calcul. Atelier en grand format\u{a0}: 25\u{a0}200 lettres par seconde sur 2\u{a0}cœurs (16\u{a0}200 sur un seul).",
    ),
    (
        "WebKit (moteur de Safari et de tous les navigateurs d'iPad et d'iPhone)",
        "WebKitGTK 2.50",
        "fichier et serveur\u{a0}: tout fonctionne. Leçon 6\u{a0}: 0,1\u{a0}s de calcul. Atelier en grand format\u{a0}: 17\u{a0}400 lettres par seconde sur 1\u{a0}cœur, autant sur plusieurs (le test de vitesse dit ce qu'il en est sur votre ordinateur).",
    ),
];
pub const BROWSERS_NOTE: &str = "Mesuré sur un ordinateur à 2 cœurs. Les tablettes et téléphones sont testés en écran tactile (de 360 à 820 pixels de large)\u{a0}: aucune page ne défile de côté, et chaque survol a son équivalent au toucher. Il faut un navigateur récent (WebAssembly avec SIMD\u{a0}: Chrome 91, Firefox 89, Safari 16.4 ou plus)\u{a0}; sinon la page le dit clairement.";

pub const TIPS_TITLE: &str = "Conseils pour la classe";
pub const TIPS: &[&str] = &[
    "Travail en binôme\u{a0}: un élève manipule, l'autre lit et prédit\u{a0}; on échange à chaque exercice. Au début, le binôme coche «\u{a0}Nous sommes deux\u{a0}» dans «\u{a0}Qui es-tu\u{a0}?\u{a0}» et écrit les deux prénoms avec leur initiale\u{a0}: chacun retrouve son travail dans «\u{a0}Ma classe\u{a0}».",
    "Faites prédire avant de révéler\u{a0}: les prédictions et les choix ne comptent qu'une fois (la première réponse). Une prédiction ratée est «\u{a0}faite\u{a0}» mais pas «\u{a0}réussie\u{a0}»\u{a0}: c'est normal, et c'est ce qu'on en discute qui compte.",
    "Au vidéoprojecteur, activez le «\u{a0}Mode projection\u{a0}» (en haut à droite)\u{a0}: texte et images agrandis, traits plus épais, en-tête compact. Raccourcis\u{a0}: ← → pour changer d'étape, Espace pour lancer ou mettre en pause un entraînement, R pour le recommencer.",
    "Chaque étape a son adresse (par exemple #/lecon/3/etape/2) à mettre en favori\u{a0}; ajoutez\u{a0}?projection=1 avant le # pour ouvrir directement en mode projection.",
    "Le mot «\u{a0}loss\u{a0}» (la perte, l'erreur) est gardé tel quel, comme dans les outils des chercheurs\u{a0}; il est défini dans le vocabulaire des leçons 2 et 6.",
    "L'Atelier libre permet d'aller plus loin\u{a0}: plus gros modèles, listes de la classe, défis vérifiés par la page, modèles enregistrés dans un fichier.",
];

pub const CHATGPT_TITLE: &str = "«\u{a0}C'est comme ChatGPT\u{a0}?\u{a0}»";
pub const CHATGPT: &[&str] = &[
    "Oui pour la mécanique\u{a0}: notre mini-GPT a la même architecture (un «\u{a0}transformer\u{a0}»\u{a0}: cartes d'identité, attention, réseau de neurones) et apprend de la même façon, en corrigeant ses erreurs pour deviner le morceau suivant.",
    "Non pour la taille\u{a0}: 4\u{a0}192 paramètres ici, des centaines de milliards pour les grands modèles\u{a0}; des milliers de prénoms ici, des milliers de milliards de mots pour eux\u{a0}; une seconde de calcul ici, des mois sur des milliers de puces pour eux.",
    "Et il manque des étapes\u{a0}: ChatGPT lit des morceaux de mots (des jetons), pas des lettres\u{a0}; il a été ré-entraîné pour dialoguer et suivre des consignes, avec des humains qui notent ses réponses. Notre modèle, lui, ne fait que compléter un nom\u{a0}: on ne peut pas lui parler.",
    "Dans les deux cas, le modèle ne «\u{a0}comprend\u{a0}» pas et ne vérifie rien\u{a0}: il tire des suites probables. D'où les hallucinations (leçons 5 et 6).",
];

pub const SPEED_TITLE: &str = "Vitesse des ordinateurs de la salle";
pub const SPEED: &str = "Le mini-GPT s'entraîne dans la page. Pour savoir si un poste convient, lancez le test\u{a0}: il donne un verdict en clair (leçons 1 à 6, Atelier en grand format).";
pub const SPEED_LINK: &str = "Tester la vitesse de cet ordinateur";

pub const PRIVACY_TITLE: &str = "Progression et vie privée";
pub const PRIVACY: &str = "Aucun compte, aucune donnée envoyée, aucun cookie\u{a0}: le prénom, l'initiale, les résultats et les phrases de chaque élève restent dans le navigateur du poste. «\u{a0}Recommencer la leçon\u{a0}» n'efface rien\u{a0}: elle rouvre les exercices pour s'entraîner, le premier résultat reste. Pour effacer\u{a0}: «\u{a0}Effacer toute ma progression\u{a0}» (un élève, sur la page Confidentialité), ou «\u{a0}Vider ce poste\u{a0}» ci-dessous (tous les élèves de ce navigateur, à la fin d'une séance). La liste des réponses déjà vues reste une heure\u{a0}: effacer ne permet pas de refaire une prédiction. Les fichiers que les élèves vous remettent sont des données personnelles\u{a0}: la note pour le ou la DPO dit ce qu'ils contiennent, où les garder et quand les supprimer.";

pub const LICENCE_TITLE: &str = "Licence et éditeur";
pub const LICENCE: &str = "Tuto LLM est un logiciel libre sous licence MIT (fichier LICENSE fourni avec le code), publié par l'équipe Tuto LLM. Le code, ses tests et la recette de chaque jeu de données sont publics\u{a0}; pour signaler un problème ou proposer une correction, ouvrez une demande («\u{a0}issue\u{a0}») sur le dépôt du projet. Les jeux de données gardent leur licence\u{a0}: prénoms INSEE (Licence Ouverte 2.0), mots français (licence MIT), noms de Pokémon © Nintendo / Creatures / GAME FREAK (usage éducatif non commercial).";

pub const PLAN_TITLE: &str = "Déroulé de la séance";
pub const COL_MINUTES: &str = "Durée";
pub const COL_WHAT: &str = "Ce qu'on fait";
pub const COL_STEPS: &str = "Étapes";
pub const COL_ENGINE: &str = "Moteur";
pub const COL_VERSION: &str = "Version testée";
pub const COL_RESULT: &str = "Résultat";
pub const COL_MODEL: &str = "Modèle";
pub const COL_PARAMS: &str = "Paramètres";
pub const PRIVACY_LINK: &str = "Confidentialité";
pub const SHEET_TABLE_TITLE: &str = "Le tableau des paires de lettres de nos 20 Pokémon";
pub const SHEET_TABLE_DESCRIPTION: &str = "Ligne = la lettre d'avant, colonne = la lettre d'après.";
pub const SHEET_DOMINOS: &str = "Les dominos de la rétropropagation, de la loss jusqu'aux cartes.";
pub fn lesson_name(number: u8, bonus: bool, title: &str) -> String {
    if bonus {
        format!("Leçon bonus — {title}")
    } else {
        format!("Leçon {number} — {title}")
    }
}
pub fn exercise_name(lesson: u8, bonus: bool, k: usize) -> String {
    if bonus {
        format!("Bonus, exercice {k}")
    } else {
        format!("Leçon {lesson}, exercice {k}")
    }
}
/// « Fiche élève : Leçon 1 — Deviner la suite ».
pub fn titled(what: &str, lesson: &str) -> String {
    format!("{what}\u{a0}: {lesson}")
}
pub fn objective(o: &str) -> String {
    format!("L'élève va {o}")
}
pub const COL_HOW: &str = "Comment";
pub const TOGETHER: &str = "en classe entière, au vidéoprojecteur";
/// A projected step with exercises: the pairs answer on their own PC, or « Ma classe » shows
/// « à faire » for everyone.
pub const TOGETHER_ON_PC: &str =
    "en classe entière, au vidéoprojecteur\u{a0}; chaque binôme répond aussi sur son poste";
pub const PAIRS: &str = "en binôme";
pub const ALONE: &str = "chacun";
pub const PREREQUISITES: &str = "Prérequis";
pub const PLAN_B: &str = "Plan B sans ordinateurs";
pub const OBJECTIVES: &str = "Objectifs";
pub const EXERCISES_TITLE: &str = "Les exercices et leur corrigé";
pub const COL_EXERCISE: &str = "Exercice";
pub const COL_LEVEL: &str = "Niveau";
pub const COL_EXPECTED: &str = "Réponse attendue / ce que la page vérifie";
pub const COL_USUAL: &str = "Erreurs fréquentes";
pub const COL_RELAUNCH: &str = "Pour relancer le binôme";
pub const ANSWER_KEY_TITLE: &str = "Corrigé de tous les exercices";
pub const ANSWER_KEY_INTRO: &str = "Les prédictions et les choix («\u{a0}une seule réponse compte\u{a0}») sont notés «\u{a0}réussi\u{a0}» seulement si la première réponse est la bonne. Les autres exercices se refont autant que nécessaire\u{a0}: la page vérifie la vraie réponse ou l'action faite. Certains résultats dépendent de l'entraînement fait en direct\u{a0}: la page calcule alors la bonne réponse à partir de ce que l'élève a à l'écran.";
pub const PRINT: &str = "Imprimer";
pub const SHEET_TITLE: &str = "Fiche élève";
pub const SHEET_NAME: &str =
    "Prénom\u{a0}: ____________________   Classe\u{a0}: ________   Date\u{a0}: ____________";
pub const SHEET_PICTURE: &str = "L'image clé";

/// How the page checks an exercise, and how to help. `right` and `wrong` are answers as a pupil
/// types them (or, for a choice, the option's text), on the page as the key describes it: a test
/// runs them through the exercise's rule, so the key and the page cannot disagree.
// `right` and `wrong` are read by the tests only (the page shows the sentences).
#[allow(dead_code)]
pub struct Key {
    pub id: &'static str,
    pub expected: &'static str,
    pub usual: &'static str,
    pub relaunch: &'static str,
    pub right: &'static [&'static str],
    pub wrong: &'static [&'static str],
}

/// One phase of a session: its minutes, the lesson's steps it covers (by their keys: the
/// « Étape N » shown comes from the lesson's step table), what is done and how.
pub struct Phase {
    pub minutes: u32,
    /// The lesson's steps it covers; empty for a phase outside the lesson (`label` names it).
    pub steps: &'static [&'static str],
    pub label: &'static str,
    pub what: &'static str,
    pub how: &'static str,
}

/// The printable material of a plan B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Material {
    /// The 20 names of lesson 1, to cut out (with their dots).
    NameCards,
    /// The cardboard slit that shows 1 or 3 letters (lesson 3).
    Slit,
    /// The questions and panels of « .chat » (lesson 4).
    Panels,
    /// The five dominos of the backpropagation (lesson 6).
    Dominos,
    None,
}

pub struct Plan {
    pub lesson: u8,
    /// For the teacher, in five lines: the lesson's idea, and the usual misconceptions.
    pub background: &'static str,
    /// What to say to open the session (3-4 sentences).
    pub opening: &'static str,
    pub phases: &'static [Phase],
    /// What to say to close it.
    pub closing: &'static str,
    /// For pairs who finish early.
    pub further: &'static str,
    /// What pairs who are behind may leave out.
    pub skip: &'static str,
    /// Leads for the lesson's « À discuter » question.
    pub discussion: &'static [&'static str],
    pub prerequisites: &'static str,
    pub plan_b: &'static str,
    pub material: Material,
}

pub const OPENING: &str = "Pour ouvrir (à dire)";
pub const CLOSING: &str = "Pour conclure (à dire)";
pub const BACKGROUND: &str = "L'essentiel pour l'enseignant";
pub const FURTHER: &str = "Pour aller plus loin (binômes rapides)";
pub const SKIP: &str = "Si un binôme est en retard";
pub const DISCUSSION: &str = "Pistes pour la question «\u{a0}À discuter\u{a0}»";
pub const MATERIAL: &str = "Matériel à imprimer pour le plan B";
pub const INSTALL: &str = "Installation";
pub const COLLECT: &str = "Fin\u{a0}: les fichiers";
/// « Si ça ne marche pas »: the problems a session meets, and what to do (every plan shows it).
pub const TROUBLE_TITLE: &str = "Si ça ne marche pas";
pub const TROUBLE: &[(&str, &str)] = &[
    ("La page ne s'ouvre pas (page blanche, chargement sans fin)", "Ouvrez le fichier hors ligne tuto-llm.html depuis une clé USB (double-clic)\u{a0}: il ne demande aucune connexion. Sinon, le binôme rejoint un poste voisin et envoie son fichier au nom des deux."),
    ("Le message «\u{a0}Ce navigateur est trop ancien\u{a0}»", "Essayez un autre navigateur du poste (Firefox 89, Chrome ou Edge 91, Safari 16.4 ou plus récent), ou un autre poste\u{a0}; signalez le poste au référent numérique."),
    ("La phrase «\u{a0}À toi d'expliquer\u{a0}» n'est pas dans le fichier", "Seule une phrase enregistrée part dans le fichier\u{a0}: faites cliquer sur «\u{a0}Enregistrer ma phrase\u{a0}», puis de nouveau sur «\u{a0}Envoyer à mon professeur\u{a0}» (dans «\u{a0}Ma classe\u{a0}», les deux fichiers se rassemblent)."),
    ("Le fichier n'est pas dans Téléchargements", "Il s'appelle progression-Prénom-I-date.json. Ouvrez la liste des téléchargements du navigateur (la flèche en haut à droite, ou Ctrl+J)\u{a0}: elle montre où il est. S'il n'y est pas, le navigateur a peut-être refusé\u{a0}: cliquez de nouveau sur «\u{a0}Envoyer à mon professeur\u{a0}» et lisez le message sous le bouton."),
    ("Un élève a commencé sous un autre nom", "Il clique sur le nom en haut de la page et écrit le sien\u{a0}: la suite compte pour lui. Ce qu'il a fait sous l'autre nom y reste\u{a0}: envoyez aussi ce fichier-là et lisez les deux lignes ensemble dans «\u{a0}Ma classe\u{a0}». Une prédiction déjà vue sur ce poste compte «\u{a0}fait\u{a0}», pas «\u{a0}réussi\u{a0}»."),
];
pub fn margin(minutes: u32) -> String {
    format!("Marge\u{a0}: {minutes}\u{a0}min (pour les imprévus, les questions, le rangement).")
}
/// « Étape 3 », « Étapes 4-5 », or « — » for a phase outside the lesson.
pub fn steps_label(numbers: &[usize]) -> String {
    match numbers {
        [] => "—".to_string(),
        [one] => format!("Étape {one}"),
        [first, .., last] => format!("Étapes {first}-{last}"),
    }
}
pub const MATERIAL_NAMES: &str =
    "Cartes-noms\u{a0}: une par binôme, à découper. Les points marquent le début et la fin.";
pub const MATERIAL_SLIT: &str = "La fente\u{a0}: découpez les deux fenêtres grises (une lettre, trois lettres) et faites glisser la carte sur un nom écrit en gros.";
pub const MATERIAL_PANELS: &str = "Les panneaux de «\u{a0}.chat\u{a0}»\u{a0}: une carte par élève-lettre, la question au recto, le panneau au verso.";
pub const MATERIAL_DOMINOS: &str =
    "Les dominos\u{a0}: à découper et à coller sur de vrais dominos ou des cartes posées debout.";
pub const SLIT_ONE: &str = "1 lettre";
pub const SLIT_THREE: &str = "3 lettres";
pub const PANEL_QUESTION: &str = "question";
pub const PANEL_PANEL: &str = "panneau";

const fn p(
    minutes: u32,
    steps: &'static [&'static str],
    what: &'static str,
    how: &'static str,
) -> Phase {
    Phase {
        minutes,
        steps,
        label: "",
        what,
        how,
    }
}

/// Naming oneself: a pupil types « Prénom I. »; a pair ticks « Nous sommes deux » and types both.
const fn installing(minutes: u32) -> Phase {
    Phase {
        minutes,
        steps: &[],
        label: INSTALL,
        what: "Ouvrir Tuto LLM (ou le fichier hors ligne), cliquer sur «\u{a0}Qui es-tu\u{a0}?\u{a0}» et écrire son prénom et l'initiale de son nom («\u{a0}Inès B.\u{a0}»). En binôme\u{a0}: cocher «\u{a0}Nous sommes deux\u{a0}» et écrire les deux prénoms, chacun avec son initiale\u{a0}; tout ce que le binôme fait compte pour les deux.",
        how: PAIRS,
    }
}
/// The first session: pupils name themselves for the first time.
const INSTALLING_FIRST: Phase = installing(4);
const INSTALLING: Phase = installing(3);
/// The end of every session: each pair's file reaches the teacher, the exit ticket meanwhile.
const COLLECTING: Phase = Phase {
    minutes: 5,
    steps: &[],
    label: COLLECT,
    what: "Récupérer les fichiers\u{a0}: «\u{a0}Ma progression\u{a0}» (lien en bas de chaque page) → «\u{a0}Envoyer à mon professeur\u{a0}» → le fichier progression-Prénom-I-date.json arrive dans Téléchargements → il va au professeur (clé USB qui passe de poste en poste, ou dépôt sur l'ENT). Un binôme envoie un seul fichier, au nom des deux. Pendant que la clé passe\u{a0}: ticket de sortie sur papier, sans regarder l'écran.",
    how: PAIRS,
};

pub const PLANS: &[Plan] = &[
    Plan {
        lesson: 1,
        background: "Un modèle de langage ne fait qu'une chose\u{a0}: deviner le morceau suivant d'un texte. La version la plus simple compte, dans des exemples, quelle lettre suit quelle lettre (un «\u{a0}bigramme\u{a0}»), puis tire au sort la suite en suivant ces comptes. Idées reçues fréquentes\u{a0}: «\u{a0}le modèle connaît les Pokémon\u{a0}» (il ne connaît que des paires de lettres), «\u{a0}il choisit toujours la lettre la plus fréquente\u{a0}» (il tire au sort, les lettres fréquentes sortent plus souvent), «\u{a0}un nom inventé est forcément bizarre\u{a0}» (il respecte les paires qu'il a vues).",
        opening: "Votre téléphone vous propose le mot suivant quand vous écrivez un message. Comment fait-il\u{a0}? Aujourd'hui, vous allez fabriquer une machine qui devine la lettre suivante, juste en comptant. À la fin, elle inventera des noms de Pokémon qui n'existent pas.",
        phases: &[
            INSTALLING_FIRST,
            p(5, &["accueil", "deviner"], "Le téléphone qui devine, A B C → D\u{a0}; exercice 1 (après q).", TOGETHER_ON_PC),
            p(7, &["paires"], "Compter ensemble les paires de «\u{a0}.pikachu.\u{a0}», puis exercice 2 («\u{a0}.evoli.\u{a0}»).", TOGETHER_ON_PC),
            p(9, &["tableau"], "Écrire sa prédiction sur la fiche (exercice 3), puis lire la ligne «\u{a0}l\u{a0}» du tableau (exercice 4).", PAIRS),
            p(5, &["changer"], "Ajouter des noms et voir le tableau changer (exercice 5).", PAIRS),
            p(7, &["probabilites"], "Des comptes aux pourcentages (exercice 6).", PAIRS),
            p(4, &["inventer"], "Inventer des Pokémon, chercher dans le Pokédex\u{a0}; exercice 7.", PAIRS),
            p(4, &["bilan"], "Bilan, question «\u{a0}peut-on dire qu'il sait\u{a0}?\u{a0}», puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste (la phrase compte une fois «\u{a0}Enregistrer ma phrase\u{a0}» cliqué).", TOGETHER),
            COLLECTING,
        ],
        closing: "Votre machine ne sait pas ce qu'est un Pokémon\u{a0}: elle a seulement compté des paires de lettres, et pourtant ses noms «\u{a0}sonnent\u{a0}» juste. ChatGPT fait la même chose avec des morceaux de mots et des milliards d'exemples. La prochaine fois, la machine apprendra ces nombres toute seule, au lieu de les compter.",
        further: "Ajouter les prénoms de la classe dans «\u{a0}Ajoute des noms\u{a0}» et chercher la lettre qui commence le plus de prénoms\u{a0}; inventer un nom de 8 lettres dont toutes les paires existent.",
        skip: "Les exercices 5 et 7 peuvent attendre\u{a0}: l'essentiel est le tableau (exercices 3 et 4) et le passage aux pourcentages (exercice 6).",
        discussion: &[
            "Exemples où l'on devine sans comprendre\u{a0}: compléter une chanson dans une langue inconnue, réciter une table de multiplication sans savoir ce qu'est une multiplication.",
            "«\u{a0}Savoir\u{a0}», c'est aussi pouvoir expliquer et vérifier\u{a0}; le modèle ne fait que reproduire des habitudes.",
            "Relancer\u{a0}: si le modèle écrit un nom de Pokémon qui existe vraiment, l'a-t-il «\u{a0}trouvé\u{a0}» ou recopié\u{a0}?",
        ],
        prerequisites: "Lire un tableau à double entrée\u{a0}; division et pourcentage (6e-5e).",
        plan_b: "Tout se fait sur papier\u{a0}: chaque binôme reçoit des cartes-noms (ci-dessous), écrit les paires, les reporte sur le tableau de la classe (une grille 27 × 27 ou seulement les voyelles), calcule une probabilité, puis invente un nom en tirant des lettres dans un sac de papiers.",
        material: Material::NameCards,
    },
    Plan {
        lesson: 2,
        background: "Au lieu de compter, le modèle part de nombres au hasard (des «\u{a0}poids\u{a0}») et les corrige un peu à chaque exemple pour faire baisser un score d'erreur, la loss. La loss mesure la surprise devant la bonne lettre\u{a0}: 0 si le modèle en était sûr, environ 3,3\u{a0}s'il devine au hasard parmi 27. Le taux d'apprentissage règle la taille des corrections\u{a0}: trop petit, il n'apprend presque pas\u{a0}; trop grand, la loss explose. Idées reçues\u{a0}: «\u{a0}une loss de 0 est le but\u{a0}» (ce serait apprendre par cœur), «\u{a0}plus le taux est grand, plus il apprend vite\u{a0}».",
        opening: "Quand vous lancez une boule de papier dans la corbeille et que vous la ratez, vous corrigez un peu votre geste. Une machine peut apprendre de la même façon\u{a0}: elle se trompe, mesure son erreur, corrige un peu, recommence. Aujourd'hui, vous allez mesurer cette erreur et regarder un modèle apprendre tout seul ce que vous aviez compté la dernière fois.",
        phases: &[
            INSTALLING,
            p(4, &["accueil"], "Le lancer de basket\u{a0}: corriger un peu à chaque fois.", TOGETHER),
            p(9, &["loss"], "La loss comme surprise, le curseur\u{a0}; exercices 1 et 2.", PAIRS),
            p(6, &["hasard"], "Poids au hasard ou à zéro\u{a0}; exercice 3 (le repère 3,3).", PAIRS),
            p(5, &["pas"], "L'entraînement en direct\u{a0}: la courbe descend.", TOGETHER),
            p(8, &["taux"], "La taille des pas\u{a0}; exercice 4 (une courbe qui explose, une qui descend sous 2,2).", PAIRS),
            p(6, &["compare"], "Appris contre compté\u{a0}; exercices 5 et 6.", PAIRS),
            p(4, &["bilan"], "Bilan, question sur les exemples qui contiennent des erreurs, puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste.", TOGETHER),
            COLLECTING,
        ],
        closing: "Votre modèle a appris tout seul, en faisant baisser sa surprise, des nombres qui ressemblent beaucoup à ceux que vous aviez comptés. C'est ainsi que s'entraînent tous les modèles de langage, ChatGPT compris. Mais un modèle apprend tout ce que contiennent ses exemples, les erreurs aussi.",
        further: "Chercher le plus petit taux qui fait encore descendre la loss sous 2,2 en 200 pas\u{a0}; expliquer pourquoi la loss ne descend jamais à 0 sur nos 20 noms.",
        skip: "L'exercice 3 peut se faire à l'oral en classe entière\u{a0}; l'exercice 6 peut attendre.",
        discussion: &[
            "Un modèle entraîné sur des exemples faux apprend le faux avec la même assurance\u{a0}: il n'a aucun moyen de savoir qu'ils sont faux.",
            "Des exemples qui associent toujours un métier à un genre donnent un modèle qui fait pareil\u{a0}: c'est un biais.",
            "Qui vérifie\u{a0}? Ceux qui choisissent les données, et aussi les utilisateurs qui signalent les erreurs.",
        ],
        prerequisites: "Lire une courbe (abscisse, ordonnée)\u{a0}; pourcentages\u{a0}; faire une moyenne. Aucun logarithme\u{a0}: la courbe suffit.",
        plan_b: "Le lancer de basket se fait en vrai (une balle de papier, une corbeille, on corrige de moitié à chaque essai). La surprise se joue à l'oral\u{a0}: «\u{a0}tu étais sûr à 90\u{a0}%, à 50\u{a0}%, à 1\u{a0}%\u{a0}: combien es-tu surpris\u{a0}?\u{a0}», on place les réponses sur une courbe dessinée au tableau.",
        material: Material::None,
    },
    Plan {
        lesson: 3,
        background: "Le tableau de la leçon 1 ne regarde qu'une lettre en arrière. Pour regarder plus loin, on donne à chaque lettre une «\u{a0}carte d'identité\u{a0}» (un embedding\u{a0}: quelques nombres appris) et on pose côte à côte les cartes des dernières lettres (la fenêtre de contexte) à l'entrée d'un petit réseau de neurones. Plus de mémoire aide, jusqu'au moment où le modèle récite ses exemples au lieu de trouver des règles\u{a0}: le sur-apprentissage, qu'on repère avec des noms gardés de côté. Idées reçues\u{a0}: «\u{a0}plus de mémoire, c'est toujours mieux\u{a0}», «\u{a0}on a dit au modèle ce qu'est une voyelle\u{a0}».",
        opening: "Pour deviner la suite de «\u{a0}pika\u{a0}», une seule lettre, c'est peu\u{a0}: vous, vous regardez tout le début. Aujourd'hui, le modèle va regarder plusieurs lettres à la fois, grâce à une carte d'identité pour chaque lettre. Vous verrez aussi qu'on peut trop apprendre\u{a0}: par cœur.",
        phases: &[
            INSTALLING,
            p(3, &["accueil"], "Rappel\u{a0}: le tableau ne regarde qu'une lettre en arrière.", TOGETHER),
            p(6, &["cartes"], "La carte d'identité d'une lettre\u{a0}; exercice 1.", TOGETHER_ON_PC),
            p(6, &["fenetre"], "La fente de carton (fenêtre de contexte)\u{a0}; exercice 2.", PAIRS),
            p(9, &["entrainer"], "Entraîner avec 1 et 3 lettres en mémoire\u{a0}; exercice 3.", PAIRS),
            p(5, &["carte"], "La carte des lettres\u{a0}; exercice 4.", PAIRS),
            p(7, &["memoire"], "Trop de mémoire (5 lettres), le sur-apprentissage\u{a0}; exercice 5.", PAIRS),
            p(2, &["inventer"], "Inventer avec le meilleur modèle.", PAIRS),
            p(4, &["bilan"], "Bilan, question «\u{a0}un modèle qui récite est-il bon\u{a0}?\u{a0}», puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste.", TOGETHER),
            COLLECTING,
        ],
        closing: "Votre modèle a rangé les lettres tout seul\u{a0}: personne ne lui a dit ce qu'est une voyelle. Vous avez vu aussi qu'un modèle peut apprendre par cœur\u{a0}: c'est pour cela qu'on le vérifie sur des exemples qu'il n'a jamais vus. La prochaine fois, chaque lettre choisira elle-même les lettres à regarder\u{a0}: l'attention.",
        further: "Entraîner avec 2 et 4 lettres et tracer, sur la fiche, la loss sur les noms jamais vus en fonction de la mémoire\u{a0}: où est le meilleur réglage\u{a0}?",
        skip: "L'exercice 4 (la carte) peut se faire en classe entière au vidéoprojecteur\u{a0}; l'étape «\u{a0}Inventer\u{a0}» peut être sautée.",
        discussion: &[
            "Un élève qui apprend un exercice corrigé par cœur réussit cet exercice, pas le suivant\u{a0}: c'est pareil pour le modèle.",
            "On vérifie avec des exemples mis de côté, jamais montrés pendant l'apprentissage\u{a0}: comme un contrôle avec des exercices nouveaux.",
            "Relancer\u{a0}: réciter, est-ce parfois utile\u{a0}? (Une poésie, oui\u{a0}; une traduction, non.)",
        ],
        prerequisites: "Multiplier\u{a0}; comparer des nombres décimaux\u{a0}; l'idée d'échantillon (des noms mis de côté pour vérifier).",
        plan_b: "Une fente découpée dans une carte (ci-dessous) montre 1, puis 3 lettres d'un nom écrit en gros\u{a0}: les élèves devinent la suivante et comptent leurs réussites. Pour le sur-apprentissage\u{a0}: un élève apprend par cœur 5 noms, un autre retient des «\u{a0}règles\u{a0}»\u{a0}; on les teste sur des noms nouveaux.",
        material: Material::Slit,
    },
    Plan {
        lesson: 4,
        background: "Dans l'attention, chaque lettre calcule une question et un panneau (quelques nombres chacun). Le score entre la question d'une lettre et le panneau d'une autre se calcule en multipliant case par case et en additionnant\u{a0}; les scores deviennent des parts d'attention (des pourcentages). Une lettre ne regarde jamais les lettres d'après (le masque causal)\u{a0}: quand on écrit, la suite n'existe pas. Plusieurs têtes regardent chacune autre chose. Idées reçues\u{a0}: «\u{a0}l'attention comprend le sens\u{a0}», «\u{a0}la lettre voisine est toujours la plus importante\u{a0}».",
        opening: "En classe, quand quelqu'un pose une question, ce sont surtout ceux qui ont l'information qui lèvent la main. Dans un modèle de langage, chaque lettre fait pareil\u{a0}: elle pose une question, et les autres lettres montrent un panneau. Aujourd'hui, vous allez calculer à la main à qui une lettre fait attention.",
        phases: &[
            INSTALLING,
            p(5, &["accueil"], "La classe qui lève la main (question, panneau, info).", TOGETHER),
            p(13, &["scores"], "L'exemple de «\u{a0}h\u{a0}», puis exercice 1 (prédire, sur la fiche) et exercice 2 (calculer un score à la main).", PAIRS),
            p(6, &["masque"], "Le masque causal de son prénom\u{a0}; exercice 3.", PAIRS),
            p(9, &["tetes"], "Les 4 têtes d'un vrai GPT\u{a0}; exercice 4 (piéger une tête).", PAIRS),
            p(4, &["bilan"], "Bilan, question sur la confiance dans un modèle qu'on ne sait pas expliquer, puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste.", TOGETHER),
            COLLECTING,
        ],
        closing: "Chaque lettre calcule des scores avec les lettres d'avant et écoute surtout celles dont le panneau correspond à sa question. Personne n'a dit aux têtes quoi regarder\u{a0}: elles l'ont appris. C'est ce mécanisme, répété des milliers de fois, qui permet à ChatGPT de relier des mots éloignés dans une phrase.",
        further: "Trouver un mot où une tête regarde surtout la lettre d'avant et un autre où elle regarde le début du mot\u{a0}; calculer un deuxième score à la main.",
        skip: "L'exercice 3 peut se faire en classe entière avec le prénom d'un élève\u{a0}; l'exercice 4 peut attendre.",
        discussion: &[
            "On utilise bien des choses qu'on ne sait pas expliquer en détail (un médicament, un avion)\u{a0}: on les teste beaucoup.",
            "Savoir pourquoi compte quand la décision touche une personne\u{a0}: une orientation, un prêt, un diagnostic.",
            "Relancer\u{a0}: qui serait responsable d'une erreur du modèle\u{a0}?",
        ],
        prerequisites: "Multiplier et additionner des entiers\u{a0}; lire un pourcentage. Le produit scalaire n'est pas nommé\u{a0}: «\u{a0}on multiplie case par case, on additionne\u{a0}».",
        plan_b: "La scène de classe se joue en vrai\u{a0}: cinq élèves portent les lettres de «\u{a0}.chat\u{a0}» avec leurs cartes (ci-dessous, question au recto, panneau au verso)\u{a0}; l'élève «\u{a0}t\u{a0}» calcule au tableau ses scores avec chacun.",
        material: Material::Panels,
    },
    Plan {
        lesson: 5,
        background: "Un GPT empile des briques déjà vues\u{a0}: les cartes des lettres et des places, l'attention, un réseau de neurones, puis des scores pour chaque lettre possible, changés en pourcentages. Ses «\u{a0}paramètres\u{a0}» sont tous les nombres qu'il règle en apprenant (4\u{a0}192 pour notre mini-GPT, 175 milliards pour GPT-3). La température règle le tirage\u{a0}: froide, la lettre favorite gagne presque toujours\u{a0}; chaude, les autres ont plus de chances. Idées reçues\u{a0}: «\u{a0}un modèle non entraîné écrit des mots\u{a0}» (du charabia), «\u{a0}la température rend le modèle plus intelligent\u{a0}».",
        opening: "Vous connaissez toutes les briques\u{a0}: les cartes d'identité des lettres, l'attention, le réseau de neurones. Aujourd'hui, on les assemble pour obtenir un vrai GPT, le même plan que ChatGPT en tout petit. Vous compterez ses nombres et vous réglerez sa «\u{a0}température\u{a0}», le bouton qui le rend sage ou fantaisiste.",
        phases: &[
            INSTALLING,
            p(3, &["accueil"], "Les briques déjà vues.", TOGETHER),
            p(7, &["plan"], "Le plan du mini-GPT, suivre «\u{a0}.pik\u{a0}»\u{a0}; exercice 1.", TOGETHER_ON_PC),
            p(9, &["parametres"], "Compter les paramètres\u{a0}; exercices 2 (prédiction sur la fiche) et 3.", PAIRS),
            p(3, &["pas-entraine"], "Un modèle qui n'a rien appris (du charabia).", TOGETHER),
            p(9, &["temperature"], "La température\u{a0}; exercices 4 et 5.", PAIRS),
            p(7, &["ton-pokemon"], "Un Pokémon qui commence comme son prénom\u{a0}; exercice 6.", PAIRS),
            p(4, &["bilan"], "Bilan, question poème ou sciences (quelle température\u{a0}?), puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste.", TOGETHER),
            COLLECTING,
        ],
        closing: "Un GPT, c'est un empilement de briques simples, et des milliers de nombres réglés par l'entraînement. La température ne rend pas le modèle plus savant\u{a0}: elle change seulement sa façon de tirer au sort. La prochaine fois, vous entraînerez votre propre GPT du début à la fin.",
        further: "Fabriquer le plus petit modèle de plus de 100\u{a0}000 paramètres\u{a0}; chercher la température qui donne le plus de noms nouveaux sans charabia.",
        skip: "L'exercice 3 peut attendre\u{a0}; l'exercice 6 peut se faire en classe entière avec un prénom de la classe.",
        discussion: &[
            "Un poème supporte (et aime) la surprise\u{a0}: une température plus chaude.",
            "Une réponse de sciences doit être sûre\u{a0}: une température froide, et même alors le modèle peut se tromper avec assurance (une «\u{a0}hallucination\u{a0}»).",
            "Relancer\u{a0}: un texte bien écrit est-il forcément vrai\u{a0}?",
        ],
        prerequisites: "Multiplier, additionner\u{a0}; ordres de grandeur (mille, million, milliard)\u{a0}; les puissances de 10 restent dans l'encadré «\u{a0}Pour les curieux\u{a0}».",
        plan_b: "Le plan du GPT se construit au tableau avec des étiquettes. La température se joue avec un sac de lettres\u{a0}: «\u{a0}froid\u{a0}» = on tire toujours la plus fréquente, «\u{a0}chaud\u{a0}» = on mélange davantage le sac.",
        material: Material::None,
    },
    Plan {
        lesson: 6,
        background: "L'entraînement complet\u{a0}: le modèle part du hasard (loss ≈ 3,3), lit un exemple, mesure sa surprise, puis l'erreur remonte à l'envers à travers toutes les briques (la rétropropagation) et chaque nombre est corrigé un peu. Des milliers de pas plus tard, il invente des noms plausibles. Avec une petite liste et beaucoup de pas, il récite au lieu d'inventer. Idées reçues\u{a0}: «\u{a0}l'entraînement lui apprend le sens des mots\u{a0}», «\u{a0}plus de pas, c'est toujours mieux\u{a0}», «\u{a0}ce que dit un modèle est vérifié\u{a0}».",
        opening: "Aujourd'hui, vous allez entraîner votre propre GPT, du modèle qui devine au hasard jusqu'à celui qui invente des noms. Vous verrez comment une erreur remonte dans le modèle pour le corriger, comme des dominos. Puis vous l'entraînerez sur votre propre liste, et nous parlerons de ce que ces machines font de bien et de moins bien.",
        phases: &[
            INSTALLING,
            p(4, &["accueil", "donnees"], "Réveiller le modèle, choisir les données.", TOGETHER),
            p(3, &["loss-depart"], "Prédire la loss de départ sur la fiche, puis sur le poste (exercice 1).", TOGETHER_ON_PC),
            p(6, &["dominos"], "Les dominos de la rétropropagation\u{a0}; exercice 2.", PAIRS),
            p(8, &["entrainement"], "L'entraînement en direct, l'album photo\u{a0}; exercice 3 (deux réglages).", PAIRS),
            p(5, &["generer"], "Générer avec un début et une température\u{a0}; exercice 4.", PAIRS),
            p(7, &["ta-liste"], "Sa propre liste\u{a0}; réciter ou inventer\u{a0}; exercice 5.", PAIRS),
            p(5, &["reflechir"], "Réfléchir ensemble\u{a0}: les biais des données, les hallucinations, l'énergie des géants.", TOGETHER),
            p(4, &["bilan", "fin"], "Bilan, «\u{a0}À toi d'expliquer\u{a0}» sur le poste, diplôme.", TOGETHER),
            COLLECTING,
        ],
        closing: "Vous avez entraîné un vrai GPT\u{a0}: il est parti du hasard et a appris, en corrigeant ses erreurs des milliers de fois, à inventer des noms. ChatGPT fonctionne pareil, en beaucoup plus grand\u{a0}: il imite très bien, mais il ne sait pas si ce qu'il écrit est vrai. Gardez ce réflexe\u{a0}: vérifier.",
        further: "Entraîner sur les dinosaures puis sur les prénoms avec les mêmes réglages et comparer les loss\u{a0}; chercher le nombre de pas où la liste de la classe commence à être récitée.",
        skip: "Les exercices 3 et 4 peuvent se faire en classe entière au vidéoprojecteur\u{a0}; garder l'exercice 5 et la réflexion.",
        discussion: &[
            "Taille (4\u{a0}192 paramètres contre des centaines de milliards), données (des milliers de noms contre presque tout Internet), calcul (quelques secondes contre des mois sur des milliers de puces).",
            "Ce qui ne change pas\u{a0}: deviner le morceau suivant, la loss, la rétropropagation, l'attention.",
            "Biais\u{a0}: un modèle reproduit ce que disent ses données\u{a0}; hallucinations\u{a0}: il écrit du probable, pas du vrai\u{a0}; énergie\u{a0}: l'entraînement des géants consomme beaucoup d'électricité.",
        ],
        prerequisites: "Les leçons 2 et 5 aident (loss, température), mais la leçon 6 rappelle l'essentiel. Prévoir une liste de 15 à 30 prénoms (ceux de la classe) pour l'étape «\u{a0}Ta liste\u{a0}».",
        plan_b: "Les dominos se jouent avec de vrais dominos étiquetés (ci-dessous). Le débat biais / hallucinations / énergie se fait sans ordinateur.",
        material: Material::Dominos,
    },
    Plan {
        lesson: 7,
        background: "À temps de calcul égal, un modèle plus grand fait moins de pas\u{a0}: il n'est pas forcément meilleur. Un grand modèle ne devient fort qu'avec beaucoup de données et beaucoup de calcul, ce qui explique le coût des géants (électricité, machines, données). Avec peu de données, un modèle apprend par cœur. Idées reçues\u{a0}: «\u{a0}plus grand est toujours mieux\u{a0}», «\u{a0}les géants sont gratuits parce qu'on ne les paie pas\u{a0}».",
        opening: "Trois modèles de tailles différentes vont faire la course pendant le même temps. Lequel devinera le mieux des prénoms qu'il n'a jamais vus\u{a0}? Écrivez votre pari avant le départ. Ensuite, nous comparerons avec les géants comme GPT-3.",
        phases: &[
            INSTALLING,
            p(3, &["accueil"], "Présentation des trois modèles.", TOGETHER),
            p(11, &["course"], "Le pari (exercice 1, sur la fiche), la course de 20 secondes, exercice 2.", PAIRS),
            p(7, &["donnees"], "Peu ou beaucoup de données\u{a0}; exercice 3.", PAIRS),
            p(5, &["geants"], "Les géants, l'électricité, le calcul de son ordinateur.", TOGETHER),
            p(7, &["dictionnaire"], "Le dictionnaire imaginaire\u{a0}; exercice 4.", PAIRS),
            p(6, &["proverbes"], "Le grand modèle apprend les proverbes (40\u{a0}secondes), en écrit\u{a0}; exercice 5.", PAIRS),
            p(3, &["bilan"], "Bilan, question «\u{a0}faut-il toujours un modèle géant\u{a0}?\u{a0}», puis «\u{a0}À toi d'expliquer\u{a0}» sur le poste.", TOGETHER),
            COLLECTING,
        ],
        closing: "Plus grand n'est pas toujours plus fort\u{a0}: il faut aussi beaucoup de données et beaucoup de calcul, et cela coûte cher en électricité et en machines. Pour beaucoup de tâches, un petit modèle bien entraîné suffit. Demandez-vous toujours ce qu'un outil coûte, pas seulement ce qu'il fait.",
        further: "Relancer la course avec 40\u{a0}secondes\u{a0}: le classement change-t-il\u{a0}? Chercher combien d'années de calcul il faudrait à l'ordinateur de la classe pour entraîner GPT-3.",
        skip: "L'étape «\u{a0}Peu ou beaucoup de données\u{a0}» peut se faire en classe entière\u{a0}; garder la course et les géants.",
        discussion: &[
            "Un correcteur d'orthographe, un traducteur de quelques phrases, un jeu\u{a0}: des petits modèles suffisent et tiennent dans un téléphone.",
            "Un modèle géant se justifie pour des tâches très variées, mais il coûte en énergie et dépend de grosses entreprises.",
            "Relancer\u{a0}: qui paie l'électricité d'un service «\u{a0}gratuit\u{a0}»\u{a0}?",
        ],
        prerequisites: "Avoir fait la leçon 6. Division\u{a0}; ordres de grandeur (million, milliard).",
        plan_b: "La course se remplace par une lecture commentée des chiffres des géants et un débat sur l'énergie.",
        material: Material::None,
    },
];

const fn k(
    id: &'static str,
    expected: &'static str,
    usual: &'static str,
    relaunch: &'static str,
    right: &'static [&'static str],
    wrong: &'static [&'static str],
) -> Key {
    Key {
        id,
        expected,
        usual,
        relaunch,
        right,
        wrong,
    }
}

pub const KEYS: &[Key] = &[
    k(ids::L1_E1, "«\u{a0}u\u{a0}» (majuscule, accent ou espaces acceptés).", "«\u{a0}i\u{a0}» ou «\u{a0}a\u{a0}» (les voyelles de «\u{a0}qui\u{a0}», «\u{a0}quand\u{a0}»).", "Épelle «\u{a0}quoi\u{a0}» lettre par lettre.", &["u", " U "], &["i", "a"]),
    k(ids::L1_E2, "6 (.e, ev, vo, ol, li, i.).", "7 (les 7 signes comptés au lieu des liens entre eux), 5 ou 4 (un point ou les deux oubliés)\u{a0}: la page dit laquelle de ces erreurs a été faite.", "Où commence et où finit «\u{a0}.evoli.\u{a0}»\u{a0}? Combien de liens entre 7 signes\u{a0}?", &["6"], &["4", "5", "7"]),
    k(ids::L1_E3, "Prédiction (une seule réponse)\u{a0}: «\u{a0}r\u{a0}», qui suit «\u{a0}a\u{a0}» 5 fois sur 18. Le tableau (étapes 4 et 5) et les barres de l'étape 6 ne s'affichent qu'après la réponse.", "«\u{a0}l\u{a0}» (3 fois), «\u{a0}n\u{a0}».", "Quels noms contiennent «\u{a0}ar\u{a0}»\u{a0}? (arcanin, carapuce, gardevoir, bulbizarre…)", &["r"], &["l", "n"]),
    k(ids::L1_E4, "«\u{a0}i\u{a0}» (4 fois sur 12 après «\u{a0}l\u{a0}»), lu dans les cases de la ligne «\u{a0}l\u{a0}»\u{a0}: à cette étape, le résumé sous le tableau ne donne que le total de la ligne. Si des noms ont été ajoutés, la page recompte.", "«\u{a0}a\u{a0}» (3 fois).", "Clique sur le «\u{a0}l\u{a0}» à gauche\u{a0}: quelle case de la ligne encadrée est la plus jaune\u{a0}?", &["i"], &["a", "o"]),
    k(ids::L1_E5, "Action vérifiée\u{a0}: après ajout d'au moins un nom, une seule lettre commence le plus de noms (au départ, «\u{a0}e\u{a0}», «\u{a0}g\u{a0}», «\u{a0}l\u{a0}», «\u{a0}m\u{a0}» et «\u{a0}r\u{a0}» sont à égalité avec 2). Chaque ajout ou retrait qui laisse une égalité compte comme un essai\u{a0}; l'exercice est au-dessus de la case des noms, pour être lu avant.", "Ajouter un seul nom qui commence par une 6e lettre (l'égalité reste).", "Quelle lettre veux-tu faire gagner\u{a0}? Combien de noms lui faut-il\u{a0}?", &[], &[]),
    k(ids::L1_E6, "19 (%)\u{a0}: «\u{a0}u\u{a0}» suit «\u{a0}o\u{a0}» 3 fois sur 16 (18,75\u{a0}%)\u{a0}; 19 (arrondi), 18 (coupé après la virgule) ou la valeur exacte sont acceptés, pas 20. Recalculé si des noms ont été ajoutés. Les barres de la ligne «\u{a0}o\u{a0}» restent cachées jusqu'à la réponse.", "0,19 (probabilité sans le × 100, la page le signale)\u{a0}; 3\u{a0}; 16.", "Combien de paires commencent par «\u{a0}o\u{a0}»\u{a0}? Combien continuent par «\u{a0}u\u{a0}»\u{a0}?", &["19", "18,75", "18"], &["0,19", "3", "16", "20"]),
    k(ids::L1_E7, "Créer\u{a0}: un nom d'au moins 4 lettres, absent des noms, qui n'est pas un des noms inventés par le modèle sur la page, et dont chaque paire (points compris) existe dans le tableau, par exemple «\u{a0}gara\u{a0}» ou «\u{a0}lari\u{a0}». La page nomme la paire qui manque et les lettres qui peuvent venir à la place.", "Un prénom ordinaire (presque tous ont une paire jamais vue)\u{a0}; recopier un nom de la liste ou un nom inventé par le modèle.", "Pars de «\u{a0}.\u{a0}»\u{a0}: quelles lettres peuvent commencer\u{a0}? Et après celle-là\u{a0}?", &["gara", "lari"], &["pikachu", "emma", "zzyzx"]),
    k(ids::L2_E1, "0,69 (± 0,02), lu sur la courbe à 50\u{a0}% et écrit avec 2 chiffres après la virgule («\u{a0}0,7\u{a0}» est redemandé sans compter d'essai). La courbe est celle de loss = −ln(p), où p est la probabilité donnée à la bonne lettre\u{a0}: −ln(0,5) ≈ 0,69\u{a0}; au hasard parmi 27 jetons, p = 1/27 et ln 27 ≈ 3,30. L'encadré «\u{a0}Pour les curieux\u{a0}» de l'élève le dit sans formule\u{a0}: la surprise grandit très vite quand la probabilité devient petite.", "0,50 (la probabilité)\u{a0}; 50.", "Mets le curseur sur 50\u{a0}% et lis le nombre «\u{a0}loss =\u{a0}».", &["0,69"], &["0,50", "50"]),
    k(ids::L2_E2, "91\u{a0}%\u{a0}: le plus petit pourcentage dont la loss est sous 0,1 (à 90\u{a0}%, elle vaut 0,105). Une réponse fausse renvoie au curseur sans dire s'il faut monter ou descendre.", "100\u{a0}% (le cas parfait, refusé)\u{a0}; 99 ou 95 (sous 0,1, mais pas le plus petit).", "La loss baisse-t-elle quand la probabilité monte\u{a0}? Avance cran par cran.", &["91", "91 %"], &["100", "99", "90"]),
    k(ids::L2_E3, "Choix unique, après avoir essayé les poids à zéro\u{a0}: «\u{a0}Personne n'est favori\u{a0}: le modèle ne se trompe jamais en étant très sûr.\u{a0}» Avec des poids au hasard, le modèle est parfois très sûr d'une mauvaise lettre, et cela coûte cher (loss au-dessus de 3,3)\u{a0}; à zéro, 1 chance sur 27 partout (3,30).", "«\u{a0}Le modèle a déjà appris…\u{a0}» (rien n'est encore appris).", "Que coûte une erreur quand on est sûr à 90\u{a0}% de la mauvaise lettre (étape 2)\u{a0}?", &["Personne n'est favori\u{a0}: le modèle ne se trompe jamais en étant très sûr."], &["Le modèle a déjà appris un peu de nos noms grâce à tous ces poids à zéro."]),
    k(ids::L2_E4, "Action vérifiée sur les courbes de l'élève\u{a0}: une qui explose (taux 1\u{a0}000 et plus) et une qui finit sous 2,2 (taux 3 à 100). À chaque pas\u{a0}: poids ← poids − taux × gradient\u{a0}; pour la bonne lettre, le gradient de son score vaut «\u{a0}probabilité − 1\u{a0}», pour chaque autre lettre sa probabilité. L'élève le lit en mots à l'étape 4.", "Taux 300\u{a0}: la loss remonte un peu sans exploser.", "Essaie tout à gauche, puis tout à droite du curseur.", &[], &[]),
    k(ids::L2_E5, "Choix unique, une fois les deux tableaux affichés\u{a0}: «\u{a0}Ils se ressemblent\u{a0}: il a retrouvé nos comptes.\u{a0}» Les noms inventés par le modèle appris s'affichent après la réponse.", "«\u{a0}Ils n'ont rien à voir\u{a0}» (les couleurs diffèrent un peu).", "Les cases jaunes sont-elles aux mêmes endroits\u{a0}?", &["Ils se ressemblent\u{a0}: il a retrouvé nos comptes."], &["Ils n'ont rien à voir\u{a0}: il a appris autre chose."]),
    k(ids::L2_E6, "Environ 1,27 ou 1,29\u{a0}: le modèle appris donne environ 28\u{a0}% à «\u{a0}r\u{a0}» après «\u{a0}a\u{a0}»\u{a0}; la loss lue sur la courbe pour ce pourcentage (± 0,08). La case ne propose aucun nombre en exemple.", "0,28 ou 28 (la probabilité, pas la loss\u{a0}: la page le dit)\u{a0}; 3,3.", "Mets le pourcentage lu dans le tableau sur le curseur.", &["1,27", "1,29"], &["0,28", "28", "3,3"]),
    k(ids::L3_E1, "135, avec le curseur sur 5 (vérifié).", "216 (27 × 8, le curseur n'a pas bougé\u{a0}: la page le dit).", "Combien de lignes\u{a0}? Combien de cases par ligne\u{a0}?", &["135"], &["216", "32"]),
    k(ids::L3_E2, "24, avec le curseur «\u{a0}Lettres regardées\u{a0}» sur 3 (il part de 1). Le total ne s'affiche qu'après la réponse.", "3\u{a0}; 8\u{a0}; 32 (4 lettres avec le «\u{a0}.\u{a0}»).", "Combien de cartes sont posées côte à côte\u{a0}? Combien de cases chacune\u{a0}?", &["24"], &["3", "8", "32"]),
    k(ids::L3_E3, "Choix unique, après les deux entraînements\u{a0}: «\u{a0}Avec 3 lettres, un peu plus basse\u{a0}: moins de 0,2 d'écart.\u{a0}» Mesuré\u{a0}: 2,56 avec 1 lettre, 2,49 avec 3 lettres sur les noms jamais vus. L'écart est petit, mais il se retrouve à chaque tirage de départ essayé (de 0,07 à 0,08 sur 3 graines).", "«\u{a0}nettement plus basse\u{a0}» (l'écart n'est que de 0,07)\u{a0}; répondre avant d'avoir les deux lignes (la page refuse sans compter).", "Dans la dernière colonne, fais la soustraction des deux nombres.", &["Avec 3 lettres, un peu plus basse\u{a0}: moins de 0,2 d'écart."], &["Avec 1 lettre, la loss est aussi basse, ou plus basse.", "Avec 3 lettres, nettement plus basse\u{a0}: plus de 0,2 d'écart."]),
    k(ids::L3_E4, "Action vérifiée\u{a0}: les deux lettres les plus proches sur la carte, mesurées à leur vraie place\u{a0}; une paire qui paraît aussi proche (moins de 5 pixels de plus) est acceptée aussi, et la page la nomme. Chaque paire fausse compte comme un essai. Le message compare ensuite les cartes entières (8 nombres)\u{a0}: la carte est une ombre à plat, et deux lettres proches sur l'ombre ne se ressemblent pas toujours. Les voyelles sont éparpillées sur la carte, et seulement un peu plus proches entre elles avec leurs 8 nombres (la page affiche la mesure).", "Deux voyelles éloignées (les voyelles ne sont pas regroupées).", "Cherche deux symboles presque collés ou cachés l'un sous l'autre\u{a0}; la rangée de lettres aide.", &[], &[]),
    k(ids::L3_E5, "Choix unique, après les entraînements à 3 et 5 lettres\u{a0}: «\u{a0}…récite mieux ses noms appris, mais devine moins bien les autres\u{a0}» (mesuré\u{a0}: noms appris 2,12 → 1,98\u{a0}; jamais vus 2,49 → 2,62).", "«\u{a0}Plus de mémoire, c'est toujours mieux\u{a0}».", "Compare les deux colonnes, ligne par ligne.", &["…récite mieux ses noms appris, mais devine moins bien les autres."], &["…devine mieux les noms jamais vus\u{a0}: plus de mémoire, c'est toujours mieux."]),
    k(ids::L4_E1, "Prédiction (une seule réponse)\u{a0}: «\u{a0}a\u{a0}» (score 3, 45\u{a0}%). La question de «\u{a0}t\u{a0}» et les panneaux sont affichés avant, les scores après. Les parts viennent de la fonction softmax\u{a0}: part = exp(score) ÷ somme des exp(scores)\u{a0}; les vrais modèles divisent d'abord chaque score par la racine carrée de la taille des panneaux. L'élève n'a que les mots «\u{a0}machine à pourcentages\u{a0}».", "«\u{a0}h\u{a0}» (le voisin direct, et le gagnant de l'exemple).", "Multiplie la question de «\u{a0}t\u{a0}» par chaque panneau\u{a0}: lequel donne le plus grand score\u{a0}?", &["a"], &["h", "c"]),
    k(ids::L4_E2, "7 (0 × 3 + 1 × 2 + 2 × 2 + 1 × 1)\u{a0}: un panneau qui n'est nulle part ailleurs sur la page.", "12 (addition des 8 nombres, la page le signale)\u{a0}; 2 ou 3 (des scores du tableau).", "Case par case\u{a0}: 1re × 1re, 2e × 2e…", &["7"], &["12", "2"]),
    k(ids::L4_E3, "Nombre de lettres du prénom + 1 (le «\u{a0}.\u{a0}»), après avoir tapé le prénom (vérifié).", "Oublier le «\u{a0}.\u{a0}» ou la lettre elle-même.", "La dernière lettre peut-elle se regarder elle-même\u{a0}?", &[], &[]),
    k(ids::L4_E4, "Créer\u{a0}: l'élève tape un mot à lui d'au moins 5 lettres, cherche une tête où la dernière lettre regarde surtout une lettre loin derrière elle (ni elle-même, ni sa voisine, ni le «\u{a0}.\u{a0}»), et écrit cette lettre, lue sur la grille de la tête choisie. La question ne nomme aucune lettre\u{a0}: il faut lire la grille. Une lecture fausse, ou une tête qui regarde tout près, compte comme un essai.", "Laisser «\u{a0}pikachu\u{a0}» (la page demande un mot à soi)\u{a0}; lire la case la plus jaune d'une autre ligne que la dernière.", "Dans la grille, quelle case de la dernière ligne est la plus jaune\u{a0}? Est-ce loin de la dernière lettre\u{a0}?", &[], &[]),
    k(ids::L5_E1, "Le nombre de neurones éteints\u{a0}: 64 moins le nombre de neurones allumés écrit dans le bloc «\u{a0}Réseau de neurones\u{a0}», ou les cases blanches de sa bande (modèle pas entraîné, graine fixe).", "Le nombre de neurones allumés (la page renvoie au bloc, sans donner la réponse)\u{a0}; 64.", "Combien s'allument\u{a0}? Combien en reste-t-il sur 64\u{a0}?", &[], &["64"]),
    k(ids::L5_E2, "Prédiction (une seule réponse)\u{a0}: 19\u{a0}552 (1\u{a0}120 + 6 × 3\u{a0}072), un modèle de 6 couches que les curseurs de l'Atelier (4 couches au plus) ne montrent pas. Les curseurs de la leçon ne s'ouvrent qu'après.", "25\u{a0}152 (6 × 4\u{a0}192\u{a0}: le reste du modèle compté 6 fois)\u{a0}; 7\u{a0}264 (2 couches).", "Qu'est-ce qui change quand on ajoute une couche\u{a0}? Qu'est-ce qui ne change pas\u{a0}?", &["19552", "19 552"], &["25152", "7264"]),
    k(ids::L5_E3, "Action vérifiée, chaque «\u{a0}Compter les paramètres\u{a0}» est un essai (réussi en 3 au plus)\u{a0}: un modèle entre 20\u{a0}000 et 30\u{a0}000 paramètres, soit des cartes de 32 et 2 couches (26\u{a0}816), soit des cartes de 24 et 3 ou 4 couches (22\u{a0}416 ou 29\u{a0}328). Le compteur ne montre que le modèle compté.", "Ajouter des couches à des cartes de 16 (6 couches\u{a0}: 19\u{a0}552)\u{a0}; compter à chaque cran de curseur.", "Que se passe-t-il si on double la taille des cartes\u{a0}? Et si on ajoute une couche\u{a0}?", &[], &[]),
    k(ids::L5_E4, "Choix unique, après avoir mis la température à 0,5 ou moins\u{a0}: «\u{a0}Elle grandit\u{a0}: la favorite prend encore plus de place.\u{a0}»", "«\u{a0}Rien ne change\u{a0}».", "Compare le pourcentage de la première barre à 1 et à 0,5.", &["Elle grandit\u{a0}: la favorite prend encore plus de place."], &["Elle baisse\u{a0}: les autres lettres prennent sa place."]),
    k(ids::L5_E5, "Choix unique, une fois les deux listes générées\u{a0}: la liste à 0,1 (moins de noms différents, comptés par la page).", "Répondre avant de générer (la page refuse sans compter).", "Compte les noms différents de chaque liste.", &[], &[]),
    k(ids::L5_E6, "Créer, vérifié, chaque «\u{a0}Invente 10 Pokémon\u{a0}» est un essai (réussi en 3 au plus)\u{a0}: une température réglée par l'élève (pas 1,0) qui donne au moins 8 Pokémon nouveaux et différents sur 10, qui commencent par les 3 premières lettres du prénom, plus longs d'au moins 2 lettres, marqués «\u{a0}nouveau\u{a0}» (ni vrai Pokémon, ni «\u{a0}bizarre\u{a0}»). Mesuré sur 28 débuts de prénoms courants (40 essais chacun)\u{a0}: réussi 92 à 98\u{a0}% des fois entre 0,3 et 0,5, 70\u{a0}% à 0,8, 38\u{a0}% à 1,0, 1\u{a0}% à 0,1 (le même nom revient), 0\u{a0}% à 2 (charabia).", "Trop froid\u{a0}: le même nom revient\u{a0}; trop chaud\u{a0}: des noms «\u{a0}bizarres\u{a0}».", "Dans ton dernier essai\u{a0}: des noms qui reviennent, ou des noms bizarres\u{a0}? Que fait la température à chacun\u{a0}?", &[], &[]),
    k(ids::L6_E1, "Prédiction (une seule réponse)\u{a0}: environ 3,3 (± 0,15)\u{a0}; la valeur mesurée s'affiche ensuite. Le coup de pouce donne des repères de la leçon 2 (1 chance sur 20 → 3,00, sur 50 → 3,91) pour un élève qui ne l'a pas faite.", "0,04 (la probabilité 1/27)\u{a0}; 27.", "Quel était le repère du hasard à la leçon 2\u{a0}? Parmi combien de jetons le modèle choisit-il\u{a0}?", &["3,3", "3,30"], &["0,04", "27"]),
    k(ids::L6_E2, "Action vérifiée, chaque domino mal placé est un essai raté (réussi en 3 essais au plus)\u{a0}: Loss, Scores, Réseau de neurones, Attention, Cartes + positions (une erreur fait recommencer l'ordre). Le plan du mini-GPT est écrit sur l'étape.", "Commencer par les cartes (le sens de la lecture, pas celui de l'erreur).", "D'où part l'erreur\u{a0}? Qu'y a-t-il juste avant la loss dans le plan\u{a0}?", &[], &[]),
    k(ids::L6_E3, "Prédiction (une seule réponse), faite avant le deuxième entraînement\u{a0}: l'élève change le nombre de pas ou le taux, dit si la loss sera plus basse, plus haute ou à peu près pareille (moins de 0,05 d'écart), puis entraîne\u{a0}; la page juge sur les deux loss du tableau. Un réglage donne toujours les mêmes nombres. Mesuré sur les Pokémon, depuis 1\u{a0}000 pas à 0,01 (2,40)\u{a0}: 300 pas → 2,52 (moins bien)\u{a0}; 3\u{a0}000 pas → 2,31 (mieux)\u{a0}; taux 0,03 → 2,43 (pareil)\u{a0}; taux 0,003 → 2,45 et taux 0,1 → 2,47 (moins bien)\u{a0}; 3\u{a0}000 pas à 0,1\u{a0}: il explose.", "«\u{a0}Un plus grand taux apprend plus vite, donc mieux\u{a0}» (à 0,03\u{a0}: pareil\u{a0}; à 0,1\u{a0}: moins bien).", "Qu'est-ce que tu changes\u{a0}? Qu'est-ce que ça change pour les corrections des poids\u{a0}?", &[], &[]),
    k(ids::L6_E4, "Choix unique, avec le même début, une liste à 0,5 ou moins et une à 1,5 ou plus\u{a0}: celle qui a le plus de noms marqués «\u{a0}bizarre\u{a0}» (la page compte les marques que l'élève voit, règle écrite sous les noms). Mesuré (10 noms, 1\u{a0}000 pas, 100 tirages)\u{a0}: sur les prénoms avec «\u{a0}ine\u{a0}», 0,0 bizarre en moyenne à 0,5 et 2,8 à 1,5\u{a0}; sur les Pokémon avec «\u{a0}pi\u{a0}», 0,3 et 5,5.", "Oublier de valider le début\u{a0}; une seule température.", "Compte les noms marqués «\u{a0}bizarre\u{a0}» dans chaque liste.", &[], &[]),
    k(ids::L6_E5, "Créer, vérifié, chaque «\u{a0}Invente 10 noms\u{a0}» est un essai (réussi en 3 au plus)\u{a0}: un modèle entraîné sur sa liste (10 noms ou plus) qui invente au moins 3 noms «\u{a0}nouveaux\u{a0}» sur 10 (absents de la liste, de 3 lettres au moins, pas plus longs que le plus long de la liste, chaque paire de lettres présente dans la liste). Le panneau et l'exercice disent la même phrase. Mesuré avec 13 prénoms (Inès, Tom, Léa, Sarah, Yanis, Adam, Lina, Mohamed, Chloé, Lucas, Emma, Nathan, Jade\u{a0}; 200 tirages par réglage)\u{a0}: à 1\u{a0}000 pas, il récite (10 copies sur 10)\u{a0}; à 300 pas encore (8 à 9 copies sur 10 vers 1,0, et au mieux 26\u{a0}% de réussite, à 2, avec 5 bizarres sur 10)\u{a0}; à 150 pas, 84 à 90\u{a0}% de réussite entre 0,6 et 1,0. Avec 28 prénoms, 300 pas suffisent (86 à 89\u{a0}% entre 0,6 et 1,0). Conseil\u{a0}: une liste d'une quinzaine de noms, 150 pas, une température entre 0,6 et 1.", "Garder 1\u{a0}000 pas\u{a0}: le modèle récite par cœur. Monter à 2\u{a0}: des noms bizarres.", "Pourquoi récite-t-il\u{a0}? Que peux-tu changer\u{a0}: les pas, la température, la liste\u{a0}?", &[], &[]),
    k(ids::B_E1, "Prédiction avant la course (une seule réponse)\u{a0}: le modèle qui fera le plus de pas pendant le même temps, toujours le petit, sur tout ordinateur (chaque pas d'un modèle plus grand coûte plus de calcul). Le gagnant sur les prénoms jamais vus, lui, dépend de l'ordinateur\u{a0}: la page ne le désigne que si l'écart dépasse la variation mesurée d'une course à l'autre\u{a0}; sinon elle dit «\u{a0}trop serré\u{a0}». Une course lancée sans prédiction ferme l'exercice.", "«\u{a0}Le grand\u{a0}» (il est plus fort, donc plus rapide).", "À chaque pas, qui a le plus de paramètres à corriger\u{a0}?", &[], &[]),
    k(ids::B_E2, "Environ 48 (202\u{a0}112 ÷ 4\u{a0}192 ≈ 48,2)\u{a0}; à 10\u{a0}% près, donc de 44 à 53 (50, en arrondissant 200\u{a0}000 ÷ 4\u{a0}000, est accepté). Pour l'étape 4 (les géants)\u{a0}: calcul ≈ 6 × paramètres × lettres lues\u{a0}; GPT-3, 3,14 × 10²³ opérations (Brown et al., 2020, annexe D)\u{a0}; 1\u{a0}287\u{a0}MWh ÷ 10\u{a0}W ≈ 128,7 millions d'heures, soit environ 14\u{a0}700\u{a0}ans d'ampoule. L'élève le lit en mots.", "Un écart (197\u{a0}920) au lieu d'un rapport (la page le signale).", "Combien de fois le petit tient-il dans le grand\u{a0}?", &["48", "50", "48,2"], &["197 920", "40"]),
    k(ids::B_E3, "Choix unique, après les deux entraînements\u{a0}: en général «\u{a0}connaît mieux ses prénoms, mais devine moins bien les autres\u{a0}»\u{a0}; la page juge d'après les résultats affichés.", "Répondre avant la fin (la page refuse sans compter).", "Compare les deux colonnes pour chaque ligne.", &[], &[]),
    k(ids::B_E4, "Créer, vérifié\u{a0}: après l'entraînement sur les mots français, l'élève juge lui-même quel mot inventé sonne français et le choisit (clic)\u{a0}: un mot qui porte un accent, n'est pas dans la liste et dont chaque paire de lettres existe dans de vrais mots. Aucune marque n'est affichée avant le choix\u{a0}; chaque mot mal choisi compte comme un essai et montre alors sa marque («\u{a0}vrai mot\u{a0}», «\u{a0}bizarre\u{a0}»). Les rares mots grossiers que le hasard assemble sont remplacés par un autre tirage.", "Choisir un vrai mot, un mot sans accent ou un mot bizarre (la page dit pourquoi).", "Qu'est-ce qui fait qu'un mot «\u{a0}sonne\u{a0}» français\u{a0}? Lis-le à voix haute.", &[], &[]),
    k(ids::B_E5, "Créer, vérifié\u{a0}: le grand modèle (4 couches, 206\u{a0}592 paramètres, alphabet étendu avec l'espace et l'apostrophe) apprend les 549 proverbes pendant 40\u{a0}secondes, dans un Web Worker, puis écrit des phrases (température 0,5). La page tire ses phrases jusqu'à pouvoir en montrer 5 dont au moins une «\u{a0}nouvelle\u{a0}» (pas dans la liste, tous ses mots dans un dictionnaire de 336\u{a0}557 mots et formes) et au moins une «\u{a0}copiée\u{a0}» ou «\u{a0}bizarre\u{a0}»\u{a0}; toutes sont écrites par le modèle, aucune n'est préparée à l'avance. Mesuré sur l'ordinateur de test (2\u{a0}cœurs, occupé par d'autres calculs), dans Chromium, trois séances\u{a0}: de 133 à 202\u{a0}pas en 40\u{a0}s (de 3\u{a0}749 à 5\u{a0}708\u{a0}lettres par seconde), loss 2,48 et 2,56 sur les 55\u{a0}proverbes jamais lus\u{a0}; le modèle a écrit 29, 158 puis 40\u{a0}phrases (de 3 à 20\u{a0}s, la page annonçant «\u{a0}Le modèle écrit…\u{a0}») avant d'en avoir une nouvelle. En ligne de commande, mêmes réglages, 200\u{a0}phrases\u{a0}: après 250\u{a0}pas, 2\u{a0}nouvelles et 198\u{a0}bizarres\u{a0}; après 425\u{a0}pas, 2\u{a0}nouvelles, 20\u{a0}copiées et 178\u{a0}bizarres. Une phrase nouvelle est donc rare (environ 1 sur 100)\u{a0}: la page tire au plus 300\u{a0}phrases, et dit sinon de relancer. Les phrases bizarres se repèrent vite\u{a0}; ce qui compte, c'est le «\u{a0}pourquoi\u{a0}». L'élève choisit la phrase qui pourrait être un vrai proverbe et coche exactement les deux raisons vraies («\u{a0}tous ses mots existent en français\u{a0}», «\u{a0}ce n'est pas un proverbe de la liste\u{a0}»\u{a0}; «\u{a0}le modèle l'a lue telle quelle dans la liste\u{a0}» et «\u{a0}le modèle comprend ce que la phrase veut dire\u{a0}» sont fausses). Aucune marque avant le choix\u{a0}; chaque vérification fausse compte comme un essai et montre la marque de la phrase («\u{a0}copié\u{a0}», «\u{a0}bizarre\u{a0}», les mots qui n'existent pas soulignés). Tout cocher n'est jamais juste.", "Choisir une phrase recopiée (elle «\u{a0}sonne\u{a0}» si bien\u{a0}!), ou cocher «\u{a0}le modèle comprend ce que la phrase veut dire\u{a0}».", "Le modèle sait-il ce que veut dire sa phrase\u{a0}? Qui lui donne un sens\u{a0}?", &[], &[]),
];

pub fn key(id: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.id == id)
}

pub fn plan(lesson: u8) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.lesson == lesson)
}

pub const CURRICULUM_TITLE: &str = "Tuto LLM et les programmes du cycle 4";
pub const CURRICULUM_INTRO: &str = "Tuto LLM ne remplace aucun chapitre\u{a0}: il donne un contexte à des notions du programme et prépare la sensibilisation à l'intelligence artificielle demandée en 4e.";
/// Per lesson: what it gives the mathematics programme, and the technology programme (cycle 4).
pub const CURRICULUM: &[(&str, &str, &str)] = &[
    ("Leçon 1", "«\u{a0}Organisation et gestion de données, fonctions\u{a0}»\u{a0}: lire un tableau à double entrée, calculer des fréquences et interpréter une probabilité comme une fréquence\u{a0}; division et pourcentage.", "Culture informatique\u{a0}: des données (une liste de noms) traitées par un algorithme simple (compter, ranger dans un tableau, tirer au sort)."),
    ("Leçon 2", "Lire et exploiter la représentation graphique d'une fonction (la courbe de la surprise), calculer une moyenne\u{a0}; démarche d'essais et d'erreurs.", "Culture informatique\u{a0}: un programme qui ajuste ses propres réglages à partir de données, en boucle (essai, mesure de l'erreur, correction)."),
    ("Leçon 3", "Produits, comparaison de décimaux\u{a0}; statistiques\u{a0}: un échantillon mis de côté pour vérifier (validation).", "Structure et fonctionnement\u{a0}: coder une information (une lettre) par des nombres\u{a0}; tester un système sur des données qu'il n'a jamais vues."),
    ("Leçon 4", "Calcul avec des entiers (sommes de produits), pourcentages\u{a0}; algorithmique\u{a0}: une règle appliquée à chaque lettre.", "Culture informatique\u{a0}: un traitement répété sur chaque élément d'une séquence\u{a0}; une contrainte de fonctionnement (ne jamais lire la suite)."),
    ("Leçon 5", "Ordres de grandeur, grands nombres (les puissances de 10 de 4e restent dans l'encadré «\u{a0}Pour les curieux\u{a0}»).", "Structure et fonctionnement\u{a0}: analyser un système de traitement de l'information en blocs reliés (le plan du GPT) et ses réglages (la température)."),
    ("Leçon 6", "Lire une courbe qui décroît\u{a0}; comparer deux réglages par une mesure.", "Usages et interactions\u{a0}: objets et services numériques, leurs usages et leurs effets sur la société (biais, hallucinations, énergie)\u{a0}; avec l'éducation aux médias et à l'information\u{a0}: vérifier une information produite par une IA."),
    ("Leçon bonus", "Ordres de grandeur et proportionnalité.", "Usages et interactions\u{a0}: l'impact environnemental des services numériques (l'électricité des centres de calcul)\u{a0}; développement durable, thème que l'ajustement des programmes de 2020 demande de traiter dans toutes les disciplines."),
];
/// The 4th-year awareness of AI (Pix), beside the programmes.
pub const CURRICULUM_PIX: (&str, &str) = ("Sensibilisation à l'IA en 4e", "Les parcours Pix «\u{a0}L'essentiel de l'intelligence artificielle\u{a0}» (fonctionnement et enjeux de l'IA\u{a0}; usage éclairé de l'IA générative) sont obligatoires pour les élèves de 4e\u{a0}: Tuto LLM en montre le fonctionnement de l'intérieur (données, apprentissage, hasard, biais, hallucinations, énergie).");
pub const COL_MATHS: &str = "Mathématiques";
pub const COL_LESSON: &str = "Leçon";
pub const COL_TECHNOLOGY: &str = "Technologie";
pub const CURRICULUM_SOURCES: &[(&str, &str)] = &[
    ("Programme de mathématiques du cycle 4", "BO n° 30 du 26 juillet 2018, ajusté par le BOEN n° 31 du 30 juillet 2020 (thèmes «\u{a0}Nombres et calculs\u{a0}», «\u{a0}Organisation et gestion de données, fonctions\u{a0}», «\u{a0}Algorithmique et programmation\u{a0}»)."),
    ("Programme de technologie du cycle 4", "Ministère de l'Éducation nationale, présenté sur le site Éduscol STI le 13 mars 2024 (objets et systèmes techniques, usages et interactions\u{a0}; structure et fonctionnement\u{a0}; culture informatique)."),
    ("Parcours Pix sur l'intelligence artificielle", "Note de service du 23 janvier 2026 (BOEN du 5 février 2026)\u{a0}: parcours obligatoires pour les élèves de 4e, de 2de et de 1re année de CAP, de 30 minutes à 1 h 30."),
];

// « Ma classe »: the pupils' files in one table.
pub const CLASS_LINK: &str = "Ma classe\u{a0}: rassembler les progressions des élèves";
pub const CLASS_TITLE: &str = "Ma classe";
pub const CLASS_INTRO: &str = "En fin de séance, chaque élève (ou chaque binôme) ouvre «\u{a0}Ma progression\u{a0}», clique sur «\u{a0}Envoyer à mon professeur\u{a0}» et vous remet son fichier progression-Prénom-I-date.json (clé USB, ENT, messagerie). Ouvrez ici les fichiers de toute la classe, de toutes les séances et de tous les postes, d'un coup ou en plusieurs fois\u{a0}: les fichiers d'un même élève (même prénom, même initiale) sont rassemblés, exercice par exercice. Rien ne quitte votre navigateur.";
pub const CLASS_PICK: &str = "Choisir les fichiers des élèves";
pub const CLASS_DROP: &str = "ou les glisser ici";
pub const CLASS_NAME: &str = "Classe\u{a0}: ";
pub const CLASS_NAME_HINT: &str = "(par exemple 4e B\u{a0}; gardé dans ce navigateur, il sert au titre imprimé et au nom du fichier CSV)";
pub fn reading(done: usize, total: usize) -> String {
    format!("Lecture des fichiers\u{a0}: {done} sur {total}…")
}
pub fn files_read(n: usize) -> String {
    crate::text::count(n, "fichier lu", "fichiers lus")
}
pub const FILTER: &str = "Leçon\u{a0}: ";
pub const ALL_LESSONS: &str = "Toutes les leçons";
pub const CLASS_CAPTION: &str = "Une ligne par élève, une colonne par exercice, avec le nombre d'essais\u{a0}; sous chaque exercice, la classe entière.";
pub const SORT_HINT: &str =
    "Cliquez sur un titre de colonne pour trier, une deuxième fois pour inverser l'ordre.";
pub const CLASS_CSV: &str = "Exporter en CSV (LibreOffice, Excel)";
pub const CSV_REFUSED: &str = "Le navigateur a refusé d'enregistrer le fichier CSV.";
pub const CLASS_CLEAR: &str = "Vider la classe";
pub const CLASS_CLEAR_CONFIRM: &str = "Vider le tableau\u{a0}? Les fichiers des élèves ne sont pas touchés\u{a0}: vous pourrez les ouvrir de nouveau.";
pub const COL_PUPIL: &str = "Élève";
pub const COL_TOTAL: &str = "Réussis";
/// The title of the class line under the exercises.
pub const WHOLE_CLASS: &str = "Toute la classe";
pub const CSV_CLASS: &str = "Classe";
pub const CSV_FIRST: &str = "Première activité";
pub const CSV_LAST: &str = "Dernière activité";
pub const CSV_FILES: &str = "Fichiers";
pub const CSV_TOTAL: &str = "Total réussis";
pub const CSV_SENTENCE: &str = "phrase";
pub const SENTENCES_TITLE: &str = "Leurs phrases «\u{a0}À toi d'expliquer\u{a0}»";

/// A cell's symbol and word (`data-outcome` → what the teacher reads). The symbols differ in
/// shape, so the grid reads in black and white and for colour-blind eyes.
pub fn state_symbol(state: &str) -> &'static str {
    match state {
        "solved" => "✔",
        "done" => "●",
        "tried" => "◌",
        _ => "–",
    }
}
pub fn state_word(state: &str) -> &'static str {
    match state {
        "solved" => "réussi",
        "done" => "fait",
        "tried" => "commencé",
        _ => "à faire",
    }
}
/// The legend above the grid.
pub const LEGEND: [(&str, &str); 4] = [
    ("solved", "réussi"),
    (
        "done",
        "fait (pas réussi du premier coup, ou réponse vue avant)",
    ),
    ("tried", "commencé, pas fini"),
    ("todo", "à faire"),
];
pub const SEEN: &str = "vue avant";
pub const SEEN_TITLE: &str = "réponse déjà vue sur ce poste";
pub fn tries(n: u32) -> String {
    crate::text::count(n as usize, "essai", "essais")
}
/// The cell's tooltip: « fait, 4 essais, 1re réponse : l ».
pub fn cell_title(
    pupil: &str,
    exercise: &str,
    state: &str,
    tries_n: u32,
    first: Option<&str>,
    seen: bool,
) -> String {
    let mut t = format!("{pupil}, {exercise}\u{a0}: {}", state_word(state));
    if tries_n > 0 {
        t.push_str(&format!(", {}", tries(tries_n)));
    }
    if let Some(f) = first {
        t.push_str(&format!(", 1re réponse\u{a0}: «\u{a0}{f}\u{a0}»"));
    }
    if seen {
        t.push_str(&format!(" ({SEEN_TITLE})"));
    }
    t
}
/// « L1 ex. 3 »: an exercise in a column title.
pub fn exercise_short(n: u8, bonus: bool, k: usize) -> String {
    format!("{} ex.\u{a0}{k}", lesson_short(n, bonus))
}
/// The class line under an exercise. A prediction says how many missed it.
pub fn class_line(
    pupils: usize,
    solved: usize,
    done: usize,
    tried: usize,
    prediction: bool,
) -> Vec<String> {
    let mut lines = vec![format!(
        "{solved} sur {pupils} {}",
        if solved > 1 { "réussis" } else { "réussi" }
    )];
    if prediction && done > 0 {
        lines.push(format!(
            "{done} sur {pupils} {} raté la prédiction",
            if done > 1 { "ont" } else { "a" }
        ));
    } else if done > 0 {
        lines.push(format!(
            "{done} {}",
            if done > 1 { "faits" } else { "fait" }
        ));
    }
    if tried > 0 {
        lines.push(format!(
            "{tried} {}",
            if tried > 1 { "commencés" } else { "commencé" }
        ));
    }
    lines
}
/// A CSV cell: « réussi (1 essai) », « fait (2 essais ; 1re réponse : l ; réponse déjà vue) ».
pub fn csv_exercise(state: &str, tries_n: u32, first: Option<&str>, seen: bool) -> String {
    if state == "todo" {
        return state_word(state).to_string();
    }
    let mut details = vec![tries(tries_n)];
    if let Some(f) = first {
        details.push(format!("1re réponse\u{a0}: {f}"));
    }
    if seen {
        details.push(SEEN_TITLE.to_string());
    }
    format!("{} ({})", state_word(state), details.join("\u{a0}; "))
}
/// One of several sentences of a lesson, with its day.
pub fn dated_sentence(day: Option<&str>, sentence: &str) -> String {
    match day {
        Some(d) => format!("[{d}] {sentence}"),
        None => sentence.to_string(),
    }
}
/// `ma-classe-4e-B-2026-12-06.csv` (`class`: already made of safe characters).
pub fn csv_file(class: &str, day: &str) -> String {
    if class.is_empty() {
        format!("ma-classe-{day}.csv")
    } else {
        format!("ma-classe-{class}-{day}.csv")
    }
}
/// The printed title: « Ma classe — 4e B — 6 décembre 2026 — Leçon 1 ».
pub fn print_title(class: &str, day: &str, lesson: Option<&str>) -> String {
    let mut parts = vec![CLASS_TITLE.to_string()];
    if !class.trim().is_empty() {
        parts.push(class.trim().to_string());
    }
    parts.push(day.to_string());
    parts.push(lesson.unwrap_or(ALL_LESSONS).to_string());
    parts.join(" — ")
}

/// « L1 » … « L6 », « Bonus »: a lesson in a column title.
pub fn lesson_short(n: u8, bonus: bool) -> String {
    if bonus {
        "Bonus".to_string()
    } else {
        format!("L{n}")
    }
}

pub fn pupils_count(n: usize) -> String {
    crate::text::count(n, "élève", "élèves")
}

/// Why « Ma classe » refused a file (`teachers::class` picks the sentence).
pub const FILE_TOO_BIG: &str = "trop gros pour être une progression de Tuto LLM.";
pub const FILE_NOT_JSON: &str = "ce n'est pas un fichier de progression lisible (JSON).";
pub const FILE_NOT_OURS: &str =
    "ce n'est pas une progression de Tuto LLM (un modèle de l'Atelier\u{a0}?).";
pub fn file_newer(version: u64) -> String {
    format!("fichier d'une version plus récente de Tuto LLM (format {version})\u{a0}: ouvrez-le avec la dernière version.")
}
pub const FILE_DAMAGED: &str = "fichier abîmé ou modifié à la main (sa somme de contrôle ne correspond plus)\u{a0}: demandez à l'élève de l'envoyer à nouveau.";

/// A refused file, named, and why (one of the sentences above).
pub fn file_refused(file: &str, why: &str) -> String {
    format!("{file}\u{a0}: {why}")
}
/// A file whose date cannot be true.
pub fn file_bad_date(file: &str) -> String {
    format!("{file}\u{a0}: sa date est impossible (dans le futur ou avant 2024)\u{a0}; elle ne sert pas à dater ses résultats.")
}
/// Files opened twice: counted once.
pub fn files_again(files: &[String]) -> String {
    let n = files.len();
    format!(
        "{} déjà {}, {} une seule fois\u{a0}: {}.",
        crate::text::count(n, "fichier", "fichiers"),
        if n > 1 { "ouverts" } else { "ouvert" },
        if n > 1 { "comptés" } else { "compté" },
        files.join(", ")
    )
}
/// A first name without an initial that pupils with initials bear: kept apart, flagged.
pub fn no_initial(name: &str, maybe: &[String]) -> String {
    match maybe {
        [one] => format!("«\u{a0}{name}\u{a0}», sans initiale\u{a0}: est-ce {one}\u{a0}? Ses résultats restent sur une ligne à part."),
        _ => format!("«\u{a0}{name}\u{a0}», sans initiale\u{a0}: plusieurs élèves portent ce prénom ({})\u{a0}; ses résultats restent sur une ligne à part.", maybe.join(", ")),
    }
}
/// The row's mark for a name without an initial that may be another pupil.
pub const NO_INITIAL_MARK: &str = "sans initiale\u{a0}: voir la note";
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
/// « 6 décembre 2026 », « 1er mars 2027 ».
pub fn long_day(year: i64, month: u32, day: u32) -> String {
    let month = MONTHS[(month.clamp(1, 12) - 1) as usize];
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    format!("{day}\u{a0}{month} {year}")
}
/// « le 02/12/2026 »: the day a sentence was sent, beside it when a lesson has several.
pub fn sent_on(year: i64, month: u32, day: u32) -> String {
    format!("le {day:02}/{month:02}/{year}")
}
