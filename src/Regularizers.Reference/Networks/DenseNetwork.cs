using Regularizers.Reference.Losses;
using Regularizers.Reference.Optimizers;

namespace Regularizers.Reference.Networks;

/// <summary>
/// A multilayer perceptron written out: layers <c>aₗ = fₗ(aₗ₋₁·Wₗᵀ + bₗ)</c>, the last with the identity (logits), trained
/// with softmax cross-entropy. It is seed 004's <c>DFN</c> done right: <see cref="Backward"/> returns the gradient of
/// every parameter (the seed's <c>grad()</c> returned only the last), and penalties see weights only.
/// </summary>
public sealed class DenseNetwork
{
    private readonly AffineLayer[] _layers;
    private readonly Activation[] _activations;

    /// <summary>Creates the network from its layers and their activations (the last is usually <see cref="Activation.Identity"/>).</summary>
    public DenseNetwork(IReadOnlyList<AffineLayer> layers, IReadOnlyList<Activation> activations)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(activations);
        if (layers.Count == 0 || layers.Count != activations.Count)
        {
            throw new ArgumentException($"layers and activations must be non-empty and of equal length; received {layers.Count} and {activations.Count}.", nameof(activations));
        }
        _layers = [.. layers];
        _activations = [.. activations];
        Parameters = _layers.SelectMany((l, i) => new[]
        {
            new NetworkParameter($"layer{i}.weight", l.Weight.Data, IsBias: false),
            new NetworkParameter($"layer{i}.bias", l.Bias, IsBias: true),
        }).ToList();
    }

    /// <summary>The layers, input to output.</summary>
    public IReadOnlyList<AffineLayer> Layers => _layers;

    /// <summary>Every parameter in PyTorch's order: layer0.weight, layer0.bias, layer1.weight, …</summary>
    public IReadOnlyList<NetworkParameter> Parameters { get; }

    /// <summary>Runs the batch x [N, in] through every layer, keeping what the backward pass needs.</summary>
    public ForwardPass Forward(Matrix x)
    {
        var inputs = new List<Matrix>();
        var zs = new List<Matrix>();
        var outputs = new List<Matrix>();
        var a = x;
        for (var l = 0; l < _layers.Length; l++)
        {
            inputs.Add(a);
            var z = _layers[l].Forward(a);
            zs.Add(z);
            a = Activations.Apply(_activations[l], z);
            outputs.Add(a);
        }
        return new ForwardPass(inputs, zs, outputs);
    }

    /// <summary>
    /// Backpropagates <c>∂L/∂output</c> and returns <c>∂L/∂θ</c> for every parameter, in <see cref="Parameters"/>' order.
    /// </summary>
    public IReadOnlyList<double[]> Backward(ForwardPass pass, Matrix outputGradient) => BackwardAll(pass, outputGradient).Parameters;

    /// <summary>
    /// The gradient of the mean softmax cross-entropy with respect to the input batch, <c>∂L/∂x</c> [N, in]: what an
    /// adversarial attack follows (Goodfellow et al. 2015).
    /// </summary>
    public Matrix InputGradient(Matrix x, IReadOnlyList<int> labels)
    {
        var pass = Forward(x);
        var (_, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        return BackwardAll(pass, dLogits).Input;
    }

    private (double[][] Parameters, Matrix Input) BackwardAll(ForwardPass pass, Matrix outputGradient)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var gradients = new double[_layers.Length * 2][];
        var da = outputGradient;
        for (var l = _layers.Length - 1; l >= 0; l--)
        {
            var dz = Activations.Backward(_activations[l], pass.PreActivations[l], pass.Outputs[l], da);
            var (dW, db, dx) = _layers[l].Backward(pass.Inputs[l], dz);
            gradients[2 * l] = dW.Data;
            gradients[(2 * l) + 1] = db;
            da = dx;
        }
        return (gradients, da);
    }

    /// <summary>
    /// One mini-batch step: forward, softmax cross-entropy, backward, the penalties' gradients added to the weights'
    /// (never the biases'), then the optimizer. Returns the data loss plus the penalties' value.
    /// </summary>
    public double TrainStep(Matrix x, IReadOnlyList<int> labels, IOptimizer optimizer, IReadOnlyList<Penalties.IWeightPenalty>? penalties = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var pass = Forward(x);
        var (loss, dLogits) = SoftmaxCrossEntropy.Compute(pass.Output, labels);
        var gradients = Backward(pass, dLogits);
        var weights = Parameters.Select((p, i) => (p, i)).Where(x => !x.p.IsBias).ToList();
        foreach (var penalty in penalties ?? [])
        {
            loss += penalty.Value(weights.Select(w => w.p.Values));
            foreach (var (p, i) in weights)
            {
                penalty.AddGradient(p.Values, gradients[i]);
            }
        }
        optimizer.Step(Parameters.Select(p => p.Values).ToList(), gradients);
        return loss;
    }
}
