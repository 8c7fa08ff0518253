using static TorchSharp.torch;

namespace Regularizers.Torch.Losses;

/// <summary>
/// A training loss that runs the model itself instead of scoring one output it is handed: <see cref="RDropLoss"/> runs
/// the model on two copies of the batch. A <c>Trainer</c> whose <c>TrainerOptions.ModelLoss</c> is set calls
/// <see cref="Compute"/> in place of <c>model.call(x)</c> and <c>TrainerOptions.Loss</c>; a hand-written loop calls it
/// the same way, in training mode, and backpropagates the loss.
/// </summary>
public interface IModelLoss
{
    /// <summary>The loss of <paramref name="model"/> on (<paramref name="input"/>, <paramref name="target"/>), and one output of the model for that input (for accuracy).</summary>
    /// <param name="model">The model, in the mode the caller chose (training mode for the regularizing effect).</param>
    /// <param name="input">A batch of inputs.</param>
    /// <param name="target">Its targets.</param>
    (Tensor Loss, Tensor Output) Compute(nn.Module<Tensor, Tensor> model, Tensor input, Tensor target);
}
