//! Everything the pupil reads that is not tied to a widget: lesson titles, step titles,
//! objectives, vocabulary, sources. A teacher can fix a sentence here without touching logic.

pub mod l1;
pub mod l2;
pub mod l3;
pub mod l4;
pub mod l5;
pub mod l6;

pub struct LessonMeta {
    pub number: u8,
    pub title: &'static str,
    pub summary: &'static str,
    pub minutes: u32,
    /// Step titles, in order (empty = lesson not available yet).
    pub steps: &'static [&'static str],
    /// Exercise ids, in order.
    pub exercises: &'static [&'static str],
    /// "Dans cette leçon, tu vas…"
    pub objectives: &'static [&'static str],
}

impl LessonMeta {
    pub fn available(&self) -> bool {
        !self.steps.is_empty()
    }
}

pub const LESSONS: [LessonMeta; 6] = [
    LessonMeta {
        number: 1,
        title: "Deviner la suite",
        summary: "Compter quelle lettre suit quelle lettre, et inventer des noms de Pokémon.",
        minutes: 50,
        steps: l1::STEPS,
        exercises: &["l1.e1", "l1.e2", "l1.e3", "l1.e4"],
        objectives: l1::OBJECTIVES,
    },
    LessonMeta {
        number: 2,
        title: "Apprendre de ses erreurs",
        summary: "Mesurer l'erreur (la loss) et la faire baisser pas à pas.",
        minutes: 50,
        steps: l2::STEPS,
        exercises: &["l2.e1", "l2.e2", "l2.e3", "l2.e4", "l2.e5"],
        objectives: l2::OBJECTIVES,
    },
    LessonMeta {
        number: 3,
        title: "La mémoire du modèle",
        summary:
            "Donner à chaque lettre sa carte d'identité et regarder plusieurs lettres en arrière.",
        minutes: 50,
        steps: l3::STEPS,
        exercises: &["l3.e1", "l3.e2", "l3.e3"],
        objectives: l3::OBJECTIVES,
    },
    LessonMeta {
        number: 4,
        title: "L'attention",
        summary: "Laisser chaque lettre choisir les lettres qui comptent pour elle.",
        minutes: 50,
        steps: l4::STEPS,
        exercises: &["l4.e1", "l4.e2", "l4.e3"],
        objectives: l4::OBJECTIVES,
    },
    LessonMeta {
        number: 5,
        title: "Mon premier LLM",
        summary: "Assembler toutes les pièces : un vrai petit GPT.",
        minutes: 50,
        steps: l5::STEPS,
        exercises: &["l5.e1", "l5.e2", "l5.e3"],
        objectives: l5::OBJECTIVES,
    },
    LessonMeta {
        number: 6,
        title: "Entraîner le modèle",
        summary: "Entraîner ton GPT pour de vrai, sur les noms que tu choisis.",
        minutes: 55,
        steps: l6::STEPS,
        exercises: &["l6.e1", "l6.e2", "l6.e3", "l6.e4"],
        objectives: l6::OBJECTIVES,
    },
];

pub fn lesson(n: u8) -> Option<&'static LessonMeta> {
    LESSONS.iter().find(|l| l.number == n)
}

/// Every exercise of the course that exists today.
pub fn all_exercises() -> impl Iterator<Item = &'static str> {
    LESSONS.iter().flat_map(|l| l.exercises.iter().copied())
}

/// Sources shared by every lesson (plus the datasets' attributions).
pub const SOURCES: &[(&str, &str)] = &[
    ("microgpt.py", "Andrej Karpathy (2026), un GPT complet en 200 lignes de Python, sans bibliothèque : le modèle de ce cours en est la traduction."),
    ("« Let's build GPT: from scratch, in code, spelled out »", "Andrej Karpathy, vidéo (2023)."),
    ("« Attention Is All You Need »", "Vaswani et al. (2017), l'article qui a inventé les transformers et l'attention multi-têtes."),
    ("« The Illustrated Transformer »", "Jay Alammar (2018), le transformer expliqué en images."),
    ("« Neural networks » (série de vidéos)", "3Blue1Brown, Grant Sanderson : gradient, rétropropagation, transformers en images."),
    ("Noms de Pokémon", "PokéAPI (noms français, accents enlevés). Noms © Nintendo / Creatures Inc. / GAME FREAK inc. Utilisation éducative et non commerciale uniquement."),
];
