#!/usr/bin/env bash
# Regularizer overhead on the real stack: each regularizer's step time over the plain step (784-256-256-10 MLP, batch
# 128, SGD), for TorchSharp 0.107 at 1 and 2 intra-op threads and for the same regularizer written idiomatically in
# PyTorch 1.13 at 1 thread (torch and OpenBLAS; compared with ours at 1 thread), in one run, side by side with the
# targets: ≤ 1.10 for in-place penalties and constraints, ≤ 1.15 for the dropout family, and no worse than PyTorch.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
TORCH_THREADS=1 dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll overhead >"$out/ours1"
TORCH_THREADS=$(nproc) dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll overhead >"$out/ours2"
OPENBLAS_NUM_THREADS=1 TORCH_THREADS=1 /usr/bin/python3 eng/bench/penalty_overhead_pytorch.py >"$out/pytorch"
python3 - "$out" <<'PY'
import re, sys, os
def read(name):
    rows, plain = {}, None
    for line in open(os.path.join(sys.argv[1], name)):
        if line.startswith("plain step"):
            plain = re.search(r"plain step: ([0-9.]+) ms", line).group(1)
        m = re.match(r"(\S+)\s+step time / plain step = ([0-9.]+) \[([0-9.]+), ([0-9.]+)\]", line)
        if m:
            rows[m.group(1)] = tuple(float(v) for v in m.groups()[1:])
    return rows, plain
ours1, p1 = read("ours1"); ours2, p2 = read("ours2"); torch, pt = read("pytorch")
in_place = {"l1_in_place", "l2_in_place", "elastic_in_place", "decoupled_decay", "max_norm", "max_norm_binding",
            "unit_norm", "min_max_norm", "non_neg"}
dropout = {"inverted_dropout", "classic_dropout", "gaussian_dropout", "gaussian_noise", "dropconnect", "weight_noise"}
print(f"plain step: ours {p1} ms (1 thread), {p2} ms (2 threads); PyTorch 1.13 {pt} ms")
print(f"{'configuration':<18} {'ours, 1 thread':>22} {'ours, 2 threads':>22} {'PyTorch 1.13, 1 thread':>22}  target  met (1 thread)")
fmt = lambda r: f"{r[0]:.3f} [{r[1]:.3f}, {r[2]:.3f}]" if r else "—"
for name, r1 in ours1.items():
    target = 1.10 if name in in_place else 1.15 if name in dropout else None
    peer = torch.get(name)
    checks = []
    if target: checks.append("yes" if r1[0] <= target else "no")
    if peer: checks.append("≤ PyTorch" if r1[0] <= peer[0] else "> PyTorch")
    print(f"{name:<18} {fmt(r1):>22} {fmt(ours2.get(name)):>22} {fmt(peer):>22}  {('≤ %.2f' % target) if target else '  —  '}  {', '.join(checks)}")
PY
