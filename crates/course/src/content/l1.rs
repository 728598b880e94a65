//! Lesson 1 « Deviner la suite » (bigrams): texts.

pub use super::common::{A_LETTER, A_NAME, A_NUMBER};
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{count, int, percent, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 1,
    key: "l1",
    bonus: false,
    title: "Deviner la suite",
    summary: "Compter quelle lettre suit quelle lettre, et inventer des noms de Pokémon.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::L1_E1, level: Level::Executer, topic: "la lettre après «\u{a0}q\u{a0}»", question: E1_PROMPT },
        ExerciseMeta { id: ids::L1_E2, level: Level::Executer, topic: "compter les paires de «\u{a0}.evoli.\u{a0}»", question: E2_PROMPT },
        ExerciseMeta { id: ids::L1_E3, level: Level::Observer, topic: "prédire la lettre après «\u{a0}a\u{a0}»", question: E3_PROMPT },
        ExerciseMeta { id: ids::L1_E4, level: Level::Observer, topic: "lire la ligne «\u{a0}l\u{a0}» du tableau", question: E4_PROMPT },
        ExerciseMeta { id: ids::L1_E5, level: Level::Modifier, topic: "ajouter des noms pour départager le début", question: E5_PROMPT },
        ExerciseMeta { id: ids::L1_E6, level: Level::Completer, topic: "calculer une probabilité", question: E6_PROMPT },
        ExerciseMeta { id: ids::L1_E7, level: Level::Creer, topic: "un nom nouveau que le modèle pourrait inventer", question: E7_PROMPT },
    ],
    objectives: &[
        "découvrir comment une machine peut deviner la lettre suivante\u{a0};",
        "compter les paires de lettres dans des noms de Pokémon\u{a0};",
        "transformer ces comptes en probabilités\u{a0};",
        "inventer de nouveaux noms de Pokémon, lettre par lettre.",
    ],
    teacher_objectives: &[
        "découvrir comment une machine peut deviner la lettre suivante\u{a0};",
        "compter les paires de lettres (bigrammes) dans une liste de noms et les ranger dans un tableau\u{a0};",
        "passer d'un compte à une probabilité (une division, un pourcentage)\u{a0};",
        "générer des noms par tirage au sort et comprendre que le modèle ne «\u{a0}comprend\u{a0}» rien.",
    ],
    explain: "Explique avec tes mots comment ce modèle choisit la lettre qui vient après une autre.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_GUESS: &str = "Deviner la lettre suivante";
pub const S_PAIRS: &str = "Nos 20 Pokémon, paire par paire";
pub const S_TABLE: &str = "Le grand tableau";
pub const S_CHANGE: &str = "Changer les données";
pub const S_PROBS: &str = "Des comptes aux probabilités";
pub const S_INVENT: &str = "Inventer des Pokémon";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("bigramme", "deux lettres qui se suivent, comme «\u{a0}pi\u{a0}» dans «\u{a0}pikachu\u{a0}»."),
    ("probabilité", "la chance qu'une chose arrive, entre 0\u{a0}% (jamais) et 100\u{a0}% (toujours)."),
    ("modèle", "le programme qui devine la suite. Ici, c'est un grand tableau de comptes."),
    ("jeton (token)", "un morceau de texte que le modèle lit. Ici\u{a0}: une lettre, ou le point «\u{a0}.\u{a0}»."),
];

pub const PHONE: &str = "Quand tu écris un message, ton téléphone te propose le mot suivant. Comment fait-il\u{a0}? Il a vu des millions de messages, et il se souvient de ce qui vient souvent après ce que tu viens d'écrire.";
pub const PHONE_BUTTON: &str = "Que propose le téléphone\u{a0}?";
pub const PHONE_TYPED: &str = "Je vais au…";
pub const PHONE_SUGGESTIONS: &[&str] = &["cinéma", "collège", "parc"];
pub const PHONE_SUGGESTIONS_LABEL: &str = "Suggestions du téléphone";
pub const PHONE_EXPLAIN: &str = "Il propose les mots qui venaient le plus souvent après «\u{a0}au\u{a0}» dans les messages qu'il a vus. Ce ne sont pas des boutons\u{a0}: c'est juste ce que le téléphone afficherait.";

