//! The notebooks' words, in French for pupils and teachers (tutoiement, non-breaking spaces
//! before « : ; ! ? » and inside « »). Text from a pupil or a file goes through `markup::plain`.

use super::markup::plain;
use super::{About, Facts, Shown};
use crate::french::{int, NBSP};
use crate::models::gpt::Gpt;
use crate::vocab::Alphabet;

/// A number the French way, as the app writes it: « 2,31 ».
pub fn fr(x: f32, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

/// « 1 nom », « 3 noms ».
fn count(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{}{NBSP}{}",
        int(n as u64),
        if n < 2 { singular } else { plural }
    )
}

pub const SETTINGS_COMMENT: &str = "# La taille de ton modèle et son alphabet. Le jeton 0, «\u{a0}.\u{a0}», marque le début et la fin d'un nom.";
pub const WEIGHTS_COMMENT: &str = "# Tous les nombres que l'entraînement a réglés (les paramètres), matrice par matrice\u{a0}:\n# wte = les cartes d'identité des lettres, wpe = les cartes des places,\n# attn_wq / attn_wk / attn_wv = les questions, panneaux et infos de l'attention, attn_wo = le mélange des têtes,\n# mlp_fc1 / mlp_fc2 = le réseau de neurones, lm_head = les scores de chaque lettre possible.";
pub const LETTERS_COMMENT: &str = "# Les règles de Tuto LLM pour écrire un texte avec l'alphabet, tirées de l'application\u{a0}:\n# ce qui sépare deux noms, les caractères écrits autrement, les signes qui ne font que relier deux parties d'un nom.";

/// What the model learned from, its size, its note and the loss the app showed.
fn learned(model: &Gpt, facts: &Facts) -> String {
    let about = facts.about;
    let c = model.config;
    let mut out = if about.data.is_empty() {
        String::from("Il vient d'un fichier de modèle.")
    } else {
        format!("Il a appris sur **{}**", plain(&about.data))
    };
    if let Some(steps) = about.steps {
        out.push_str(&format!(", en {}", count(steps, "pas", "pas")));
        if let Some(lr) = about.lr {
            out.push_str(&format!(" (taux d'apprentissage {}", decimal(lr)));
            if let Some(b) = about.batch {
                out.push_str(&format!(", {} par pas", count(b, "nom", "noms")));
            }
            out.push(')');
        }
    }
    if !about.data.is_empty() {
        out.push('.');
    }
    out.push_str(&format!(
        " C'est un modèle de {}\u{a0}: {}, {} d'attention, des cartes de {} nombres, {} de contexte, {}.",
        count(c.param_count(), "paramètre", "paramètres"),
        count(c.n_layer, "couche", "couches"),
        count(c.n_head, "tête", "têtes"),
        int(c.n_embd as u64),
        count(c.block_size, "lettre", "lettres"),
        count(c.vocab, "jeton", "jetons"),
    ));
    if !about.note.trim().is_empty() {
        out.push_str(&format!(
            "\n\nSa note\u{a0}: «\u{a0}{}\u{a0}».",
            plain(about.note.trim())
        ));
    }
    match (&about.shown, facts.eval_loss) {
        (Some(shown), _) => out.push_str(&format!(
            "\n\nDans Tuto LLM, sa loss affichée était **{}** sur {}\u{a0}: la cellule «\u{a0}Le nombre de Tuto LLM\u{a0}» la mesure à nouveau.",
            fr(shown.value, shown.decimals),
            count(shown.names.len(), "nom", "noms")
        )),
        (None, Some(loss)) => out.push_str(&format!(
            "\n\nSur les {} mis de côté, sa loss vaut **{}**\u{a0}: ce carnet doit retrouver le même nombre.",
            count(facts.eval_names.len(), "nom", "noms"),
            fr(loss, 4)
        )),
        (None, None) => {}
    }
    out
}

/// A learning rate without useless zeros: « 0,01 ».
fn decimal(x: f32) -> String {
    let s = fr(x, 5);
    s.trim_end_matches('0').trim_end_matches(',').to_string()
}

fn title(about: &About) -> String {
    if about.pupil.trim().is_empty() {
        String::new()
    } else {
        format!(", par {}", plain(about.pupil.trim()))
    }
}

pub fn python_intro(model: &Gpt, facts: &Facts) -> String {
    format!(
        "# Ton mini-GPT, entraîné dans Tuto LLM{}\n\n{}\n\nCe carnet contient **tout ton modèle**\u{a0}: son alphabet, ses nombres (les poids), le calcul qui invente la lettre suivante, et de quoi **continuer à l'entraîner**\u{a0}: les dominos de la leçon 6 et Adam, écrits en Python simple. Il n'a besoin que de `math`, `random`, `json`, `re`, `time` et `unicodedata`\u{a0}: rien à installer.\n\n**Pour l'ouvrir\u{a0}:**\n- **Basthon**, sans compte\u{a0}: ouvre notebook.basthon.fr, puis «\u{a0}Ouvrir\u{a0}» et choisis ce fichier\u{a0};\n- **JupyterLite**, sans compte\u{a0}: ouvre jupyter.org/try-jupyter, puis dépose le fichier dans la liste\u{a0};\n- **Capytale**, avec le compte de ton établissement\u{a0}: crée une activité «\u{a0}Notebook\u{a0}» et importe ce fichier\u{a0};\n- **Jupyter** sur un ordinateur\u{a0}: `jupyter notebook`, puis ouvre ce fichier.\n\nPuis exécute les cellules dans l'ordre (Maj + Entrée).",
        title(facts.about),
        learned(model, facts)
    )
}

