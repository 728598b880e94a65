class Adam:
    """Corrige chaque poids un petit peu à chaque pas, contre sa pente, comme Tuto LLM : chaque
    poids retient la direction de ses dernières corrections (m) et leur taille (v), et règle
    lui-même la taille de ses pas. Le taux baisse en ligne droite jusqu'à 0 au dernier pas."""
    B1, B2, EPS = 0.85, 0.99, 1e-8

    def __init__(self, poids, taux, pas_total):
        self.poids, self.taux, self.pas_total, self.t = poids, taux, pas_total, 0
        self.m = [0.0] * len(poids)
        self.v = [0.0] * len(poids)

    def pas(self):
        """Un pas de correction avec les `grad` que les dominos ont laissés, puis on les efface."""
        taux = self.taux * (1 - self.t / self.pas_total)
        self.t += 1
        c1, c2 = 1 - self.B1 ** self.t, 1 - self.B2 ** self.t
        for i, p in enumerate(self.poids):
            self.m[i] = self.B1 * self.m[i] + (1 - self.B1) * p.grad
            self.v[i] = self.B2 * self.v[i] + (1 - self.B2) * p.grad * p.grad
            p.val -= taux / c1 * self.m[i] / (math.sqrt(self.v[i] / c2) + self.EPS)
            p.grad = 0.0

def en_valeurs(poids):
    """Les poids (des nombres) en Valeurs, qui se souviennent de leurs dominos."""
    return {nom: [[Valeur(x) for x in ligne] for ligne in m] for nom, m in poids.items()}

def toutes(valeurs):
    """Toutes les Valeurs des poids, matrice par matrice, ligne par ligne."""
    return [x for m in valeurs.values() for ligne in m for x in ligne]

def en_nombres(valeurs):
    """Les Valeurs redevenues de simples nombres (pour inventer et mesurer plus vite)."""
    return {nom: [[x.val for x in ligne] for ligne in m] for nom, m in valeurs.items()}
