using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Factories in TorchSharp's style: with <c>using static Regularizers.Torch.Modules.RegularizerModules;</c>, swapping
/// <c>Dropout(0.5)</c> for <c>ClassicDropout(0.5)</c> or <c>GaussianDropout(0.5)</c> is a one-word change.
/// </summary>
public static class RegularizerModules
{
    /// <summary>Creates an <see cref="Regularizers.Torch.Modules.InvertedDropout"/>.</summary>
    public static InvertedDropout InvertedDropout(double p = 0.5) => new(p);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.ClassicDropout"/>.</summary>
    public static ClassicDropout ClassicDropout(double p = 0.5) => new(p);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.GaussianDropout"/>.</summary>
    public static GaussianDropout GaussianDropout(double p = 0.5) => new(p);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.GaussianNoise"/>.</summary>
    public static GaussianNoise GaussianNoise(double stddev) => new(stddev);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.DropConnectLinear"/>.</summary>
    public static DropConnectLinear DropConnectLinear(long inputSize, long outputSize, double p = 0.5, bool hasBias = true) => new(inputSize, outputSize, p, hasBias);

    /// <summary>Wraps a Linear or Conv2d layer in <see cref="Regularizers.Torch.Modules.WeightNoise"/>.</summary>
    public static WeightNoise WeightNoise(nn.Module<Tensor, Tensor> layer, double stddev) => new(layer, stddev);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.DropPath"/>.</summary>
    public static DropPath DropPath(double p = 0.1, DropoutScaling scaling = DropoutScaling.Inverted) => new(p, scaling);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.SpatialDropout2d"/>.</summary>
    public static SpatialDropout2d SpatialDropout2d(double p = 0.5, DropoutScaling scaling = DropoutScaling.Inverted) => new(p, scaling);

    /// <summary>Creates a <see cref="Regularizers.Torch.Modules.DropBlock2d"/>.</summary>
    public static DropBlock2d DropBlock2d(double p = 0.1, int blockSize = 7) => new(p, blockSize);
}
