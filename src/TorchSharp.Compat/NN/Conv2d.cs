using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Base of the convolution layers: weight [out_channels, in_channels/groups, k…] and optional bias, initialised as PyTorch does.</summary>
    public abstract class Convolution : nn.Module<Tensor, Tensor>
    {
        protected Parameter _weight;
        protected Parameter _bias;

        protected Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, Padding? padding_type, long[] dilation, bool transposed, long[] output_padding, long groups, bool bias, PaddingModes padding_mode, Device device = null, ScalarType? dtype = null)
            : base(name)
        {
            Device.EnsureCpu(device);
            if (padding_mode != PaddingModes.Zeros || padding_type.HasValue || transposed)
            {
                throw new NotSupportedException("This build of TorchSharp supports zero-padded, non-transposed convolutions with explicit padding.");
            }
            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            this.dilation = dilation;
            this.groups = groups;
            this.padding_mode = padding_mode;
            this.output_padding = output_padding;
            var shape = new[] { out_channels, in_channels / groups }.Concat(kernel_size).ToArray();
            weight = new Parameter(empty(shape, dtype));
            if (bias)
            {
                this.bias = new Parameter(empty(out_channels, dtype));
            }
            reset_parameters();
        }

        public long in_channels { get; }

        public long out_channels { get; }

        public long[] kernel_size { get; set; }

        public long[] stride { get; set; }

        public long[] padding { get; }

        public long[] dilation { get; set; }

        public long[] output_padding { get; set; }

        public long groups { get; set; }

        public bool transposed => false;

        public PaddingModes padding_mode { get; set; }

        public Parameter weight
        {
            get => _weight;
            set
            {
                _weight = value;
                ConditionallyRegisterParameter(nameof(weight), value);
            }
        }

        public Parameter bias
        {
            get => _bias;
            set
            {
                _bias = value;
                ConditionallyRegisterParameter(nameof(bias), value);
            }
        }

        public void reset_parameters()
        {
            nn.init.kaiming_uniform_(_weight, Math.Sqrt(5));
            if (_bias is not null)
            {
                var fanIn = _weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
                var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                nn.init.uniform_(_bias, -bound, bound);
            }
        }
    }

    /// <summary>2-D convolution over [N, C, H, W] inputs.</summary>
    public sealed class Conv2d : Convolution
    {
        internal Conv2d(long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, long[] dilation, long groups, bool bias, PaddingModes padding_mode, Device device, ScalarType? dtype)
            : base(nameof(Conv2d), in_channels, out_channels, kernel_size, stride, padding, null, dilation, false, new long[] { 0, 0 }, groups, bias, padding_mode, device, dtype)
        {
        }

        public override Tensor forward(Tensor input) => nn.functional.conv2d(input, _weight, _bias, stride, padding, dilation, groups);
    }
}

namespace TorchSharp
{
    /// <summary>Named padding schemes for convolutions.</summary>
    public enum Padding
    {
        Valid = 0,
        Same = 1,
    }

    /// <summary>How a convolution pads its input.</summary>
    public enum PaddingModes
    {
        Zeros = 0,
        Reflect = 1,
        Replicate = 2,
        Circular = 3,
        Constant = 4,
    }
}
