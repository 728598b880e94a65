def entrainer(pas=PAS, noms_par_pas=NOMS_PAR_PAS, taux=TAUX):
    """Continue l'entraînement sur NOMS, sans les noms mis de côté : leur loss, mesurée avant,
    au milieu et à la fin, dit si le modèle invente mieux ou s'il récite. Garde les meilleurs
    poids et rend leur loss."""
    global POIDS
    pas = max(1, int(pas))
    apprendre, mis_de_cote = partager()
    if not apprendre:
        return None
    avant = loss_moyenne(POIDS, mis_de_cote)
    print(f"Avant : loss {virgule(avant)} sur les {len(mis_de_cote)} noms mis de côté.")
    meilleure, meilleurs_poids, meilleur_pas = avant, POIDS, 0
    valeurs = en_valeurs(POIDS)
    adam = Adam(toutes(valeurs), taux, pas)
    debut = time.time()
    for p in range(1, pas + 1):
        lot = random.sample(apprendre, min(noms_par_pas, len(apprendre)))
        loss = loss_moyenne(valeurs, lot)  # les dominos sont posés…
        loss.retropropager()               # …l'erreur les fait tomber…
        adam.pas()                         # …et chaque poids est corrigé un peu.
        if p == pas or p == pas // 2:
            poids = en_nombres(valeurs)
            mesure = loss_moyenne(poids, mis_de_cote)
            print(f"Pas {p} sur {pas} : loss {virgule(mesure)} sur les noms mis de côté.")
            if mesure < meilleure:
                meilleure, meilleurs_poids, meilleur_pas = mesure, poids, p
    print(f"{pas} pas en {virgule(time.time() - debut, 1)} s.")
    POIDS = meilleurs_poids
    bilan(avant, mesure, meilleure, meilleur_pas)
    return meilleure

random.seed(0)
apres = entrainer()
if apres is not None and NOMS_A_MESURER:
    print(json.dumps({"eval_loss_after_training": apres}))