/// Sequences a pupil completes without thinking (none spells the answer of exercise 1): the
/// answers stay hidden until the pupil has guessed them in their head.
pub const PATTERNS: &[(&str, &str)] =
    &[("A, B, C → ", "D"), ("lundi, mardi, mercredi → ", "jeudi")];
pub const PATTERNS_ASK: &str = "Devine la suite dans ta tête, puis vérifie.";
pub const PATTERNS_BUTTON: &str = "Vérifier";
pub const HIDDEN_ANSWER: &str = "…";
pub const IDEA: &str = "Tu as sûrement trouvé sans réfléchir\u{a0}: tu connais l'alphabet et les jours de la semaine. Un modèle comme ChatGPT fait pareil avec des morceaux de mots (des jetons)\u{a0}: il devine le morceau suivant. Nous, on commence plus petit\u{a0}: deviner la lettre suivante dans un nom.";
pub const E1_PROMPT: &str =
    "En français, quelle lettre suit presque toujours la lettre «\u{a0}q\u{a0}»\u{a0}?";
pub const E1_HINT: &str = "Dis «\u{a0}quoi\u{a0}» à voix haute, puis épelle-le\u{a0}: q, …";
pub const E1_RIGHT: &str = "Bravo\u{a0}! Après «\u{a0}q\u{a0}» vient presque toujours «\u{a0}u\u{a0}». Tu viens de faire comme un modèle de langage\u{a0}: deviner la suite grâce à l'habitude.";
pub const E1_WRONG: &str = "Pas tout à fait. Pense à «\u{a0}qui\u{a0}», «\u{a0}quoi\u{a0}», «\u{a0}quand\u{a0}»\u{a0}: quelle lettre vient juste après le q\u{a0}?";

pub const DATA: &str = "Notre modèle va apprendre avec 20 noms de Pokémon. Voici la liste.";
pub const NAMES_LABEL: &str = "Les 20 noms de Pokémon";
pub const DOT: &str = "Le point «\u{a0}.\u{a0}» marque le début et la fin d'un nom. Ainsi «\u{a0}pikachu\u{a0}» devient «\u{a0}.pikachu.\u{a0}»\u{a0}: le modèle apprend aussi par quelle lettre un nom commence, et quand il s'arrête. Puis on compte les paires de lettres qui se suivent, une par une.";
pub const NEXT_PAIR: &str = "Paire suivante";
pub const ALL_PAIRS: &str = "Tout compter";
pub const RESTART_PAIRS: &str = "Recommencer";
pub fn pair_line(a: char, b: char) -> String {
    format!("{} puis {}\u{a0}: +1", quoted(a), quoted(b))
}
pub const PIKACHU_DONE: &str =
    "«\u{a0}.pikachu.\u{a0}» contient 8 paires. On va faire pareil avec tous les noms.";
