using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>Training or validation examples read from a data view: features [N, D], labels [N] and optional weights [N].</summary>
internal sealed record Examples(Tensor X, Tensor Y, Tensor? Weights) : IDisposable
{
    /// <summary>The rows at <paramref name="index"/>, as new tensors.</summary>
    public Examples Select(Tensor index) => new(X.index_select(0, index), Y.index_select(0, index), Weights?.index_select(0, index));

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
        Weights?.Dispose();
    }
}
