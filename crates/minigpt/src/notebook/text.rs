//! The notebooks' words, in French for pupils and teachers (tutoiement).

use super::About;

pub const SETTINGS_COMMENT: &str = "# La taille de ton modèle et son alphabet. Le jeton 0, « . », marque le début et la fin d'un nom.";
pub const WEIGHTS_COMMENT: &str = "# Tous les nombres que l'entraînement a réglés (les paramètres), matrice par matrice :\n# wte = les cartes d'identité des lettres, wpe = les cartes des places,\n# attn_wq / attn_wk / attn_wv = les questions, panneaux et infos de l'attention, attn_wo = le mélange des têtes,\n# mlp_fc1 / mlp_fc2 = le réseau de neurones, lm_head = les scores de chaque lettre possible.";

fn learned(about: &About) -> String {
    let loss = about
        .eval_loss
        .map(|l| format!(" Sur les {} noms de la dernière cellule, sa loss valait **{}** dans Tuto LLM : ce notebook doit retrouver le même nombre.", about.eval_names.len(), french(l)))
        .unwrap_or_default();
    let steps = about
        .steps
        .map(|s| format!(" pendant **{s} pas**"))
        .unwrap_or_default();
    format!("Il a appris sur **{}**{steps}.{loss}", about.data)
}

fn french(x: f32) -> String {
    format!("{x:.4}").replace('.', ",")
}

pub fn python_intro(about: &About) -> String {
    format!(
        "# Ton mini-GPT, entraîné dans Tuto LLM\n\n{}\n\nCe notebook contient **tout ton modèle** : son alphabet, ses nombres (les poids) et le calcul qui invente la lettre suivante, écrit en Python simple, comme dans les leçons (cartes d'identité, attention, réseau de neurones, machine à pourcentages). Il n'a besoin que de `math` et `random` : rien à installer.\n\n**Pour l'ouvrir :**\n- **Capytale** : crée une activité « Notebook » et importe ce fichier ;\n- **Basthon** : ouvre notebook.basthon.fr, puis « Ouvrir » et choisis ce fichier ;\n- **JupyterLite** : ouvre jupyter.org/try-jupyter, puis dépose le fichier dans la liste ;\n- **Jupyter** sur un ordinateur : `jupyter notebook mon-mini-gpt.ipynb`.\n\nPuis exécute les cellules dans l'ordre (Maj + Entrée).",
        learned(about)
    )
}

pub const PYTHON_BRICKS: &str = "## Les briques\n\nQuatre petites fonctions suffisent : multiplier une matrice par un vecteur (case par case, puis additionner), normaliser, additionner deux vecteurs, et la machine à pourcentages.";
pub const PYTHON_MODEL: &str = "## Le modèle\n\nPour chaque position : la carte de la lettre plus la carte de sa place, puis, couche après couche, l'attention (chaque lettre pose sa question aux lettres d'avant) et le réseau de neurones. À la fin, un score pour chaque lettre possible.";
pub const PYTHON_USE: &str = "## À toi de jouer\n\n- `probabilites(\"pik\")` : les chances de chaque lettre après un début ;\n- `generer(debut=\"\", temperature=1.0)` : un nom inventé, lettre par lettre ;\n- `loss_sur([\"pikachu\", \"evoli\"])` : la surprise moyenne du modèle sur des noms.\n\nChange la température, le début, les noms : que remarques-tu ?";

pub fn pytorch_intro(about: &About) -> String {
    format!(
        "# Ton mini-GPT en PyTorch\n\n{}\n\nC'est le même modèle qu'à la leçon 6, écrit avec PyTorch, la bibliothèque des chercheurs : une petite classe `nn.Module` d'une cinquantaine de lignes. Il reprend **les mêmes nombres** que ton modèle, puis continue l'entraînement sur ta liste, par lots de noms, sur la carte graphique (GPU) si l'ordinateur en a une.\n\n**Pour l'ouvrir :** Jupyter avec PyTorch installé (`pip install torch`), ou Google Colab (Fichier → Importer un notebook ; Exécution → Modifier le type d'exécution → GPU pour aller plus vite).",
        learned(about)
    )
}

pub const PYTORCH_MODEL: &str = "## Le modèle, en PyTorch\n\nLes mêmes briques qu'en Python simple, mais calculées pour tout un lot de noms à la fois : c'est ce qui rend PyTorch rapide, surtout sur une carte graphique.";
pub const PYTORCH_TRAIN: &str = "## Continuer l'entraînement\n\nLe modèle lit des lots de 16 noms de ta liste, mesure sa loss et corrige ses nombres (Adam, comme dans Tuto LLM). Change `PAS` ou `TAUX` pour voir.";
pub const PYTORCH_GENERATE: &str =
    "## Inventer des noms\n\nAprès l'entraînement : dix noms, à la température que tu veux.";
