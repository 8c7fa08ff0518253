using System.Globalization;
using Regularizers.Torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Modules;
using Regularizers.Torch.Penalties;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// A configuration family run over a grid of one strength (<c>--sweep l2=1e-5,1e-4,1e-3</c>): one configuration per
/// value, named <c>family@value</c> (e.g. <c>l2@0.0001</c>), so that results files, <c>merge</c> and <c>train</c> find
/// it again by name.
/// </summary>
/// <param name="Family">The family's name, a key of <see cref="Families"/>.</param>
/// <param name="Values">The strengths, in the order given.</param>
internal sealed record Sweep(string Family, IReadOnlyList<double> Values)
{
    /// <summary>What a family varies and its allowed range, and how it builds the configuration for one value.</summary>
    private sealed record FamilyDefinition(string Parameter, string Range, Func<double, bool> Allows, Func<double, string, Configuration> Create);

    private static readonly Dictionary<string, FamilyDefinition> Families = new()
    {
        ["l2"] = new("λ", "λ ≥ 0", v => v >= 0, (v, name) =>
            new Configuration(name, Invariant($"L2 penalty (λ/2)·Σw², λ = {v}, weights only")) { Regularization = () => Catalog.InPlace(new L2Penalty(v)) }),
        ["l1"] = new("λ", "λ ≥ 0", v => v >= 0, (v, name) =>
            new Configuration(name, Invariant($"L1 penalty λ·Σ|w|, λ = {v}, weights only")) { Regularization = () => Catalog.InPlace(new L1Penalty(v)) }),
        ["dropout"] = new("p", "0 ≤ p < 1", v => v is >= 0 and < 1, (v, name) =>
            new Configuration(name, Invariant($"inverted dropout p = {v} after each hidden layer")) { HiddenDropout = () => new InvertedDropout(v) }),
        ["label-smoothing"] = new("ε", "0 ≤ ε < 1", v => v is >= 0 and < 1, (v, name) =>
            new Configuration(name, Invariant($"label smoothing ε = {v}, uniform")) { Loss = () => new LabelSmoothingCrossEntropy(v) }),
        ["input-noise"] = new("σ", "σ ≥ 0", v => v >= 0, (v, name) =>
            new Configuration(name, Invariant($"additive Gaussian noise σ = {v} on the input")) { InputLayer = () => new GaussianNoise(v) }),
        ["weight-noise"] = new("σ", "σ ≥ 0", v => v >= 0, (v, name) =>
            new Configuration(name, Invariant($"N(0, σ²) on the hidden layers' weights per forward pass, σ = {v}")) { HiddenLinear = (i, o) => new WeightNoise(nn.Linear(i, o), v) }),
        ["max-norm"] = new("c", "c > 0", v => v > 0, (v, name) =>
            new Configuration(name, Invariant($"max-norm c = {v} with inverted dropout 0.2/0.5"))
            {
                InputLayer = () => new InvertedDropout(0.2),
                HiddenDropout = () => new InvertedDropout(0.5),
                Regularization = () => new() { new MaxNorm(v) },
            }),
    };

    /// <summary>The families and what they vary, for messages and help, e.g. <c>l2 (λ ≥ 0)</c>.</summary>
    public static string Allowed => string.Join(", ", Families.Select(f => $"{f.Key} ({f.Value.Range})"));

    /// <summary>Parses <c>family=v1,v2,…</c>.</summary>
    /// <exception cref="FormatException">The text is not of that form, names an unknown family, or a value is outside its range; the message says what is allowed.</exception>
    public static Sweep Parse(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Families.TryGetValue(parts[0], out var family))
        {
            throw new FormatException($"--sweep must be family=v1,v2,… with a family of: {Allowed}. Received: {text}.");
        }
        var values = new List<double>();
        foreach (var token in parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || !family.Allows(v))
            {
                throw new FormatException($"--sweep {parts[0]}: every value must be a number with {family.Range}. Received: {token}.");
            }
            values.Add(v);
        }
        return values.Count > 0
            ? new Sweep(parts[0], values.Distinct().ToList())
            : throw new FormatException($"--sweep {parts[0]}: give at least one value, e.g. {parts[0]}=0.1,0.2. Received: {text}.");
    }

    /// <summary>One configuration per value, in order.</summary>
    public IReadOnlyList<Configuration> Configurations() => Values.Select(v => Create(Family, v)).ToList();

    /// <summary>The configuration a sweep name such as <c>l2@0.0001</c> stands for, or null when it is not one.</summary>
    public static Configuration? Find(string name) =>
        TryParsePoint(name, out var family, out var value) ? Create(family, value) : null;

    /// <summary>
    /// Reads a sweep configuration's name, <c>family@value</c>, into its family and strength; false for any other name.
    /// </summary>
    public static bool TryParsePoint(string name, out string family, out double value)
    {
        var parts = name.Split('@', 2);
        family = parts[0];
        value = double.NaN;
        return parts.Length == 2 && Families.TryGetValue(parts[0], out var definition)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && definition.Allows(value);
    }

    /// <summary>The symbol of <paramref name="family"/>'s strength (λ, p, ε, σ or c).</summary>
    public static string ParameterOf(string family) => Families[family].Parameter;

    private static Configuration Create(string family, double value) =>
        Families[family].Create(value, $"{family}@{value.ToString("R", CultureInfo.InvariantCulture)}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
