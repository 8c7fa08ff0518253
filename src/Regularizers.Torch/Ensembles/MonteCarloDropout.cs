using Regularizers.Core.Ensembles;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>
/// Monte-Carlo dropout prediction (Gal and Ghahramani 2016; seeds 000 and 004: dropout as bagging with shared weights):
/// runs T forward passes with the dropout modules active and everything else in eval mode (batch norm keeps its running
/// statistics), and combines the T softmax outputs — arithmetic mean <c>p̄ = (1/T)·Σₜ pₜ</c>, or the renormalised
/// geometric mean <c>p̃ ∝ (Πₜ pₜ)^{1/T}</c> — returning the mean and the per-class standard deviation over the passes.
/// Works with <c>nn.Dropout</c> and every dropout-like module of this library.
/// </summary>
public static class MonteCarloDropout
{
    /// <summary>The modules treated as dropout: kept in training mode during the passes.</summary>
    public static bool IsDropout(nn.Module module) =>
        module is TorchSharp.Modules.Dropout or InvertedDropout or ClassicDropout or GaussianDropout or DropConnectLinear;

    /// <summary>Predicts class probabilities for <paramref name="input"/> by averaging <paramref name="passes"/> stochastic passes.</summary>
    /// <param name="model">A model containing at least one dropout module; its training flags are restored afterwards.</param>
    /// <param name="input">A batch, shape [N, …].</param>
    /// <param name="passes">T ≥ 1.</param>
    /// <param name="combination">ArithmeticMean (default) or GeometricMean.</param>
    /// <returns>The combined probabilities [N, K] and the standard deviation of the passes' probabilities [N, K] (the caller owns both).</returns>
    /// <exception cref="ArgumentException">The model has no dropout module, or the combination is a hard vote.</exception>
    public static (Tensor Mean, Tensor Spread) Predict(nn.Module<Tensor, Tensor> model, Tensor input, int passes = 20, EnsembleCombination combination = EnsembleCombination.ArithmeticMean)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        Guard.AtLeast(passes, 1);
        if (combination == EnsembleCombination.HardVote)
        {
            throw new ArgumentException("combination must be ArithmeticMean or GeometricMean for probability outputs. Received: combination=HardVote.", nameof(combination));
        }
        var modules = model.modules().ToList();
        var dropouts = modules.Where(IsDropout).ToList();
        if (dropouts.Count == 0)
        {
            throw new ArgumentException("model has no dropout module, so every pass would be the same.", nameof(model));
        }
        var flags = modules.Select(m => m.training).ToList();
        try
        {
            model.eval();
            foreach (var d in dropouts)
            {
                d.train();
            }
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var probabilities = stack(Enumerable.Range(0, passes).Select(_ => model.call(input).softmax(1)).ToList());
            var mean = combination == EnsembleCombination.ArithmeticMean
                ? probabilities.mean(new long[] { 0 })
                : probabilities.clamp_min_log().mean(new long[] { 0 }).softmax(1);
            var spread = passes > 1 ? probabilities.std(0, unbiased: true) : zeros_like(mean);
            return (mean.MoveToOuterDisposeScope(), spread.MoveToOuterDisposeScope());
        }
        finally
        {
            // modules() is pre-order, so each module's own flag is set after its parent's recursive train() call.
            for (var i = 0; i < modules.Count; i++)
            {
                modules[i].train(flags[i]);
            }
        }
    }

    private static Tensor clamp_min_log(this Tensor p) => p.clamp(1e-30).log();
}
