import math, random, json, time

def est_nombre(x):
    """Vrai pour un nombre ordinaire ; faux pour une Valeur (les dominos, plus bas)."""
    return isinstance(x, float)

def scalaire(a, b):
    """Deux listes de nombres multipliées case par case, puis additionnées."""
    if est_nombre(a[0]):
        return sum(x * y for x, y in zip(a, b))
    return Valeur.scalaire(a, b)

def produit(matrice, vecteur):
    """Chaque ligne de la matrice, multipliée case par case avec le vecteur, puis additionnée."""
    if est_nombre(matrice[0][0]):
        return [sum(w * x for w, x in zip(ligne, vecteur)) for ligne in matrice]
    return [Valeur.scalaire(ligne, vecteur) for ligne in matrice]

def ajouter(a, b):
    return [x + y for x, y in zip(a, b)]

def somme(nombres):
    return sum(nombres) if est_nombre(nombres[0]) else Valeur.somme(nombres)

def exp(x):
    return math.exp(x) if est_nombre(x) else x.exp()

def allumer(x):
    """Un neurone : il laisse passer un nombre positif, il éteint un nombre négatif (ReLU)."""
    return max(0.0, x) if est_nombre(x) else x.relu()

def normaliser(v):
    """Ramène les nombres d'un vecteur à une taille moyenne de 1 (rmsnorm) : sans ça, ils
    grossiraient ou fondraient de couche en couche."""
    echelle = (scalaire(v, v) / len(v) + 1e-5) ** -0.5
    return [x * echelle for x in v]

def pourcentages(scores):
    """La machine à pourcentages (softmax) : des scores aux chances, qui font 100 % en tout."""
    plus_grand = max(s if est_nombre(s) else s.val for s in scores)
    e = [exp(s - plus_grand) for s in scores]
    total = somme(e)
    return [x / total for x in e]

def surprise(scores, bonne):
    """La surprise du modèle devant la bonne lettre (la loss de la leçon 2) : petite s'il lui
    donnait une grande chance, grande s'il ne l'attendait pas."""
    if not est_nombre(scores[0]):
        return Valeur.surprise(scores, bonne)
    plus_grand = max(scores)
    return plus_grand + math.log(sum(math.exp(s - plus_grand) for s in scores)) - scores[bonne]

def virgule(x, chiffres=4):
    """Un nombre écrit à la française : 2,3101."""
    return f"{x:.{chiffres}f}".replace(".", ",")
