"""The phase-2 reference in PyTorch (not a test): the same GPT as `minigpt train --n-layer 4
--n-embd 64 --n-head 4 --block 32 --batch 32` (microgpt's architecture: rmsnorm, no biases,
ReLU MLP, Adam β1 0.85 β2 0.99, linear decay), trained on the same prénoms for the same time with
the same threads. Prints one JSON line like the CLI's, for `cargo xtask bench`.

Usage: python torch_phase2.py DATA_FILE SECONDS THREADS
"""
import json
import random
import sys
import time

import torch
import torch.nn.functional as F

data_file, seconds, threads = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(42)
random.seed(42)

N_LAYER, N_EMBD, N_HEAD, BLOCK, BATCH, LR, STEPS = 4, 64, 4, 32, 32, 0.005, 100_000
LETTERS = ".abcdefghijklmnopqrstuvwxyz"
names = [n.strip() for n in open(data_file, encoding="utf-8") if n.strip()]
names = [n for n in names if all(c in LETTERS[1:] for c in n)]
random.shuffle(names)
held_out = names[-1000:]
names = names[:-1000]


def encode(n):
    return [0] + [LETTERS.index(c) for c in n] + [0]


def rmsnorm(x):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5)


def param(rows, cols):
    return torch.nn.Parameter(torch.randn(rows, cols) * 0.08)


wte, wpe, lm_head = param(27, N_EMBD), param(BLOCK, N_EMBD), param(27, N_EMBD)
layers = [[param(N_EMBD, N_EMBD) for _ in range(4)] + [param(4 * N_EMBD, N_EMBD), param(N_EMBD, 4 * N_EMBD)]
          for _ in range(N_LAYER)]
params = [wte, wpe, lm_head] + [p for layer in layers for p in layer]


def forward(tokens):
    b, t = tokens.shape
    x = rmsnorm(wte[tokens] + wpe[:t])
    for wq, wk, wv, wo, fc1, fc2 in layers:
        h = rmsnorm(x)
        q, k, v = (h @ w.T for w in (wq, wk, wv))
        split = lambda z: z.view(b, t, N_HEAD, N_EMBD // N_HEAD).transpose(1, 2)
        att = F.scaled_dot_product_attention(split(q), split(k), split(v), is_causal=True)
        x = x + att.transpose(1, 2).reshape(b, t, N_EMBD) @ wo.T
        x = x + F.relu(rmsnorm(x) @ fc1.T) @ fc2.T
    return x @ lm_head.T


def batch_of(ns):
    docs = [encode(n)[: BLOCK + 1] for n in ns]
    width = max(len(d) for d in docs)
    tokens = torch.zeros(len(docs), width - 1, dtype=torch.long)
    targets = torch.full((len(docs), width - 1), -1, dtype=torch.long)
    for i, d in enumerate(docs):
        tokens[i, : len(d) - 1] = torch.tensor(d[:-1])
        targets[i, : len(d) - 1] = torch.tensor(d[1:])
    return tokens, targets


opt = torch.optim.Adam(params, lr=LR, betas=(0.85, 0.99), eps=1e-8)
step, tokens_seen, compute = 0, 0, 0.0
while compute < seconds and step < STEPS:
    start = time.perf_counter()
    ns = [names[(step * BATCH + i) % len(names)] for i in range(BATCH)]
    tokens, targets = batch_of(ns)
    logits = forward(tokens)
    loss = F.cross_entropy(logits.reshape(-1, 27), targets.reshape(-1), ignore_index=-1)
    opt.zero_grad()
    loss.backward()
    for g in opt.param_groups:
        g["lr"] = LR * (1 - step / STEPS)
    opt.step()
    compute += time.perf_counter() - start
    tokens_seen += int((targets >= 0).sum())
    step += 1

with torch.no_grad():
    tokens, targets = batch_of(held_out)
    test = F.cross_entropy(forward(tokens).reshape(-1, 27), targets.reshape(-1), ignore_index=-1).item()
print(json.dumps({"framework": f"pytorch {torch.__version__}", "threads": threads, "steps": step,
                  "tokens": tokens_seen, "seconds": compute, "tokens_per_s": tokens_seen / compute,
                  "test_loss": test}))
