#!/usr/bin/env bash
# The test command: bootstrap, build, run every test project and the package smoke test (eng/package-smoke.sh, counted
# as one test), and print one summary line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash eng/bootstrap.sh || exit 1
dotnet build Regularizers.Torch.sln -c Release -nologo -v q || exit 1

log=$(mktemp)
dotnet test Regularizers.Torch.sln -c Release --no-build -nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
if bash eng/package-smoke.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
