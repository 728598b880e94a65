//! Lesson 3 « La mémoire du modèle » (embeddings, context window, overfitting): texts.

pub use super::common::A_NUMBER;
use super::{ExerciseMeta, LessonMeta, Level};
use crate::ids;
use crate::text::{count, fr, int, quoted};

pub const META: LessonMeta = LessonMeta {
    number: 3,
    key: "l3",
    bonus: false,
    title: "La mémoire du modèle",
    summary: "Donner à chaque lettre sa carte d'identité et regarder plusieurs lettres en arrière.",
    minutes: 55,
    exercises: &[
        ExerciseMeta { id: ids::L3_E1, level: Level::Modifier, topic: "taille des cartes et nombre de nombres", question: E1_PROMPT },
        ExerciseMeta { id: ids::L3_E2, level: Level::Completer, topic: "régler la fenêtre sur «\u{a0}pik\u{a0}» et compter ce que lit le réseau", question: E2_PROMPT },
        ExerciseMeta { id: ids::L3_E3, level: Level::Modifier, topic: "mémoire de 1 ou 3 lettres", question: E3_PROMPT },
        ExerciseMeta { id: ids::L3_E4, level: Level::Observer, topic: "les deux lettres les plus proches", question: E4_PROMPT },
        ExerciseMeta { id: ids::L3_E5, level: Level::Observer, topic: "trop de mémoire\u{a0}: apprendre par cœur", question: E5_PROMPT },
    ],
    objectives: &[
        "donner à chaque lettre une «\u{a0}carte d'identité\u{a0}» de quelques nombres\u{a0};",
        "laisser le modèle regarder plusieurs lettres en arrière\u{a0};",
        "entraîner ce modèle et vérifier ce qu'il devine sur des noms qu'il n'a jamais vus\u{a0};",
        "découvrir sur une carte quelles lettres le modèle trouve semblables.",
    ],
    teacher_objectives: &[
        "comprendre qu'une lettre est représentée par une liste de nombres réglables (un embedding)\u{a0};",
        "relier la taille de la fenêtre de contexte au nombre de nombres lus par le réseau\u{a0};",
        "mesurer un modèle sur des noms mis de côté (validation) et découvrir le sur-apprentissage\u{a0};",
        "lire une carte en deux dimensions des lettres apprises.",
    ],
    explain: "Explique avec tes mots pourquoi on garde des noms de côté, jamais appris, quand on entraîne un modèle.",
};

pub const S_WELCOME: &str = "Bienvenue";
pub const S_CARDS: &str = "Une carte d'identité par lettre";
pub const S_WINDOW: &str = "La fenêtre de contexte";
pub const S_TRAIN: &str = "Entraîner le modèle à mémoire";
pub const S_MAP: &str = "La carte des lettres";
pub const S_OVERFIT: &str = "Trop de mémoire\u{a0}?";
pub const S_GENERATE: &str = "Inventer avec plus de mémoire";
pub const S_RECAP: &str = "Ce qu'on a appris";

pub const VOCABULARY: &[(&str, &str)] = &[
    ("embedding (plongement)", "la carte d'identité d'une lettre\u{a0}: une liste de nombres que le modèle règle lui-même."),
    ("contexte", "les lettres d'avant que le modèle regarde pour deviner la suivante."),
    ("paramètres", "tous les nombres réglables du modèle (les poids et les cartes)."),
    ("validation", "des noms gardés de côté, jamais appris, pour vérifier que le modèle ne fait pas que réciter."),
];

pub const CARD: &str = "Imagine que chaque lettre reçoit une carte d'identité avec quelques nombres, positifs ou négatifs, comme des réglages\u{a0}: un nombre pourrait vouloir dire «\u{a0}aime le début des mots\u{a0}», un autre «\u{a0}suit souvent une voyelle\u{a0}»… Personne n'écrit ces nombres à la main\u{a0}: le modèle les invente et les règle tout seul pendant l'entraînement. Au début, ils sont tirés au hasard.";
pub const CARD_BUTTON: &str = "Montre la carte d'identité de «\u{a0}a\u{a0}»";
pub const CARD_SHOWN: &str =
    "8 nombres tirés au hasard\u{a0}: le modèle va les régler en apprenant.";

