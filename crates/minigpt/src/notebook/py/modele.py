def attention(poids, couche, x):
    """Chaque position pose sa question (q) aux positions d'avant et à elle-même (panneaux k),
    puis mélange leurs infos (v) selon ces parts d'attention, tête par tête."""
    h = [normaliser(v) for v in x]
    q = [produit(poids[couche + "attn_wq"], v) for v in h]
    k = [produit(poids[couche + "attn_wk"], v) for v in h]
    v = [produit(poids[couche + "attn_wv"], u) for u in h]
    taille = N_EMBD // N_HEAD
    sortie = []
    for t in range(len(x)):
        melange = []
        for tete in range(N_HEAD):
            debut, fin = tete * taille, (tete + 1) * taille
            scores = [scalaire(q[t][debut:fin], k[j][debut:fin]) / math.sqrt(taille) for j in range(t + 1)]
            # Les infos de chaque position d'avant, case par case, pesées par leurs parts.
            infos = [[v[j][i] for j in range(t + 1)] for i in range(debut, fin)]
            melange += produit(infos, pourcentages(scores))
        # Le raccourci : ce que l'attention a trouvé s'ajoute à ce que la position savait déjà.
        sortie.append(ajouter(produit(poids[couche + "attn_wo"], melange), x[t]))
    return sortie

def reseau(poids, couche, x):
    """Le réseau de neurones : 4 fois plus de neurones, seuls les positifs restent allumés."""
    sortie = []
    for xi in x:
        allumes = [allumer(a) for a in produit(poids[couche + "mlp_fc1"], normaliser(xi))]
        # Encore un raccourci : le réseau ajoute sa réponse à ce qu'il a reçu.
        sortie.append(ajouter(produit(poids[couche + "mlp_fc2"], allumes), xi))
    return sortie

def scores_apres(poids, jetons):
    """Après chaque position de `jetons` (BLOCK au plus), un score pour chaque jeton possible."""
    # La carte d'identité de chaque lettre plus la carte de sa place.
    x = [normaliser(ajouter(poids["wte"][j], poids["wpe"][p])) for p, j in enumerate(jetons)]
    for c in range(N_LAYER):
        x = reseau(poids, f"layer{c}.", attention(poids, f"layer{c}.", x))
    return [produit(poids["lm_head"], v) for v in x]

def loss_moyenne(poids, noms):
    """La surprise moyenne devant chaque bonne lettre de ces noms (chacun lu sur BLOCK
    positions au plus) : la loss que Tuto LLM affiche."""
    surprises = []
    for nom in noms:
        jetons = jetons_de(nom)
        n = min(len(jetons) - 1, BLOCK)
        for t, scores in enumerate(scores_apres(poids, jetons[:n])):
            surprises.append(surprise(scores, jetons[t + 1]))
    return somme(surprises) / len(surprises)

def chances_apres(jetons, temperature=1.0):
    """Les chances de chaque jeton après `jetons` (à la température 0, tout pour le meilleur)."""
    scores = scores_apres(POIDS, jetons[-BLOCK:])[-1]
    if temperature <= 0.01:
        meilleur = scores.index(max(scores))
        return [float(i == meilleur) for i in range(len(scores))]
    return pourcentages([s / temperature for s in scores])

def probabilites(debut, temperature=1.0):
    """Les chances de chaque lettre (« . » = fin du nom) après `debut`."""
    return dict(zip(ALPHABET, chances_apres(jetons_de(debut)[:-1], temperature)))

def generer(debut="", temperature=1.0, longueur_max=40):
    """Un nom inventé lettre par lettre, en tirant au sort selon les chances (à la température 0,
    toujours la lettre la plus probable)."""
    jetons = jetons_de(debut)[:-1]
    while len(jetons) <= longueur_max:
        chances = chances_apres(jetons, temperature)
        suivant = random.choices(range(len(chances)), weights=chances)[0]
        if suivant == 0:
            break
        jetons.append(suivant)
    return "".join(ALPHABET[j] for j in jetons[1:])

def loss_sur(noms):
    """La loss du modèle sur une liste de noms, écrits comme Tuto LLM les écrit."""
    if isinstance(noms, str):
        noms = [noms]
    propres = noms_de(SEPARATEURS[0].join(noms))
    if not propres:
        print("La liste est vide : donne au moins un nom, par exemple loss_sur([\"pikachu\"]).")
        return None
    return loss_moyenne(POIDS, propres)
