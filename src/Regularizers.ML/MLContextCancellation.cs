using Microsoft.ML;

namespace Regularizers.ML;

/// <summary>
/// <c>mlContext.CancelExecution()</c>. ML.NET 5.0.1 keeps cancellation internal (<c>ICancelable</c>); its public face,
/// an extension in the Microsoft.ML.Experimental package, is not published for 5.x. This sets the same flag, so it
/// cancels ML.NET's own trainers as well as <see cref="RegularizedNeuralNetworkTrainer"/>, which stops before its next
/// batch with <see cref="OperationCanceledException"/>. Cancellation cannot be undone: use a new <c>MLContext</c> after it.
/// </summary>
public static class MLContextCancellation
{
    /// <summary>Asks every training running on <paramref name="context"/> to stop; safe to call from any thread.</summary>
    public static void CancelExecution(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MLNetEnvironment.Cancel(context);
    }
}
