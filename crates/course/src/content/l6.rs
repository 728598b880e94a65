//! Lesson 6 « Entraîner le modèle » (live training, generation, own list, reflection, end of
//! the course): texts.

pub use super::common::A_DECIMAL;
use super::marks::{COPY, NEW, ODD};
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{big, count, fr, int, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 6,
    key: "l6",
    bonus: false,
    title: "Entraîner le modèle",
    summary: "Entraîner ton GPT pour de vrai, sur les noms que tu choisis.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::L6_E1, level: Level::Observer, topic: "prédire la loss de départ", question: E1_PROMPT },
        ExerciseMeta { id: ids::L6_E2, level: Level::Completer, topic: "remettre les dominos dans l'ordre", question: E2_PROMPT },
        ExerciseMeta { id: ids::L6_E3, level: Level::Modifier, topic: "prédire ce que change un réglage, puis le vérifier", question: E3_PROMPT },
        ExerciseMeta { id: ids::L6_E4, level: Level::Modifier, topic: "un début, du froid et du chaud\u{a0}: quels noms sont bizarres", question: E4_PROMPT },
        ExerciseMeta { id: ids::L6_E5, level: Level::Creer, topic: "des noms nouveaux avec ta liste", question: E5_PROMPT },
    ],
    objectives: &[
        "entraîner pour de vrai ton mini-GPT, en direct dans la page\u{a0};",
        "prédire la loss de départ et la voir baisser\u{a0};",
        "comparer plusieurs réglages, générer des noms avec un début et une température\u{a0};",
        "entraîner le modèle sur ta propre liste de noms, et voir quand il récite ou invente.",
    ],
    teacher_objectives: &[
        "entraîner pour de vrai son mini-GPT, en direct dans la page\u{a0};",
        "prédire la loss de départ (le hasard) et suivre sa baisse\u{a0};",
        "comparer des réglages (pas, taux d'apprentissage) et générer avec un début et une température\u{a0};",
        "entraîner le modèle sur sa propre liste et distinguer «\u{a0}réciter par cœur\u{a0}» et «\u{a0}inventer\u{a0}».",
    ],
    explain: "Explique avec tes mots pourquoi un modèle entraîné longtemps sur une petite liste finit par la réciter.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_DATA: &str = "Choisir les données";
pub const S_START_LOSS: &str = "La loss de départ";
pub const S_DOMINOS: &str = "La chaîne de dominos";
pub const S_TRAIN: &str = "L'entraînement, en direct";
pub const S_GENERATE: &str = "Générer des noms";
pub const S_OWN: &str = "Ta propre liste";
pub const S_REFLECT: &str = "Réfléchir\u{a0}: biais, hallucinations, énergie";
pub const S_LEARNED: &str = "Ce qu'on a appris";
pub const S_END: &str = "Fin du cours";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("loss", "la surprise du modèle devant la bonne lettre\u{a0}: grande quand il se trompe, petite quand il a bien deviné. L'entraînement la fait baisser."),
    ("paramètres (ou poids)", "les nombres du modèle que l'entraînement règle. Notre mini-GPT en a 4\u{a0}192."),
    ("pas", "un tour d'entraînement\u{a0}: un nom lu, une loss mesurée, tous les poids corrigés un peu."),
    ("taux d'apprentissage", "la taille des corrections à chaque pas."),
];

pub const WAKE: &str = "Ton mini-GPT de la leçon 5 est assemblé, mais il ne sait rien. Aujourd'hui, il apprend\u{a0}: tout se passe dans ta page, sur ton ordinateur, en une ou deux secondes.";
pub const WAKE_BUTTON: &str = "Réveille le modèle";
pub fn hello(params: usize) -> String {
    format!("Bonjour\u{a0}! Je suis ton mini-GPT\u{a0}: {} paramètres, tous tirés au hasard. Je ne connais encore aucun nom…", int(params as u64))
}