/// How the alphabet reads a few names, shown to the pupil: « Béziers » → « beziers ».
pub fn letters(alphabet: Alphabet) -> String {
    let shown: Vec<String> = ["Béziers", "Le Havre", "Saint-Étienne"]
        .iter()
        .map(|t| {
            let names: Vec<String> = alphabet
                .clean(t)
                .names
                .iter()
                .map(|n| format!("«\u{a0}{n}\u{a0}»"))
                .collect();
            format!("«\u{a0}{t}\u{a0}» → {}", names.join(" et "))
        })
        .collect();
    format!(
        "## Lire un nom\n\nLe modèle ne connaît que les {} de son alphabet. Avant de lire un texte, Tuto LLM le coupe en noms et écrit chacun avec cet alphabet\u{a0}: en minuscules, les lettres qu'il n'a pas perdent leur accent, le reste est laissé de côté. Ici\u{a0}: {}. Ce carnet suit les mêmes règles, recopiées de l'application\u{a0}: `noms_de(texte)` coupe et nettoie, `nettoyer(nom)` écrit un nom.",
        count(alphabet.size(), "jeton", "jetons"),
        shown.join(", ")
    )
}

pub const PYTHON_BRICKS: &str = "## Les briques\n\nQuelques petites fonctions suffisent\u{a0}: multiplier une matrice par un vecteur (case par case, puis additionner), additionner, normaliser, allumer un neurone, la machine à pourcentages et la surprise devant la bonne lettre. Elles marchent sur des nombres ordinaires et sur les Valeurs des dominos, plus bas.";
pub const PYTHON_MODEL: &str = "## Le modèle\n\nPour chaque position\u{a0}: la carte de la lettre plus la carte de sa place, puis, couche après couche, l'attention (chaque lettre pose sa question aux lettres d'avant) et le réseau de neurones, chacun avec son raccourci (sa réponse s'ajoute à ce qui arrivait). À la fin, un score pour chaque lettre possible.";
pub const PYTHON_WEIGHTS: &str = "## Les nombres de ton modèle\n\nLa cellule suivante est longue\u{a0}: ce sont tous les poids que l'entraînement a réglés. Exécute-la sans la lire.";
pub const PYTHON_USE: &str = "## À toi de jouer\n\n- `probabilites(\"pik\")`\u{a0}: les chances de chaque lettre après un début\u{a0};\n- `generer(debut=\"\", temperature=1.0)`\u{a0}: un nom inventé, lettre par lettre (à la température 0, toujours la lettre la plus probable)\u{a0};\n- `loss_sur([\"pikachu\", \"evoli\"])`\u{a0}: la surprise moyenne du modèle sur des noms.\n\nLa cellule suivante invente cinq noms et mesure la loss sur des noms mis de côté\u{a0}: l'entraînement, plus bas, ne les lira jamais. Change la température, le début, les noms\u{a0}: que remarques-tu\u{a0}?";
pub const SHOWN_TITLE: &str = "## Le nombre de Tuto LLM\n\nLe même modèle, les mêmes noms, le même calcul\u{a0}: ce carnet doit trouver la loss que l'application affichait.";

/// The shown-loss check's sentence when every displayed name is measured here.
pub fn shown_check(shown: &Shown) -> String {
    format!(
        "print(f\"Tuto LLM affichait {} sur ces {}\u{a0}; ce carnet trouve {{virgule(loss_sur(NOMS_DE_TUTO_LLM), {})}}.\")\n",
        fr(shown.value, shown.decimals),
        count(shown.names.len(), "nom", "noms"),
        shown.decimals
    )
}

/// … and when measuring them all in plain Python would take minutes.
pub fn shown_too_long(shown: &Shown, minutes: usize) -> String {
    format!(
        "print(\"Tuto LLM affichait {} sur {}. Les mesurer tous ici prendrait environ {}\u{a0}: lance loss_sur(NOMS_DE_TUTO_LLM) si tu as le temps. Les noms mis de côté, plus haut, en sont une partie.\")\n",
        fr(shown.value, shown.decimals),
        count(shown.names.len(), "nom", "noms"),
        count(minutes, "minute", "minutes")
    )
}

