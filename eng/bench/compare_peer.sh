#!/usr/bin/env bash
# The default compare ablation, ours against the same configurations written as a plain PyTorch 1.13 script
# (eng/bench/compare_pytorch.py), one after the other on this machine: test accuracies and total training time.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build src/Regularizers.Cli -c Release -nologo -v q >/dev/null
configs=none,l2,inverted-dropout,label-smoothing,max-norm-dropout,early-stopping
ours=$(dotnet src/Regularizers.Cli/bin/Release/net10.0/regularizers.dll compare --configs "$configs")
echo "$ours" | grep -E '│ (none|l2|inverted|label|max|early)' | awk -F'│' '{printf "ours     %-18s train %s  test %s\n", $2, $3, $4}'
ours_total=$(echo "$ours" | grep -oE 'total [0-9.]+ s' | grep -oE '[0-9.]+')
echo "ours     total ${ours_total} s"
# PyTorch 1.13's fastest setting here: OpenBLAS threads for the matmuls, one OpenMP thread (OMP_NUM_THREADS=2 with
# OpenBLAS' own 2 threads oversubscribes the 2 cores: 37 s instead of 5.4 s for the 'none' row).
torch_out=$(OPENBLAS_NUM_THREADS=$(nproc) OMP_NUM_THREADS=1 /usr/bin/python3 eng/bench/compare_pytorch.py "$configs")
echo "$torch_out" | sed 's/^/pytorch  /'
torch_total=$(echo "$torch_out" | grep -oE '^total [0-9.]+' | grep -oE '[0-9.]+')
python3 -c "print(f'total training time ours/PyTorch = {${ours_total}/${torch_total}:.3f} (target <= 1.0)')"
