//! The plain-Python notebook: the forward pass written as in the lessons, one number at a time.

use super::{code, markdown, names_list, settings, text, weights, About};
use crate::models::gpt::Gpt;
use serde_json::Value;

const BRICKS: &str = r#"import math, random, json

def produit(matrice, vecteur):
    """Chaque ligne de la matrice, multipliée case par case avec le vecteur, puis additionnée."""
    return [sum(w * x for w, x in zip(ligne, vecteur)) for ligne in matrice]

def ajouter(a, b):
    return [x + y for x, y in zip(a, b)]

def normaliser(v):
    """Ramène les nombres d'un vecteur à une taille moyenne de 1 (rmsnorm)."""
    echelle = 1 / math.sqrt(sum(x * x for x in v) / len(v) + 1e-5)
    return [x * echelle for x in v]

def pourcentages(scores):
    """La machine à pourcentages (softmax) : des scores aux chances, qui font 100 % en tout."""
    plus_grand = max(scores)
    e = [math.exp(s - plus_grand) for s in scores]
    total = sum(e)
    return [x / total for x in e]
"#;

const MODEL: &str = r#"def attention(couche, x):
    """Chaque position pose sa question (q) aux positions d'avant et à elle-même (panneaux k),
    puis mélange leurs infos (v) selon ces parts d'attention, tête par tête."""
    h = [normaliser(v) for v in x]
    q = [produit(POIDS[couche + "attn_wq"], v) for v in h]
    k = [produit(POIDS[couche + "attn_wk"], v) for v in h]
    v = [produit(POIDS[couche + "attn_wv"], u) for u in h]
    taille = N_EMBD // N_HEAD
    melanges = []
    for t in range(len(x)):
        melange = [0.0] * N_EMBD
        for tete in range(N_HEAD):
            cases = range(tete * taille, (tete + 1) * taille)
            scores = [sum(q[t][i] * k[j][i] for i in cases) / math.sqrt(taille) for j in range(t + 1)]
            for j, part in enumerate(pourcentages(scores)):
                for i in cases:
                    melange[i] += part * v[j][i]
        melanges.append(melange)
    return [ajouter(produit(POIDS[couche + "attn_wo"], m), xi) for m, xi in zip(melanges, x)]

def reseau(couche, x):
    """Le réseau de neurones : 4 fois plus de neurones, seuls les positifs restent allumés."""
    sortie = []
    for xi in x:
        allumes = [max(0.0, a) for a in produit(POIDS[couche + "mlp_fc1"], normaliser(xi))]
        sortie.append(ajouter(produit(POIDS[couche + "mlp_fc2"], allumes), xi))
    return sortie

def scores_apres(jetons):
    """Après chaque position de `jetons` (BLOCK au plus), un score pour chaque jeton possible."""
    x = [normaliser(ajouter(POIDS["wte"][j], POIDS["wpe"][p])) for p, j in enumerate(jetons)]
    for c in range(N_LAYER):
        x = reseau(f"layer{c}.", attention(f"layer{c}.", x))
    return [produit(POIDS["lm_head"], v) for v in x]

def jetons_de(nom):
    """« .nom. » en numéros de jetons (les caractères hors de l'alphabet sont sautés)."""
    return [0] + [ALPHABET.index(c) for c in nom.lower() if c in ALPHABET and c != "."] + [0]

def probabilites(debut, temperature=1.0):
    """Les chances de chaque lettre (« . » = fin du nom) après `debut`."""
    scores = scores_apres(jetons_de(debut)[:-1][-BLOCK:])[-1]
    if temperature <= 0.01:
        meilleur = scores.index(max(scores))
        return {lettre: float(i == meilleur) for i, lettre in enumerate(ALPHABET)}
    chances = pourcentages([s / temperature for s in scores])
    return dict(zip(ALPHABET, chances))

def generer(debut="", temperature=1.0, longueur_max=40):
    """Un nom inventé lettre par lettre, en tirant au sort selon les chances."""
    nom = debut.lower()
    while len(nom) < longueur_max:
        chances = probabilites(nom, temperature)
        lettre = random.choices(list(chances), weights=list(chances.values()))[0]
        if lettre == ".":
            break
        nom += lettre
    return nom

def loss_sur(noms):
    """La surprise moyenne du modèle devant chaque bonne lettre (chaque nom lu sur BLOCK positions au plus)."""
    total, compte = 0.0, 0
    for nom in noms:
        jetons = jetons_de(nom)
        n = min(len(jetons) - 1, BLOCK)
        for t, scores in enumerate(scores_apres(jetons[:n])):
            plus_grand = max(scores)
            log_total = plus_grand + math.log(sum(math.exp(s - plus_grand) for s in scores))
            total += log_total - scores[jetons[t + 1]]
            compte += 1
    return total / compte
"#;

fn last_cell(about: &About) -> String {
    let mut cell = String::from("for _ in range(10):\n    print(generer(temperature=0.8))\n");
    if !about.eval_names.is_empty() {
        cell.push_str(&format!(
            "\nNOMS_A_MESURER = {}\nprint(json.dumps({{\"eval_loss\": loss_sur(NOMS_A_MESURER)}}))\n",
            names_list(&about.eval_names)
        ));
    }
    cell
}

pub fn cells(model: &Gpt, about: &About) -> Vec<Value> {
    vec![
        markdown(&text::python_intro(about)),
        code(&settings(model)),
        code(&weights(model)),
        markdown(text::PYTHON_BRICKS),
        code(BRICKS),
        markdown(text::PYTHON_MODEL),
        code(MODEL),
        markdown(text::PYTHON_USE),
        code(&last_cell(about)),
    ]
}
