#!/usr/bin/env bash
# Foundation benchmark: the same MLP epoch through TorchSharp.Compat and through PyTorch 1.13 on this machine,
# each at its best thread setting (torch 1 intra-op thread, OpenBLAS on every core), and the ratio ours/PyTorch.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
ours=$(dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll mlp)
theirs=$(OPENBLAS_NUM_THREADS=$(nproc) TORCH_THREADS=1 /usr/bin/python3 eng/bench/mlp_epoch.py)
echo "TorchSharp.Compat: $ours"
echo "PyTorch 1.13:      $theirs"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
o, t = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"epoch time ratio ours/PyTorch: {o['epoch_seconds'] / t['epoch_seconds']:.3f} "
      f"({o['epoch_seconds']:.3f} s vs {t['epoch_seconds']:.3f} s)")
flops = 128 * 2 * (784 * 256 + 256 * 256 + 256 * 10) * 3 * (60000 / 128)
print(f"MLP epoch GFLOP/s: ours {flops / o['epoch_seconds'] / 1e9:.1f}, PyTorch {flops / t['epoch_seconds'] / 1e9:.1f}; "
      f"plain 1024² matmul: ours {o['matmul_gflops']:.1f}, PyTorch {t['matmul_gflops']:.1f}")
print(f"test accuracy after one epoch: ours {o['accuracy']:.4f}, PyTorch {t['accuracy']:.4f}")
PY
