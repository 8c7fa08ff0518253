namespace Regularizers.Reference.Optimizers;

/// <summary>
/// Nesterov momentum, PyTorch's form (<c>SGD(…, nesterov: true)</c>): the velocity as in <see cref="Momentum"/>, then
/// <c>w ← w − lr·(g + μ·v)</c> — the gradient step plus a look-ahead along the new velocity.
/// </summary>
public sealed class Nesterov(double learningRate, double momentum = 0.9, double weightDecay = 0)
    : Momentum(learningRate, momentum, 0, weightDecay)
{
    /// <inheritdoc />
    protected override bool LookAhead => true;
}
