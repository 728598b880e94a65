//! Everything the pupil or the teacher reads that is not tied to a widget: lesson titles, step
//! titles, objectives, vocabulary, explanations, exercise prompts and feedback, answer keys,
//! sources. A teacher can fix a sentence here without touching the logic.
//!
//! Typography: French spaces are non-breaking before « : ; ! ? » and inside « », and between a
//! number and its unit (`cargo xtask test` checks every page for it).

pub mod atelier;
pub mod bonus;
pub mod common;
pub mod l1;
pub mod l2;
pub mod l3;
pub mod l4;
pub mod l5;
pub mod l6;
pub mod legal;
pub mod marks;
pub mod next_steps;
pub mod pages;
pub mod teachers;
pub mod training;
pub mod widgets;
pub mod worksheets;

/// The ladder of exercise difficulty (course convention 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Executer = 1,
    Observer,
    Modifier,
    Completer,
    Creer,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Executer => "1 · exécuter",
            Level::Observer => "2 · observer",
            Level::Modifier => "3 · modifier",
            Level::Completer => "4 · compléter",
            Level::Creer => "5 · créer",
        }
    }
}

pub struct ExerciseMeta {
    /// Stable id for the progress store, e.g. "l1.e2".
    pub id: &'static str,
    pub level: Level,
    /// A few words for the teacher's tables ("après q ?").
    pub topic: &'static str,
    /// The question as the page asks it (the worksheet prints it with room to answer).
    pub question: &'static str,
}

pub struct LessonMeta {
    pub number: u8,
    /// The prefix of its exercise ids, its key in the progress ("l1", "b").
    pub key: &'static str,
    /// The bonus lesson comes after the course (which stays six lessons).
    pub bonus: bool,
    pub title: &'static str,
    pub summary: &'static str,
    pub minutes: u32,
    /// The exercises, in order (their steps are in the lesson's step table).
    pub exercises: &'static [ExerciseMeta],
    /// "Dans cette leçon, tu vas…" (the pupil's words).
    pub objectives: &'static [&'static str],
    /// The same for the teacher: "L'élève va…".
    pub teacher_objectives: &'static [&'static str],
    /// « À toi d'expliquer »: what the pupil explains in one sentence of their own.
    pub explain: &'static str,
}

pub const LESSONS: [LessonMeta; 7] = [
    l1::META,
    l2::META,
    l3::META,
    l4::META,
    l5::META,
    l6::META,
    bonus::META,
];

/// Lesson `n`'s « À discuter » question (the bonus is 7).
pub fn reflection_question(n: u8) -> &'static str {
    match n {
        1 => l1::QUESTION,
        2 => l2::QUESTION,
        3 => l3::QUESTION,
        4 => l4::QUESTION,
        5 => l5::QUESTION,
        6 => l6::QUESTION,
        _ => bonus::QUESTION,
    }
}

pub fn lesson(n: u8) -> Option<&'static LessonMeta> {
    LESSONS.iter().find(|l| l.number == n)
}

/// Every exercise of the course and the bonus (the counters and the diploma count these).
pub fn all_exercises() -> impl Iterator<Item = &'static str> {
    LESSONS
        .iter()
        .flat_map(|l| l.exercises.iter().map(|e| e.id))
}

/// The lesson an exercise belongs to, and its 1-based number in it.
pub fn exercise_place(id: &str) -> Option<(&'static LessonMeta, usize)> {
    LESSONS.iter().find_map(|l| {
        let i = l.exercises.iter().position(|e| e.id == id)?;
        Some((l, i + 1))
    })
}

/// The 1-based number of an exercise in its lesson.
pub fn exercise_number(id: &str) -> Option<usize> {
    exercise_place(id).map(|(_, n)| n)
}

