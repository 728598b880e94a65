//! Texts of the pages around the lessons: home, lesson frame, privacy, « Ma progression »,
//! the speed test.

use crate::text::{count, fr, int};

pub const HERO_TITLE: &str = "Crée ton propre mini-GPT, lettre par lettre";
pub const HERO: &str = "En six leçons, tu vas construire et entraîner un vrai petit modèle de langage, de la même famille que ceux qui font marcher ChatGPT, mais assez petit pour comprendre chaque pièce. Il inventera des noms de Pokémon, des prénoms ou des dinosaures.";
pub const BONUS: &str = "Leçon bonus";
pub const OPEN_BONUS: &str = "Ouvrir la leçon bonus";
pub const ATELIER_TITLE: &str = "L'Atelier libre";
pub const ATELIER_SUMMARY: &str =
    "Choisis les données et la taille de ton modèle, entraîne-le, relève des défis, enregistre-le.";
pub const OPEN_ATELIER: &str = "Ouvrir l'Atelier";
pub const TEACHERS_LINK: &str = "Coin des enseignants";
pub fn global_counter(solved: usize, total: usize) -> String {
    format!("{solved}/{total} réussis")
}
pub fn lesson_counter(solved: usize, total: usize) -> String {
    format!(
        "{} sur {total}",
        count(solved, "exercice réussi", "exercices réussis")
    )
}
pub const ALL_LESSONS: &str = "Toutes les leçons";
pub const PREVIOUS: &str = "← Précédent";
pub const NEXT: &str = "Suivant";
pub const BACK_HOME: &str = "← Retour aux leçons";
pub const RESET_LESSON: &str = "Recommencer la leçon";
pub const RESET_LESSON_CONFIRM: &str = "Recommencer la leçon pour t'entraîner\u{a0}? Ses exercices se rouvrent, mais ton premier résultat reste enregistré tel quel («\u{a0}réussi\u{a0}» ou «\u{a0}fait\u{a0}»)\u{a0}: rien n'est effacé.";
pub const NO_LESSON_TITLE: &str = "Leçon introuvable";
pub const NO_LESSON: &str =
    "Cette leçon n'existe pas. Les leçons vont de 1 à 6, plus une leçon bonus (7).";
pub const NOT_FOUND_TITLE: &str = "Page introuvable";
pub const NOT_FOUND: &str = "Cette adresse ne mène à aucune page de Tuto LLM.";

