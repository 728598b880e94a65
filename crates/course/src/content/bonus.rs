//! The bonus lesson « Plus grand, plus fort ? » (size, data, computing, energy): texts.

pub use super::common::A_NUMBER;
use super::{ExerciseMeta, LessonMeta, Level, Source};
use crate::ids;
use crate::text::{big, count, fr, int, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 7,
    key: "b",
    bonus: true,
    title: "Plus grand, plus fort\u{a0}?",
    summary: "Leçon bonus\u{a0}: trois tailles de GPT font la course, et on compare avec les géants.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::B_E1, level: Level::Observer, topic: "prédire qui fera le plus de pas", question: E1_PROMPT },
        ExerciseMeta { id: ids::B_E2, level: Level::Completer, topic: "combien de fois plus de paramètres", question: E2_PROMPT },
        ExerciseMeta { id: ids::B_E3, level: Level::Modifier, topic: "peu ou beaucoup de données", question: E3_PROMPT },
        ExerciseMeta { id: ids::B_E4, level: Level::Creer, topic: "juger quel mot inventé sonne français, avec un accent", question: E4_PROMPT },
        ExerciseMeta { id: ids::B_E5, level: Level::Creer, topic: "juger quelle phrase inventée pourrait être un vrai proverbe, et pourquoi", question: E5_PROMPT },
    ],
    objectives: &[
        "faire la course entre trois tailles de GPT, pendant le même temps\u{a0};",
        "voir ce qu'apportent la taille du modèle et la quantité de données\u{a0};",
        "comparer avec les géants (GPT-2, GPT-3)\u{a0}: calcul, données, électricité\u{a0};",
        "inventer des mots et des proverbes avec l'alphabet étendu, et juger lesquels pourraient être vrais.",
    ],
    teacher_objectives: &[
        "comparer trois tailles de modèles entraînés pendant le même temps, sur des prénoms jamais vus\u{a0};",
        "distinguer ce qu'apporte la taille et ce qu'apportent les données (sur-apprentissage avec peu de données)\u{a0};",
        "situer les ordres de grandeur des grands modèles (paramètres, données, calcul, électricité), avec leurs sources\u{a0};",
        "entraîner un modèle à l'alphabet étendu (accents), générer des mots et juger lesquels sonnent français\u{a0};",
        "entraîner le grand modèle sur des proverbes (espace et apostrophe), juger ses phrases\u{a0}: copiées, nouvelles ou bizarres.",
    ],
    explain: "Explique avec tes mots pourquoi le plus grand modèle ne gagne pas toujours la course.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_RACE: &str = "La course des trois tailles";
pub const S_DATA: &str = "Et les données\u{a0}?";
pub const S_GIANTS: &str = "Les géants";
pub const S_DICTIONARY: &str = "Un dictionnaire imaginaire";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("taille d'un modèle", "son nombre de paramètres (de poids à régler)."),
    ("données", "les exemples dont il apprend\u{a0}: ici, des prénoms."),
    ("calcul", "le nombre d'opérations faites pendant l'entraînement. Plus de temps ou un ordinateur plus rapide = plus de calcul."),
    ("noms jamais vus", "des prénoms gardés de côté pour juger le modèle honnêtement (la validation de la leçon 3)."),
];

pub const INTRO: &str = "Tu as entraîné un mini-GPT de 4\u{a0}192 paramètres. Les géants en ont des milliards. Mais plus grand, est-ce toujours plus fort\u{a0}? Un élève qui a plus de cahiers retient-il mieux… s'il n'a que 20 secondes pour réviser\u{a0}? Faisons l'expérience, pour de vrai.";
pub const INTRO_BUTTON: &str = "Présente les trois modèles";
pub const MODELS: [(&str, &str); 3] = [
    ("Petit", "1 couche, cartes de 16 nombres"),
    ("Moyen", "2 couches, cartes de 32 nombres"),
    ("Grand", "4 couches, cartes de 64 nombres"),
];
pub fn model_line(name: &str, shape: &str, params: usize) -> String {
    format!("{name}\u{a0}: {shape}, {} paramètres", int(params as u64))
}

