using Regularizers.Core.Ensembles;
using Regularizers.Torch;
using Regularizers.Torch.Ensembles;
using static TorchSharp.torch;

namespace Regularizers.Cli.Experiments;

/// <summary>
/// One trained network or a bagged ensemble of them, scored the same way: a <see cref="BaggingEnsemble"/> (a single
/// network is an ensemble of one) whose members' probabilities <see cref="EnsembleCombiner"/> combines.
/// </summary>
internal sealed class TrainedModel : IDisposable
{
    /// <summary>Weights with |w| below this count as zero in <see cref="RunResult.Sparsity"/>.</summary>
    public const double NearZero = 1e-3;

    /// <summary>Wraps <paramref name="ensemble"/>, whose members output <paramref name="classes"/> logits; disposing the model disposes it.</summary>
    public TrainedModel(BaggingEnsemble ensemble, int classes)
    {
        Ensemble = ensemble;
        Classes = classes;
    }

    /// <summary>The networks and how they are combined.</summary>
    public BaggingEnsemble Ensemble { get; }

    /// <summary>Number of classes (the data's, which a bootstrap sample may not show in full).</summary>
    public int Classes { get; }

    /// <summary>The networks (one unless bagged).</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members => Ensemble.Members.Select(m => m.Model).ToList();

    /// <summary>
    /// Scores the model on (<paramref name="x"/>, <paramref name="labels"/>) from one pass of every member: mean
    /// cross-entropy <c>−(1/N)·Σ log max(p(yᵢ|xᵢ), 1e-12)</c> of the combined probabilities (the floor keeps a hard vote's
    /// zero fractions finite), accuracy, the predicted classes, and the accuracy of the first k members for k = 1..members.
    /// </summary>
    public ModelScore Score(Tensor x, IReadOnlyList<int> labels)
    {
        var members = Ensemble.MemberProbabilities(x);
        var combination = Ensemble.Combination;
        var p = EnsembleCombiner.Combine(members, Classes, combination);
        var predictions = EnsembleCombiner.Predict(members, Classes, combination);
        double loss = 0;
        var correct = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            loss -= Math.Log(Math.Max(p[(i * Classes) + labels[i]], 1e-12));
            correct += predictions[i] == labels[i] ? 1 : 0;
        }
        return new ModelScore(loss / labels.Count, (double)correct / labels.Count, predictions,
            EnsembleCombiner.AccuracyBySize(members, Classes, labels, combination));
    }

    /// <summary>
    /// √(Σw²) over the weights (biases excluded), the fraction with |w| &lt; <see cref="NearZero"/>, and their
    /// <see cref="WeightMagnitudes"/> histogram, each averaged over members.
    /// </summary>
    public (double Norm, double Sparsity, IReadOnlyList<double> Magnitudes) Weights()
    {
        var targets = new ParameterTargets(ParameterSelection.WeightsOnly);
        var norms = new List<double>();
        var sparsities = new List<double>();
        var magnitudes = new double[WeightMagnitudes.Bins];
        foreach (var member in Members)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var weights = targets.Select(member, nameof(TrainedModel)).Select(p => p.Parameter.flatten()).ToArray();
            var all = cat(weights);
            norms.Add(all.norm().item<float>());
            sparsities.Add(all.abs().lt(NearZero).to_type(ScalarType.Float64).mean().item<double>());
            var fractions = WeightMagnitudes.Fractions(all.cpu().data<float>().ToArray());
            for (var i = 0; i < magnitudes.Length; i++)
            {
                magnitudes[i] += fractions[i] / Members.Count;
            }
        }
        return (norms.Average(), sparsities.Average(), magnitudes);
    }

    /// <inheritdoc />
    public void Dispose() => Ensemble.Dispose();
}
