//! « Et après ? » (teachers' corner): from the app to code — the notebooks a pupil takes home,
//! how to open them, and the path to PyTorch and nanoGPT.

use super::Source;

pub const LINK: &str = "Et après\u{a0}? Du modèle de l'élève au code (Python, PyTorch, GPU)";
pub const TITLE: &str = "Et après\u{a0}? Du modèle de l'élève au code";
pub const INTRO: &str = "Dans l'Atelier et à la fin de la leçon 6, le bouton «\u{a0}Emporter mon modèle\u{a0}» télécharge le modèle que l'élève vient d'entraîner sous forme de notebook Jupyter\u{a0}: tout son code, tous ses nombres, et les mêmes résultats que dans Tuto LLM. C'est le pont vers la programmation, pour des élèves de 3e ou de lycée, ou pour le professeur qui veut montrer le code.";
pub const SECTIONS: &[(&str, &[&str])] = &[
    ("Le notebook en Python simple (mon-mini-gpt.ipynb)", &[
        "Il n'utilise que les modules math et random\u{a0}: aucune installation, il s'exécute dans le navigateur.",
        "Capytale\u{a0}: créez une activité «\u{a0}Notebook\u{a0}», importez le fichier, partagez le code de l'activité avec la classe.",
        "Basthon\u{a0}: ouvrez notebook.basthon.fr, puis «\u{a0}Ouvrir\u{a0}» et choisissez le fichier. Rien ne quitte le poste.",
        "Ce que l'élève y lit\u{a0}: les cartes d'identité des lettres, l'attention tête par tête, le réseau de neurones, la machine à pourcentages, écrits en une cinquantaine de lignes de Python. Les fonctions probabilites, generer et loss_sur se modifient et se relancent.",
        "La dernière cellule mesure la loss sur des noms\u{a0}: elle retrouve le nombre que l'application affichait.",
    ]),
    ("Le notebook en PyTorch (mon-mini-gpt-pytorch.ipynb)", &[
        "Le même modèle en une cinquantaine de lignes de PyTorch, la bibliothèque des chercheurs, avec les mêmes nombres.",
        "La ligne device = \"cuda\" if torch.cuda.is_available() else \"cpu\" choisit la carte graphique (GPU) quand l'ordinateur en a une.",
        "Sur un ordinateur avec PyTorch installé (pip install torch), ou dans Google Colab\u{a0}: Fichier → Importer un notebook, puis Exécution → Modifier le type d'exécution → GPU.",
        "Une cellule continue l'entraînement sur la liste de l'élève, par lots de 16 noms\u{a0}: moins d'une minute sur le processeur d'un portable pour le modèle de la leçon 6.",
    ]),
    ("La suite, pour les plus motivés", &[
        "1. Lire le Python simple et changer une brique (par exemple enlever l'attention) pour voir ce qu'elle apporte.",
        "2. Passer à PyTorch\u{a0}: le même modèle, plus grand, entraîné plus longtemps, sur un GPU.",
        "3. nanoGPT d'Andrej Karpathy\u{a0}: la même architecture à l'échelle de GPT-2, entraînée sur des textes entiers.",
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