pub const TABLE: &str = "Voici toutes les cartes\u{a0}: une ligne par lettre. Bleu = nombre négatif, orange = nombre positif\u{a0}; plus la couleur est forte, plus le nombre est grand. Passe la souris sur une case (ou touche-la) pour lire son nombre. Change la taille des cartes avec le curseur.";
pub const SIZE_LABEL: &str = "Taille des cartes (nombres par lettre)";
pub const WINDOW_LABEL: &str = "Lettres regardées";
pub const E1_PROMPT: &str = "Mets la taille des cartes sur 5 avec le curseur. Combien de nombres contient alors tout le tableau des cartes (27 lettres)\u{a0}?";
pub const E1_HINT: &str = "27 lignes de 5 cases\u{a0}: multiplie 27 par 5.";
pub const E1_SLIDER: &str = "Mets d'abord le curseur «\u{a0}Taille des cartes\u{a0}» sur 5.";
pub const E1_RIGHT: &str =
    "Exact\u{a0}: 27 × 5 = 135 nombres, tous réglés par le modèle pendant l'entraînement.";
pub const E1_WRONG: &str = "Pas tout à fait. Il y a 27 lignes de 5 cases.";

pub const CARD_LABEL: &str = "Carte d'identité de a";
pub const WINDOW: &str = "Imagine que tu lis un mot à travers une fente dans un carton\u{a0}: tu ne vois que les dernières lettres. Plus la fente est large, plus tu vois de lettres d'avant. Le modèle fait pareil\u{a0}: il prend les cartes des dernières lettres et les pose côte à côte, en une seule longue liste de nombres. Puis un petit réseau de neurones (une machine à calculer faite de nombres réglables) lit cette liste et donne un score à chacun des 27 jetons.";
pub fn window_sentence(k: usize) -> String {
    if k == 1 {
        "Pour deviner la lettre après «\u{a0}.pik\u{a0}», le modèle regarde la dernière lettre\u{a0}:".to_string()
    } else {
        format!("Pour deviner la lettre après «\u{a0}.pik\u{a0}», le modèle regarde les {k} dernières lettres\u{a0}:")
    }
}
/// The window's length in numbers, once exercise 2 is answered (before, the pupil counts).
pub fn window_total(k: usize, d: usize, answered: bool) -> String {
    if answered {
        format!("→ une liste de {k} × {d} = {} nombres", k * d)
    } else {
        "→ une liste de combien de nombres\u{a0}? (exercice 2)".to_string()
    }
}
pub fn param_rows(k: usize, d: usize, hidden: usize) -> [(String, usize); 3] {
    [
        (format!("Cartes d'identité (27 lettres × {d})"), 27 * d),
        (
            format!("Réseau de neurones ({hidden} neurones qui lisent la liste)"),
            k * d * hidden + hidden,
        ),
        ("Scores de sortie (27 jetons)".to_string(), hidden * 27 + 27),
    ]
}
pub const PARAMS_TOTAL: &str = "Total des paramètres";
pub const BIGRAM_PARAMS: &str = "Le tableau de la leçon 2 avait 729 paramètres (27 × 27).";
pub const E2_PROMPT: &str = "Règle le curseur «\u{a0}Lettres regardées\u{a0}» pour que le modèle regarde exactement «\u{a0}pik\u{a0}» avant de deviner. Les cartes ont 8 nombres. Combien de nombres le réseau de neurones lit-il alors\u{a0}?";
pub const E2_HINT: &str =
    "«\u{a0}pik\u{a0}», c'est 3 lettres. Chaque lettre apporte sa carte de 8 nombres.";