pub const PRIVACY_TITLE: &str = "Confidentialité";
pub const PRIVACY: &[&str] = &[
    "Pas de compte, pas d'inscription\u{a0}: tu n'as rien à donner.",
    "Rien n'est envoyé sur Internet\u{a0}: les modèles s'entraînent dans ta page, sur ton ordinateur. Pas de publicité, pas de mesure d'audience, pas de police de caractères ni de programme téléchargés ailleurs.",
    "Ce que ce navigateur garde, sur cet ordinateur seulement\u{a0}: les prénoms et initiales tapés dans «\u{a0}Qui es-tu\u{a0}?\u{a0}» (et le dernier, pour le proposer au suivant)\u{a0}; pour chaque élève, les résultats des exercices («\u{a0}réussi\u{a0}», «\u{a0}fait\u{a0}», le nombre d'essais, la date), sa première réponse à chaque exercice, ses phrases «\u{a0}À toi d'expliquer\u{a0}» enregistrées et ses brouillons, les modèles entraînés pendant une leçon\u{a0}; pour tout le poste, la liste des réponses déjà montrées dans l'heure (pour qu'un autre prénom ne puisse pas les recopier).",
    "Un autre élève qui tape ton prénom et ton initiale sur ce poste voit ta progression\u{a0}: la page lui demande d'abord «\u{a0}c'est bien toi\u{a0}?\u{a0}». À la fin de la séance, ton professeur peut vider le poste.",
    "Pour effacer\u{a0}: «\u{a0}Effacer toute ma progression\u{a0}» ci-dessous efface ce que tu as fait sur ce navigateur (tes exercices, tes phrases, tes brouillons, ton prénom), pas ce qu'ont fait les autres élèves. «\u{a0}Vider ce poste\u{a0}» efface tous les élèves de ce navigateur. Dans les deux cas, la liste des réponses déjà vues reste une heure\u{a0}: effacer ne permet pas de refaire une prédiction. «\u{a0}Recommencer la leçon\u{a0}» n'efface rien\u{a0}: elle rouvre les exercices pour t'entraîner. Pour tout effacer d'un coup\u{a0}: «\u{a0}effacer les données du site\u{a0}» dans les réglages du navigateur.",
];
pub const ERASE_ALL: &str = "Effacer toute ma progression";
/// « Effacer toute ma progression »: `who` is « Léa B. », « Léa B. et Tom M. », or "" for the
/// work done without a name.
pub fn erase_confirm(who: &str) -> String {
    let whose = if who.is_empty() {
        "tout ce qui a été fait sans prénom".to_string()
    } else {
        format!("tout ce que {who} a fait")
    };
    format!("Effacer {whose} sur ce navigateur\u{a0}: les exercices de toutes les leçons, les premières réponses, les phrases et les brouillons\u{a0}? Les autres élèves de ce poste ne sont pas touchés, et la liste des réponses déjà vues reste une heure. On ne pourra pas revenir en arrière.")
}
pub const ERASED: &str = "C'est fait\u{a0}: ta progression sur ce navigateur est effacée (exercices, phrases, brouillons). Celle des autres élèves reste.";
pub const CLEAR_COMPUTER: &str = "Vider ce poste";
pub const CLEAR_COMPUTER_NOTE: &str = "Pour l'enseignant, à la fin d'une séance\u{a0}: efface tous les élèves de ce navigateur (prénoms, exercices, premières réponses, phrases, brouillons, modèles des leçons). La liste des réponses déjà vues reste une heure\u{a0}: vider le poste ne permet pas de refaire une prédiction.";
pub fn clear_confirm(pupils: usize) -> String {
    let whose = if pupils == 1 {
        "de l'élève qui a travaillé".to_string()
    } else {
        format!("des {pupils}\u{a0}élèves qui ont travaillé")
    };
    format!("Vider ce poste\u{a0}: effacer le travail {whose} sur ce navigateur (prénoms, exercices, premières réponses, phrases, brouillons), et celui fait sans prénom\u{a0}? La liste des réponses déjà vues reste une heure. On ne pourra pas revenir en arrière.")
}
pub fn cleared(pupils: usize) -> String {
    let who = if pupils == 1 {
        "1\u{a0}élève effacé".to_string()
    } else {
        format!("{pupils}\u{a0}élèves effacés")
    };
    format!("Ce poste est vidé\u{a0}: {who}. La liste des réponses déjà vues reste une heure.")
}
pub const NOT_ERASED: &str = "Rien n'a été effacé.";
pub const PUBLISHER: &str = "Tuto LLM est un logiciel libre (licence MIT), publié par l'équipe Tuto LLM. Il ne collecte aucune donnée personnelle.";

pub const PROGRESS_UNREADABLE: &str =
    "Ta progression enregistrée était illisible\u{a0}: on repart de zéro.";
pub const PROGRESS_DAMAGED: &str = "Une partie de ta progression enregistrée était abîmée\u{a0}: elle est laissée de côté, le reste est gardé.";
pub const PROGRESS_NEWER: &str = "Ta progression a été enregistrée par une version plus récente de Tuto LLM\u{a0}: cette page ne sait pas la lire. Elle n'y touche pas, et ne garde rien de ce que tu fais ici. Ouvre la version la plus récente.";
pub const STORAGE_REFUSED: &str = "Ce navigateur refuse d'enregistrer\u{a0}: ton travail reste tant que la page est ouverte. Envoie ton fichier à ton professeur avant de fermer.";

