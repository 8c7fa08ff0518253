#!/usr/bin/env bash
# Foundation benchmark: one epoch of the same MLP through TorchSharp 0.107 (libtorch 2.10) and through PyTorch 1.13 on
# this machine, interleaved three times, at 1 and at 2 threads each; the last line is the ratio at each side's default
# (libtorch 2.10: one intra-op thread per core; PyTorch 1.13: the best setting here, 1 torch thread + OpenBLAS on every
# core, because its 2 + 2 oversubscribe the cores). Epoch times are the minimum of each run's three epochs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
cores=$(nproc)
ours() { TORCH_THREADS=$1 dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll mlp; }
theirs() { OPENBLAS_NUM_THREADS=$2 TORCH_THREADS=$1 /usr/bin/python3 eng/bench/mlp_epoch.py; }
results=()
for run in 1 2 3; do
  results+=("ours 1 $(ours 1)" "ours $cores $(ours "$cores")" "pytorch 1+1 $(theirs 1 1)" "pytorch 1+$cores $(theirs 1 "$cores")")
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%s\n' "${results[@]}" >"$log"
python3 - "$log" <<'PY'
import json, sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, threads, payload = line.split(" ", 2)
    runs[(side, threads)].append(json.loads(payload))
for (side, threads), rs in runs.items():
    label = f"TorchSharp 0.107, {threads} thread(s)" if side == "ours" else f"PyTorch 1.13, torch+BLAS threads {threads}"
    epochs = " / ".join(f"{r['epoch_seconds']:.3f}" for r in rs)
    print(f"{label:<40} epoch {epochs} s; 1024² matmul {max(r['matmul_gflops'] for r in rs):.0f} GFLOP/s; "
          f"test accuracy {rs[0]['accuracy']:.4f}")
cores = max(int(t) for s, t in runs if s == "ours")
o = sorted(r["epoch_seconds"] for r in runs[("ours", str(cores))])[1]
t = sorted(r["epoch_seconds"] for r in runs[("pytorch", f"1+{cores}")])[1]
print(f"epoch time ratio ours/PyTorch: {o / t:.3f} ({o:.3f} s vs {t:.3f} s, medians of 3 interleaved runs "
      f"at each side's default threads)")
PY
