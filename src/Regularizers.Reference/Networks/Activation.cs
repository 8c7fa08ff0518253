namespace Regularizers.Reference.Networks;

/// <summary>An element-wise nonlinearity and its derivative.</summary>
public enum Activation
{
    /// <summary><c>f(z) = z</c>, <c>f′ = 1</c> (the seeds' <c>affine(slope=1, intercept=0)</c>).</summary>
    Identity,

    /// <summary><c>f(z) = 1/(1 + e^{−z})</c>, <c>f′ = f·(1 − f)</c>.</summary>
    Sigmoid,

    /// <summary><c>f(z) = tanh z</c>, <c>f′ = 1 − f²</c>.</summary>
    Tanh,

    /// <summary><c>f(z) = max(0, z)</c>, <c>f′ = 1 for z &gt; 0, else 0</c> (0 at 0, as autograd).</summary>
    ReLU,
}

/// <summary>Applies an <see cref="Activation"/> and backpropagates through it.</summary>
public static class Activations
{
    /// <summary><c>a = f(z)</c>, element-wise.</summary>
    public static Matrix Apply(Activation activation, Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var a = new Matrix(z.Rows, z.Cols);
        for (var i = 0; i < z.Data.Length; i++)
        {
            var v = z.Data[i];
            a.Data[i] = activation switch
            {
                Activation.Sigmoid => 1 / (1 + Math.Exp(-v)),
                Activation.Tanh => Math.Tanh(v),
                Activation.ReLU => v > 0 ? v : 0,
                _ => v,
            };
        }
        return a;
    }

    /// <summary><c>dz = da ⊙ f′(z)</c>, with f′ written through the input z and the output a = f(z).</summary>
    public static Matrix Backward(Activation activation, Matrix z, Matrix a, Matrix da)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(da);
        var dz = new Matrix(z.Rows, z.Cols);
        for (var i = 0; i < z.Data.Length; i++)
        {
            var derivative = activation switch
            {
                Activation.Sigmoid => a.Data[i] * (1 - a.Data[i]),
                Activation.Tanh => 1 - (a.Data[i] * a.Data[i]),
                Activation.ReLU => z.Data[i] > 0 ? 1 : 0,
                _ => 1,
            };
            dz.Data[i] = da.Data[i] * derivative;
        }
        return dz;
    }
}