pub const DATA: &str = "Un modèle ne connaît que ses données. Choisis-les\u{a0}: des Pokémon, des prénoms, des dinosaures… ou ta propre liste. À l'étape 7, tu entraîneras aussi un modèle sur une liste à toi.";

pub const START_LOSS: &str = "Avant l'entraînement, le modèle n'a encore rien appris\u{a0}: il devine les yeux fermés. Sa loss mesure sa surprise devant la bonne lettre\u{a0}: elle vaut 0 quand il en était sûr, et elle est d'autant plus grande qu'il lui donnait peu de chances.";
pub fn e1_prompt(data: &str) -> String {
    format!("Prédis\u{a0}: quelle sera la loss du modèle pas encore entraîné sur {data}\u{a0}? (2 chiffres après la virgule)")
}
/// Landmarks of the loss curve (lesson 2), for a pupil who skipped it: the number asked is not
/// among them, the pupil must see how many letters the model chooses from.
pub const E1_HINT: &str = "Quelques repères de la leçon 2\u{a0}: quand le modèle donne 1 chance sur 2 à la bonne lettre, la loss vaut 0,69\u{a0}; 1 chance sur 10, 2,30\u{a0}; 1 chance sur 20, 3,00\u{a0}; 1 chance sur 50, 3,91. Au hasard, le modèle donne presque la même chance à chaque jeton qu'il peut écrire\u{a0}: combien y en a-t-il (les lettres, et le point de fin)\u{a0}?";
pub fn e1_right(measured: f32) -> String {
    format!("Bien prédit\u{a0}: le hasard parmi 27 jetons donne environ 3,3. Mesurée pour de vrai\u{a0}: {}.", fr(measured, 2))
}
pub fn e1_wrong(guess: f32, measured: f32) -> String {
    format!("Prédiction ratée\u{a0}: tu avais dit {}. Mesurée pour de vrai, elle vaut {}\u{a0}: c'est le repère du hasard parmi 27 jetons (environ 3,3), vu à la leçon 2.", fr(guess, 2), fr(measured, 2))
}
pub const MEASURED: &str = "Loss mesurée avant l'entraînement\u{a0}: ";

pub const DOMINOS: &str = "Quand le modèle se trompe, l'erreur part de la fin (la loss) et remonte, pièce par pièce, jusqu'au début\u{a0}: chaque pièce dit à celle d'avant comment elle aurait dû changer. Comme une rangée de dominos qui tombent à l'envers. C'est la rétropropagation. Le programme la calcule tout seul, pour les 4\u{a0}192 poids, à chaque pas.";
/// The mini-GPT's plan of lesson 5, in reading order, for a pupil who skipped it.
pub const PLAN: &str = "Le plan du mini-GPT (leçon 5), de l'entrée à la sortie\u{a0}: les cartes (+ positions), puis l'attention, puis le réseau de neurones, puis les scores, et la loss tout à la fin.";
/// The stages, in the order the error goes back through them.
pub const DOMINO_STAGES: &[&str] = &[
    "Loss",
    "Scores",
    "Réseau de neurones",
    "Attention",
    "Cartes + positions",
];
/// The order the buttons are shown in (a shuffle of the stages).
pub const DOMINO_SHOWN: [usize; 5] = [3, 0, 4, 1, 2];
pub const E2_PROMPT: &str = "Remets les dominos dans l'ordre où l'erreur les traverse\u{a0}: clique d'abord sur celui où l'erreur part, puis sur le suivant… jusqu'au dernier.";
pub const E2_HINT: &str = "L'erreur part de la loss, tout à la fin du modèle. Puis elle remonte le plan écrit au-dessus à l'envers, une pièce à la fois.";
pub fn e2_progress(done: &[&str]) -> String {
    format!("Déjà placés\u{a0}: {}.", done.join(" → "))
}
pub fn e2_wrong(clicked: &str, at_start: bool) -> String {
    let look = if at_start {
        "où l'erreur part"
    } else {
        "la pièce juste avant, dans le plan écrit au-dessus"
    };
    format!("Pas encore\u{a0}: après ce que tu as placé, l'erreur ne va pas dans {}. Cet essai compte, et on recommence depuis le début\u{a0}: cherche {look}.", quoted(clicked))
}
pub const E2_RIGHT: &str = "Bravo\u{a0}: la loss, puis les scores, le réseau de neurones, l'attention et enfin les cartes. Chaque étape corrige ses poids et passe l'erreur à la précédente. Fais tomber les dominos\u{a0}!";
pub const DOMINO_BUTTON: &str = "Fais tomber les dominos (depuis la loss)";
pub const DOMINO_RESET: &str = "Relever les dominos";
pub const DOMINO_FALLEN: &str = "L'erreur est remontée de la loss jusqu'aux cartes\u{a0}: chaque domino a corrigé ses poids un petit peu. Puis on recommence avec le nom suivant.";

