#!/usr/bin/env bash
# Leak soak: every regularizer of the overhead benchmark trains the 784-256-256-10 MLP for STEPS steps (default 10,000;
# about 10 minutes here), and the live-tensor count and resident memory after the first tenth are set against the end.
# Flat means no leak: the live tensors must not change, and resident memory should stay within a few MB.
# Then the ML.NET soak: CYCLES (default 1,000) cycles of Fit (10 training steps) + Transform + PredictionEngine.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build eng/bench/Regularizers.Bench -c Release -nologo -v q >/dev/null
dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll soak "${STEPS:-10000}"
dotnet eng/bench/Regularizers.Bench/bin/Release/net10.0/Regularizers.Bench.dll mlnet-soak "${CYCLES:-1000}"
