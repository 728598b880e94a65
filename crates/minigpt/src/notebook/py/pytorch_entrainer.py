def entrainer(pas=PAS, noms_par_pas=NOMS_PAR_PAS, taux=TAUX):
    """Continue l'entraînement sur NOMS, sans les noms mis de côté : leur loss, mesurée tous les
    50 pas, dit si le modèle invente mieux ou s'il récite. Garde les meilleurs poids et rend
    leur loss."""
    pas = max(1, int(pas))
    apprendre, mis_de_cote = partager()
    if not apprendre:
        return None
    optimiseur = torch.optim.Adam(modele.parameters(), lr=taux, betas=(0.85, 0.99), eps=1e-8)
    # Le taux baisse en ligne droite jusqu'à 0 au dernier pas, comme dans Tuto LLM.
    baisse = torch.optim.lr_scheduler.LambdaLR(optimiseur, lambda p: 1 - p / pas)
    avant = mesurer(mis_de_cote)
    print(f"Avant : loss {virgule(avant)} sur les {len(mis_de_cote)} noms mis de côté.")
    meilleure, meilleur_pas = avant, 0
    meilleurs_poids = {k: v.clone() for k, v in modele.state_dict().items()}
    debut = time.time()
    for p in range(1, pas + 1):
        loss = loss_moyenne(random.sample(apprendre, min(noms_par_pas, len(apprendre))))
        optimiseur.zero_grad()
        loss.backward()  # PyTorch fait tomber les dominos
        optimiseur.step()
        baisse.step()
        if p % 50 == 0 or p == pas:
            mesure = mesurer(mis_de_cote)
            print(f"Pas {p} sur {pas} : loss {virgule(mesure)} sur les noms mis de côté (lot : {virgule(loss.item())}).")
            if mesure < meilleure:
                meilleure, meilleur_pas = mesure, p
                meilleurs_poids = {k: v.clone() for k, v in modele.state_dict().items()}
    print(f"{pas} pas en {virgule(time.time() - debut, 1)} s.")
    modele.load_state_dict(meilleurs_poids)
    bilan(avant, mesure, meilleure, meilleur_pas)
    return meilleure

apres = entrainer()
if apres is not None and NOMS_A_MESURER:
    print(json.dumps({"eval_loss_after_training": apres}))
