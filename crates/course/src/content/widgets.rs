//! Words of the shared widgets: name lists, word boxes, tables, sliders, the loss curve.

use crate::text::{count, int, quoted};

pub fn accents_removed_letters(letters: &str) -> String {
    format!(
        "Accents enlevés ({letters})\u{a0}: ce modèle ne connaît que les 26 lettres sans accent."
    )
}
pub fn accents_removed_extended(letters: &str) -> String {
    format!("Accents enlevés ({letters})\u{a0}: ces lettres ne sont pas dans l'alphabet étendu.")
}
pub fn digits_removed(n: usize) -> String {
    format!(
        "{}\u{a0}: le modèle ne connaît que les lettres.",
        count(n, "chiffre enlevé", "chiffres enlevés")
    )
}
pub fn punctuation_removed(n: usize) -> String {
    format!(
        "{}.",
        count(
            n,
            "signe de ponctuation enlevé",
            "signes de ponctuation enlevés"
        )
    )
}
pub fn symbols_removed(n: usize) -> String {
    format!(
        "{}\u{a0}: ils ne font pas partie de l'alphabet du modèle.",
        count(n, "symbole ou emoji enlevé", "symboles ou emoji enlevés")
    )
}
/// A few names, and how many more: « tortank, tiplouf… et 11 569 autres ».
pub fn some_names(shown: &[String], more: usize) -> String {
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{}… et {} autres", shown.join(", "), int(more as u64))
    }
}
pub fn already_in_list(names: &str) -> String {
    format!("Déjà dans la liste\u{a0}: {names}.")
}
pub fn added(names: &str) -> String {
    format!("Ajouté\u{a0}: {names}.")
}
pub fn text_cut(max_chars: usize) -> String {
    format!(
        "Ta liste est très longue\u{a0}: je ne lis que ses {} premiers caractères.",
        int(max_chars as u64)
    )
}
pub fn names_cut(max: usize) -> String {
    format!(
        "Ta liste a trop de noms pour cette page\u{a0}: je garde les {} premiers.",
        int(max as u64)
    )
}
pub fn and_more(n: usize) -> String {
    format!("… et {} autres", int(n as u64))
}
pub const WRITE_A_NAME: &str = "Écris un nom avec des lettres, par exemple «\u{a0}tortank\u{a0}».";
pub const ADD_NAMES_LABEL: &str =
    "Ajoute des noms (sépare-les par des espaces ou des virgules)\u{a0}: ";
pub const ADD_NAMES_PLACEHOLDER: &str = "kaiminus, tiplouf…";
pub const ADD: &str = "Ajouter";
pub fn remove(name: &str) -> String {
    format!("Enlever {name}")
}
pub fn names_in_list(n: usize) -> String {
    count(n, "nom dans la liste", "noms dans la liste")
}

pub const ONE_WORD_LETTERS: &str = "Écris un mot avec des lettres de a à z.";
pub const ONE_WORD_EXTENDED: &str =
    "Écris un mot avec des lettres (accents et trait d'union permis).";
pub fn one_word_at_a_time(first: &str) -> String {
    format!("Un seul mot à la fois\u{a0}: je garde {}.", quoted(first))
}
pub fn word_too_long(max: usize, word: &str) -> String {
    format!(
        "Mot trop long\u{a0}: je garde les {max} premières lettres, {}.",
        quoted(word)
    )
}
/// Why a model refuses letters (at most a few shown).
pub fn cannot_read_letters(shown: &str, extended: bool) -> String {
    if extended {
        format!(
            "Ce modèle ne sait pas lire {shown}\u{a0}: ces lettres ne sont pas dans son alphabet."
        )
    } else {
        format!("Ce modèle ne sait pas lire {shown}\u{a0}: il a appris avec les 26 lettres sans accent. Écris sans accent, ou entraîne un modèle avec l'alphabet étendu.")
    }
}
pub const VALIDATE: &str = "Valider";
pub const WORD_PLACEHOLDER: &str = "ex.\u{a0}: Zoé";
pub const TEMPERATURE: &str = "Température";

