#!/usr/bin/env bash
# The default compare ablation, ours against the same configurations written as a plain PyTorch 1.13 script
# (eng/bench/compare_pytorch.py) on this machine: test accuracies, and total training time over three interleaved
# rounds (ours, PyTorch, ours, …), the ratio taken of the medians, because this VM's speed drifts by tens of percent
# between minutes (five identical runs measured 5.1 to 8.0 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build src/Regularizers.Cli -c Release -nologo -v q >/dev/null
configs=${CONFIGS:-none,l2,inverted-dropout,label-smoothing,max-norm-dropout,early-stopping}
ours_totals=()
torch_totals=()
for round in 1 2 3; do
  ours=$(dotnet src/Regularizers.Cli/bin/Release/net10.0/regularizers.dll compare --configs "$configs")
  # PyTorch 1.13's fastest setting here: OpenBLAS threads for the matmuls, one OpenMP thread (OMP_NUM_THREADS=2 with
  # OpenBLAS' own 2 threads oversubscribes the 2 cores: 37 s instead of 5.4 s for the 'none' row).
  torch_out=$(OPENBLAS_NUM_THREADS=$(nproc) OMP_NUM_THREADS=1 /usr/bin/python3 eng/bench/compare_pytorch.py "$configs")
  if [ "$round" -eq 1 ]; then
    echo "$ours" | grep -E '│ (none|l2|inverted|label|max|early)' | awk -F'│' '{printf "ours     %-18s train %s  test %s\n", $2, $3, $4}'
    echo "$torch_out" | grep -v '^total' | sed 's/^/pytorch  /'
  fi
  ours_totals+=("$(echo "$ours" | grep -oE 'total [0-9.]+ s' | grep -oE '[0-9.]+')")
  torch_totals+=("$(echo "$torch_out" | grep -oE '^total [0-9.]+' | grep -oE '[0-9.]+')")
  echo "round ${round}: ours ${ours_totals[-1]} s, PyTorch ${torch_totals[-1]} s"
done
python3 - "${ours_totals[*]}" "${torch_totals[*]}" <<'PY'
import statistics, sys
ours = [float(v) for v in sys.argv[1].split()]
torch = [float(v) for v in sys.argv[2].split()]
print(f"total training time ours/PyTorch = {statistics.median(ours) / statistics.median(torch):.3f} "
      f"(medians {statistics.median(ours):.1f} s / {statistics.median(torch):.1f} s; target <= 1.0)")
PY
