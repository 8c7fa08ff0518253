using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static class linalg
        {
            /// <summary>
            /// The vector <paramref name="ord"/>-norm of <paramref name="input"/> over <paramref name="dims"/> (all
            /// dimensions when null): <c>(Σ|x|^ord)^(1/ord)</c>, with ord = ∞ the largest |x|.
            /// </summary>
            public static Tensor vector_norm(Tensor input, double ord = 2.0, long[] dims = null, bool keepdim = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                return Wrap(rts_vector_norm(input.Handle, ord, dims, dims?.Length ?? 0, keepdim ? 1 : 0));
            }
        }
    }
}
