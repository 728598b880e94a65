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
    propre, en_attente = "", []
    for c in nom:
        if c in JOINTS:
            if propre and (not en_attente or en_attente[-1] != c):
                en_attente.append(c)
        else:
            propre += "".join(en_attente) + c
            en_attente = []
    return propre

def noms_de(texte):
    """Les noms d'un texte, coupé là où Tuto LLM le coupe, chacun nettoyé, chacun une fois."""
    noms, vus = [], set()
    separateurs = SEPARATEURS
    # Une virgule que l'alphabet écrit reste dans sa phrase quand le texte a plusieurs lignes
    # (un proverbe par ligne). Sur une seule ligne, elle sépare une liste.
    lignes = [l for l in re.split("[\n\r\x0b\x0c\x85\u2028\u2029]", texte) if l.strip()]
    if "," in ALPHABET and len(lignes) > 1:
        separateurs = separateurs.replace(",", "")
    for morceau in re.split("[" + re.escape(separateurs) + "]", texte):
        nom = nettoyer(morceau)
        if nom and nom not in vus:
            noms.append(nom)
            vus.add(nom)
    return noms

def jetons_de(nom):
    """« .nom. » en numéros de jetons (le jeton 0, « . », au début et à la fin)."""
    return [0] + [ALPHABET.index(c) for c in nettoyer(nom)] + [0]
