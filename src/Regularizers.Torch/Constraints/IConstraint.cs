using static TorchSharp.torch;

namespace Regularizers.Torch.Constraints;

/// <summary>A projection applied to a model's parameters after each optimizer step, in place and without recording gradients.</summary>
public interface IConstraint : IRegularizer
{
    /// <summary>Projects the targeted parameters of <paramref name="model"/>.</summary>
    void Apply(nn.Module model);
}
