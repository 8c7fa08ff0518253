#!/usr/bin/env bash
# Issue 19's costs as paired ratios in one process: the residual CNN's training step (--model cnn, batch 128) with DropPath
# 0.1 or DropBlock 0.1 over the plain step (target ≤ 1.15), and R-Drop's forward pass and step on the default perceptron
# with dropout over one plain pass (≈ 2, it runs the batch twice). One intra-op thread, as overhead.sh measures.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
TORCH_THREADS=1 dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll structured
