namespace Regularizers.ML;

/// <summary>The ML.NET task a trainer serves; it fixes the label type, the loss and the output columns.</summary>
public enum PredictionKind
{
    /// <summary>Key label; outputs Score (class probabilities) and PredictedLabel (key).</summary>
    MulticlassClassification,

    /// <summary>Single label; outputs Score.</summary>
    Regression,

    /// <summary>Boolean label; outputs Score (log-odds), Probability and PredictedLabel.</summary>
    BinaryClassification,
}