pub const E2_PROMPT: &str = "À ton tour\u{a0}: combien de paires de lettres contient «\u{a0}.evoli.\u{a0}» (avec les points)\u{a0}?";
pub const E2_HINT: &str = "Écris .evoli. et relie chaque lettre à la suivante\u{a0}: «\u{a0}.\u{a0}» puis «\u{a0}e\u{a0}», «\u{a0}e\u{a0}» puis «\u{a0}v\u{a0}»… Compte les liens.";
pub const E2_RIGHT: &str = "Exact\u{a0}: 6 paires (.e, ev, vo, ol, li, i.). Un nom de 5 lettres donne toujours 6 paires\u{a0}: une de plus que de lettres, grâce aux deux points.";
pub const E2_WRONG: &str = "Pas encore. Écris .evoli. et relie chaque signe au suivant, points compris\u{a0}: chaque lien est une paire.";
pub const E2_ONE_TOO_MANY: &str = "Tu as compté une paire de trop\u{a0}: «\u{a0}.evoli.\u{a0}» a 7 signes, mais une paire relie deux signes voisins. Compte les liens entre les signes, pas les signes.";
pub const E2_ONE_TOO_FEW: &str = "Il en manque une. As-tu compté la paire du début («\u{a0}.\u{a0}» puis «\u{a0}e\u{a0}») ET celle de la fin («\u{a0}i\u{a0}» puis «\u{a0}.\u{a0}»)\u{a0}?";
pub const E2_NO_DOTS: &str = "N'oublie pas les points\u{a0}: la paire «\u{a0}.\u{a0}» puis «\u{a0}e\u{a0}» au début, et «\u{a0}i\u{a0}» puis «\u{a0}.\u{a0}» à la fin.";
pub const E2_PIKACHU: &str = "8, ce sont les paires de «\u{a0}.pikachu.\u{a0}». «\u{a0}evoli\u{a0}» est plus court\u{a0}: compte ses paires à lui.";

pub const TABLE_INTRO: &str = "On compte maintenant les paires de tous nos noms, et on les range dans un grand tableau. Mais d'abord, à toi de deviner\u{a0}!";
pub const E3_PROMPT: &str = "Prédis avant de voir le tableau\u{a0}: dans nos 20 noms, après la lettre «\u{a0}a\u{a0}», quelle lettre vient le plus souvent\u{a0}?";
pub const E3_HINT: &str = "Relis les 20 noms de l'étape précédente. Dans chaque nom, repère les «\u{a0}a\u{a0}» et regarde la lettre juste après. Laquelle revient le plus souvent\u{a0}?";
pub fn e3_right(letters: &str, times: u32, total: u32) -> String {
    format!("Bien prédit\u{a0}! Après «\u{a0}a\u{a0}», c'est {letters} qui vient le plus souvent\u{a0}: {times} fois sur {total}. Le tableau est maintenant affiché, ici et aux étapes suivantes.")
}
pub fn e3_wrong(guess: char, letters: &str, times: u32, total: u32) -> String {
    format!("Prédiction ratée\u{a0}: tu avais dit {}, mais c'est {letters} ({times} fois sur {total}). Pas grave\u{a0}: c'est en se trompant qu'on apprend. Le tableau est maintenant affiché, ici et aux étapes suivantes.", quoted(guess))
}