pub const E2_WINDOW: &str = "Regarde les cartes affichées\u{a0}: il faut voir exactement p, i et k. Règle le curseur «\u{a0}Lettres regardées\u{a0}».";
pub const E2_RIGHT: &str = "Exact\u{a0}: 3 cartes de 8 nombres, 3 × 8 = 24 nombres. C'est la mémoire du modèle\u{a0}: une fenêtre de 3 lettres.";
pub const E2_WRONG: &str = "Pas encore\u{a0}: compte les cartes posées côte à côte et leurs cases.";

pub const TRAIN: &str = "On entraîne ce modèle sur 90\u{a0}% des 1\u{a0}023 Pokémon, et on garde 10\u{a0}% des noms de côté, jamais appris, pour vérifier (la «\u{a0}validation\u{a0}»). À chaque pas, le modèle corrige ses poids ET les cartes d'identité des lettres. Le tableau donne deux mesures\u{a0}: la loss sur les noms appris, et la loss sur les noms jamais vus.";
pub fn train_button(k: usize, d: usize, steps: usize) -> String {
    format!(
        "Entraîner avec {} en mémoire, cartes de {d} ({} pas)",
        count(k, "lettre", "lettres"),
        int(steps as u64)
    )
}
pub fn run_label(k: usize, d: usize) -> String {
    format!("mémoire {}, cartes de {d}", count(k, "lettre", "lettres"))
}
pub const COL_MODEL: &str = "Modèle";
pub const COL_SEEN: &str = "Loss sur les noms appris";
pub const COL_UNSEEN: &str = "Loss sur les noms jamais vus";
pub const BIGRAM_ROW: &str = "Tableau compté de la leçon 1 (1 lettre)";
pub const RUNNING: &str = "en cours…";
pub const E3_PROMPT: &str = "Entraîne une fois avec 1 lettre en mémoire et une fois avec 3 lettres. Compare leur loss sur les noms jamais vus\u{a0}: que montre le tableau\u{a0}?";
pub const E3_HINT: &str = "Mets le curseur sur 1, entraîne, puis sur 3, entraîne. Dans la dernière colonne du tableau, laquelle est la plus basse, et de combien\u{a0}? Fais la soustraction.";
pub const E3_CHOICES: &[&str] = &[
    "Avec 1 lettre, la loss est aussi basse, ou plus basse.",
    "Avec 3 lettres, un peu plus basse\u{a0}: moins de 0,2 d'écart.",
    "Avec 3 lettres, nettement plus basse\u{a0}: plus de 0,2 d'écart.",
];
pub const E3_NOT_YET: &str =
    "Il faut d'abord les deux entraînements terminés\u{a0}: un avec 1 lettre, un avec 3 lettres.";
/// The gap as the table shows it (two decimals).
fn gap(one: f32, three: f32) -> String {
    fr(((one - three) * 100.0).round().abs() / 100.0, 2)
}
pub fn e3_right(one: f32, three: f32) -> String {
    if three < one - 0.005 {
        format!("Oui\u{a0}: {} avec 1 lettre, {} avec 3 lettres, {} d'écart. Se souvenir de 3 lettres aide à deviner la suivante, mais l'écart est petit\u{a0}: sur des noms jamais vus, même un bon modèle reste souvent surpris. Et plus de mémoire n'aide pas toujours (étape 6).", fr(one, 2), fr(three, 2), gap(one, three))
    } else {
        format!("Oui\u{a0}: {} avec 1 lettre, {} avec 3 lettres. Ici, 3 lettres de mémoire n'ont pas aidé.", fr(one, 2), fr(three, 2))
    }
}
pub fn e3_wrong(one: f32, three: f32) -> String {
    format!("Ce n'est pas ça\u{a0}: le tableau montre {} avec 1 lettre et {} avec 3 lettres, soit {} d'écart.", fr(one, 2), fr(three, 2), gap(one, three))
}

