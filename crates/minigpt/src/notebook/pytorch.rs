//! The PyTorch notebook: the same GPT as a short `nn.Module`, loading the same weights, then
//! carrying on training on the pupil's list, on the GPU when there is one.

use super::{code, markdown, names_list, settings, text, weights, About};
use crate::models::gpt::Gpt;
use serde_json::Value;

const MODEL: &str = r#"import json, math, random
import torch
import torch.nn as nn
import torch.nn.functional as F

device = "cuda" if torch.cuda.is_available() else "cpu"
print("Calcul sur :", device)

def normaliser(x):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5)

class MiniGPT(nn.Module):
    def __init__(self, poids):
        super().__init__()
        # Chaque matrice du modèle, avec le nom qu'elle a dans Tuto LLM.
        self.poids = nn.ParameterDict({nom.replace(".", "_"): nn.Parameter(torch.tensor(m, dtype=torch.float32))
                                       for nom, m in poids.items()})

    def p(self, nom):
        return self.poids[nom.replace(".", "_")]

    def forward(self, jetons):
        """jetons : (noms, positions) → scores : (noms, positions, jetons possibles)."""
        lots, T = jetons.shape
        x = normaliser(self.p("wte")[jetons] + self.p("wpe")[:T])
        taille = N_EMBD // N_HEAD
        for c in range(N_LAYER):
            w = lambda nom: self.p(f"layer{c}.{nom}")
            h = normaliser(x)
            q, k, v = (h @ w(n).T for n in ("attn_wq", "attn_wk", "attn_wv"))
            tetes = lambda z: z.view(lots, T, N_HEAD, taille).transpose(1, 2)
            scores = tetes(q) @ tetes(k).transpose(-2, -1) / math.sqrt(taille)
            futur = torch.triu(torch.ones(T, T, dtype=torch.bool, device=jetons.device), 1)
            parts = F.softmax(scores.masked_fill(futur, float("-inf")), dim=-1)
            melange = (parts @ tetes(v)).transpose(1, 2).reshape(lots, T, N_EMBD)
            x = x + melange @ w("attn_wo").T
            x = x + F.relu(normaliser(x) @ w("mlp_fc1").T) @ w("mlp_fc2").T
        return x @ self.p("lm_head").T

def jetons_de(nom):
    return [0] + [ALPHABET.index(c) for c in nom.lower() if c in ALPHABET and c != "."] + [0]

def lot(noms):
    """Des noms côte à côte, complétés par des « . » ; les cibles à ignorer valent -1."""
    suites = [jetons_de(n)[:BLOCK + 1] for n in noms]
    largeur = max(len(s) for s in suites) - 1
    entrees = torch.zeros(len(suites), largeur, dtype=torch.long)
    cibles = torch.full((len(suites), largeur), -1, dtype=torch.long)
    for i, s in enumerate(suites):
        entrees[i, :len(s) - 1] = torch.tensor(s[:-1])
        cibles[i, :len(s) - 1] = torch.tensor(s[1:])
    return entrees.to(device), cibles.to(device)

def loss_sur(noms):
    entrees, cibles = lot(noms)
    scores = modele(entrees)
    return F.cross_entropy(scores.reshape(-1, len(ALPHABET)), cibles.reshape(-1), ignore_index=-1)

modele = MiniGPT(POIDS).to(device)
"#;

const TRAIN: &str = r#"PAS, TAUX, NOMS_PAR_LOT = 300, 0.005, 16
optimiseur = torch.optim.Adam(modele.parameters(), lr=TAUX, betas=(0.85, 0.99), eps=1e-8)
if not NOMS:
    print("Ta liste NOMS est vide : ajoute des noms dans la cellule du dessus.")
for pas in range(PAS if NOMS else 0):
    noms = random.sample(NOMS, min(NOMS_PAR_LOT, len(NOMS)))
    loss = loss_sur(noms)
    optimiseur.zero_grad()
    loss.backward()
    optimiseur.step()
    if pas % 50 == 0 or pas == PAS - 1:
        print(f"pas {pas:4d}  loss {loss.item():.3f}")
"#;

const GENERATE: &str = r#"@torch.no_grad()
def generer(debut="", temperature=0.8, longueur_max=40):
    nom = debut.lower()
    while len(nom) < longueur_max:
        jetons = torch.tensor([jetons_de(nom)[:-1][-BLOCK:]], device=device)
        chances = F.softmax(modele(jetons)[0, -1] / temperature, dim=-1)
        lettre = ALPHABET[torch.multinomial(chances, 1).item()]
        if lettre == ".":
            break
        nom += lettre
    return nom

for _ in range(10):
    print(generer())
"#;

fn data_cell(about: &About) -> String {
    let mut cell = format!("NOMS = {}\n", names_list(&about.train_names));
    if !about.eval_names.is_empty() {
        cell.push_str(&format!(
            "NOMS_A_MESURER = {}\nwith torch.no_grad():\n    print(json.dumps({{\"eval_loss\": loss_sur(NOMS_A_MESURER).item()}}))\n",
            names_list(&about.eval_names)
        ));
    }
    cell
}

pub fn cells(model: &Gpt, about: &About) -> Vec<Value> {
    vec![
        markdown(&text::pytorch_intro(about)),
        code(&settings(model)),
        code(&weights(model)),
        markdown(text::PYTORCH_MODEL),
        code(MODEL),
        code(&data_cell(about)),
        markdown(text::PYTORCH_TRAIN),
        code(TRAIN),
        markdown(text::PYTORCH_GENERATE),
        code(GENERATE),
    ]
}
