using Regularizers.Core.Ensembles;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>
/// Bagging for regression: k members trained as <see cref="BaggingEnsemble"/>'s are (bootstrap rows, optional feature
/// subsets, seeded, sequential or parallel), each predicting one value per row; the ensemble predicts their arithmetic
/// mean. With member errors eᵢ = ŷᵢ − y, the mean's expected squared error is <c>v/k + (k−1)c/k</c> (<see cref="Diagnostics"/>).
/// </summary>
public sealed class BaggingRegressor : IDisposable
{
    private BaggingRegressor(IReadOnlyList<BaggingMember> members) => Members = members;

    /// <summary>The trained members.</summary>
    public IReadOnlyList<BaggingMember> Members { get; }

    /// <summary>Trains on <paramref name="x"/> [N, D] and float targets <paramref name="y"/> [N]; the trainer's loss defaults to MSE here.</summary>
    /// <remarks>Models must output [N, 1] or [N]; the default loss compares the squeezed output with y.</remarks>
    public static BaggingRegressor Train(
        Func<int, nn.Module<Tensor, Tensor>> createModel, Func<nn.Module<Tensor, Tensor>, optim.Optimizer> createOptimizer,
        TrainerOptions trainer, BaggingOptions options, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var regression = trainer with { Loss = (output, target) => nn.functional.mse_loss(output.reshape(-1), target) };
        return new BaggingRegressor(MemberTraining.Train(createModel, createOptimizer, regression, options, x, y));
    }

    /// <summary>Each member's prediction for every row.</summary>
    public IReadOnlyList<double[]> MemberPredictions(Tensor x) =>
        Members.Select(m =>
        {
            using var scope = NewDisposeScope();
            return m.PredictRaw(x).reshape(-1).to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        }).ToList();

    /// <summary>The ensemble's prediction: the mean of the members' predictions, [N].</summary>
    public double[] Predict(Tensor x)
    {
        var predictions = MemberPredictions(x);
        return Enumerable.Range(0, predictions[0].Length).Select(row => predictions.Average(p => p[row])).ToArray();
    }

    /// <summary>The error decomposition on held-out rows (v, c, predicted and measured MSE of the mean).</summary>
    public ErrorDecomposition Diagnostics(Tensor x, IReadOnlyList<double> targets) =>
        EnsembleDiagnostics.Decompose(EnsembleDiagnostics.Errors(MemberPredictions(x), targets));

    /// <summary>Out-of-bag mean squared error: each row predicted by the members that did not see it; NaN when no row is out of bag.</summary>
    public double OutOfBagMse(Tensor x, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var predictions = MemberPredictions(x);
        return OutOfBag.Average(Members, targets.Count, (row, voters) =>
        {
            var mean = voters.Average(v => predictions[v][row]);
            return (mean - targets[row]) * (mean - targets[row]);
        });
    }

    /// <summary>Each member's mean squared error on (x, targets), in member order.</summary>
    public double[] MemberMse(Tensor x, IReadOnlyList<double> targets) =>
        EnsembleDiagnostics.Errors(MemberPredictions(x), targets).Select(e => e.Average(v => v * v)).ToArray();

    /// <summary>Saves every member's sample and model state to <paramref name="path"/>, atomically.</summary>
    /// <remarks>The file is a <see cref="Models.ModelFile"/> of kind <c>BaggingRegressor</c>.</remarks>
    public void Save(string path) => EnsembleFile.Write(path, EnsembleFile.Regressor, EnsembleCombination.ArithmeticMean, 0, Members);

    /// <summary>
    /// Loads a regressor saved by <see cref="Save"/> (or by version 0.2.0); <paramref name="createModel"/> builds each
    /// member's architecture from its feature count. The members' training histories come back empty.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a saved regressor, or it is of a newer format, truncated or corrupt.</exception>
    public static BaggingRegressor Load(string path, Func<int, nn.Module<Tensor, Tensor>> createModel) =>
        new(EnsembleFile.Read(path, EnsembleFile.Regressor, createModel).Members);

    /// <summary>Disposes every member's model.</summary>
    public void Dispose()
    {
        foreach (var m in Members)
        {
            m.Dispose();
        }
    }
}