pub const TRAIN: &str = "Lance l'entraînement\u{a0}: à chaque pas, le modèle lit un nom, mesure sa loss, et corrige ses 4\u{a0}192 poids. La courbe montre la loss moyenne des 50 derniers pas (un seul nom par pas, c'est agité). L'album photo montre ce que le modèle invente au fil de l'entraînement.";
pub const LR_NOTE: &str = "Pourquoi des taux si petits, alors qu'à la leçon 2 le bon taux était 30\u{a0}? Ici, chaque poids règle lui-même la taille de ses corrections, selon ses corrections d'avant\u{a0}: les bons taux sont bien plus petits.";
pub fn data_line(label: &str) -> String {
    format!("Données\u{a0}: {label}.")
}
pub const STEPS_LABEL: &str = "Nombre de pas";
pub const LR_LABEL: &str = "Taux d'apprentissage";
pub const TRAIN_BUTTON: &str = "Entraîner";
pub fn speed(tps: f64, steps: usize, ms: f64) -> String {
    format!(
        "Vitesse\u{a0}: {} lettres par seconde ({} en {} ms de calcul).",
        int(tps.round() as u64),
        count(steps, "pas", "pas"),
        int(ms.round() as u64)
    )
}
pub fn run_label(data: &str, steps: usize, lr: &str) -> String {
    format!("{data}, {} pas, taux {lr}", int(steps as u64))
}
pub const COL_RUN: &str = "Entraînement";
/// The table's loss column: measured on `eval` names of a list of `total` (all of them when the
/// list is short, its first 1 023 otherwise: measuring 33 235 names would take too long).
pub fn col_final(eval: usize, total: usize) -> String {
    if eval >= total {
        format!(
            "Loss à la fin, mesurée sur les {} de la liste",
            count(eval, "nom", "noms")
        )
    } else {
        format!(
            "Loss à la fin, mesurée sur {} des {} noms de la liste (pour aller vite)",
            int(eval as u64),
            int(total as u64)
        )
    }
}
pub const RUNNING: &str = "en cours…";
/// In the table of final losses, for a run whose loss exploded.
pub const EXPLODED: &str = "a explosé (modèle perdu)";
pub const ALBUM: &str = "L'album photo";
pub fn photo_title(step: usize) -> String {
    if step == 0 {
        "Avant (pas 0)".to_string()
    } else {
        format!("Pas {}", int(step as u64))
    }
}
pub const MODEL_LIVES_HERE: &str = "Tes modèles entraînés sont gardés dans ce navigateur, à ton nom\u{a0}: si tu recharges la page ou reviens plus tard à cette leçon, ils sont encore là («\u{a0}Recommencer la leçon\u{a0}» les efface). Un entraînement pas fini, lui, se perd si tu quittes la page\u{a0}: elle te le demandera avant.";
/// Under the album, only when one of its names is empty.
pub const ALBUM_NOTE: &str = "«\u{a0}(rien\u{a0}: fin tout de suite)\u{a0}» veut dire que le modèle a tiré le «\u{a0}.\u{a0}» de fin dès la première lettre\u{a0}: au début, il ne sait pas encore qu'un nom a des lettres\u{a0}!";
pub fn prefix_bars(prefix: &str) -> String {
    format!("Après «\u{a0}.{prefix}\u{a0}», le modèle entraîné prédit")
}
pub const E3_PROMPT: &str = "Prédis avant de relancer\u{a0}: change le nombre de pas ou le taux d'apprentissage, puis dis ce que fera ton prochain entraînement, comparé à celui d'avant.";
pub const E3_HINT: &str = "Plus de pas, c'est plus de temps pour corriger les poids. Un taux trop petit corrige trop peu à chaque pas\u{a0}; un taux trop grand corrige trop fort, et le modèle saute d'une erreur à l'autre.";
pub const E3_CHOICES: &[&str] = &[
    "Il apprendra mieux (loss plus basse).",
    "Il apprendra moins bien (loss plus haute).",
    "À peu près pareil (moins de 0,05 d'écart).",
];
/// Before the first finished run: nothing to compare with yet.
pub const E3_FIRST: &str =
    "Entraîne d'abord un premier modèle\u{a0}: l'exercice compare le suivant avec lui.";
