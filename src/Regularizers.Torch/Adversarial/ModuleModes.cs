using static TorchSharp.torch;

namespace Regularizers.Torch.Adversarial;

/// <summary>
/// Puts a model in eval mode for the lifetime of the scope and then gives every submodule back its own train/eval flag
/// (not just the root's, so a BatchNorm frozen in eval inside a training model stays frozen).
/// </summary>
internal sealed class ModuleModes : IDisposable
{
    private readonly (nn.Module Module, bool Training)[] _saved;

    private ModuleModes(nn.Module model)
    {
        // train(flag) is recursive, so flags are restored parents first (by the depth of the dotted name), the root
        // (which named_modules() does not list) before all.
        _saved = model.named_modules()
            .OrderBy(m => m.name.Count(c => c == '.'))
            .Select(m => (m.module, m.module.training))
            .Prepend((model, model.training))
            .ToArray();
        model.eval();
    }

    public static ModuleModes Evaluating(nn.Module model) => new(model);

    public void Dispose()
    {
        foreach (var (module, training) in _saved)
        {
            module.train(training);
        }
    }
}