pub const RACE: &str = "Sur nos 33\u{a0}235 prénoms, on en met 1\u{a0}000 de côté. Les trois modèles apprennent les 32\u{a0}235 autres pendant exactement le même temps, chacun dans un coin de l'ordinateur (en arrière-plan\u{a0}: la page reste fluide). Puis on les juge sur les 1\u{a0}000 prénoms qu'aucun n'a jamais vus.";
pub const DURATION_LABEL: &str = "Durée de la course";
pub fn seconds(s: u32) -> String {
    format!("{s} s")
}
pub const RACE_BUTTON: &str = "Lancer la course";
pub const RACE_STOP: &str = "Arrêter";
pub fn racing(name: &str, step: usize, tps: f64) -> String {
    format!(
        "{name}\u{a0}: pas {}, {} lettres par seconde",
        int(step as u64),
        int(tps.round() as u64)
    )
}
pub const COL_MODEL: &str = "Modèle";
pub const COL_PARAMS: &str = "Paramètres";
pub const COL_STEPS: &str = "Pas faits";
pub const COL_TEST: &str = "Loss sur les prénoms jamais vus";
pub const WAITING: &str = "en cours…";
pub fn invented_by(name: &str) -> String {
    format!("Inventés par le modèle {}", name.to_lowercase())
}
pub const E1_PROMPT: &str = "Avant de lancer la course, prédis\u{a0}: pendant le même temps, lequel fera le plus de pas d'entraînement\u{a0}?";
pub const E1_HINT: &str = "À chaque pas, un modèle lit un paquet de prénoms et corrige tous ses paramètres. Lequel a le plus de travail à chaque pas\u{a0}?";
pub const E1_CHOICES: [&str; 3] = ["Le petit", "Le moyen", "Le grand"];
pub fn e1_picked(choice: &str) -> String {
    format!(
        "Ta prédiction\u{a0}: {}. Lance la course pour voir\u{a0}!",
        choice.to_lowercase()
    )
}
/// The steps of the three models, in words: « 9 000 pour le petit, 2 400 pour le moyen… ».
fn steps_made(steps: [usize; 3]) -> String {
    format!(
        "{} pas pour le petit, {} pour le moyen, {} pour le grand",
        int(steps[0] as u64),
        int(steps[1] as u64),
        int(steps[2] as u64)
    )
}
pub fn e1_right(most: &str, steps: [usize; 3]) -> String {
    format!("Bien prédit\u{a0}: c'est le modèle {} qui a fait le plus de pas ({}). Plus un modèle est grand, plus chacun de ses pas demande de calcul.", most.to_lowercase(), steps_made(steps))
}
pub fn e1_wrong(most: &str, steps: [usize; 3]) -> String {
    format!("Prédiction ratée\u{a0}: c'est le modèle {} qui a fait le plus de pas ({}). Plus un modèle est grand, plus chacun de ses pas demande de calcul. Pas grave\u{a0}: même les chercheurs font la course pour savoir\u{a0}!", most.to_lowercase(), steps_made(steps))
}
/// The race's verdict, from its real result: a winner (`Some`), or too close to call (the
/// leaders' names, best first, and the gap that would be needed).
pub fn race_lesson(
    winner: Option<usize>,
    leaders: &[usize],
    steps: [usize; 3],
    too_close: f32,
) -> String {
    match winner {
        Some(2) => format!("Le grand modèle gagne, alors qu'il n'a fait que {} pas contre {} pour le petit\u{a0}: chacun de ses pas apprend beaucoup plus.", int(steps[2] as u64), int(steps[0] as u64)),
        Some(1) => format!("Le moyen gagne. Le petit a fait le plus de pas ({}), mais il a peu de paramètres pour retenir\u{a0}; le grand n'a fait que {} pas. Relance la course avec plus de temps\u{a0}: l'ordre change-t-il\u{a0}?", int(steps[0] as u64), int(steps[2] as u64)),
        Some(_) => format!("Le petit gagne\u{a0}: en si peu de temps, il a fait {} pas, et les gros modèles beaucoup moins. Relance la course avec plus de temps\u{a0}: l'ordre change-t-il\u{a0}?", int(steps[0] as u64)),
        None => {
            let names: Vec<String> = leaders.iter().map(|&i| format!("le {}", MODELS[i].0.to_lowercase())).collect();
            let listed = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
                _ => names.join(""),
            };
            let behind = if leaders.contains(&2) {
                String::new()
            } else {
                format!(" Le grand, lui, est derrière\u{a0}: il n'a fait que {} pas.", int(steps[2] as u64))
            };
            format!("Trop serré pour désigner un gagnant\u{a0}: {listed} sont à moins de {} l'un de l'autre. D'une course à l'autre, un si petit écart peut s'inverser\u{a0}: relance la course, ou donne-leur plus de temps.{behind}", fr(too_close, 2))
        }
    }
}
pub const E2_PROMPT: &str = "Complète\u{a0}: le grand modèle a combien de fois plus de paramètres que le petit, environ\u{a0}? (Une réponse à 10\u{a0}% près est acceptée.)";
pub const E2_HINT: &str =
    "Lis les paramètres des deux modèles dans le tableau. «\u{a0}Combien de fois plus\u{a0}»\u{a0}: ce n'est pas une soustraction. Tu peux arrondir les deux nombres avant de calculer.";