/// The example written in the box where the pupil answers exercise `id` (its placeholder): the
/// answer box of a typed exercise, or the box of a task's activity (lesson 1's names). One
/// table, read by the page and by the tests: no box's example may be an accepted answer
/// (convention 11).
pub fn placeholder(id: &str) -> Option<&'static str> {
    use crate::ids::*;
    Some(match id {
        L1_E1 | L1_E3 | L1_E4 | L4_E1 | L4_E4 => common::A_LETTER,
        L1_E2 | L3_E1 | L3_E2 | L4_E2 | L4_E3 | L5_E1 | L5_E2 | B_E2 => common::A_NUMBER,
        L1_E5 => widgets::ADD_NAMES_PLACEHOLDER,
        L1_E6 => l1::E6_PLACEHOLDER,
        L1_E7 => common::A_NAME,
        L2_E1 | L2_E6 | L6_E1 => common::A_DECIMAL,
        L2_E2 => l2::E2_PLACEHOLDER,
        _ => return None,
    })
}

/// What a pupil may copy from a box's example: the example itself, and what follows its
/// « par exemple » or « ex. : » (« par exemple 75 » → « 75 »).
pub fn placeholder_answers(placeholder: &str) -> Vec<String> {
    let mut answers = vec![placeholder.to_string()];
    for lead in ["par exemple", "ex.\u{a0}:", "ex.:"] {
        if let Some((_, rest)) = placeholder.split_once(lead) {
            answers.push(rest.trim().to_string());
        }
    }
    answers
}

/// A source: what it is, who / when / where, and its address ("" when it has none to give).
pub type Source = (&'static str, &'static str, &'static str);

/// Sources shared by every lesson.
pub const SOURCES: &[Source] = &[
    ("microgpt.py", "Andrej Karpathy (2026), un GPT complet en 200 lignes de Python, sans bibliothèque\u{a0}: le modèle de ce cours en est la traduction.", "https://karpathy.ai/microgpt.html"),
    ("«\u{a0}Let's build GPT: from scratch, in code, spelled out\u{a0}»", "Andrej Karpathy, vidéo en anglais (2023).", "https://www.youtube.com/watch?v=kCc8FmEb1nY"),
    ("«\u{a0}Attention Is All You Need\u{a0}»", "Vaswani et al. (2017), l'article qui a inventé les transformers et l'attention multi-têtes.", "https://arxiv.org/abs/1706.03762"),
    ("«\u{a0}The Illustrated Transformer\u{a0}»", "Jay Alammar (2018), le transformer expliqué en images (en anglais).", "https://jalammar.github.io/illustrated-transformer/"),
    ("«\u{a0}Neural networks\u{a0}» (série de vidéos)", "3Blue1Brown, Grant Sanderson\u{a0}: gradient, rétropropagation, transformers en images (sous-titres en français).", "https://www.3blue1brown.com/topics/neural-networks"),
    ("«\u{a0}Intelligence artificielle\u{a0}» (dossier)", "CNIL, Commission nationale de l'informatique et des libertés\u{a0}: comprendre l'IA et ses enjeux, en français.", "https://www.cnil.fr/fr/intelligence-artificielle"),
];

/// The datasets' attributions (required by their licences).
pub const POKEMON_SOURCE: Source = ("Noms de Pokémon", "PokéAPI (noms français, accents enlevés). Noms © Nintendo / Creatures Inc. / GAME FREAK inc. Utilisation éducative et non commerciale uniquement.", "https://pokeapi.co/");
pub const PRENOMS_SOURCE: Source = ("Prénoms", "Source\u{a0}: INSEE, «\u{a0}Fichier des prénoms depuis 1900\u{a0}» (Licence Ouverte / Etalab 2.0), accents enlevés.", "https://www.insee.fr/fr/statistiques/2540004");
pub const DINOSAURES_SOURCE: Source = (
    "Dinosaures",
    "Liste publique des genres de dinosaures (noms scientifiques, libres).",
    "",
);
pub const MOTS_SOURCE: Source = ("Mots français", "an-array-of-french-words, Zeke Sikelianos et Titus Wormer (licence MIT), d'après la liste de mots de Letterpress\u{a0}; 13\u{a0}407 mots choisis par Tuto LLM (recette dans data/SOURCES.md).", "https://www.npmjs.com/package/an-array-of-french-words");
pub const DATASET_SOURCES: [Source; 4] = [
    POKEMON_SOURCE,
    PRENOMS_SOURCE,
    DINOSAURES_SOURCE,
    MOTS_SOURCE,
];