pub const TABLE: &str = "On fait pareil pour tous les noms, et on range les comptes dans un grand tableau de 27 lignes et 27 colonnes. Ligne = la lettre d'avant, colonne = la lettre d'après. Plus une case est jaune, plus la paire est fréquente\u{a0}; une case blanche veut dire\u{a0}: jamais vue. Clique (ou touche) une case ou une lettre à gauche pour choisir sa ligne.";
pub const TABLE_TITLE: &str = "Combien de fois chaque lettre en suit une autre";
pub fn table_description(names: usize) -> String {
    format!(
        "Tableau de 27 lignes et 27 colonnes, compté sur {}.",
        count(names, "nom", "noms")
    )
}
pub const PICK_A_ROW: &str = "Choisis une ligne\u{a0}: clique sur une lettre à gauche du tableau.";
/// Until exercise 3 is answered, the table (and the bars of step 6) stay hidden.
pub const TABLE_AFTER_E3: &str = "Le tableau et les barres restent cachés tant que tu n'as pas fait ta prédiction de l'exercice 3\u{a0}: ils en donneraient la réponse.";
pub const GO_TO_E3: &str = "Aller à l'exercice 3";
/// Step 4 gives a row's total only: which letter follows most is read in the cells.
pub fn row_total_only(row: char, total: u32) -> String {
    format!(
        "Ligne {}\u{a0}: {} en tout. Passe la souris sur ses cases colorées (ou touche-les) pour lire chaque compte.",
        quoted(row),
        count(total as usize, "paire", "paires")
    )
}
/// "Ligne « a » : 18 paires. Le plus souvent : « r » (5 fois), « l » (3 fois)…"
pub fn row_summary(row: char, total: u32, top: &[(char, u32)]) -> String {
    if top.is_empty() {
        return format!("Ligne {}\u{a0}: aucune paire.", quoted(row));
    }
    let listed: Vec<String> = top
        .iter()
        .map(|(l, c)| format!("{} ({})", quoted(l), count(*c as usize, "fois", "fois")))
        .collect();
    format!(
        "Ligne {}\u{a0}: {}. Le plus souvent\u{a0}: {}.",
        quoted(row),
        count(total as usize, "paire", "paires"),
        listed.join(", ")
    )
}
pub const E4_PROMPT: &str = "Lis le tableau\u{a0}: après la lettre «\u{a0}l\u{a0}», quelle lettre vient le plus souvent\u{a0}?";
pub const E4_HINT: &str = "Clique sur le «\u{a0}l\u{a0}» à gauche du tableau\u{a0}: sa ligne est encadrée. La case la plus jaune de cette ligne est la paire la plus fréquente\u{a0}; passe la souris dessus (ou touche-la) pour lire son compte.";
pub fn e4_right(letters: &str, times: u32) -> String {
    format!("Exact\u{a0}: après «\u{a0}l\u{a0}» vient surtout {letters} ({}). Tu lis le tableau comme le modèle le lit.", count(times as usize, "fois", "fois"))
}
pub const E4_WRONG: &str = "Ce n'est pas la plus fréquente. Choisis la ligne «\u{a0}l\u{a0}» et lis les comptes de ses cases colorées.";

pub const CHANGE: &str = "Le modèle ne sait que ce qu'on lui donne. Aujourd'hui, 5 lettres commencent chacune 2 de nos noms\u{a0}: «\u{a0}e\u{a0}», «\u{a0}g\u{a0}», «\u{a0}l\u{a0}», «\u{a0}m\u{a0}» et «\u{a0}r\u{a0}». Égalité\u{a0}! Lis l'exercice, puis ajoute des noms (des Pokémon que tu connais, ou des prénoms) dans la case en dessous et regarde la ligne «\u{a0}.\u{a0}» changer.";
pub fn names_title(base: usize, added: usize) -> String {
    if added == 0 {
        format!("Nos {} Pokémon", int(base as u64))
    } else {
        format!(
            "Nos {} Pokémon + {}",
            int(base as u64),
            count(added, "nom ajouté", "noms ajoutés")
        )
    }
}
pub const E5_PROMPT: &str = "Ajoute des noms à la liste pour qu'une seule lettre commence plus de noms que toutes les autres. Réfléchis avant d'ajouter\u{a0}: chaque changement qui laisse une égalité compte comme un essai.";
pub const E5_HINT: &str = "Regarde la ligne «\u{a0}.\u{a0}»\u{a0}: quelles lettres sont à égalité, et combien de noms commencent par chacune\u{a0}? Choisis la lettre que tu veux faire gagner\u{a0}: combien de noms lui faut-il de plus que les autres\u{a0}?";
pub fn e5_right(winner: char, times: u32) -> String {
    format!("Réussi\u{a0}! Maintenant {} commence le plus de noms ({} fois). En changeant les données, tu as changé ce que le modèle préfère\u{a0}: il ne sait rien d'autre que ses exemples.", quoted(winner), times)
}
pub fn e5_tie(letters: &str, times: u32) -> String {
    format!("Encore une égalité\u{a0}: {letters} commencent chacune {} noms. Ajoute un nom de plus qui commence par l'une d'elles.", times)
}