pub fn e2_right(ratio: f32) -> String {
    format!("Oui\u{a0}: environ {} fois plus (exactement {}). Et GPT-3 en a encore 870\u{a0}000 fois plus que notre grand modèle\u{a0}!", fr(ratio, 0), fr(ratio, 1))
}
pub const E2_WRONG: &str =
    "Pas encore\u{a0}: divise le nombre de paramètres du grand par celui du petit. Arrondir les deux nombres suffit.";
pub const E2_DIFFERENCE: &str = "Ça, c'est combien de paramètres il a en plus. On demande combien de fois plus\u{a0}: une division.";

pub const DATA: &str = "Et si le modèle moyen n'avait que 1\u{a0}000 prénoms pour apprendre, au lieu de 32\u{a0}235\u{a0}? On le fait courir deux fois, pendant le même temps\u{a0}: une fois avec peu de prénoms, une fois avec tous. On le juge sur les mêmes 1\u{a0}000 prénoms jamais vus. Le tableau donne aussi sa loss sur les prénoms qu'il a appris.";
pub const DATA_BUTTON: &str = "Lancer les deux entraînements";
pub const FEW: &str = "1\u{a0}000 prénoms";
pub const MANY: &str = "32\u{a0}235 prénoms";
pub const COL_DATA: &str = "Données";
pub const COL_SEEN: &str = "Loss sur les prénoms appris (la fin de la courbe)";
pub const E3_PROMPT: &str =
    "Compare les deux lignes du tableau. Avec seulement 1\u{a0}000 prénoms, le modèle…";
pub const E3_HINT: &str =
    "Compare la loss sur les prénoms appris et sur les prénoms jamais vus, pour chaque ligne.";
pub const E3_CHOICES: [&str; 3] = [
    "…devine les prénoms jamais vus aussi bien qu'avec tous les prénoms.",
    "…connaît mieux ses prénoms, mais devine moins bien les autres.",
    "…n'apprend rien du tout, ni ses prénoms ni les autres.",
];
pub const E3_NOT_YET: &str = "Lance d'abord les deux entraînements et attends qu'ils finissent.";
pub fn e3_right(few_test: f32, many_test: f32) -> String {
    format!("Exactement\u{a0}: sur les prénoms jamais vus, {} avec peu de données contre {} avec toutes. Pour un grand modèle, plus de données, c'est souvent ce qui aide le plus. C'est pour ça que les géants lisent des milliards de mots.", fr(few_test, 2), fr(many_test, 2))
}
pub fn e3_wrong(few_seen: f32, few_test: f32, many_seen: f32, many_test: f32) -> String {
    format!("Pas tout à fait\u{a0}: avec 1\u{a0}000 prénoms, loss {} sur les appris et {} sur les jamais vus\u{a0}; avec tous, {} et {}.", fr(few_seen, 2), fr(few_test, 2), fr(many_seen, 2), fr(many_test, 2))
}

