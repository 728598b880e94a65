//! « Et après ? » (teachers' corner): from the app to code — the notebooks a pupil takes home,
//! how to open them, and the path to PyTorch and nanoGPT.

use super::Source;

pub const LINK: &str = "Et après\u{a0}? Du modèle de l'élève au code (Python, PyTorch, GPU)";
pub const TITLE: &str = "Et après\u{a0}? Du modèle de l'élève au code";
pub const INTRO: &str = "Dans l'Atelier et dans la leçon 6 (à l'étape de l'entraînement et à la fin), le bouton «\u{a0}Emporter mon modèle\u{a0}» télécharge le modèle que l'élève vient d'entraîner sous forme de notebook Jupyter\u{a0}: tout son code, tous ses nombres, et les mêmes résultats que dans Tuto LLM. C'est le pont vers la programmation, pour des élèves de 3e ou de lycée, ou pour le professeur qui veut montrer le code.";
pub const SECTIONS: &[(&str, &[&str])] = &[
    ("Le notebook en Python simple (mon-mini-gpt-….ipynb)", &[
        "Son nom porte les données et le prénom de l'élève (par exemple mon-mini-gpt-pokemon-ines-b.ipynb). Il n'utilise que les modules math, random et json\u{a0}: aucune installation, il s'exécute dans le navigateur.",
        "Basthon\u{a0}: ouvrez notebook.basthon.fr, puis «\u{a0}Ouvrir\u{a0}» et choisissez le fichier. Aucun compte, rien ne quitte le poste. JupyterLite (jupyter.org/try-jupyter) fonctionne de même, sans compte.",
        "Capytale\u{a0}: avec le compte de l'établissement (ENT), créez une activité «\u{a0}Notebook\u{a0}», importez le fichier, partagez le code de l'activité avec la classe.",
        "Ce que l'élève y lit\u{a0}: les briques (cartes d'identité des lettres, attention tête par tête, réseau de neurones, machine à pourcentages) et le modèle, en une centaine de lignes de Python\u{a0}; puis les dominos de la leçon 6 écrits en code (chaque calcul retient d'où il vient, et l'erreur remonte de domino en domino), la méthode Adam, et une cellule d'entraînement, en une centaine de lignes de plus.",
        "La cellule d'entraînement continue d'apprendre sur la liste de l'élève, avec les réglages de l'application et un pas qui diminue. Elle mesure la loss sur des noms mis de côté avant et après\u{a0}: si elle remonte, le notebook le dit («\u{a0}il apprend par cœur\u{a0}: arrête ici\u{a0}») et garde les meilleurs poids. Pour le modèle de la leçon 6, une vingtaine de secondes dans le Python d'un navigateur.",
        "Une cellule retrouve la loss que l'application affichait, sur les mêmes noms, arrondie de la même façon. Le notebook lit les noms comme l'application\u{a0}: «\u{a0}Béziers\u{a0}» y devient «\u{a0}beziers\u{a0}» avec 27 jetons, et reste «\u{a0}béziers\u{a0}» avec l'alphabet étendu.",
    ]),
    ("Le notebook en PyTorch (mon-mini-gpt-…-pytorch.ipynb)", &[
        "Le même modèle écrit avec PyTorch, la bibliothèque des chercheurs, avec les mêmes nombres.",
        "Il calcule sur la carte graphique (cuda) quand l'ordinateur en a une, sur la puce des Mac récents (mps), sinon sur le processeur.",
        "Sur un ordinateur avec PyTorch installé (pip install torch). Ou dans Google Colab, qui demande un compte Google\u{a0}: Fichier → Importer un notebook, puis Exécution → Modifier le type d'exécution → GPU. Sans compte Google, utilisez un poste où PyTorch est installé, ou le notebook en Python simple dans Basthon.",
        "Une cellule continue l'entraînement par lots de noms, avec un pas petit qui diminue, mesure la loss des noms mis de côté avant et après, et dit si le modèle a appris par cœur (elle garde alors les meilleurs poids).",
    ]),
    ("La suite, pour les plus motivés", &[
        "Lire le Python simple et changer une brique (par exemple enlever l'attention) pour voir ce qu'elle apporte.",
        "Passer à PyTorch\u{a0}: le même modèle, plus grand, entraîné plus longtemps, sur un GPU.",
        "nanoGPT d'Andrej Karpathy\u{a0}: la même architecture à l'échelle de GPT-2, entraînée sur des textes entiers.",
    ]),
];
pub const SOURCES: &[Source] = &[
    (
        "Capytale",
        "la plateforme de notebooks de l'Éducation nationale.",
        "https://capytale2.ac-paris.fr/",
    ),
    (
        "Basthon",
        "Python et notebooks dans le navigateur, sans installation.",
        "https://notebook.basthon.fr/",
    ),
    (
        "JupyterLite",
        "Jupyter dans le navigateur.",
        "https://jupyter.org/try-jupyter/",
    ),
    (
        "PyTorch",
        "la bibliothèque d'apprentissage automatique du notebook PyTorch.",
        "https://pytorch.org/",
    ),
    (
        "Google Colab",
        "des notebooks en ligne avec un GPU.",
        "https://colab.research.google.com/",
    ),
    (
        "microgpt.py",
        "Andrej Karpathy (2026), le modèle que traduit Tuto LLM.",
        "https://karpathy.ai/microgpt.html",
    ),
    (
        "nanoGPT",
        "Andrej Karpathy, un GPT à l'échelle de GPT-2 en PyTorch.",
        "https://github.com/karpathy/nanoGPT",
    ),
];
