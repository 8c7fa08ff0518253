namespace Regularizers.Torch.Models;

/// <summary>What kind of network a <see cref="ModelSpec"/> builds.</summary>
/// <remarks>Model files of format 1 have no architecture: they read as <see cref="MultilayerPerceptron"/>.</remarks>
public enum Architecture
{
    /// <summary>Fully connected layers only (<see cref="Modules.MultilayerPerceptron"/>).</summary>
    MultilayerPerceptron,

    /// <summary>A small residual convolutional network on square images (<see cref="Modules.ResidualCnn"/>), then the fully connected head.</summary>
    ResidualCnn,
}