pub const GIANTS: &str = "Et les vrais géants\u{a0}? Voici leurs chiffres, tirés des articles qui les présentent. Les nombres sont si grands qu'on les écrit en mots.";
pub const COL_GIANT: &str = "Modèle";
pub const COL_GIANT_DATA: &str = "Données lues";
pub const COL_GIANT_CALC: &str = "Calcul de l'entraînement";
pub fn our_row(name: &str) -> String {
    format!("Notre modèle {}", name.to_lowercase())
}
/// What one of our models read during the race: `tokens` letters (and ends of names).
pub fn our_data(tokens: usize) -> String {
    format!(
        "environ {} lettres lues pendant la course (nos 32\u{a0}235 prénoms en comptent environ 210\u{a0}000)",
        int(tokens as u64)
    )
}
pub fn our_calc(ops: f64) -> String {
    format!("environ {}", big(ops, "opération", "opérations"))
}
pub const GPT2: (&str, &str, &str, &str) = (
    "GPT-2 (2019)",
    "1,5 milliard",
    "environ 8 millions de pages du Web",
    "non publié",
);
pub const GPT3: (&str, &str, &str, &str) = (
    "GPT-3 (2020)",
    "175 milliards",
    "300 milliards de jetons",
    "environ 314\u{a0}000 milliards de milliards d'opérations",
);
pub const ENERGY: &str = "L'électricité aussi compte. D'après une étude de chercheurs de Google et de l'université de Berkeley (Patterson et al., 2021), l'électricité dépensée pour entraîner GPT-3 aurait pu allumer une ampoule LED pendant près de 15\u{a0}000\u{a0}ans\u{a0}!";
pub fn your_computer(tps: f64, years: f64) -> String {
    format!("Ton ordinateur a entraîné le grand modèle à {} lettres par seconde. À cette vitesse, pour faire autant de calcul que GPT-3, il lui faudrait environ {}.", int(tps.round() as u64), big(years, "année", "années"))
}
pub const YOUR_COMPUTER_FIRST: &str =
    "Fais d'abord la course (étape 2)\u{a0}: on mesurera la vitesse de ton ordinateur.";
pub const GIANTS_CURIOUS: &[&str] = &[
    "Comment compte-t-on le calcul\u{a0}? Pour chaque lettre lue, un modèle fait environ 6 opérations par paramètre\u{a0}: 2 pour deviner, 4 pour corriger. Plus un modèle a de paramètres et plus il lit de lettres, plus il calcule.",
    "Et l'ampoule\u{a0}? Une ampoule LED de 10 watts allumée 14\u{a0}700\u{a0}ans, jour et nuit, dépense à peu près l'électricité de l'entraînement de GPT-3, d'après l'article de Patterson et ses collègues (voir les sources).",
];

