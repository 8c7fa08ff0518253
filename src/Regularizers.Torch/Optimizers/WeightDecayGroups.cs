using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Optimizers;

/// <summary>
/// Splits a model's trainable parameters into those an optimizer's weight decay should touch and those it should leave
/// alone (Keras' <c>exclude_from_weight_decay</c>, timm's <c>param_groups_weight_decay</c>), by the library's rule
/// (<see cref="ParameterTargets"/>): with <see cref="ParameterSelection.WeightsOnly"/> parameters named <c>*.bias</c> and
/// parameters with one dimension or fewer (biases, BatchNorm and LayerNorm scales and shifts) are exempt; a list of
/// names restricts the decayed set further. Parameters that do not require a gradient are in neither list. Build one
/// parameter group per list, giving the exempt group <c>weight_decay = 0</c> through the optimizer's Options object so
/// that every other hyperparameter (the learning rate above all) comes from the optimizer's defaults:
/// <code>
/// var split = WeightDecayGroups.Split(model);
/// var optimizer = optim.AdamW(
///     [new AdamW.ParamGroup(split.Decayed, new AdamW.Options { weight_decay = 0.05 }),
///      new AdamW.ParamGroup(split.Exempt, new AdamW.Options { weight_decay = 0 })],
///     lr: 1e-3);
/// </code>
/// (TorchSharp's <c>ParamGroup(parameters, lr: …, weight_decay: …)</c> constructor sets every option, the learning rate
/// to its own default 10⁻³ unless given, overriding the optimizer's.)
/// </summary>
public static class WeightDecayGroups
{
    /// <summary>The decayed and the exempt parameters of <paramref name="model"/>, each in the model's order.</summary>
    /// <param name="model">The model.</param>
    /// <param name="selection">Weights only (default: biases and norm parameters exempt) or all parameters decayed.</param>
    /// <param name="names">Parameter or sub-module names to restrict the decayed set to; null or empty for the whole model.</param>
    public static (IReadOnlyList<Parameter> Decayed, IReadOnlyList<Parameter> Exempt) Split(nn.Module model, ParameterSelection selection = ParameterSelection.WeightsOnly, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var targets = new ParameterTargets(selection, names);
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        return (
            trainable.Where(p => targets.Matches(p.name, p.parameter.dim())).Select(p => p.parameter).ToList(),
            trainable.Where(p => !targets.Matches(p.name, p.parameter.dim())).Select(p => p.parameter).ToList());
    }
}
