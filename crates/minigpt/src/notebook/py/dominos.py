import operator

class Valeur:
    """Un nombre qui se souvient d'où il vient : les nombres qui l'ont fait (ses parents) et de
    combien il bouge quand chacun d'eux bouge d'un tout petit peu (ses pentes).
    Chaque Valeur est un domino de la leçon 6 : quand l'erreur l'atteint, elle la passe à ses
    parents, multipliée par la pente. `grad` dit de combien la loss bougerait avec ce nombre."""
    __slots__ = ("val", "grad", "parents", "pentes")
    # La rangée de dominos : chaque nombre calculé s'y pose dans l'ordre du calcul.
    rangee = []

    def __init__(self, val, parents=(), pentes=()):
        self.val, self.grad, self.parents, self.pentes = val, 0.0, parents, pentes
        if parents:
            Valeur.rangee.append(self)

    def __add__(self, autre):
        if isinstance(autre, Valeur):
            return Valeur(self.val + autre.val, (self, autre), (1.0, 1.0))
        return Valeur(self.val + autre, (self,), (1.0,))

    def __mul__(self, autre):
        if isinstance(autre, Valeur):
            return Valeur(self.val * autre.val, (self, autre), (autre.val, self.val))
        return Valeur(self.val * autre, (self,), (autre,))

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, autre):
        return self + (-autre)

    def __pow__(self, k):
        return Valeur(self.val ** k, (self,), (k * self.val ** (k - 1),))

    def __truediv__(self, autre):
        return self * (autre ** -1.0 if isinstance(autre, Valeur) else 1.0 / autre)

    def exp(self):
        e = math.exp(self.val)
        return Valeur(e, (self,), (e,))

    def relu(self):
        return Valeur(max(0.0, self.val), (self,), (1.0 if self.val > 0 else 0.0,))

    @staticmethod
    def scalaire(a, b):
        """Multiplier case par case puis additionner, en un seul domino : la pente vers chaque
        nombre de `a` est le nombre d'en face dans `b`, et inversement."""
        va, vb = [x.val for x in a], [y.val for y in b]
        return Valeur(sum(map(operator.mul, va, vb)), (*a, *b), (*vb, *va))

    @staticmethod
    def somme(valeurs):
        return Valeur(sum(v.val for v in valeurs), tuple(valeurs), (1.0,) * len(valeurs))

    @staticmethod
    def surprise(scores, bonne):
        """La surprise devant la bonne lettre, en un domino : la pente de chaque score est sa
        chance, moins 1 pour la bonne lettre (leçon 2)."""
        chances = pourcentages([s.val for s in scores])
        valeur = surprise([s.val for s in scores], bonne)
        pentes = [p - (1.0 if i == bonne else 0.0) for i, p in enumerate(chances)]
        return Valeur(valeur, tuple(scores), tuple(pentes))

    def retropropager(self):
        """Fait tomber les dominos : l'erreur part de ce nombre (la loss) et remonte la rangée
        à l'envers, jusqu'aux poids ; chacun reçoit sa part dans `grad`. Puis on range."""
        self.grad = 1.0
        for v in reversed(Valeur.rangee):
            erreur = v.grad
            if erreur:
                for parent, pente in zip(v.parents, v.pentes):
                    parent.grad += pente * erreur
        Valeur.rangee = []
