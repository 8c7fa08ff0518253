#!/usr/bin/env bash
# Regenerates the notebooks' outputs: builds, then runs the notebook tests with REGULARIZERS_WRITE_NOTEBOOK_OUTPUTS=1, so each notebooks/*.ipynb a test runs is written back with its cells' outputs (review with git diff).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Regularizers.Torch.sln -c Release -nologo -v q
dotnet test tests/Regularizers.Notebooks.Tests -c Release --no-build -nologo -e REGULARIZERS_WRITE_NOTEBOOK_OUTPUTS=1
