try:
    import torch
except ModuleNotFoundError:
    raise ModuleNotFoundError("PyTorch n'est pas installé ici (pip install torch). Dans Capytale, Basthon ou JupyterLite, ouvre plutôt le carnet en Python simple.") from None
import torch.nn as nn
import torch.nn.functional as F

# La carte graphique s'il y en a une (cuda), la puce des Mac récents (mps), sinon le processeur.
if torch.cuda.is_available():
    device = "cuda"
elif getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
    device = "mps"
else:
    device = "cpu"
print("Calcul sur :", device)

def normaliser(x):
    """Ramène chaque vecteur à une taille moyenne de 1 (rmsnorm)."""
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5)

class MiniGPT(nn.Module):
    def __init__(self, poids):
        super().__init__()
        # Chaque matrice du modèle. PyTorch refuse le « . » dans un nom :
        # « layer0.attn_wq » de Tuto LLM s'appelle ici « layer0_attn_wq ».
        self.poids = nn.ParameterDict({nom.replace(".", "_"): nn.Parameter(torch.tensor(m, dtype=torch.float32))
                                       for nom, m in poids.items()})

    def w(self, nom):
        return self.poids[nom.replace(".", "_")]

    def attention(self, c, x):
        """Chaque position pose sa question aux positions d'avant et à elle-même, tête par tête."""
        lots, T, _ = x.shape
        taille = N_EMBD // N_HEAD
        h = normaliser(x)

        def par_tete(nom):  # (lots, T, N_EMBD) → (lots, têtes, T, taille)
            return (h @ self.w(f"layer{c}.{nom}").T).view(lots, T, N_HEAD, taille).transpose(1, 2)

        q, k, v = par_tete("attn_wq"), par_tete("attn_wk"), par_tete("attn_wv")
        scores = q @ k.transpose(-2, -1) / math.sqrt(taille)
        # Les positions d'après sont cachées : leur part d'attention vaut 0.
        apres = torch.triu(torch.ones(T, T, dtype=torch.bool, device=x.device), 1)
        parts = F.softmax(scores.masked_fill(apres, float("-inf")), dim=-1)
        melange = (parts @ v).transpose(1, 2).reshape(lots, T, N_EMBD)
        return melange @ self.w(f"layer{c}.attn_wo").T

    def reseau(self, c, x):
        """Le réseau de neurones : 4 fois plus de neurones, seuls les positifs restent allumés."""
        return F.relu(normaliser(x) @ self.w(f"layer{c}.mlp_fc1").T) @ self.w(f"layer{c}.mlp_fc2").T

    def forward(self, jetons):
        """jetons : (noms, positions) → scores : (noms, positions, jetons possibles)."""
        T = jetons.shape[1]
        x = normaliser(self.w("wte")[jetons] + self.w("wpe")[:T])
        for c in range(N_LAYER):
            x = x + self.attention(c, x)  # le raccourci : l'attention ajoute ce qu'elle a trouvé
            x = x + self.reseau(c, x)     # et le réseau aussi
        return x @ self.w("lm_head").T

def lot(noms):
    """Des noms côte à côte, complétés par des « . » ; les cibles à ignorer valent -1."""
    suites = [jetons_de(n)[:BLOCK + 1] for n in noms]
    largeur = max(len(s) for s in suites) - 1
    entrees = torch.zeros(len(suites), largeur, dtype=torch.long)
    cibles = torch.full((len(suites), largeur), -1, dtype=torch.long)
    for i, s in enumerate(suites):
        entrees[i, :len(s) - 1] = torch.tensor(s[:-1])
        cibles[i, :len(s) - 1] = torch.tensor(s[1:])
    return entrees.to(device), cibles.to(device)

def loss_moyenne(noms):
    """La surprise moyenne devant chaque bonne lettre de ces noms (déjà écrits avec l'alphabet)."""
    entrees, cibles = lot(noms)
    scores = modele(entrees)
    return F.cross_entropy(scores.reshape(-1, len(ALPHABET)), cibles.reshape(-1), ignore_index=-1)

@torch.no_grad()
def mesurer(noms):
    """La loss sur beaucoup de noms, 256 à la fois, sans rien apprendre."""
    total, lettres = 0.0, 0
    for debut in range(0, len(noms), 256):
        entrees, cibles = lot(noms[debut:debut + 256])
        scores = modele(entrees)
        total += F.cross_entropy(scores.reshape(-1, len(ALPHABET)), cibles.reshape(-1), ignore_index=-1, reduction="sum").item()
        lettres += int((cibles >= 0).sum())
    return total / lettres

def loss_sur(noms):
    """La loss du modèle sur une liste de noms, écrits comme Tuto LLM les écrit."""
    if isinstance(noms, str):
        noms = [noms]
    propres = noms_de(SEPARATEURS[0].join(noms))
    if not propres:
        print("La liste est vide : donne au moins un nom écrit avec des lettres.")
        return None
    return mesurer(propres)

@torch.no_grad()
def generer(debut="", temperature=0.8, longueur_max=40):
    """Un nom inventé lettre par lettre (à la température 0, toujours la lettre la plus probable)."""
    jetons = jetons_de(debut)[:-1]
    while len(jetons) <= longueur_max:
        scores = modele(torch.tensor([jetons[-BLOCK:]], device=device))[0, -1]
        if temperature <= 0.01:
            suivant = int(scores.argmax())
        else:
            suivant = int(torch.multinomial(F.softmax(scores / temperature, dim=-1), 1))
        if suivant == 0:
            break
        jetons.append(suivant)
    return "".join(ALPHABET[j] for j in jetons[1:])

def virgule(x, chiffres=4):
    """Un nombre écrit à la française : 2,3101."""
    return f"{x:.{chiffres}f}".replace(".", ",")

torch.manual_seed(0)
random.seed(0)
