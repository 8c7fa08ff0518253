using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>max(0, x).</summary>
    public sealed class ReLU : ParameterLessModule<Tensor, Tensor>
    {
        internal ReLU(bool inplace) : base(nameof(ReLU)) => this.inplace = inplace;

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => nn.functional.relu(tensor, inplace);
    }

    /// <summary>1 / (1 + exp(−x)).</summary>
    public sealed class Sigmoid : ParameterLessModule<Tensor, Tensor>
    {
        internal Sigmoid(bool inplace) : base(nameof(Sigmoid)) => this.inplace = inplace;

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => nn.functional.sigmoid(tensor, inplace);
    }

    /// <summary>tanh(x).</summary>
    public sealed class Tanh : ParameterLessModule<Tensor, Tensor>
    {
        internal Tanh(bool inplace) : base(nameof(Tanh)) => this.inplace = inplace;

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => nn.functional.tanh(tensor, inplace);
    }

    /// <summary>Returns its input unchanged (as a new handle on the same tensor).</summary>
    public sealed class Identity : ParameterLessModule<Tensor, Tensor>
    {
        internal Identity() : base(nameof(Identity))
        {
        }

        public override Tensor forward(Tensor tensor) => tensor.alias();
    }

    /// <summary>Flattens dimensions start_dim..end_dim into one.</summary>
    public sealed class Flatten : ParameterLessModule<Tensor, Tensor>
    {
        internal Flatten(long start_dim, long end_dim) : base(nameof(Flatten))
        {
            this.start_dim = start_dim;
            this.end_dim = end_dim;
        }

        public long start_dim { get; set; }

        public long end_dim { get; set; }

        public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);
    }

    /// <summary>Inverted dropout: in training each element is zeroed with probability p and survivors are scaled by 1/(1−p); identity in eval.</summary>
    public sealed class Dropout : ParameterLessModule<Tensor, Tensor>
    {
        internal Dropout(double p, bool inplace) : base(nameof(Dropout))
        {
            this.p = p;
            this.inplace = inplace;
        }

        public double p { get; set; }

        public bool inplace { get; set; }

        public override Tensor forward(Tensor tensor) => nn.functional.dropout(tensor, p, training, inplace);
    }

    /// <summary>2-D max pooling.</summary>
    public sealed class MaxPool2d : ParameterLessModule<Tensor, Tensor>
    {
        internal MaxPool2d(long[] kernel_size, long[] stride, long[] padding, long[] dilation, bool ceil_mode) : base(nameof(MaxPool2d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? new long[] { 0, 0 };
            this.dilation = dilation ?? new long[] { 1, 1 };
            this.ceil_mode = ceil_mode;
        }

        public long[] kernel_size { get; set; }

        public long[] stride { get; set; }

        public long[] padding { get; set; }

        public long[] dilation { get; set; }

        public bool ceil_mode { get; set; }

        public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);
    }
}