pub const PROGRESS_TITLE: &str = "Ma progression";
pub const PROGRESS_INTRO: &str = "Voici les exercices faits dans ce navigateur, et tes phrases «\u{a0}À toi d'expliquer\u{a0}». Pour que ton professeur les voie, envoie-lui ton fichier (en bas de la page).";
pub const COL_LESSON: &str = "Leçon";
pub const COL_SOLVED: &str = "Réussis";
pub const COL_DONE: &str = "Faits";
pub const COL_TODO: &str = "À faire";
pub fn progress_total(solved: usize, total: usize) -> String {
    format!(
        "Total des six leçons et de la leçon bonus\u{a0}: {} sur {total}.",
        count(solved, "exercice réussi", "exercices réussis")
    )
}
pub fn lesson_name(n: u8, title: &str) -> String {
    format!("Leçon {n}\u{a0}: {title}")
}
pub fn bonus_name(title: &str) -> String {
    format!("Leçon bonus\u{a0}: {title}")
}
pub const PRINT_PROGRESS: &str = "Imprimer ma progression";
pub fn exercise_line(n: usize, topic: &str) -> String {
    format!("Exercice {n}\u{a0}: {topic}")
}
pub fn state_solved(tries: u32) -> String {
    if tries <= 1 {
        "réussi du premier coup".to_string()
    } else {
        format!("réussi en {tries} essais")
    }
}
pub fn state_done(tries: u32) -> String {
    if tries <= 1 {
        "fait (raté du premier coup)".to_string()
    } else {
        format!("fait, trouvé en {tries} essais")
    }
}
pub const STATE_TODO: &str = "à faire";
pub const STATE_SEEN: &str = "fait (réponse déjà vue sur ce poste)";
pub const SEND_TITLE: &str = "Envoyer à mon professeur";
pub fn send_intro(file: &str, pair: bool) -> String {
    if pair {
        format!("Ce bouton n'envoie rien par Internet\u{a0}: il enregistre vos deux progressions dans un seul fichier, «\u{a0}{file}\u{a0}», dans le dossier Téléchargements de cet ordinateur. Donnez ce fichier à votre professeur (clé USB, ENT…)\u{a0}: sa page «\u{a0}Ma classe\u{a0}» le lira.")
    } else {
        format!("Ce bouton n'envoie rien par Internet\u{a0}: il enregistre ta progression dans le fichier «\u{a0}{file}\u{a0}», dans le dossier Téléchargements de cet ordinateur. Donne ce fichier à ton professeur (clé USB, ENT…)\u{a0}: sa page «\u{a0}Ma classe\u{a0}» le lira.")
    }
}
pub const SEND_NAME_FIRST: &str = "Écris d'abord ton prénom avec le bouton «\u{a0}Qui es-tu\u{a0}?\u{a0}» en haut de la page\u{a0}: ton professeur doit savoir que ce fichier est le tien.";
pub const SEND: &str = "Envoyer à mon professeur";
pub fn exported(file: &str) -> String {
    format!("Fichier «\u{a0}{file}\u{a0}» enregistré dans Téléchargements. Donne ce fichier à ton professeur (clé USB, ENT…).")
}
pub const EXPORT_REFUSED: &str = "Le navigateur a refusé d'enregistrer le fichier\u{a0}: rien n'a été enregistré. Demande de l'aide à ton professeur.";

pub const BENCH_TITLE: &str = "Tester la vitesse de cet ordinateur";
pub const BENCH_INTRO: &str = "Ce test lance l'entraînement de chaque leçon comme un élève le lance, mesure l'attente, puis entraîne le grand modèle de l'Atelier en arrière-plan (la page reste utilisable), sur tous les cœurs de calcul puis sur un seul. Il dit ensuite, leçon par leçon, si ce poste convient. Le test rapide dure environ 40\u{a0}secondes, le test complet environ 2\u{a0}minutes\u{a0}30.";
pub const BENCH_QUICK: &str = "Test rapide (environ 40\u{a0}s)";
pub const BENCH_FULL: &str = "Test complet (environ 2\u{a0}min\u{a0}30)";
pub const BENCH_RUNNING: &str = "Test en cours…";
pub const BENCH_DETAILS: &str = "Détails techniques (pour le support informatique)";
pub const VERDICT_TITLE: &str = "Verdict pour ce poste";
/// 853 205 → 850 000: a teacher needs the size of a number, not its last digits.
fn round_to_two_digits(x: f64) -> u64 {
    if x < 100.0 {
        return x.round() as u64;
    }
    let unit = 10f64.powi(x.log10().floor() as i32 - 1);
    ((x / unit).round() * unit) as u64
}

