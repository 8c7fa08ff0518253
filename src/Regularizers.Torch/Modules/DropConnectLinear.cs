using Regularizers.Core.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// A Linear layer with DropConnect (Wan et al. 2013): in training each weight is dropped with probability p for the batch,
/// <c>y = x·(W⊙M)ᵀ + b</c>; in eval the expected weights are used, <c>y = x·((1−p)W)ᵀ + b</c>. Initialised as <c>nn.Linear</c>.
/// </summary>
public sealed class DropConnectLinear : DropoutModule
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer with weight <c>[outputSize, inputSize]</c>; p in [0, 1).</summary>
    public DropConnectLinear(long inputSize, long outputSize, double p = 0.5, bool hasBias = true) : base(nameof(DropConnectLinear), p)
    {
        (weight, bias) = Initialise(inputSize, outputSize, hasBias);
        RegisterComponents();
    }

    /// <summary>Creates the layer with p following <paramref name="p"/> (its value at epoch 0, step 0 until advanced).</summary>
    public DropConnectLinear(long inputSize, long outputSize, Schedule p, bool hasBias = true) : base(nameof(DropConnectLinear), p)
    {
        (weight, bias) = Initialise(inputSize, outputSize, hasBias);
        RegisterComponents();
    }

    /// <summary>W, shape <c>[out, in]</c>.</summary>
    public Parameter Weight => weight;

    /// <summary>b, or null.</summary>
    public Parameter? Bias => bias;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => RegularizerFunctional.drop_connect_linear(input, weight, bias, p, training);

    /// <summary>Copies of the weight and bias <c>nn.Linear</c> would start with.</summary>
    private static (Parameter Weight, Parameter? Bias) Initialise(long inputSize, long outputSize, bool hasBias)
    {
        using var template = nn.Linear(inputSize, outputSize, hasBias);
        return (new Parameter(template.weight.detach().clone()), hasBias ? new Parameter(template.bias!.detach().clone()) : null);
    }
}
