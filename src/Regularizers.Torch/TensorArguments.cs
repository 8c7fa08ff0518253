using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace Regularizers.Torch;

/// <summary>
/// Eager checks of tensor arguments, so that a wrong tensor gives an <see cref="ArgumentException"/> naming the argument
/// instead of a <see cref="NullReferenceException"/>, an "invalid handle" error or a libtorch message about an operator
/// the caller never called. Each check returns the tensor it accepted.
/// </summary>
internal static class TensorArguments
{
    /// <summary>Requires a live (not disposed) floating-point tensor: float16, bfloat16, float32 or float64.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> has been disposed or its dtype is not floating-point.</exception>
    public static Tensor Floating(Tensor? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.IsInvalid)
        {
            throw new ArgumentException($"{name} has been disposed; pass a live tensor.", name);
        }
        if (!value.is_floating_point())
        {
            throw new ArgumentException($"{name} must be a floating-point tensor (float16, bfloat16, float32 or float64). Received: {name} of dtype {value.dtype}.", name);
        }
        return value;
    }

    /// <summary>Requires a live (not disposed) tensor of any dtype.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> has been disposed.</exception>
    public static Tensor Live(Tensor? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.IsInvalid ? throw new ArgumentException($"{name} has been disposed; pass a live tensor.", name) : value;
    }

    /// <summary>A shape as the messages print it, e.g. <c>[64, 10]</c>.</summary>
    public static string Show(long[] shape) => $"[{string.Join(", ", shape)}]";
}