/// A lesson's wait for its training, in words (the speed test judges it: `pages::bench`).
pub const WAIT_SMOOTH: &str = "fluide";

pub fn wait_seconds(s: u32) -> String {
    format!("attente d'environ {s}\u{a0}s à chaque entraînement")
}

pub fn too_slow(s: u32) -> String {
    format!(
        "trop lent ({s}\u{a0}s d'attente)\u{a0}: faites-la au vidéoprojecteur depuis un poste plus rapide"
    )
}

pub fn lesson_without_training(n: u8) -> String {
    format!("Leçon {n}\u{a0}: fluide (pas d'entraînement à attendre).")
}

/// `wait`: `WAIT_SMOOTH`, `wait_seconds` or `too_slow`.
pub fn lesson_wait(n: u8, wait: &str) -> String {
    format!("Leçon {n}\u{a0}: {wait}.")
}

pub fn bonus_verdict(race_s: f64, big_tps: f64) -> String {
    let race = race_s.round();
    let names = round_to_two_digits(big_tps * race_s / 7.0);
    if big_tps >= 8000.0 {
        format!("Leçon bonus\u{a0}: la course dure le temps choisi ({race}\u{a0}s par défaut)\u{a0}; le grand modèle y lit environ {} prénoms, assez pour bien apprendre.", int(names))
    } else if big_tps >= 2000.0 {
        format!("Leçon bonus\u{a0}: la course dure le temps choisi ({race}\u{a0}s par défaut), mais le grand modèle n'y lit qu'environ {} prénoms\u{a0}: choisissez 40\u{a0}s.", int(names))
    } else {
        "Leçon bonus\u{a0}: trop lent, le grand modèle n'apprend presque rien pendant la course. Faites-la au vidéoprojecteur depuis un poste plus rapide.".to_string()
    }
}

/// How long the Atelier's proverbs run (its « Pour les phrases » size) takes here, estimated
/// from the measured speed.
pub fn proverbs_verdict(seconds: f64) -> String {
    let time = if seconds < 90.0 {
        format!("{}\u{a0}s", (seconds / 5.0).ceil().max(1.0) as u64 * 5)
    } else {
        format!("{}\u{a0}min", (seconds / 60.0).round() as u64)
    };
    let advice = if seconds <= 120.0 {
        "assez pour une séance"
    } else if seconds <= 600.0 {
        "lancez-le en début de séance"
    } else {
        "trop long ici\u{a0}: faites-le au vidéoprojecteur depuis un poste plus rapide"
    };
    format!("Atelier, proverbes\u{a0}: un bon modèle de phrases (taille «\u{a0}Pour les phrases\u{a0}») s'entraîne en environ {time} sur ce poste, {advice}.")
}

/// `first_run`: the wait in words, as for `lesson_wait`.
pub fn atelier_verdict(first_run: &str, big_tps: f64) -> String {
    let big = if big_tps >= 8000.0 {
        format!("en grand format (202\u{a0}112 paramètres), {} lettres par seconde\u{a0}: en une minute, le grand modèle apprend déjà bien les prénoms", int(big_tps.round() as u64))
    } else if big_tps >= 2000.0 {
        format!("en grand format, {} lettres par seconde\u{a0}: un bon résultat demande plusieurs minutes, préférez les tailles moyennes", int(big_tps.round() as u64))
    } else {
        format!("en grand format, {} lettres par seconde\u{a0}: trop lent, restez sur les petites tailles", int(big_tps.round() as u64))
    };
    format!("Atelier\u{a0}: premier entraînement {first_run}\u{a0}; {big}.")
}

pub fn cores_verdict(workers: usize, gain: f64) -> String {
    if gain >= 1.2 {
        format!("Les grands entraînements se partagent entre {workers}\u{a0}cœurs de calcul\u{a0}: {} fois plus rapides qu'avec un seul.", fr(gain as f32, 1))
    } else {
        "Sur ce navigateur, partager le calcul entre plusieurs cœurs n'accélère pas\u{a0}: dans l'Atelier, choisissez 1\u{a0}cœur de calcul.".to_string()
    }
}

