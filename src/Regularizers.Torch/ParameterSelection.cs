namespace Regularizers.Torch;

/// <summary>Which of a model's parameters a penalty or constraint touches.</summary>
public enum ParameterSelection
{
    /// <summary>Weights only: parameters named <c>*.bias</c> and parameters with one dimension or fewer (biases, norm scales) are left alone.</summary>
    WeightsOnly = 0,

    /// <summary>Every parameter, biases included.</summary>
    All = 1,
}
