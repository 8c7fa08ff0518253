#!/usr/bin/env bash
# Sharding overhead: the default comparison (a subset of its configurations, 5 seeds) run whole, then as two shards one
# after the other plus 'merge', wall time each, in one script; also checks that the merged runs equal the whole run's.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash eng/bootstrap.sh >/dev/null
dotnet build src/Regularizers.Cli -c Release -nologo -v q >/dev/null
cli="dotnet src/Regularizers.Cli/bin/Release/net10.0/regularizers.dll"
configs=${CONFIGS:-none,l2,inverted-dropout,label-smoothing,max-norm-dropout,early-stopping}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
now() { date +%s.%N; }
t0=$(now); $cli compare --configs "$configs" --json "$out/whole.json" >/dev/null; t1=$(now)
$cli compare --configs "$configs" --shard 1/2 --results "$out/a.jsonl" >/dev/null
$cli compare --configs "$configs" --shard 2/2 --results "$out/b.jsonl" >/dev/null
$cli merge "$out/a.jsonl" "$out/b.jsonl" --json "$out/merged.json" >/dev/null; t2=$(now)
python3 - "$out" "$t0" "$t1" "$t2" <<'PY'
import json, sys, os
out, t0, t1, t2 = sys.argv[1], *map(float, sys.argv[2:])
def runs(name):
    doc = json.load(open(os.path.join(out, name)))
    return sorted((c["name"], json.dumps({k: v for k, v in r.items() if k != "seconds"}, sort_keys=True))
                  for c in doc["configurations"] for r in c["runs"])
whole, sharded = t1 - t0, t2 - t1
print(f"whole run {whole:.1f} s; two shards one after the other + merge {sharded:.1f} s; ratio {sharded / whole:.3f} (target <= 1.05)")
print("merged runs equal the whole run's (wall times aside):", runs("whole.json") == runs("merged.json"))
PY
