namespace Regularizers.Reference.Networks;

/// <summary>One parameter tensor of a network, flattened, with whether it is a bias (biases are never penalised).</summary>
/// <param name="Name">E.g. <c>layer0.weight</c>.</param>
/// <param name="Values">The values, row-major (shared with the layer, so updates are seen by it).</param>
/// <param name="IsBias">Whether the parameter is a bias.</param>
public sealed record NetworkParameter(string Name, double[] Values, bool IsBias);