pub const E3_RUNNING: &str =
    "Attends la fin de cet entraînement\u{a0}: tu prédiras ce que fera le suivant.";
pub fn e3_reference(label: &str, loss: &str) -> String {
    format!("Entraînement d'avant\u{a0}: {label} → loss {loss}.")
}
pub fn e3_waiting(choice: &str) -> String {
    format!("Ta prédiction\u{a0}: «\u{a0}{choice}\u{a0}» Change un réglage, puis clique sur «\u{a0}Entraîner\u{a0}».")
}
pub const E3_SAME_SETTING: &str = "Ta prédiction porte sur un réglage que tu n'as pas encore essayé\u{a0}: change le nombre de pas ou le taux avant d'entraîner.";
pub fn loss_or_exploded(loss: Option<f32>) -> String {
    loss.map_or_else(|| "a explosé".to_string(), |l| fr(l, 2))
}
/// What the comparison showed: index 0 better, 1 worse, 2 about the same.
pub fn e3_effect(before: &str, b: &str, after: &str, a: &str, effect: usize) -> String {
    let how = match effect {
        0 => "il a mieux appris",
        1 => "il a moins bien appris",
        _ => "à peu près pareil (moins de 0,05 d'écart)",
    };
    format!("Avant\u{a0}: {before} → {b}. Ensuite\u{a0}: {after} → {a}. Résultat\u{a0}: {how}.")
}
pub fn e3_right(effect: &str) -> String {
    format!("Bien prédit. {effect} Plus de pas laissent le temps d'apprendre\u{a0}; un taux trop grand fait sauter le modèle, trop petit le fait traîner.")
}
pub fn e3_wrong(effect: &str) -> String {
    format!("Prédiction ratée. {effect} Compare les deux réglages\u{a0}: qu'est-ce qui a changé pour le modèle\u{a0}?")
}