pub const NO_WORKERS_VERDICT: &str = "Ce navigateur refuse le calcul en arrière-plan\u{a0}: les gros entraînements se font dans la page, qui peut ralentir. Une version récente de Firefox, Chrome, Edge ou Safari évite ce problème.";

/// « a », « a et b », « a, b et c ».
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// « 21 s en leçon 3 et 7 s en leçon 6 ».
fn waits_words(waits: &[(u8, u32)]) -> String {
    and_list(
        &waits
            .iter()
            .map(|(n, s)| format!("{s}\u{a0}s en leçon {n}"))
            .collect::<Vec<_>>(),
    )
}

/// The speed test's one line for the PC (`course::speed::fit`).
pub const FIT: &str = "Ce poste convient pour les leçons 1 à 6\u{a0}: ";
pub fn fit_yes() -> String {
    format!("{FIT}oui.")
}
pub fn fit_waits(waits: &[(u8, u32)]) -> String {
    format!(
        "{FIT}oui, avec une attente d'environ {}.",
        waits_words(waits)
    )
}
pub fn fit_no(lessons: &[u8], waits: &[(u8, u32)]) -> String {
    let which = match lessons {
        [one] => format!("non pour la leçon {one}\u{a0}: faites-la"),
        _ => format!(
            "non pour les leçons {}\u{a0}: faites-les",
            and_list(&lessons.iter().map(|n| n.to_string()).collect::<Vec<_>>())
        ),
    };
    let elsewhere = if waits.is_empty() {
        String::new()
    } else {
        format!("\u{a0}; ailleurs, attente d'environ {}", waits_words(waits))
    };
    format!("{FIT}{which} au vidéoprojecteur depuis un poste plus rapide{elsewhere}.")
}
/// The card of one PC: its name (kept in this browser), the date of the test, printable.
pub const PC_NAME: &str = "Nom du poste\u{a0}: ";
pub const PC_NAME_HINT: &str = "Donnez un nom à ce poste (par exemple celui écrit sur l'écran)\u{a0}: il reste dans ce navigateur, avec le dernier résultat, et s'imprime sur la fiche.";
pub fn tested_on(date: &str) -> String {
    format!("Testé le {date}.")
}
pub const PRINT_CARD: &str = "Imprimer la fiche de ce poste";
pub const LAST_RESULT: &str = "Dernier résultat gardé dans ce navigateur\u{a0}:";

pub const WHO_ARE_YOU: &str = "Qui es-tu\u{a0}?";
/// Names side by side: « Léa B. », « Léa B. et Tom M. » ("" for nobody).
pub fn names_together(names: &[String]) -> String {
    names.join(" et ")
}
pub fn pupil_label(who: &str, pair: bool) -> String {
    if pair {
        format!("Élèves\u{a0}: {who} · Changer")
    } else {
        format!("Élève\u{a0}: {who} · Changer d'élève")
    }
}
pub const YOUR_NAME: &str = "Ton prénom et l'initiale de ton nom\u{a0}: ";
pub const PARTNER_NAME: &str = "Le prénom et l'initiale de ton ou ta partenaire\u{a0}: ";
pub const NAME_EXAMPLE: &str = "par exemple Inès B.";
pub const PAIR: &str = "Nous sommes deux";
pub const PUPIL_OK: &str = "C'est moi";
pub const PAIR_OK: &str = "C'est nous";
pub const NO_NAME: &str = "Continuer sans prénom";
pub const EMPTY_NAME: &str =
    "Écris ton prénom et l'initiale de ton nom dans la case, par exemple «\u{a0}Inès B.\u{a0}».";
pub const EMPTY_PARTNER: &str = "Écris aussi le prénom et l'initiale de ton ou ta partenaire, ou enlève «\u{a0}Nous sommes deux\u{a0}».";
pub const SAME_NAME_TWICE: &str =
    "C'est deux fois le même nom\u{a0}: écris le prénom et l'initiale de chacun.";
