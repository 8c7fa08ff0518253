namespace Regularizers.Torch;

/// <summary>
/// What a <see cref="Regularization"/> holds: a penalty (<see cref="Penalties.IPenalty"/>, added to the loss) or a
/// constraint (<see cref="Constraints.IConstraint"/>, applied after the step). Anything else does not compile.
/// </summary>
public interface IRegularizer
{
    /// <summary>A short name for logs, e.g. "l2" or "max_norm".</summary>
    string Name { get; }
}
