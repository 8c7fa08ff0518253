using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// Checks that an optimizer was built for the model it is to train: every parameter it steps is one of the model's
/// (the same parameter objects, as <c>model.parameters()</c> hands them out). An optimizer built for another model would otherwise fail deep inside <c>step()</c>
/// (TorchSharp's SGD throws <c>KeyNotFoundException</c> from its parameter-group state) or silently train the wrong
/// weights. An optimizer over a subset of the model's parameters (fine-tuning a head) is fine.
/// </summary>
internal static class OptimizerParameters
{
    /// <summary>What is wrong with <paramref name="optimizer"/> for <paramref name="model"/>, or null when it fits.</summary>
    public static string? Mismatch(nn.Module model, optim.Optimizer optimizer)
    {
        var own = model.parameters().ToList();
        var ownSet = own.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var stepped = optimizer.parameters().ToList();
        var foreign = stepped.Count(p => !ownSet.Contains(p));
        if (stepped.Count == 0)
        {
            return "it holds no parameters";
        }
        if (foreign > 0)
        {
            return $"{foreign} of its {stepped.Count} parameters are not the model's (was it built for another model?)";
        }
        return own.Any(p => p.requires_grad)
            ? null
            : "the model has no parameter that requires a gradient (all are frozen)";
    }
}
