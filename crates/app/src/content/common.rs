//! Words every page shares: exercise messages, the "how it works" note, shortcuts.

pub const EMPTY_ANSWER: &str = "Écris d'abord ta réponse dans la case.";
pub const TASK_NOTE: &str =
    "Fais-le dans l'activité juste au-dessus\u{a0}: la page vérifie toute seule.";
pub const ONE_SHOT: &str =
    "Attention\u{a0}: une seule réponse compte, la première. Réfléchis avant de valider\u{a0}!";
pub const ALREADY_SOLVED: &str = "Déjà réussi\u{a0}! Tu peux le refaire si tu veux.";
pub const ALREADY_MISSED: &str = "Déjà fait\u{a0}: ta première réponse n'était pas la bonne, mais tu as vu le résultat. «\u{a0}Recommencer la leçon\u{a0}» permet de réessayer.";
pub const HOW_IT_WORKS: &str = "Comment ça marche\u{a0}: lis, clique, fais glisser. Les boutons «\u{a0}Suivant\u{a0}» et «\u{a0}Précédent\u{a0}» (ou les flèches ← → du clavier) changent d'étape. La barre en haut montre où tu en es. Dans chaque «\u{a0}À toi de jouer\u{a0}!\u{a0}», la page vérifie ta réponse\u{a0}; le «\u{a0}Coup de pouce\u{a0}» t'aide si tu bloques.";
pub const SHORTCUTS: &str =
    "Raccourcis\u{a0}: ← → étapes · Espace lancer ou mettre en pause · R recommencer";
pub const CURIOUS: &str = "Pour les curieux";
pub const VOCABULARY: &str = "Vocabulaire";
pub const OBJECTIVES: &str = "Dans cette leçon, tu vas…";
pub const REFLECTION: &str = "Réfléchissons";
pub const DISCUSS: &str = "À discuter en binôme ou en classe\u{a0}:";
pub const LEARNED: &str = "Ce qu'on a appris";
pub const SOURCES: &str = "Sources";
pub const WRITE_A_NUMBER: &str = "Écris un nombre, par exemple 2,50.";
