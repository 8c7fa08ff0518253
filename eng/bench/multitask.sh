#!/usr/bin/env bash
# Issue 18's multi-task experiment (eng/bench/Regularizers.Bench/MultiTaskExperiment.cs): Fashion-MNIST's class on 500
# training images alone or with an auxiliary task derived from the image, 5 seeds, paired 95% intervals. One libtorch
# thread, so the figures do not depend on the machine's other load.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
TORCH_THREADS=1 dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll multitask
