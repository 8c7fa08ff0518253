using Regularizers.Reference.Networks;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests;

/// <summary>A seeded torch model and the reference network holding the same weights, and seeded inputs, for the twin tests.</summary>
internal static class TorchTwins
{
    public static (Sequential Torch, DenseNetwork Reference) Twins(long seed = 0)
    {
        manual_seed(seed);
        var model = nn.Sequential(("fc1", nn.Linear(4, 5)), ("act", nn.Sigmoid()), ("fc2", nn.Linear(5, 3)));
        var layers = model.children().OfType<Linear>()
            .Select(l => new AffineLayer(new Matrix((int)l.weight.shape[0], (int)l.weight.shape[1], Doubles(l.weight)), Doubles(l.bias!)))
            .ToList();
        return (model, new DenseNetwork(layers, [Activation.Sigmoid, Activation.Identity]));
    }

    public static Matrix Input(int rows, int cols, long seed)
    {
        manual_seed(seed);
        using var x = randn(rows, cols);
        return new Matrix(rows, cols, Doubles(x));
    }
}
