"""The default `regularizers compare` ablation written as a plain PyTorch 1.13 script, for the configurations PyTorch
expresses with its own modules in a few lines: none, L2 (SGD weight_decay on the weights only), inverted dropout,
label smoothing, max-norm via renorm with dropout, and early stopping (patience 3 on validation loss, best restored).

Same setup as the preset: 784-256-10 ReLU, SGD momentum 0.9, lr 0.05, batch 128, 30 epochs, 2,000 training and 5,000
validation images from Fashion-MNIST's training split, the 10,000 test images, seeds 0-4, validation loss computed every
epoch (as the CLI records it). The training subset is a different random draw from ours, so accuracies agree within
seed noise, not digit for digit. Prints one line per configuration and the total training time.
Usage: OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=1 python3 eng/bench/compare_pytorch.py [configs] (compare_peer.sh runs it)
"""
import gzip, struct, time, sys
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = "/usr/share/datasets/fashion-mnist"


def idx(name):
    with gzip.open(f"{ROOT}/{name}", "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


pool_x = torch.tensor(idx("train-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
pool_y = torch.tensor(idx("train-labels-idx1-ubyte.gz"), dtype=torch.int64)
test_x = torch.tensor(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
test_y = torch.tensor(idx("t10k-labels-idx1-ubyte.gz"), dtype=torch.int64)
order = torch.randperm(len(pool_y), generator=torch.Generator().manual_seed(0))
train_x, train_y = pool_x[order[:2000]], pool_y[order[:2000]]
valid_x, valid_y = pool_x[order[2000:7000]], pool_y[order[2000:7000]]

EPOCHS, BATCH, LR = 30, 128, 0.05


def model(dropout):
    layers = ([nn.Dropout(0.2)] if dropout else []) + [nn.Linear(784, 256), nn.ReLU()]
    layers += ([nn.Dropout(0.5)] if dropout else []) + [nn.Linear(256, 10)]
    return nn.Sequential(*layers)


def accuracy(net, x, y):
    net.eval()
    with torch.no_grad():
        return (net(x).argmax(1) == y).float().mean().item()


def run(name, seed):
    torch.manual_seed(seed)
    dropout = name in ("inverted-dropout", "max-norm-dropout")
    net = model(dropout)
    weights = [p for n, p in net.named_parameters() if p.dim() > 1]
    others = [p for n, p in net.named_parameters() if p.dim() <= 1]
    decay = 1e-3 if name == "l2" else 0.0
    opt = torch.optim.SGD([{"params": weights, "weight_decay": decay}, {"params": others}], lr=LR, momentum=0.9)
    smoothing = 0.1 if name == "label-smoothing" else 0.0
    best, best_state, wait = float("inf"), None, 0
    g = torch.Generator().manual_seed(seed)
    for epoch in range(EPOCHS):
        net.train()
        perm = torch.randperm(len(train_y), generator=g)
        for start in range(0, len(perm), BATCH):
            i = perm[start:start + BATCH]
            opt.zero_grad()
            F.cross_entropy(net(train_x[i]), train_y[i], label_smoothing=smoothing).backward()
            opt.step()
            if name == "max-norm-dropout":
                with torch.no_grad():
                    for w in weights:
                        w.copy_(torch.renorm(w, 2, 0, 2.0))
        net.eval()
        with torch.no_grad():
            v = F.cross_entropy(net(valid_x), valid_y).item()
        if name == "early-stopping":
            if v < best:
                best, best_state, wait = v, {k: t.clone() for k, t in net.state_dict().items()}, 0
            else:
                wait += 1
                if wait >= 3:
                    break
    if best_state is not None:
        net.load_state_dict(best_state)
    return accuracy(net, train_x, train_y), accuracy(net, test_x, test_y)


configs = sys.argv[1].split(",") if len(sys.argv) > 1 else ["none", "l2", "inverted-dropout", "label-smoothing", "max-norm-dropout", "early-stopping"]
total = 0.0
for name in configs:
    clock = time.perf_counter()
    scores = [run(name, seed) for seed in range(5)]
    seconds = time.perf_counter() - clock
    total += seconds
    test = np.array([s[1] for s in scores])
    train = np.array([s[0] for s in scores])
    print(f"{name:18s} train {train.mean():.4f}  test {test.mean():.4f} ± {test.std(ddof=1):.4f} (sd over 5 seeds)  {seconds:.1f} s")
print(f"total {total:.1f} s")