pub const PROBS_INTRO: &str = "Pour passer des comptes aux probabilités, on divise chaque case de la ligne par le total de la ligne.";
/// The row of the worked example, and the letter after it (no exercise asks about this row:
/// exercise 3 asks about « a », 4 about « l », 6 about « o »).
pub const EXAMPLE_ROW: (char, char) = ('c', 'a');
/// The worked example, on the real numbers of row « c ».
pub fn probs_example(times: u32, total: u32) -> String {
    let (row, next) = (quoted(EXAMPLE_ROW.0), quoted(EXAMPLE_ROW.1));
    format!("Exemple avec la ligne {row}\u{a0}: {row} est suivi {} en tout, dont {} par {next}. La probabilité de {next} après {row} vaut donc {times} ÷ {total}, environ {}.",
        count(total as usize, "fois", "fois"), count(times as usize, "fois", "fois"), percent(times as f32 / total.max(1) as f32))
}
pub const PICK_LETTER: &str = "Choisis la lettre d'avant";
pub fn bars_title(prev: char) -> String {
    format!("Les lettres les plus probables après {}", quoted(prev))
}
pub const E6_PLACEHOLDER: &str = "par exemple 25";
pub const E6_PROMPT: &str = "Complète\u{a0}: quelle est la probabilité de «\u{a0}u\u{a0}» après «\u{a0}o\u{a0}» dans nos noms\u{a0}? Donne-la en pourcentage, arrondie à l'unité.";
pub const E6_HINT: &str = "Clique sur «\u{a0}o\u{a0}»\u{a0}: le résumé donne le total de la ligne et le nombre de «\u{a0}u\u{a0}». Fais comme dans l'exemple de la ligne «\u{a0}c\u{a0}»\u{a0}: divise, puis multiplie par 100.";
/// Instead of the bars of row « o » before exercise 6 is answered.
pub const E6_ROW_HIDDEN: &str = "Les barres de la ligne «\u{a0}o\u{a0}» restent cachées\u{a0}: c'est toi qui calcules cette ligne (exercice 6). Elles s'afficheront après ta réponse.";
pub const E6_PERCENT_NOT_PROBABILITY: &str = "Presque\u{a0}: c'est la probabilité en nombre. Multiplie-la par 100 pour l'écrire en pourcentage.";
pub fn e6_right(times: u32, total: u32, p: f32) -> String {
    format!("Oui\u{a0}: {times} ÷ {total}, c'est à peu près {}\u{a0}%, donc environ {}\u{a0}% arrondi à l'unité. Tu viens de faire exactement ce que fait le modèle pour chaque case.", crate::text::fr(p * 100.0, 2), crate::text::fr(p * 100.0, 0))
}
pub fn e6_wrong(total: u32) -> String {
    format!("Pas encore. La ligne «\u{a0}o\u{a0}» compte {} en tout\u{a0}: combien de fois «\u{a0}u\u{a0}»\u{a0}? Divise ce nombre par {total}, puis multiplie par 100.", count(total as usize, "paire", "paires"))
}

pub const GENERATE: &str = "Pour inventer un nom, on part de «\u{a0}.\u{a0}», on tire au sort la lettre suivante avec les probabilités de sa ligne (comme une roue de loterie où les lettres fréquentes ont des parts plus grandes), puis on recommence avec la nouvelle lettre… jusqu'à tirer «\u{a0}.\u{a0}», la fin.";
pub const INVENT_BUTTON: &str = "Invente 10 Pokémon";
pub const POKEDEX_INTRO: &str =
    "Clique sur un nom inventé pour le chercher dans le Pokédex (les 1\u{a0}023 vrais Pokémon).";
