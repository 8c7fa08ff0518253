"""PyTorch 1.13 reference for the regularizer-overhead benchmark: the same MLP step (784-256-256-10, batch 128, SGD)
with an L1 or L2 penalty added to the loss, nn.Dropout(0.5) after each hidden layer, or label smoothing 0.1, divided by the plain step
(medians of 7 interleaved rounds of 100 steps).
Run: OPENBLAS_NUM_THREADS=2 /usr/bin/python3 eng/bench/penalty_overhead_pytorch.py"""
import time, torch
torch.set_num_threads(1)
torch.manual_seed(0)
x = torch.rand(60000, 784); y = torch.randint(0, 10, (60000,))
def run(kind, steps=100):
    torch.manual_seed(0)
    gap = (lambda: torch.nn.Dropout(0.5)) if kind == "dropout" else (lambda: torch.nn.Identity())
    m = torch.nn.Sequential(torch.nn.Linear(784,256), torch.nn.ReLU(), gap(), torch.nn.Linear(256,256), torch.nn.ReLU(), gap(), torch.nn.Linear(256,10))
    opt = torch.optim.SGD(m.parameters(), lr=0.1)
    ws = [p for n, p in m.named_parameters() if p.dim() > 1]
    t = time.perf_counter()
    for _ in range(steps):
        idx = torch.randint(0, 60000, (128,))
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(m(x[idx]), y[idx], label_smoothing=0.1 if kind == "label_smoothing" else 0.0)
        if kind == "l2": loss = loss + 0.5e-4 * sum(w.pow(2).sum() for w in ws)
        if kind == "l1": loss = loss + 1e-5 * sum(w.abs().sum() for w in ws)
        loss.backward(); opt.step()
    return time.perf_counter() - t
res = {k: [] for k in ["none", "l1", "l2", "dropout", "label_smoothing"]}
for r in range(7):
    for k in res: res[k].append(run(k))
med = {k: sorted(v)[3] for k, v in res.items()}
print(f"plain step {med['none'] * 10:.2f} ms;", {k: round(v / med["none"], 3) for k, v in med.items()})
