#!/usr/bin/env bash
# Issue 19's training-loop overhead: a Trainer run (784-256-256-10 MLP, batch 128, SGD with momentum, 50 steps) with
# EMA or SWA averaging, SAM/ASAM, gradient clipping or accumulation, over the same run without, as paired ratios in one
# process (median [quartiles]). Targets: EMA ≤ 1.05 a plain step; SAM about 2 (two forward/backward passes per step).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
TORCH_THREADS=${TORCH_THREADS:-1} dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll training
