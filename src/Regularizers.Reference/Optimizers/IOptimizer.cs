namespace Regularizers.Reference.Optimizers;

/// <summary>Updates parameters in place from their gradients; state (velocities, moments) is kept per parameter index.</summary>
public interface IOptimizer
{
    /// <summary>One update of every parameter; <c>gradients[i]</c> belongs to <c>parameters[i]</c>. Gradients are not modified.</summary>
    void Step(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients);
}
