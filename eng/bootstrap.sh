#!/usr/bin/env bash
# Installs everything Regularizers.Torch needs from Debian's archive. Idempotent: a second run installs nothing.
# The torch engine itself (TorchSharp-cpu with libtorch-cpu 2.10) and ML.NET come from NuGet when dotnet restores.
#   dataset-fashion-mnist  the real Fashion-MNIST IDX files, the default data set
#   python3-torch          PyTorch 1.13, to regenerate golden values and run the PyTorch side of the benchmarks
#   libopenblas0-pthread   threaded OpenBLAS for PyTorch 1.13 (without it, Debian's torch falls back on the reference
#                          BLAS: 6 GFLOP/s on a 1024² matmul here against 80 with it, and a 16 s baseline epoch)
#   fonts-dejavu-core      the font the report's and notebooks' charts are drawn in (ScottPlot renders text with it)
#   chromium               the real browser the report test opens the HTML report in (driven by Playwright, which
#                          cannot download a browser here)
set -euo pipefail

packages=(dataset-fashion-mnist python3-torch libopenblas0-pthread fonts-dejavu-core chromium)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: apt-get not found. Install these Debian packages by other means: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all packages present (${packages[*]})"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: these packages are missing: ${missing[*]}. Run eng/bootstrap.sh as root (apt-get install needs it)." >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "bootstrap: the .NET 10 SDK (dotnet) is not on PATH; install it to build Regularizers.Torch." >&2
  exit 1
fi
