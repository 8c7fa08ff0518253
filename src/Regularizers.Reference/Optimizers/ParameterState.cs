namespace Regularizers.Reference.Optimizers;

/// <summary>Per-parameter buffers, created zeroed on first use, keyed by the parameter's index.</summary>
internal sealed class ParameterState
{
    private readonly Dictionary<(int Index, string Name), double[]> _buffers = [];

    public double[] Get(int index, string name, int length, double initial = 0)
    {
        if (!_buffers.TryGetValue((index, name), out var buffer))
        {
            buffer = new double[length];
            Array.Fill(buffer, initial);
            _buffers[(index, name)] = buffer;
        }
        return buffer;
    }

    public bool Has(int index, string name) => _buffers.ContainsKey((index, name));

    public static void Check(IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> gradients)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (parameters.Count != gradients.Count)
        {
            throw new ArgumentException($"{parameters.Count} parameters but {gradients.Count} gradients.", nameof(gradients));
        }
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Length != gradients[i].Length)
            {
                throw new ArgumentException($"Parameter {i} has {parameters[i].Length} values but its gradient has {gradients[i].Length}.", nameof(gradients));
            }
        }
    }
}
