using Regularizers.Core;

namespace Regularizers.Reference.Normalization;

/// <summary>
/// Batch normalisation of the features of x [N, D] (PyTorch's <c>BatchNorm1d(D, eps = 1e-5, momentum = 0.1)</c>).
/// Training: per feature, <c>μ = (1/N)Σxₙ</c>, <c>σ² = (1/N)Σ(xₙ − μ)²</c>, <c>x̂ = (x − μ)/√(σ² + ε)</c>, <c>y = γ·x̂ + β</c>,
/// and the running statistics move by <c>r ← (1 − m)·r + m·s</c> with the unbiased variance <c>σ²·N/(N − 1)</c>.
/// Inference uses the running statistics. Backward (training):
/// <c>∂L/∂β = Σ dy</c>, <c>∂L/∂γ = Σ dy·x̂</c>, <c>∂L/∂x = γ/(N·√(σ² + ε))·(N·dy − Σdy − x̂·Σ(dy·x̂))</c>.
/// </summary>
public sealed class BatchNorm
{
    /// <summary>Creates the layer with γ = 1, β = 0, running mean 0 and running variance 1.</summary>
    public BatchNorm(int features, double epsilon = 1e-5, double momentum = 0.1)
    {
        Epsilon = Guard.Positive(epsilon);
        Momentum = Guard.InRange(momentum, 0, true, 1, true);
        Gamma = Enumerable.Repeat(1.0, features).ToArray();
        Beta = new double[features];
        RunningMean = new double[features];
        RunningVariance = Enumerable.Repeat(1.0, features).ToArray();
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>m, the running statistics' update rate.</summary>
    public double Momentum { get; }

    /// <summary>γ, the scale.</summary>
    public double[] Gamma { get; }

    /// <summary>β, the shift.</summary>
    public double[] Beta { get; }

    /// <summary>The running mean.</summary>
    public double[] RunningMean { get; }

    /// <summary>The running (unbiased) variance.</summary>
    public double[] RunningVariance { get; }

    /// <summary>The output and, in training, what backward needs (x̂ and 1/√(σ² + ε)).</summary>
    public (Matrix Output, Matrix Normalized, double[] InverseStd) Forward(Matrix x, bool training)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (n, d) = (x.Rows, x.Cols);
        var mean = new double[d];
        var variance = new double[d];
        if (training)
        {
            for (var j = 0; j < d; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    mean[j] += x[i, j] / n;
                }
                for (var i = 0; i < n; i++)
                {
                    variance[j] += (x[i, j] - mean[j]) * (x[i, j] - mean[j]) / n;
                }
                RunningMean[j] = ((1 - Momentum) * RunningMean[j]) + (Momentum * mean[j]);
                RunningVariance[j] = ((1 - Momentum) * RunningVariance[j]) + (Momentum * variance[j] * n / Math.Max(n - 1, 1));
            }
        }
        else
        {
            (mean, variance) = ((double[])RunningMean.Clone(), (double[])RunningVariance.Clone());
        }
        var inverseStd = variance.Select(v => 1 / Math.Sqrt(v + Epsilon)).ToArray();
        var normalized = new Matrix(n, d);
        var output = new Matrix(n, d);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                normalized[i, j] = (x[i, j] - mean[j]) * inverseStd[j];
                output[i, j] = (Gamma[j] * normalized[i, j]) + Beta[j];
            }
        }
        return (output, normalized, inverseStd);
    }

    /// <summary>The gradients with respect to x, γ and β of a training-mode forward pass.</summary>
    public (Matrix Input, double[] Gamma, double[] Beta) Backward(Matrix normalized, double[] inverseStd, Matrix dy)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(inverseStd);
        ArgumentNullException.ThrowIfNull(dy);
        var (n, d) = (dy.Rows, dy.Cols);
        var dGamma = new double[d];
        var dBeta = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                dBeta[j] += dy[i, j];
                dGamma[j] += dy[i, j] * normalized[i, j];
            }
        }
        var dx = new Matrix(n, d);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                dx[i, j] = Gamma[j] * inverseStd[j] / n * ((n * dy[i, j]) - dBeta[j] - (normalized[i, j] * dGamma[j]));
            }
        }
        return (dx, dGamma, dBeta);
    }
}