pub const GENERATE: &str = "Le modèle entraîné peut inventer des noms. Donne-lui un début et une température (le réglage du hasard quand il tire chaque lettre), et regarde ce qu'il imagine. Chaque nom est marqué, avec la même règle que pour ta liste à l'étape suivante.";
pub const PREFIX_LABEL: &str = "Début du nom\u{a0}:";
pub fn prefix_chosen(prefix: &str) -> String {
    if prefix.is_empty() {
        "Pas encore de début choisi.".to_string()
    } else {
        format!("Début choisi\u{a0}: «\u{a0}{prefix}\u{a0}»")
    }
}
pub const INVENT: &str = "Invente 10 noms";
pub const TRAIN_FIRST: &str = "Entraîne d'abord un modèle (ici ou à l'étape précédente)\u{a0}: il sera gardé dans ce navigateur.";
pub const E4_PROMPT: &str = "Choisis un début de nom. Fais inventer 10 noms au modèle à une température froide (0,5 ou moins), puis 10 à une température chaude (1,5 ou plus), avec le même début. Quels noms sont le plus souvent «\u{a0}bizarres\u{a0}»\u{a0}?";
pub const E4_HINT: &str = "Écris un début et valide, mets le curseur sur 0,5, invente\u{a0}; puis mets-le sur 1,5 et invente encore. Compte les noms marqués «\u{a0}bizarre\u{a0}» dans chaque liste.";
pub const E4_CHOICES: &[&str] = &[
    "Ceux du froid\u{a0}: le modèle y prend moins de risques.",
    "Ceux du chaud\u{a0}: plus de hasard, plus de paires rares.",
    "Aucune différence\u{a0}: la température ne change rien ici.",
];
pub const E4_PREFIX: &str =
    "Donne d'abord un début de nom au modèle (par exemple «\u{a0}ma\u{a0}»).";
pub const E4_LISTS: &str = "Il faut d'abord une liste froide (0,5 ou moins) et une liste chaude (1,5 ou plus), avec le même début.";
pub fn e4_right(prefix: &str, odd_cold: usize, odd_hot: usize) -> String {
    format!("Bien vu\u{a0}! Avec le début «\u{a0}{prefix}\u{a0}»\u{a0}: {} au froid, {} au chaud. Le froid choisit presque toujours les lettres favorites\u{a0}; le chaud ose des paires rares, et invente parfois n'importe quoi.", count(odd_cold, "nom bizarre", "noms bizarres"), count(odd_hot, "nom bizarre", "noms bizarres"))
}
pub fn e4_wrong(prefix: &str, odd_cold: usize, odd_hot: usize) -> String {
    format!("Compte les marques\u{a0}: avec le début «\u{a0}{prefix}\u{a0}», {} au froid et {} au chaud.", count(odd_cold, "nom bizarre", "noms bizarres"), count(odd_hot, "nom bizarre", "noms bizarres"))
}
pub const OWN: &str = "À toi de créer\u{a0}! Écris au moins 10 noms (les prénoms de ta classe, des noms de monstres inventés…), entraîne le modèle dessus, et regarde ce qu'il invente. Chaque nom est marqué «\u{a0}copié\u{a0}», «\u{a0}nouveau\u{a0}» ou «\u{a0}bizarre\u{a0}», avec la même règle qu'à l'étape 6.";
pub const OWN_STEPS: &str = "Nombre de pas";
pub fn own_train(steps: usize) -> String {
    format!("Entraîner sur ta liste ({} pas)", int(steps as u64))
}
/// How many names of a draw of 10 got each mark (`rules::marks`).
#[derive(Clone, Copy)]
pub struct Marked {
    pub copies: usize,
    pub new: usize,
    pub odd: usize,
}
/// A draw's marks in words: « 3 noms nouveaux sur 10 (et 2 copiés, 4 bizarres) », the first
/// count in front. The panel and exercise 5 say this same sentence.
fn marks_said(first: (usize, &str, &str), others: [(usize, &str, &str); 2]) -> String {
    let [a, b] = others.map(|(n, one, many)| count(n, one, many));
    format!("{} sur 10 (et {a}, {b})", count(first.0, first.1, first.2))
}
const NEW_WORDS: (&str, &str) = ("nom nouveau", "noms nouveaux");
const COPY_WORDS: (&str, &str) = (COPY, "copiés");
const ODD_WORDS: (&str, &str) = (ODD, "bizarres");
pub fn inventing(c: Marked, example: &str) -> String {
    let said = marks_said(
        (c.new, NEW_WORDS.0, NEW_WORDS.1),
        [
            (c.copies, COPY_WORDS.0, COPY_WORDS.1),
            (c.odd, ODD_WORDS.0, ODD_WORDS.1),
        ],
    );
    format!(
        "{said}\u{a0}: il invente dans le style de ta liste, comme {}.",
        quoted(example)
    )
}
/// Mostly copies: fewer steps (unless `fewest` already), warmer, or more names.
pub fn reciting(c: Marked, steps: usize, fewest: bool) -> String {
    let said = marks_said(
        (c.copies, COPY_WORDS.0, COPY_WORDS.1),
        [(c.new, NEW, "nouveaux"), (c.odd, ODD_WORDS.0, ODD_WORDS.1)],
    );
    let why = if steps >= 1000 {
        "Avec si peu de noms et autant de pas, réciter est le plus facile pour lui"
    } else {
        "Il a déjà appris ta liste presque par cœur"
    };
    let advice = if fewest {
        "une température un peu plus chaude, ou plus de noms dans ta liste"
    } else {
        "moins de pas, ou une température un peu plus chaude"
    };
    format!("{said}\u{a0}: il récite ta liste. {why}. Pour qu'il invente, essaie {advice}.")
}
/// Mostly « bizarre »: colder if it is hot, else more steps.
pub fn babbling(c: Marked, too_hot: bool) -> String {
    let said = marks_said(
        (c.odd, ODD_WORDS.0, ODD_WORDS.1),
        [
            (c.new, NEW, "nouveaux"),
            (c.copies, COPY_WORDS.0, COPY_WORDS.1),
        ],
    );
    let advice = if too_hot {
        "une température plus froide"
    } else {
        "plus de pas"
    };
    format!("{said}\u{a0}: il mélange encore les lettres au hasard. Pour qu'il écrive dans le style de ta liste, essaie {advice}.")
}
pub const E5_PROMPT: &str = "Entraîne le modèle sur ta propre liste (au moins 10 noms), puis obtiens au moins 3 noms nouveaux sur 10\u{a0}: pas des copies de ta liste, ni des noms bizarres. Chaque clic sur «\u{a0}Invente 10 noms\u{a0}» est un essai.";
pub const E5_HINT: &str = "Lis les marques de ton dernier essai. Beaucoup de «\u{a0}copié\u{a0}»\u{a0}: il récite, entraîne-le moins de pas. Beaucoup de «\u{a0}bizarre\u{a0}»\u{a0}: refroidis. Avec une quinzaine de prénoms, essaie 150 pas et une température entre 0,6 et 1.";
pub const E5_TRAIN: &str =
    "Entraîne maintenant le modèle sur ta liste, puis clique sur «\u{a0}Invente 10 noms\u{a0}».";
