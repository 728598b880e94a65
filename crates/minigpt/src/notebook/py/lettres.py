import re, unicodedata

def nettoyer(morceau):
    """Un morceau de texte écrit avec l'alphabet du modèle, comme Tuto LLM l'écrit : en
    minuscules, les lettres que l'alphabet n'a pas perdent leur accent (ou s'écrivent
    autrement), le reste est laissé de côté."""
    nom = ""
    for c in morceau:
        petit = c.lower()
        if c in REMPLACEMENTS:
            nom += REMPLACEMENTS[c]
        elif len(petit) == 1 and petit != "." and petit in ALPHABET:
            nom += petit
        else:
            for s in unicodedata.normalize("NFKD", c):
                if not unicodedata.category(s).startswith("M"):
                    nom += "".join(l for l in s.lower() if "a" <= l <= "z")
    # Un signe qui ne fait que relier deux parties d'un nom ne reste pas seul au bord ni doublé.
    for signe in JOINTS:
        while nom.startswith(signe) or nom.endswith(signe) or signe + signe in nom:
            nom = nom.strip(signe).replace(signe + signe, signe)
    return nom

def noms_de(texte):
    """Les noms d'un texte, coupé là où Tuto LLM le coupe, chacun nettoyé, chacun une fois."""
    noms, vus = [], set()
    for morceau in re.split("[" + re.escape(SEPARATEURS) + "]", texte):
        nom = nettoyer(morceau)
        if nom and nom not in vus:
            noms.append(nom)
            vus.add(nom)
    return noms

def jetons_de(nom):
    """« .nom. » en numéros de jetons (le jeton 0, « . », au début et à la fin)."""
    return [0] + [ALPHABET.index(c) for c in nettoyer(nom)] + [0]