pub const MAP: &str = "Après l'entraînement, chaque lettre a une carte d'identité de 8 nombres. Pour la dessiner à plat, on ne garde que les 2 directions où les cartes diffèrent le plus\u{a0}: la carte des lettres est comme l'ombre d'un objet sur un mur. Les voyelles sont des ronds bleus, les consonnes des carrés orange, le «\u{a0}.\u{a0}» un losange noir. Regarde\u{a0}: les voyelles sont-elles rangées ensemble\u{a0}?";
/// What the flat map cannot show, measured on the cards of the model drawn.
pub fn vowels_line(vowels: f32, mixed: f32) -> String {
    let verdict = if vowels < mixed {
        "Avec tous leurs nombres, les voyelles sont donc un peu plus proches entre elles\u{a0}: le modèle les a un peu rapprochées sans qu'on lui dise ce qu'est une voyelle, mais l'ombre à plat ne le montre presque pas."
    } else {
        "Avec tous leurs nombres non plus, le modèle n'a pas rapproché les voyelles."
    };
    format!("Mesuré sur les 8 nombres des cartes de ce modèle\u{a0}: l'écart moyen entre les cartes de deux voyelles est de {}, entre une voyelle et une consonne de {}. {verdict}", fr(vowels, 1), fr(mixed, 1))
}
pub const NEED_TRAINED: &str = "Il faut d'abord un modèle entraîné.";
pub const TRAIN_NOW: &str = "Entraîner maintenant";
pub const PICK_TWO: &str = "Choisir deux lettres";
pub const MAP_PICK: &str =
    "Deux lettres se cachent l'une l'autre\u{a0}? Choisis-les aussi ici\u{a0}:";
pub const E4_PROMPT: &str =
    "Clique sur les deux lettres qui ont fini le plus près l'une de l'autre sur la carte.";
pub const E4_HINT: &str = "Cherche deux symboles qui se touchent, ou qui se cachent l'un l'autre. Clique sur l'un puis sur l'autre, sur la carte ou dans la rangée de lettres\u{a0}; chaque paire choisie compte comme un essai.";
/// `others`: pairs that look as close on the map (also accepted); `alike`: how far apart the
/// two cards are with all their numbers, `usual`: the same for two letters on average.
pub fn e4_right(pair: (char, char), others: &[(char, char)], alike: f32, usual: f32) -> String {
    let named = |(a, b): (char, char)| format!("{} et {}", quoted(a), quoted(b));
    let also = if others.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = others.iter().map(|&p| named(p)).collect();
        format!(" ({} presque autant\u{a0}: à l'œil, on ne peut pas les départager, elles sont acceptées aussi)", list.join(", "))
    };
    let shadow = if alike < usual * 0.8 {
        format!("Avec leurs 8 nombres, leurs cartes se ressemblent vraiment\u{a0}: {} d'écart, quand l'écart moyen entre deux lettres est de {}. Le modèle les utilise de façon semblable.", fr(alike, 1), fr(usual, 1))
    } else {
        format!("Pourtant, avec leurs 8 nombres, leurs cartes ne se ressemblent pas tant\u{a0}: {} d'écart, quand l'écart moyen entre deux lettres est de {}. L'ombre à plat les a rapprochées, comme deux étoiles qui semblent voisines dans le ciel mais ne le sont pas forcément.", fr(alike, 1), fr(usual, 1))
    };
    format!(
        "Bien vu\u{a0}: {} sont les plus proches sur la carte{also}. {shadow}",
        named(pair)
    )
}
pub fn e4_wrong(a: char, b: char) -> String {
    format!(
        "{} et {} ne sont pas les plus proches. Cherche deux symboles presque collés, ou cachés l'un sous l'autre.",
        quoted(a),
        quoted(b)
    )
}

pub const OVERFIT: &str = "Et si on donnait encore plus de mémoire au modèle\u{a0}? Avec 5 lettres, il voit presque des noms entiers. Est-ce forcément mieux\u{a0}? Entraîne avec 3 lettres puis avec 5 lettres, et compare les deux colonnes du tableau.";
pub const E5_PROMPT: &str = "Complète la conclusion de ton expérience\u{a0}: avec 5 lettres en mémoire plutôt que 3, le modèle…";
pub const E5_HINT: &str = "Compare les deux lignes du tableau\u{a0}: d'abord la colonne des noms appris, puis celle des noms jamais vus.";
pub const E5_CHOICES: &[&str] = &[
    "…devine mieux les noms jamais vus\u{a0}: plus de mémoire, c'est toujours mieux.",
    "…récite mieux ses noms appris, mais devine moins bien les autres.",
    "…fait moins bien sur les deux sortes de noms, appris ou jamais vus.",
];
pub const E5_NOT_YET: &str =
    "Il faut d'abord deux entraînements terminés\u{a0}: un avec 3 lettres et un avec 5 lettres.";
