using static TorchSharp.torch;

namespace Regularizers.Torch.Models;

/// <summary>What <see cref="ModelFile.Read{THeader}(string, string, Func{THeader, int, nn.Module{Tensor, Tensor}}, LegacyFormat{THeader}?)"/> returns: the kind's header and the modules with their saved state, which the caller now owns.</summary>
/// <param name="Header">The kind-specific header.</param>
/// <param name="Modules">The modules, in the order they were written.</param>
public sealed record SavedModel<THeader>(THeader Header, IReadOnlyList<nn.Module<Tensor, Tensor>> Modules);