pub fn e5_right(said: &str) -> String {
    format!("Réussi. {said} C'est tout le défi des grands modèles\u{a0}: apprendre les habitudes, pas les exemples par cœur.")
}

pub const BIAS_TITLE: &str = "Biais";
pub const BIAS: &str = "Le modèle imite ses données. Entraîné sur des prénoms d'une seule époque ou d'un seul pays, il n'inventera que ceux-là. Les grands modèles héritent de la même façon des préjugés de leurs textes.";
pub const BIAS_QUESTION: &str = "Si on entraînait un modèle seulement sur les prénoms de ta classe, quels prénoms ne saurait-il jamais inventer\u{a0}? Est-ce grave pour un modèle qui parle à tout le monde\u{a0}?";
pub const HALLUCINATION_TITLE: &str = "Hallucinations";
pub const HALLUCINATION: &str = "Le modèle invente des noms qui «\u{a0}sonnent\u{a0}» vrais mais n'existent pas. C'est ce qu'on lui demande ici… mais quand ChatGPT invente un fait avec assurance, c'est un vrai problème.";
pub const HALLUCINATION_QUESTION: &str = "Comment vérifier une information donnée par un chatbot\u{a0}? Cite deux sources que tu pourrais consulter.";
pub const ENERGY_TITLE: &str = "Énergie";
pub const ENERGY: &str = "Notre mini-GPT apprend en une ou deux secondes. Les grands modèles demandent des milliers de puces pendant des mois, et beaucoup d'électricité.";
pub const ENERGY_QUESTION: &str = "Faut-il utiliser un grand modèle pour tout, même pour une question simple\u{a0}? Qu'est-ce que ça coûte\u{a0}?";
pub const CALCULATOR: &str = "Combien de temps faudrait-il à TON ordinateur pour entraîner GPT-4\u{a0}? D'après une estimation de l'institut Epoch AI (OpenAI n'a pas publié le chiffre), il a fallu environ 20 millions de milliards de milliards d'opérations de calcul.";
pub fn calculator_result(ops_per_s: f64, years: f64) -> String {
    format!("Ton ordinateur fait environ {} par seconde pour notre GPT. Pour GPT-4, il lui faudrait environ {}\u{a0}!", big(ops_per_s, "opération", "opérations"), big(years, "année", "années"))
}
pub const CALCULATOR_CURIOUS: &[&str] = &[
    "Pour apprendre une lettre, notre GPT fait environ 6 opérations pour chacun de ses 4\u{a0}192 paramètres\u{a0}: environ 25\u{a0}000 opérations par lettre. La page a mesuré combien de lettres ton ordinateur apprend par seconde\u{a0}: on en déduit ses opérations par seconde.",
    "On partage ensuite les 20 millions de milliards de milliards d'opérations de GPT-4 (Epoch AI, 2023) entre ces secondes, et on compte les années\u{a0}: une année dure environ 31,5 millions de secondes.",
];
pub const CALCULATOR_FIRST: &str =
    "Entraîne d'abord un modèle (étape 5)\u{a0}: on mesurera la vitesse de ton ordinateur.";

