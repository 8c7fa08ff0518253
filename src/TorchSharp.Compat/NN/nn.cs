using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Module factories, as in TorchSharp.</summary>
        public static partial class nn
        {
            /// <summary>How a loss reduces its per-element values.</summary>
            public enum Reduction : long
            {
                None = 0,
                Mean = 1,
                Sum = 2,
            }

            public static Parameter Parameter(Tensor data, bool requires_grad = true) => new Parameter(data, requires_grad);

            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device device = null, ScalarType? dtype = null)
            {
                Device.EnsureCpu(device);
                return new Linear(inputSize, outputSize, hasBias, dtype);
            }

            public static Linear Linear(Parameter weight, Parameter bias = null) => new Linear(weight, bias);

            public static Sequential Sequential() => new Sequential(Array.Empty<(string, Module<Tensor, Tensor>)>());

            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) =>
                new Sequential(modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)));

            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => new Sequential(modules);

            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => new Sequential(modules);

            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) => Sequential(modules.ToArray());

            public static ReLU ReLU(bool inplace = false) => new ReLU(inplace);

            public static Sigmoid Sigmoid() => new Sigmoid(false);

            public static Sigmoid Sigmoid(bool inplace) => new Sigmoid(inplace);

            public static Tanh Tanh(bool inplace = false) => new Tanh(inplace);

            public static Identity Identity() => new Identity();

            public static Flatten Flatten(long start_dim = 1L, long end_dim = -1L) => new Flatten(start_dim, end_dim);

            public static Dropout Dropout(double p = 0.5, bool inplace = false)
            {
                if (p < 0 || p > 1 || double.IsNaN(p))
                {
                    throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}");
                }
                return new Dropout(p, inplace);
            }

            public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new MaxPool2d(new[] { kernel_size, kernel_size }, stride.HasValue ? new[] { stride.Value, stride.Value } : null,
                    padding.HasValue ? new[] { padding.Value, padding.Value } : null, dilation.HasValue ? new[] { dilation.Value, dilation.Value } : null, ceil_mode);

            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1L, long padding = 0L, long dilation = 1L, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1L, bool bias = true, Device device = null, ScalarType? dtype = null) =>
                new Conv2d(in_channels, out_channels, new[] { kernel_size, kernel_size }, new[] { stride, stride }, new[] { padding, padding }, new[] { dilation, dilation }, groups, bias, padding_mode, device, dtype);

            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1E-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device device = null, ScalarType? dtype = null) =>
                new BatchNorm1d(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static CrossEntropyLoss CrossEntropyLoss(Tensor weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) => new CrossEntropyLoss(weight, ignore_index, reduction);

            public static NLLLoss NLLLoss(Tensor weight = null, Reduction reduction = Reduction.Mean) => new NLLLoss(weight, reduction);

            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new MSELoss(reduction);

            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor weight = null, Reduction reduction = Reduction.Mean, Tensor pos_weights = null) => new BCEWithLogitsLoss(weight, reduction, pos_weights);
        }
    }
}