pub const READ_A_CELL: &str = "Passe la souris sur une case, ou touche-la, pour lire son nombre.";
pub fn times(n: u64) -> String {
    format!("{} fois", int(n))
}
pub const NEVER_SEEN: &str = "jamais vue";
pub const FEW: &str = "peu";
pub fn many(max: &str) -> String {
    format!("beaucoup ({max})")
}
pub fn all_equal(value: &str) -> String {
    format!("toutes les cases pareilles ({value})")
}
pub const AXES_NOTE: &str = "Ligne = la lettre d'avant · colonne = la lettre d'après · «\u{a0}.\u{a0}» = début ou fin du nom.";
pub fn count_detail(before: char, after: char, n: u64) -> String {
    format!(
        "Après {} vient {}\u{a0}: {} fois",
        quoted(before),
        quoted(after),
        int(n)
    )
}
pub fn probability_detail(before: char, after: char, p: &str) -> String {
    format!(
        "Après {}, {} a une probabilité de {p}",
        quoted(before),
        quoted(after)
    )
}
pub fn choose_row(letter: char) -> String {
    format!("Choisir la ligne de {}", quoted(letter))
}

pub fn mask_label(word: &str) -> String {
    format!("Masque causal de {}\u{a0}: la lettre numéro i peut regarder i cases (elle-même et celles d'avant).", quoted(word))
}
pub const MASK_TITLE: &str = "Masque causal\u{a0}: les cases vertes sont permises";
pub const MASK_CAPTION: &str =
    "Ligne = la lettre qui pose sa question · colonne = la lettre regardée · ✓ permis, ✗ interdit.";
pub fn head(n: usize) -> String {
    format!("Tête {n}")
}
pub fn head_summary(n: usize, rows: &[String]) -> String {
    format!("Tête {n}\u{a0}: {}", rows.join(", "))
}
pub fn looks_most(asker: char, looked: char, share: &str) -> String {
    format!(
        "{} regarde surtout {} ({share})",
        quoted(asker),
        quoted(looked)
    )
}
pub fn looks_at(asker: char, looked: char, share: &str) -> String {
    format!(
        "{} regarde {}\u{a0}: {share}",
        quoted(asker),
        quoted(looked)
    )
}
pub fn head_grid(n: usize) -> String {
    format!("Tête {n}\u{a0}: grille des attentions")
}
pub fn head_lines(n: usize) -> String {
    format!("Tête {n} en traits entre les lettres")
}
pub fn head_who(n: usize) -> String {
    format!("Tête {n}\u{a0}: qui regarde qui")
}
pub fn cards_label(d: usize) -> String {
    format!("Tableau des cartes d'identité\u{a0}: 27 lettres × {d} nombres")
}
pub fn cards_title(d: usize) -> String {
    format!("Les cartes d'identité des 27 lettres ({d} nombres chacune)")
}
pub fn card_cell(letter: char, n: usize, value: &str) -> String {
    format!("{}, nombre {n}\u{a0}: {value}", quoted(letter))
}
pub fn map_label(positions: &str) -> String {
    format!("Carte des lettres. Positions\u{a0}: {positions}")
}
pub const MAP_TITLE: &str = "La carte des lettres après l'entraînement";
pub const VOWELS: &str = " voyelles (ronds)  ";
pub const CONSONANTS: &str = " consonnes (carrés)  ";
pub const BOUNDARY: &str = " «\u{a0}.\u{a0}» début/fin (losange)";
pub fn letter_label(letter: char) -> String {
    format!("Lettre {letter}")
}
pub fn invented_count(n: usize) -> String {
    format!(" {}", count(n, "nom inventé", "noms inventés"))
}
pub fn last_name_drawn(name: &str) -> String {
    format!(
        "Le dernier nom, {}, tiré lettre par lettre (avec la chance de chaque lettre)\u{a0}:",
        quoted(name)
    )
}
pub const CURVE_EXPLODED: &str = "\u{a0}: la loss a explosé";
pub fn curve_last(loss: &str) -> String {
    format!("\u{a0}: dernière loss d'entraînement {loss}")
}
pub const CURVE_NOT_STARTED: &str = "\u{a0}: pas encore lancé";
pub fn curve_label(summary: &str) -> String {
    format!("Courbe de la loss. {summary}")
}
pub const CURVE_TITLE: &str = "La loss pendant l'entraînement (plus bas = mieux)";
pub const CURVE_X: &str = "pas d'entraînement";
pub fn slider_label(p: &str, loss: &str) -> String {
    format!("Courbe de la loss\u{a0}: avec {p}, la loss vaut {loss}")
}
pub const SLIDER_TITLE: &str = "La loss selon la probabilité donnée à la bonne lettre";
pub const SLIDER_X: &str = "probabilité de la bonne lettre";
pub const SLIDER_LABEL: &str = "Probabilité de la bonne lettre\u{a0}: ";
pub const SLIDER_ARIA: &str = "Probabilité donnée à la bonne lettre, en pourcentage";
pub fn letter_value(letter: &str, value: &str) -> String {
    format!("{letter}\u{a0}: {value}")
}
pub const PLAN_TITLE: &str = "Le plan du mini-GPT";
pub const PLAN_LABEL: &str = "Plan du mini-GPT, de haut en bas\u{a0}: lettres, cartes et positions, attention, raccourci, réseau de neurones, raccourci, scores, pourcentages.";
pub fn training_at(step: usize) -> String {
    format!("Entraînement en cours… (pas {})", int(step as u64))
}
pub fn paused_at(step: usize) -> String {
    format!("En pause (pas {}).", int(step as u64))
}
pub const FINISHED: &str = "Terminé\u{a0}!";
pub fn exploded_at(step: usize) -> String {
    format!("La loss a explosé au pas {}\u{a0}: le modèle est perdu. Recommence avec un taux plus petit.", int(step as u64))
}
pub const CONTROLS: &str = "Contrôle de l'entraînement";
pub const PAUSE: &str = "Pause";
pub const RESUME: &str = "Reprendre";
pub const RESTART: &str = "Recommencer";
/// « Label : » before a value.
pub fn label_colon(label: &str) -> String {
    format!("{label}\u{a0}: ")
}