pub const REFLECTION: &str = "Ton modèle a appris tout seul, en corrigeant ses erreurs des milliers de fois. Il invente des noms qui «\u{a0}sonnent\u{a0}» juste, mais il ne sait pas ce qu'est un prénom ni un dinosaure\u{a0}: il a appris des habitudes de lettres.";
pub const QUESTION: &str = "Qu'est-ce qui sépare ton mini-GPT de ChatGPT\u{a0}? Fais une liste\u{a0}: la taille, les données, le temps de calcul… et ce qui ne change pas.";
pub const LEARNED: &[&str] = &[
    "Au départ, un modèle devine au hasard\u{a0}: sa loss vaut environ 3,3\u{a0}; l'entraînement la fait baisser pas à pas.",
    "L'erreur remonte du bout du modèle jusqu'au début, comme des dominos (la rétropropagation), pour corriger chaque poids.",
    "Le nombre de pas et le taux d'apprentissage changent ce que le modèle apprend.",
    "Avec trop peu d'exemples et trop de pas, le modèle récite par cœur\u{a0}; pour inventer, il lui faut des habitudes, pas des copies.",
];
pub const NEXT: &str = "Il reste la fin du cours… et une leçon bonus pour les curieux\u{a0}: «\u{a0}Plus grand, plus fort\u{a0}?\u{a0}».";

