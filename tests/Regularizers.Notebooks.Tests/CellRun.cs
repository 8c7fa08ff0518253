namespace Regularizers.Notebooks.Tests;

/// <summary>
/// One code cell's run: its execution count (its position among the notebook's code cells, from 1) and every output it
/// produced, in order.
/// </summary>
public sealed record CellRun(int ExecutionCount, IReadOnlyList<CellOutput> Outputs)
{
    /// <summary>Everything the cell wrote to standard output, joined.</summary>
    public string StandardOutput => string.Concat(
        Outputs.OfType<StreamOutput>().Where(s => s.Stream == OutputStream.Stdout).Select(s => s.Text));
}