pub const PYTHON_DOMINOS: &str = "## Les dominos, en code\n\nÀ la leçon 6, l'erreur remontait le modèle comme une rangée de dominos, de la loss jusqu'aux cartes. Voici ce calcul\u{a0}: une `Valeur` est un nombre qui se souvient des nombres qui l'ont fait et de ses pentes (de combien il bouge quand l'un d'eux bouge un tout petit peu). Chaque calcul pose son domino dans la rangée\u{a0}; `retropropager()` les fait tomber à l'envers et laisse dans chaque poids son `grad`\u{a0}: de combien la loss bougerait avec lui.";
pub const PYTHON_ADAM: &str = "## Adam, comme dans Tuto LLM\n\nChaque poids est corrigé contre son `grad`, avec les réglages de Tuto LLM (β1 = 0,85, β2 = 0,99), et le taux d'apprentissage baisse en ligne droite jusqu'à 0 au dernier pas.";

/// The training cell's text: what it does, how long it takes in a browser Python, and why a
/// big model takes so few steps.
pub fn python_train(
    steps: usize,
    batch: usize,
    lr: f32,
    seconds: usize,
    step_seconds: f64,
) -> String {
    let big = if steps < 100 {
        format!(
            " Ton modèle est gros\u{a0}: en Python simple, un pas prend environ {}, c'est pour ça qu'il n'en fait que {steps}. Le carnet en PyTorch va des centaines de fois plus vite.",
            count(step_seconds.round().max(1.0) as usize, "seconde", "secondes")
        )
    } else {
        String::new()
    };
    format!(
        "## Continuer l'entraînement\n\nLa cellule juste en dessous contient `NOMS`, les noms pour apprendre\u{a0}; ajoute les tiens si tu veux. La suivante fait {}, chacun sur {} tirés au sort (taux {}, qui baisse jusqu'à 0)\u{a0}: les dominos, puis Adam. Elle mesure la loss des noms mis de côté avant, au milieu et à la fin, et garde les meilleurs poids\u{a0}: si cette loss remonte, le modèle apprend par cœur au lieu d'inventer. Compte environ {} dans un navigateur, plus sur un ordinateur ancien.{big} Lance `entrainer()` pour continuer, ou `entrainer(pas=10)`.",
        count(steps, "pas", "pas"),
        count(batch, "nom", "noms"),
        decimal(lr),
        count(seconds, "seconde", "secondes")
    )
}

pub const PYTHON_GENERATE: &str = "## Inventer des noms\n\nAprès l'entraînement\u{a0}: dix noms. Change la température pour voir.";

pub fn pytorch_intro(model: &Gpt, facts: &Facts) -> String {
    format!(
        "# Ton mini-GPT en PyTorch{}\n\n{}\n\nC'est le même modèle qu'à la leçon 6, écrit avec PyTorch, la bibliothèque des chercheurs\u{a0}: une petite classe `nn.Module`. Il reprend **les mêmes nombres** que ton modèle, puis continue l'entraînement sur ta liste, par lots de noms, sur la carte graphique (GPU) si l'ordinateur en a une.\n\n**Pour l'ouvrir\u{a0}:** Jupyter avec PyTorch installé (`pip install torch`), ou Google Colab (il faut un compte Google\u{a0}; Fichier → Importer un notebook, puis Exécution → Modifier le type d'exécution → GPU pour aller plus vite). Capytale, Basthon et JupyterLite n'ont pas PyTorch\u{a0}: prends-y plutôt le carnet en Python simple.",
        title(facts.about),
        learned(model, facts)
    )
}

pub const PYTORCH_MODEL: &str = "## Le modèle, en PyTorch\n\nLes mêmes briques qu'en Python simple, mais calculées pour tout un lot de noms à la fois\u{a0}: c'est ce qui rend PyTorch rapide, surtout sur une carte graphique. PyTorch fait tomber les dominos tout seul (`loss.backward()`).";
pub const PYTORCH_DATA: &str = "## Tes noms\n\n`NOMS`\u{a0}: les noms pour apprendre (ajoute les tiens si tu veux). `NOMS_A_MESURER`\u{a0}: les noms mis de côté, jamais appris ici\u{a0}; leur loss dit si le modèle invente mieux ou s'il récite.";

pub fn pytorch_train(steps: usize, batch: usize, lr: f32) -> String {
    format!(
        "## Continuer l'entraînement\n\n{}, chacun sur {} tirés au sort, avec Adam comme dans Tuto LLM. Le taux part de {}, bien plus bas que celui de Tuto LLM, et baisse jusqu'à 0\u{a0}: le modèle est déjà entraîné, il n'a besoin que de petites corrections. Tous les 50 pas, la cellule mesure la loss des noms mis de côté et garde les meilleurs poids\u{a0}; si elle remonte, le modèle apprend par cœur, et la cellule le dit.",
        count(steps, "pas", "pas"),
        count(batch, "nom", "noms"),
        decimal(lr)
    )
}

pub const PYTORCH_GENERATE: &str = "## Inventer des noms\n\nAprès l'entraînement\u{a0}: dix noms, à la température que tu veux (0\u{a0}: toujours la lettre la plus probable).";
