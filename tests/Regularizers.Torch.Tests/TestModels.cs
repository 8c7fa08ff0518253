using TorchSharp.Modules;

namespace Regularizers.Torch.Tests;

/// <summary>Small seeded models and exact-value helpers shared by the tests.</summary>
internal static class TestModels
{
    public static Sequential Mlp(long seed = 0)
    {
        manual_seed(seed);
        return nn.Sequential(("fc1", nn.Linear(4, 3)), ("act", nn.ReLU()), ("fc2", nn.Linear(3, 2)));
    }

    /// <summary>A Linear layer whose weight rows are <paramref name="rows"/> (one output unit per row).</summary>
    public static Linear LinearWithRows(params float[][] rows)
    {
        var layer = nn.Linear(rows[0].Length, rows.Length);
        using (no_grad())
        {
            layer.weight.copy_(tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length }));
        }
        return layer;
    }

    public static float[] Values(Tensor t) => t.detach().contiguous().to_type(ScalarType.Float32).data<float>().ToArray();

    public static double Scalar(Tensor t) => t.to_type(ScalarType.Float64).item<double>();

    /// <summary>Σ over the model's weight matrices (biases excluded) of f(w) for each element.</summary>
    public static double OverWeights(nn.Module model, Func<double, double> f) =>
        model.named_parameters().Where(p => !p.name.EndsWith("bias", StringComparison.Ordinal)).SelectMany(p => Values(p.parameter)).Sum(v => f(v));
}