pub fn e5_right(seen3: f32, seen5: f32, unseen3: f32, unseen5: f32) -> String {
    format!("Exactement\u{a0}: sur les noms appris, la loss passe de {} à {}\u{a0}; sur les noms jamais vus, de {} à {}. Le modèle apprend ses noms par cœur au lieu d'en retenir les habitudes\u{a0}: on appelle ça le sur-apprentissage. C'est pour le voir qu'on garde des noms de côté.", fr(seen3, 2), fr(seen5, 2), fr(unseen3, 2), fr(unseen5, 2))
}
pub fn e5_wrong(seen3: f32, seen5: f32, unseen3: f32, unseen5: f32) -> String {
    format!("Pas tout à fait\u{a0}: regarde le tableau. Noms appris\u{a0}: {} avec 3 lettres, {} avec 5. Noms jamais vus\u{a0}: {} avec 3 lettres, {} avec 5.", fr(seen3, 2), fr(seen5, 2), fr(unseen3, 2), fr(unseen5, 2))
}

pub const GENERATE: &str = "Invente des noms avec le modèle à mémoire, et compare avec ceux du tableau compté (leçon 1). Ils devraient «\u{a0}sonner\u{a0}» plus Pokémon\u{a0}!";
pub const GENERATE_BUTTON: &str = "Invente 10 Pokémon avec mémoire";
pub const TRAIN_FIRST: &str =
    "Il faut d'abord un modèle entraîné\u{a0}: entraîne-le ici (environ 2 secondes).";

pub const REFLECTION: &str = "Le modèle a réglé les cartes des lettres tout seul, sans qu'on lui dise ce qu'est une voyelle\u{a0}: sur la carte à plat, les voyelles restent éparpillées, et avec leurs 8 nombres elles ne sont qu'un peu plus proches entre elles (étape 5). Les grands modèles, qui lisent des milliards de mots, donnent aussi une carte à chaque mot, et des mots employés de la même façon, comme «\u{a0}chat\u{a0}» et «\u{a0}chien\u{a0}», y finissent proches. Mais ils rapprochent aussi les préjugés de leurs textes\u{a0}: si les exemples associent un métier à un seul genre, le modèle le fera aussi.";
pub const QUESTION: &str = "Un modèle qui a appris ses exemples par cœur est-il un bon modèle\u{a0}? Comment le vérifier\u{a0}?";
pub const LEARNED: &[&str] = &[
    "Chaque lettre a une carte d'identité (un embedding) que le modèle règle lui-même.",
    "Avec une fenêtre de plusieurs lettres, le modèle se souvient de plus de contexte.",
    "Un peu plus de mémoire aide\u{a0}; trop de mémoire fait apprendre par cœur\u{a0}: on le voit sur les noms jamais vus (la validation).",
    "La carte des lettres est une ombre à plat de leurs cartes d'identité\u{a0}: deux lettres proches sur l'ombre ne se ressemblent pas toujours.",
];
pub const LIMIT: &str = "Mais la fenêtre est fixe, et chaque place de la fenêtre compte toujours de la même façon, quelles que soient les lettres. Et si le modèle pouvait choisir lui-même quelles lettres regarder\u{a0}? C'est l'attention, dans la leçon 4.";
pub const BENGIO_SOURCE: super::Source = ("«\u{a0}A Neural Probabilistic Language Model\u{a0}»", "Bengio, Ducharme, Vincent et Jauvin (2003)\u{a0}: le modèle de cette leçon, des cartes d'identité et une fenêtre de mots.", "https://www.jmlr.org/papers/v3/bengio03a.html");