/// A name typed that already has work on this PC.
pub fn is_it_you(names: &[String]) -> String {
    if names.len() > 1 {
        format!(
            "{}, c'est bien vous\u{a0}? Ce poste a déjà du travail à ces noms.",
            names_together(names)
        )
    } else {
        format!(
            "{}, c'est bien toi\u{a0}? Ce poste a déjà du travail à ce nom.",
            names_together(names)
        )
    }
}
pub const YES_ME: &str = "Oui, c'est moi";
pub const YES_US: &str = "Oui, c'est nous";
pub const NOT_ME: &str = "Non, j'écris un autre nom";
pub const ADD_INITIAL: &str = "Écris ton nom autrement, par exemple avec l'initiale de ton nom de famille («\u{a0}Léa M.\u{a0}»)\u{a0}: deux élèves ne doivent pas partager un nom.";
pub const GATE_INTRO: &str = "Quelqu'un a déjà travaillé sur ce poste. Avant de commencer, dis qui tu es\u{a0}: ton travail sera gardé à ton nom, et tu ne verras pas celui des autres.";
pub fn resume(names: &[String]) -> String {
    if names.len() > 1 {
        format!("C'est nous, {}", names_together(names))
    } else {
        format!("C'est moi, {}", names_together(names))
    }
}
pub const SOMEONE_ELSE: &str = "Je suis quelqu'un d'autre";
pub const PUPIL_NOTE: &str = "Chaque élève garde sa progression sur ce navigateur, à son prénom et son initiale. En binôme, «\u{a0}Nous sommes deux\u{a0}»\u{a0}: chaque exercice compte pour les deux. Le prénom n'est envoyé nulle part\u{a0}; il sert à ton fichier pour le professeur.";
/// Another tab named other pupils; this one keeps its own.
pub fn other_tab(there: &str, here: &str) -> String {
    let stay = if here.is_empty() {
        "Ici, tu continues sans prénom.".to_string()
    } else {
        format!("Ici, tu restes {here}.")
    };
    format!("Dans un autre onglet, {there} a pris la place. {stay}")
}
/// Work this tab did without a name, now given one.
pub fn nameless_added(exercises: usize, who: &str) -> String {
    let what = if exercises == 1 {
        "L'exercice fait sans prénom sur cette page compte".to_string()
    } else {
        format!("Les {exercises}\u{a0}exercices faits sans prénom sur cette page comptent")
    };
    format!("{what} pour {who}, comme «\u{a0}fait\u{a0}» au plus\u{a0}: sans prénom, la page ne peut pas savoir qui les a réussis.")
}

pub fn big_model_progress(done_s: f64, total_s: f64, tps: f64, workers: usize) -> String {
    format!(
        "Grand modèle en arrière-plan sur {}\u{a0}: {}\u{a0}s sur {}\u{a0}s, {} lettres par seconde.",
        count(workers, "cœur", "cœurs"),
        done_s.round(),
        total_s.round(),
        int(tps.round() as u64)
    )
}

pub const STATUS_DONE: &str = "terminé";
pub const STATUS_STARTED: &str = "en cours";
pub const STATUS_TODO: &str = "à faire";
pub fn card_counts(counter: &str, minutes: u32) -> String {
    format!(" {counter} · {minutes}\u{a0}min")
}
pub fn lesson_number(n: u8) -> String {
    format!("Leçon {n}")
}
pub const PROGRESS_BAR: &str = "Avancement dans la leçon";
pub fn step_of(step: usize, steps: usize) -> String {
    format!("Étape {step} sur {steps}")
}
pub fn step_counter(step: usize, steps: usize) -> String {
    format!("Étape {step}/{steps}")
}
pub const STEPS_NAV: &str = "Étapes";
pub const SKIP_TO_CONTENT: &str = "Aller au contenu";
pub const BRAND: &str = "Tuto LLM";
pub const NORMAL_MODE: &str = "Mode normal";
pub const PROJECTION_MODE: &str = "Mode projection";
pub const SHORTCUTS_LABEL: &str = "Raccourcis clavier";
pub const ATELIER_LINK: &str = "Atelier";

#[cfg(test)]
mod tests {
    #[test]
    fn big_numbers_keep_two_digits() {
        assert_eq!(super::round_to_two_digits(853_205.0), 850_000);
        assert_eq!(super::round_to_two_digits(1_460.0), 1_500);
        assert_eq!(super::round_to_two_digits(42.4), 42);
    }
}
