#!/usr/bin/env bash
# Issue 18's semi-supervised experiment (eng/bench/Regularizers.Bench/SemiSupervisedExperiment.cs): Fashion-MNIST with
# 1,000 labels and 10,000 unlabelled images, supervised only vs pseudo-labelling vs Π-model consistency, paired 95%
# intervals over seeds (the first argument, default 3). One libtorch thread.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
TORCH_THREADS=1 dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll semisupervised "${1:-3}"
