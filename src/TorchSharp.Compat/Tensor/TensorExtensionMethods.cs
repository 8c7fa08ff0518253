using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    /// <summary>Conversions of one-element tensors to .NET values, whatever the tensor's element type.</summary>
    public static class TensorExtensionMethods
    {
        /// <summary>The single element of <paramref name="value"/>, converted to <see cref="double"/>.</summary>
        /// <exception cref="ArgumentException">The tensor does not have exactly one element.</exception>
        public static double ToDouble(this torch.Tensor value)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.numel() != 1)
            {
                throw new ArgumentException($"ToDouble() needs a tensor with one element; this one has {value.numel()}.", nameof(value));
            }
            var result = rts_item_double(value.Handle);
            Check();
            return result;
        }
    }
}
