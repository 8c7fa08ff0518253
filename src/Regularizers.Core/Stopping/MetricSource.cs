namespace Regularizers.Core.Stopping;

/// <summary>Which history a single-metric criterion such as <see cref="Patience"/> monitors.</summary>
public enum MetricSource
{
    /// <summary>The validation history (Keras' default <c>monitor="val_loss"</c>).</summary>
    Validation,

    /// <summary>The training history (Keras' <c>monitor="loss"</c>).</summary>
    Training,
}
