using Regularizers.Torch;
using Regularizers.Torch.Training;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;

namespace Regularizers.Reference.Tests.ClosedForms;

/// <summary>
/// Linear regression without bias trained by the library's <see cref="Trainer"/> on the whole data set as one batch,
/// with loss <c>½‖Xw − y‖²</c> (summed, so the closed forms' α is the penalty's λ unchanged) and plain SGD from w = 0.
/// </summary>
internal static class LinearFit
{
    public static double[] Train(Matrix x, double[] y, double learningRate, int steps, Regularization? regularization = null)
    {
        using var model = nn.Sequential(("fc", nn.Linear(x.Cols, 1, hasBias: false)));
        using (no_grad())
        {
            ((Linear)model[0]).weight.zero_();
        }
        using var optimizer = optim.SGD(model.parameters(), learningRate);
        var options = new TrainerOptions
        {
            Epochs = steps,
            BatchSize = x.Rows,
            Seed = 1,
            Loss = (output, target) => (output - target).square().sum().mul(0.5),
            Regularization = regularization,
        };
        using var xt = ToTorch(x);
        using var yt = ToTorch(y).unsqueeze(1);
        new Trainer(model, optimizer, options).Fit(xt, yt);
        return Doubles(((Linear)model[0]).weight);
    }

    /// <summary>y = X·w_true + noise, with X uniform in [−1, 1) — XᵀX's eigenvalues lie near rows/3.</summary>
    public static (Matrix X, double[] Y) Data(int rows, int cols, int seed, double noise = 0.1)
    {
        var random = new Random(seed);
        var x = Matrices.Random(rows, cols, random);
        var truth = Enumerable.Range(0, cols).Select(i => (i % 2 == 0 ? 1.0 : -1.0) * (1 + i)).ToArray();
        var y = x.Multiply(truth).Select(v => v + (noise * ((2 * random.NextDouble()) - 1))).ToArray();
        return (x, y);
    }
}
