"""PyTorch 1.13 baseline for eng/bench/run.sh: one epoch of a 784-256-256-10 ReLU MLP on Fashion-MNIST
(SGD lr 0.1, batch 128), and a 1024x1024 float32 matmul's GFLOP/s. Prints one JSON line.

Threads: torch intra-op threads come from TORCH_THREADS (default 1); run.sh sets it, and OpenBLAS's threads, to the
same count as the TorchSharp side."""
import gzip, json, os, struct, sys, time
import numpy as np
import torch

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
root = "/usr/share/datasets/fashion-mnist"

def idx(name):
    with gzip.open(os.path.join(root, name)) as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)

x = torch.from_numpy(idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
y = torch.from_numpy(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
xt = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
yt = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))

def epoch(seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    order = torch.randperm(x.shape[0])
    start = time.perf_counter()
    for i in range(0, x.shape[0], 128):
        idx_ = order[i:i + 128]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x[idx_]), y[idx_])
        loss.backward()
        opt.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        accuracy = (model(xt).argmax(1) == yt).float().mean().item()
    return seconds, accuracy

epoch(99)  # warm-up
runs = [epoch(s) for s in range(3)]
a = torch.randn(1024, 1024); b = torch.randn(1024, 1024)
a @ b
start = time.perf_counter()
for _ in range(20):
    a @ b
gflops = 20 * 2 * 1024 ** 3 / (time.perf_counter() - start) / 1e9
print(json.dumps({"epoch_seconds": min(r[0] for r in runs), "accuracy": runs[0][1], "matmul_gflops": gflops, "torch_threads": torch.get_num_threads()}))