pub fn own_list(n: usize) -> String {
    format!("ta liste ({})", count(n, "nom", "noms"))
}
pub fn pokemon(n: &str) -> String {
    format!("{n} Pokémon")
}
pub fn prenoms(n: &str) -> String {
    format!("{n} prénoms français")
}
pub fn dinosaures(n: &str) -> String {
    format!("{n} dinosaures")
}
pub fn mots(n: &str) -> String {
    format!("{n} mots français")
}
pub fn proverbes(n: &str) -> String {
    format!("{n} proverbes français")
}
pub fn for_example(names: &str) -> String {
    format!("par exemple\u{a0}: {names}")
}
pub const WHICH_NAMES: &str = "Sur quels noms le modèle apprend-il\u{a0}?";
pub const OWN_LIST_LABEL: &str = "Ou ta propre liste (prénoms de la classe, mots inventés…), un nom par ligne (ou, sur une seule ligne, séparés par des virgules)\u{a0}:";
pub const OWN_LIST_PLACEHOLDER: &str = "Léa, Hugo, Chloé, Nathan…";
pub const USE_MY_LIST: &str = "Utiliser ma liste";
pub const EXTENDED: &str = "Alphabet étendu (accents)";
pub const EXTENDED_NOTE: &str =
    "é è ê ë à â î ï ô û ù ü ç œ æ, le trait d'union, l'espace, l'apostrophe et la virgule\u{a0}: 46 jetons au lieu de 27.";
pub fn chosen(label: &str) -> String {
    format!("Choisi\u{a0}: {label}.")
}
pub fn too_few_names(min: usize, n: usize) -> String {
    format!("Il faut au moins {min} noms pour que le modèle apprenne quelque chose\u{a0}: ta liste en a {n}. Ajoute-en encore {}\u{a0}!", min - n)
}
pub fn off_we_go(n: usize) -> String {
    format!("C'est parti avec tes {}\u{a0}!", count(n, "nom", "noms"))
}

// « Emporter mon modèle »: the model as a Jupyter notebook.
pub const TAKE_HOME_TITLE: &str = "Emporter mon modèle";
pub const TAKE_HOME_INTRO: &str = "Télécharge ton modèle sous forme de notebook Jupyter\u{a0}: tout son code et tous ses nombres, à ouvrir dans Capytale, Basthon ou Jupyter. La version PyTorch continue l'entraînement, sur la carte graphique si l'ordinateur en a une.";
pub const TAKE_HOME_PYTHON: &str = "Emporter mon modèle en Python";
pub const TAKE_HOME_PYTORCH: &str = "… en PyTorch";
/// Why the take-home buttons wait.
pub const TAKE_HOME_BUSY: &str =
    "Attends la fin de l'entraînement (ou arrête-le) pour emporter ton modèle.";
pub const TAKE_HOME_NO_MODEL: &str = "Entraîne d'abord un modèle.";
/// Any download the browser refused.
pub const DOWNLOAD_REFUSED: &str = "Le navigateur a refusé d'enregistrer le fichier.";
