def bilan(avant, fin, meilleure, meilleur_pas):
    """Ce que l'entraînement a donné sur les noms mis de côté, dit simplement : `avant` et `fin`,
    leur loss avant et après, `meilleure` la plus basse, au pas `meilleur_pas` (0 : avant)."""
    if meilleur_pas > 0 and fin <= avant:
        print(f"Mieux qu'avant : {virgule(avant)} → {virgule(meilleure)}. Je garde les poids du pas {meilleur_pas}, les meilleurs. Tu peux continuer : entrainer().")
    elif meilleur_pas > 0:
        print(f"Mieux au pas {meilleur_pas} ({virgule(meilleure)}), mais à la fin la loss des noms mis de côté est remontée au-dessus de celle d'avant ({virgule(fin)} > {virgule(avant)}) : il apprend par cœur, arrête ici. Je garde les poids du pas {meilleur_pas}.")
    else:
        print(f"Les noms mis de côté vont moins bien qu'avant ({virgule(fin)} > {virgule(avant)}) : il apprend par cœur, arrête ici. Je garde les poids d'avant.")

def partager():
    """Les noms pour apprendre (NOMS sans les noms mis de côté) et les noms mis de côté
    (NOMS_A_MESURER, ou sinon le dernier dixième de NOMS)."""
    mis_de_cote = noms_de(SEPARATEURS[0].join(NOMS_A_MESURER))
    a_part = set(mis_de_cote)
    apprendre = [n for n in noms_de(SEPARATEURS[0].join(NOMS)) if n not in a_part]
    if not mis_de_cote and len(apprendre) >= 2:
        coupe = max(1, len(apprendre) // 10)
        apprendre, mis_de_cote = apprendre[:-coupe], apprendre[-coupe:]
    if not apprendre:
        print("Pas de nom pour apprendre : ajoute des noms à la liste NOMS, plus haut, puis relance cette cellule.")
    return apprendre, mis_de_cote