pub const COURSE_TITLE: &str = "Tout le cours en six leçons";
pub const COURSE: &[(&str, &str)] = &[
    (
        "Leçon 1",
        "compter les paires de lettres et inventer des noms",
    ),
    (
        "Leçon 2",
        "mesurer l'erreur (la loss) et apprendre pas à pas",
    ),
    (
        "Leçon 3",
        "des cartes d'identité pour les lettres et plus de mémoire",
    ),
    (
        "Leçon 4",
        "l'attention\u{a0}: chaque lettre choisit qui écouter",
    ),
    ("Leçon 5", "assembler un vrai mini-GPT"),
    (
        "Leçon 6",
        "l'entraîner pour de vrai, sur tes propres données",
    ),
];
/// Who the diploma is for: the pupil (or the pair) of this session, never a name typed there.
pub const DIPLOMA_WHO: &str = "Le diplôme porte le prénom de l'élève de cette session (en haut de la page)\u{a0}: il certifie son travail, enregistré à son nom.";
pub const DIPLOMA_NAMELESS: &str = "Pour ton diplôme, dis d'abord qui tu es\u{a0}: clique sur «\u{a0}Qui es-tu\u{a0}?\u{a0}» en haut de la page. Le diplôme certifie le travail enregistré à ton nom.";
pub const DIPLOMA_TITLE: &str = "Diplôme de Tuto LLM";
pub const DIPLOMA_TO: &str = "décerné à";
pub fn diploma_body(solved: usize, total: usize, trained: bool) -> String {
    let built = if trained {
        "pour avoir construit et entraîné un vrai mini-GPT, et réussi "
    } else {
        "pour avoir réussi "
    };
    format!(
        "{built}{} sur {total} des six leçons et de la leçon bonus de Tuto LLM.",
        count(solved, "exercice", "exercices")
    )
}
pub fn diploma_done(done: usize) -> String {
    format!(
        "(Et {} «\u{a0}fait{}\u{a0}»\u{a0}: terminé sans «\u{a0}réussi\u{a0}». C'est en se trompant qu'on apprend.)",
        count(done, "autre exercice", "autres exercices"),
        if done < 2 { "" } else { "s" }
    )
}
pub const DIPLOMA_EMPTY: &str = "Le diplôme certifie les exercices que tu as réussis dans les leçons. Tu n'en as encore réussi aucun sur ce navigateur\u{a0}: fais une leçon, puis reviens\u{a0}!";
pub const DIPLOMA_CERTIFIES: &str =
    "Ce diplôme compte les exercices réussis, enregistrés dans ce navigateur.";
pub const PRINT: &str = "Imprimer mon diplôme";
pub const PROGRESS_LINK: &str = "Voir et imprimer ma progression";
pub const ATELIER_LINK: &str = "Envie d'aller plus loin\u{a0}? L'Atelier libre\u{a0}: choisis la taille du modèle et sauvegarde-le. Il part d'un modèle neuf\u{a0}; ceux de cette leçon restent gardés ici.";
/// « Emporter mon modèle » in the lesson: which finished run goes into the notebook.
pub const TAKE_HOME_WHICH: &str = "Le modèle à emporter";
pub fn take_home_run(label: &str, loss: &str) -> String {
    format!("{label} (loss {loss})")
}
pub const BONUS_LINK: &str = "Leçon bonus\u{a0}: «\u{a0}Plus grand, plus fort\u{a0}?\u{a0}»";
pub const GPT4_SOURCE: super::Source = ("Estimation du calcul de GPT-4", "Epoch AI (2023), «\u{a0}Parameter, Compute and Data Trends in Machine Learning\u{a0}»\u{a0}; OpenAI n'a pas publié le chiffre.", "");

pub const DOMINOS_SHUFFLED: &str = "Les dominos, dans le désordre";
pub const DOMINOS_PICTURE: &str = "Les dominos, de la loss jusqu'aux cartes\u{a0}: l'erreur les fait tomber en remontant le modèle.";
pub const PREFIX_PLACEHOLDER: &str = "ex.\u{a0}: ma";
pub fn list_title(prefix: &str, t: f32) -> String {
    format!("Début «\u{a0}{prefix}\u{a0}», température {}", fr(t, 1))
}
pub fn diploma_date(today: &str) -> String {
    format!("Tuto LLM — {today}")
}
pub fn course_line(what: &str) -> String {
    format!("\u{a0}: {what}")
}
/// The question as the worksheet prints it (the page adds its own numbers).
pub const E1_PROMPT: &str = "Prédis avant de lancer l'entraînement\u{a0}: quelle sera la loss du modèle qui n'a encore rien appris\u{a0}?";
