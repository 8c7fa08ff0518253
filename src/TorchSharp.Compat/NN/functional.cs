using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Stateless neural-network operations.</summary>
            public static partial class functional
            {
                public static Tensor linear(Tensor input, Tensor weights, Tensor bias = null) => Wrap(rts_linear(input.Handle, weights.Handle, bias?.Handle ?? IntPtr.Zero));

                public static Tensor relu(Tensor x, bool inplace = false)
                {
                    if (!inplace)
                    {
                        return x.relu();
                    }
                    rts_unary_(Unary.Relu, x.Handle);
                    Check();
                    return x;
                }

                public static Tensor sigmoid(Tensor x) => x.sigmoid();

                public static Tensor sigmoid(Tensor x, bool inplace)
                {
                    if (!inplace)
                    {
                        return x.sigmoid();
                    }
                    rts_unary_(Unary.Sigmoid, x.Handle);
                    Check();
                    return x;
                }

                public static Tensor tanh(Tensor x, bool inplace = false)
                {
                    if (!inplace)
                    {
                        return x.tanh();
                    }
                    rts_unary_(Unary.Tanh, x.Handle);
                    Check();
                    return x;
                }

                public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

                public static Tensor log_softmax(Tensor x, long dim) => x.log_softmax(dim);

                /// <summary>Inverted dropout: zero each element with probability p and scale survivors by 1/(1−p) when training; identity otherwise.</summary>
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
                {
                    if (p < 0 || p > 1 || double.IsNaN(p))
                    {
                        throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}");
                    }
                    if (!inplace)
                    {
                        return Wrap(rts_dropout(input.Handle, p, training ? 1 : 0));
                    }
                    rts_dropout_(input.Handle, p, training ? 1 : 0);
                    Check();
                    return input;
                }

                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor weight = null, long ignore_index = -100L, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
                    Wrap(rts_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, (long)reduction, ignore_index, label_smoothing));

                public static Tensor nll_loss(Tensor input, Tensor target, Tensor weight = null, Reduction reduction = Reduction.Mean) =>
                    Wrap(rts_nll_loss(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, (long)reduction, -100));

                public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Wrap(rts_mse_loss(input.Handle, target.Handle, (long)reduction));

                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor weight = null, Reduction reduction = Reduction.Mean, Tensor pos_weights = null) =>
                    Wrap(rts_bce_with_logits(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, pos_weights?.Handle ?? IntPtr.Zero, (long)reduction));

                public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias = null, long[] strides = null, long[] padding = null, long[] dilation = null, long groups = 1L) =>
                    Wrap(rts_conv2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, strides ?? new long[] { 1, 1 }, padding ?? new long[] { 0, 0 }, dilation ?? new long[] { 1, 1 }, groups));

                public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[] strides = null, long[] padding = null, long[] dilation = null, bool ceil_mode = false) =>
                    Wrap(rts_max_pool2d(input.Handle, kernel_size, strides ?? kernel_size, padding ?? new long[] { 0, 0 }, dilation ?? new long[] { 1, 1 }, ceil_mode ? 1 : 0));

                public static Tensor batch_norm(Tensor input, Tensor running_mean, Tensor running_var, Tensor weight = null, Tensor bias = null, bool training = false, double momentum = 0.1, double eps = 1E-05) =>
                    Wrap(rts_batch_norm(input.Handle, weight?.Handle ?? IntPtr.Zero, bias?.Handle ?? IntPtr.Zero, running_mean?.Handle ?? IntPtr.Zero, running_var?.Handle ?? IntPtr.Zero, training ? 1 : 0, momentum, eps));

                public static Tensor one_hot(Tensor x, long num_classes = -1L) => Wrap(rts_one_hot(x.Handle, num_classes));
            }
        }
    }
}