pub const DICTIONARY: &str = "Jusqu'ici, nos modèles ne connaissaient que 26 lettres sans accent. Avec l'alphabet étendu (46 jetons\u{a0}: é, è, ê, ç, le trait d'union, l'espace…), un modèle peut apprendre de vrais mots français et en inventer\u{a0}: un dictionnaire imaginaire\u{a0}! Il apprend 13\u{a0}407 mots pendant 20 secondes.";
pub const DICTIONARY_BUTTON: &str = "Entraîner sur les mots français (20\u{a0}s)";
pub const INVENT: &str = "Invente 10 mots";
pub const MARK_NEW: &str = "inventé";
pub const MARK_REAL: &str = "vrai mot";
pub const E4_PROMPT: &str = "Crée un dictionnaire imaginaire\u{a0}: entraîne le modèle sur les mots français, fais-lui inventer des mots, puis clique sur le mot que tu juges le meilleur\u{a0}: un mot nouveau (pas un vrai mot), avec un accent, et qui sonne vraiment français. À toi de juger en le lisant à voix haute\u{a0}: la page ne dit rien avant ton choix, et chaque mot mal choisi compte comme un essai.";
pub const E4_HINT: &str = "Lis chaque mot à voix haute\u{a0}: pourrait-il être dans un dictionnaire\u{a0}? Un mot «\u{a0}bizarre\u{a0}» a deux lettres de suite qu'on ne trouve dans aucun vrai mot. Si aucun ne te plaît, fais inventer 10 autres mots\u{a0}; une température un peu plus froide aide.";
pub const E4_TRAIN: &str = "Entraîne d'abord le modèle sur les mots français.";
pub fn e4_right(word: &str) -> String {
    format!("Bon choix\u{a0}: {} n'est pas un vrai mot de la liste, il porte un accent, et chacune de ses paires de lettres existe dans de vrais mots français. Ton modèle a appris les habitudes du français, accents compris.", quoted(word))
}
pub fn e4_real(word: &str) -> String {
    format!(
        "{} est un vrai mot de la liste\u{a0}: le modèle l'a recopié. Choisis un mot inventé.",
        quoted(word)
    )
}
pub fn e4_no_accent(word: &str) -> String {
    format!(
        "{} n'a pas d'accent\u{a0}: choisis un mot avec é, è, ê, à, ç…",
        quoted(word)
    )
}
pub fn e4_odd(word: &str) -> String {
    format!("{} a au moins une paire de lettres qu'aucun mot de la liste n'a\u{a0}: il ne sonne pas français. Choisis-en un autre.", quoted(word))
}
pub const MARK_ODD: &str = "bizarre";
pub const CHOOSE_WORD: &str = "Choisir ce mot";
pub fn test_loss_line(loss: f32, names: usize) -> String {
    format!(
        "Loss sur {} jamais vus\u{a0}: {}.",
        count(names, "mot", "mots"),
        fr(loss, 2)
    )
}

pub const REFLECTION: &str = "Plus grand, c'est plus fort… à condition d'avoir beaucoup de données et beaucoup de calcul. C'est pour ça que les géants coûtent si cher\u{a0}: des mois de calcul sur des milliers de puces, beaucoup d'électricité, et presque tout Internet comme lecture.";
pub const QUESTION: &str = "Faut-il toujours un modèle géant\u{a0}? Pour quelles tâches un petit modèle, qui tient dans un ordinateur de la classe, suffit-il\u{a0}?";
pub const LEARNED: &[&str] = &[
    "Pendant le même temps, le plus grand modèle n'est pas toujours le meilleur\u{a0}: il fait moins de pas.",
    "Avec peu de données, un modèle apprend par cœur\u{a0}; avec beaucoup, il apprend les habitudes.",
    "Les géants ont des milliards de paramètres, lisent des milliards de jetons et consomment beaucoup d'électricité.",
    "Un alphabet plus grand (accents, espace, apostrophe) permet d'inventer des mots et des phrases en français, sans que le modèle comprenne ce qu'ils veulent dire.",
];

pub const SOURCES: &[Source] = &[
    ("«\u{a0}Language Models are Few-Shot Learners\u{a0}» («\u{a0}les modèles de langage apprennent avec peu d'exemples\u{a0}»)", "Brown et al., OpenAI (2020)\u{a0}: GPT-3, 175 milliards de paramètres, 300 milliards de jetons, environ 314\u{a0}000 milliards de milliards d'opérations de calcul.", "https://arxiv.org/abs/2005.14165"),
    ("«\u{a0}Language Models are Unsupervised Multitask Learners\u{a0}» («\u{a0}les modèles de langage apprennent plusieurs tâches tout seuls\u{a0}»)", "Radford et al., OpenAI (2019)\u{a0}: GPT-2, 1,5 milliard de paramètres, environ 8 millions de pages du Web.", "https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf"),
    ("«\u{a0}Carbon Emissions and Large Neural Network Training\u{a0}» («\u{a0}les émissions de carbone de l'entraînement des grands réseaux de neurones\u{a0}»)", "Patterson et al., Google et université de Californie à Berkeley (2021)\u{a0}: 1\u{a0}287\u{a0}MWh pour entraîner GPT-3.", "https://arxiv.org/abs/2104.10350"),
];
pub const DICTIONARY_RUN: &str = "mots français";

