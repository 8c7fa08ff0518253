#!/usr/bin/env bash
# Packs the library projects into a local folder feed, installs Regularizers.Torch from it into a fresh console
# project (dotnet new console + dotnet add package, as a user would), and runs the README's two-line example.
# Passes only if the app loads TorchSharp (through the package's GLIBCXX fix where the system needs it), trains, and
# ends with its weights inside the max-norm ball. Prints "package smoke: passed" or exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)

for project in Regularizers.Core Regularizers.Torch Regularizers.Reference Regularizers.ML; do
  dotnet pack "src/$project" -c Release -o "$feed" -nologo -v q >/dev/null
done

# Outside the repository, so none of its Directory.Build.* files apply; the packages come from the feed and the
# machine's usual sources, into a private cache so an earlier install cannot stand in for this one.
app="$work/app"
mkdir -p "$app" && cd "$app"
export NUGET_PACKAGES="$work/packages"
cp -rl "$HOME/.nuget/packages/." "$NUGET_PACKAGES/" 2>/dev/null || true
rm -rf "$NUGET_PACKAGES"/regularizers.*
dotnet new console -n Smoke -o . >/dev/null
dotnet new nugetconfig >/dev/null
dotnet nuget add source "$feed" -n local >/dev/null
dotnet add package Regularizers.Torch --version "$version" >/dev/null
cat > Program.cs <<'CS'
using Regularizers.Torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Penalties;
using TorchSharp;
using static TorchSharp.torch;

manual_seed(0);
var model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 3));
var optimizer = optim.SGD(model.parameters(), 0.1);
var x = randn(256, 20);
var y = x.narrow(1, 0, 3).argmax(1);

var reg = new Regularization { new L2Penalty(1e-3), new MaxNorm(1.0) };
for (var epoch = 0; epoch < 50; epoch++)
{
    using var scope = NewDisposeScope();
    optimizer.zero_grad();
    var loss = nn.functional.cross_entropy(model.call(x), y) + reg.Penalty(model);   // line 1
    loss.backward();
    optimizer.step();
    reg.AfterStep(model);                                                            // line 2
}
var maxRowNorm = model.parameters().Where(p => p.dim() == 2).Max(p => p.norm(1).max().item<float>());
var accuracy = model.call(x).argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
Console.WriteLine($"terms {string.Join(", ", reg.LastTerms)}");
Console.WriteLine(FormattableString.Invariant($"max row norm {maxRowNorm:F4} accuracy {accuracy:F3}"));
CS
dotnet run -c Release 2>&1 | tee "$work/out.txt"
awk '/^max row norm/ { if ($4 <= 1.0001 && $6 > 0.6) ok = 1 } END { exit ok ? 0 : 1 }' "$work/out.txt" || {
  echo "package smoke: failed (expected max row norm <= 1 and training accuracy > 0.6)" >&2
  exit 1
}
grep -q '^terms \[l2, ' "$work/out.txt" || { echo "package smoke: failed (no L2 term reported)" >&2; exit 1; }
echo "package smoke: passed (Regularizers.Torch $version from a local feed into a fresh console app)"