pub fn pokedex_real(name: &str, copied: bool) -> String {
    if copied {
        format!(
            "{}\u{a0}: c'est un vrai Pokémon… recopié de nos 20 noms\u{a0}!",
            quoted(name)
        )
    } else {
        format!(
            "{}\u{a0}: c'est un vrai Pokémon, retrouvé par hasard\u{a0}!",
            quoted(name)
        )
    }
}
pub fn pokedex_fake(name: &str) -> String {
    format!(
        "{}\u{a0}: pas dans le Pokédex. Inventé\u{a0}!",
        quoted(name)
    )
}
pub const POKEDEX_FACT: &str = "Mesuré avec ce tableau\u{a0}: sur 100\u{a0}000 noms inventés, environ 35 sont de vrais Pokémon, et presque tous sont des copies de nos 20 noms.";
pub const E7_PROMPT: &str = "À toi de créer\u{a0}! Invente un nom nouveau (au moins 4 lettres, pas dans nos noms) que ce modèle POURRAIT inventer un jour\u{a0}: chacune de ses paires de lettres, points compris, doit exister dans le tableau. Pas un nom inventé par le modèle ci-dessus\u{a0}: le tien.";
pub const E7_HINT: &str = "Construis ton nom paire par paire\u{a0}: une lettre qui commence un de nos noms, puis une lettre qui la suit dans un de nos noms, et ainsi de suite, jusqu'à une lettre qui finit un nom. Inspire-toi de nos 20 noms\u{a0}; si la page refuse ton nom, elle te dit quelles lettres peuvent venir à la place.";
pub const E7_NOT_A_NAME: &str = "Écris un nom avec des lettres, par exemple «\u{a0}kano\u{a0}».";
pub const E7_ONE_NAME: &str = "Un seul nom à la fois.";
pub fn e7_right(name: &str) -> String {
    format!("Bravo\u{a0}: {} n'est dans aucun de nos noms, et chacune de ses paires existe dans le tableau. Le modèle pourrait l'inventer un jour… mais c'est toi qui l'as trouvé.", quoted(name))
}
pub fn e7_short(name: &str) -> String {
    format!(
        "{} est trop court\u{a0}: il faut au moins 4 lettres.",
        quoted(name)
    )
}
pub fn e7_known(name: &str) -> String {
    format!(
        "{} est déjà dans nos noms\u{a0}: invente un nom nouveau.",
        quoted(name)
    )
}
pub fn e7_generated(name: &str) -> String {
    format!(
        "{} a été inventé par le modèle, juste au-dessus. Invente le tien\u{a0}!",
        quoted(name)
    )
}
/// `after`: the letters that do follow `a` in our names (« « . », « c » et « d » »), or "".
pub fn e7_unseen(name: &str, a: char, b: char, after: &str) -> String {
    let instead = if after.is_empty() {
        format!("Aucune lettre ne suit {} dans nos noms.", quoted(a))
    } else {
        format!("Après {}, nos noms n'ont que {after}.", quoted(a))
    };
    format!("Le modèle ne pourra jamais écrire {}\u{a0}: la paire {} puis {} n'existe dans aucun de nos noms. {instead} Change cette paire.", quoted(name), quoted(a), quoted(b))
}

pub const REFLECTION: &str = "Le modèle ne sait pas ce qu'est un Pokémon. Il ne sait même pas ce qu'est un mot\u{a0}! Il recopie seulement des habitudes de lettres. Les grands modèles comme ChatGPT imitent eux aussi très bien. Mais toi, tu comprends ce que tu écris\u{a0}; eux, non.";
pub const QUESTION: &str = "Si un modèle ne fait que recopier des habitudes, peut-on dire qu'il «\u{a0}sait\u{a0}» quelque chose\u{a0}? Donne un exemple où tu devines sans comprendre.";
pub const LEARNED: &[&str] = &[
    "Un modèle de langage devine la suite d'un texte, un morceau (un jeton) à la fois.",
    "Notre premier modèle compte les paires de lettres (les bigrammes) dans des exemples.",
    "En divisant par le total d'une ligne, les comptes deviennent des probabilités.",
    "En tirant au sort avec ces probabilités, on invente des noms qui «\u{a0}sonnent\u{a0}» Pokémon, mais seulement avec des paires déjà vues.",
];
pub const LIMIT: &str = "Mais notre modèle ne regarde qu'une seule lettre en arrière, et on a rempli son tableau en comptant, pas en apprenant. Dans la leçon 2, le modèle va apprendre tout seul, en corrigeant ses erreurs.";