pub const S_PROVERBS: &str = "Des proverbes inventés";
pub const PROVERBS: &str = "Et des phrases\u{a0}? L'alphabet étendu a aussi l'espace, l'apostrophe et la virgule\u{a0}: un modèle peut donc apprendre des phrases entières, lettre après lettre. Le grand modèle (4 couches) lit 549 proverbes français, comme «\u{a0}qui sème le vent récolte la tempête\u{a0}», pendant 40 secondes. Puis il écrit des phrases. En si peu de temps, beaucoup sont bizarres\u{a0}: à toi de trouver celle qui pourrait être un vrai proverbe.";
pub const PROVERBS_BUTTON: &str = "Entraîner le grand modèle sur les proverbes (40\u{a0}s)";
pub const PROVERBS_RUN: &str = "proverbes";
pub const WRITE: &str = "Fais écrire des phrases";
pub const CHOOSE_SENTENCE: &str = "Choisir cette phrase";
pub const NONE_OFFERED: &str = "Le modèle n'a pas encore écrit de phrase dont tous les mots existent. Clique encore sur «\u{a0}Écris 5 proverbes\u{a0}», ou relance l'entraînement.";
pub const REASONS_TITLE: &str = "Pourquoi\u{a0}? Coche toutes les raisons vraies (et seulement elles)\u{a0}:";
pub const E5_REASONS: [&str; 4] = [
    "Tous ses mots existent en français.",
    "Le modèle l'a lue telle quelle dans la liste.",
    "Ce n'est pas un proverbe de la liste.",
    "Le modèle comprend ce que la phrase veut dire.",
];
pub const CHECK: &str = "Vérifier mon choix";
pub const E5_PROMPT: &str = "Lis les phrases du modèle. Clique sur celle qui pourrait être un vrai proverbe\u{a0}: une phrase nouvelle, écrite avec de vrais mots français. Puis coche pourquoi, et vérifie. La page ne dit rien avant ton choix, et chaque mauvais choix compte comme un essai.";
pub const E5_HINT: &str = "Lis chaque mot\u{a0}: existe-t-il dans le dictionnaire\u{a0}? As-tu déjà lu cette phrase dans la liste\u{a0}? Et le modèle, sait-il ce que veulent dire les mots\u{a0}?";
pub const E5_TRAIN: &str = "Entraîne d'abord le grand modèle sur les proverbes.";
pub fn e5_copied(sentence: &str) -> String {
    format!("{} est un proverbe de la liste\u{a0}: le modèle l'a recopié mot pour mot. Choisis une phrase qu'il a inventée.", quoted(sentence))
}
pub fn e5_odd(odd: &[&str]) -> String {
    match odd {
        [] => "Un seul mot, ce n'est pas une phrase. Choisis-en une autre.".to_string(),
        [one] => format!("{} n'est pas un mot français\u{a0}: cette phrase est bizarre. Choisis-en une autre.", quoted(one)),
        _ => format!("{} ne sont pas des mots français\u{a0}: cette phrase est bizarre. Choisis-en une autre.", odd.iter().copied().map(quoted).collect::<Vec<_>>().join(", ")),
    }
}
pub const E5_REASONS_WRONG: &str = "Ta phrase est bien nouvelle, avec de vrais mots. Mais revois tes raisons\u{a0}: coche toutes celles qui sont vraies, et seulement elles.";
pub fn e5_right(sentence: &str) -> String {
    format!("Bien jugé\u{a0}: {} n'est pas dans la liste, et tous ses mots existent. Le modèle l'a inventée en enchaînant des lettres qui vont souvent ensemble. Mais il ne sait pas ce qu'elle veut dire\u{a0}: c'est toi qui lui trouves un sens.", quoted(sentence))
}
/// A non-French word in a judged sentence, for a screen reader.
pub fn not_french(word: &str) -> String {
    format!("{word} (pas un mot français)")
}
pub fn proverbs_loss_line(loss: f32, held_out: usize) -> String {
    format!(
        "Loss sur {} jamais lus\u{a0}: {}.",
        count(held_out, "proverbe", "proverbes"),
        fr(loss, 2)
    )
}
pub fn writing(drawn: usize) -> String {
    format!("Le modèle écrit… ({} pour l'instant)", count(drawn, "phrase", "phrases"))
}
