using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>y = x·Wᵀ + b with W of shape [out_features, in_features], initialised as PyTorch does (Kaiming-uniform with a = √5, bias U(−1/√in, 1/√in)).</summary>
    public sealed class Linear : nn.Module<Tensor, Tensor>
    {
        private Parameter _weight;
        private Parameter _bias;

        internal Linear(long inputSize, long outputSize, bool hasBias, ScalarType? dtype) : base(nameof(Linear))
        {
            in_features = inputSize;
            out_features = outputSize;
            weight = new Parameter(empty(new[] { outputSize, inputSize }, dtype));
            nn.init.kaiming_uniform_(weight, Math.Sqrt(5));
            if (hasBias)
            {
                var bound = inputSize > 0 ? 1 / Math.Sqrt(inputSize) : 0;
                bias = new Parameter(empty(new[] { outputSize }, dtype));
                nn.init.uniform_(bias, -bound, bound);
            }
        }

        internal Linear(Parameter weight, Parameter bias) : base(nameof(Linear))
        {
            in_features = weight.shape[1];
            out_features = weight.shape[0];
            this.weight = weight;
            this.bias = bias;
        }

        public long in_features { get; set; }

        public long out_features { get; set; }

        public Parameter weight
        {
            get => _weight;
            set
            {
                _weight = value ?? throw new ArgumentNullException(nameof(value), "Linear.weight cannot be null.");
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

        public override Tensor forward(Tensor tensor) => nn.functional.linear(tensor, _weight, _bias);
    }
}
