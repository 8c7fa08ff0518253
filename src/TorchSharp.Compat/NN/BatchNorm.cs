using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Shared state of the normalisation layers: affine weight and bias, running statistics and their momentum.</summary>
    public abstract class NormBase : nn.Module<Tensor, Tensor>
    {
        private Parameter _weight;
        private Parameter _bias;
        private Tensor _running_mean;
        private Tensor _running_var;
        private Tensor _num_batches_tracked;

        public NormBase(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device device, ScalarType? dtype, string name) : base(name)
        {
            Device.EnsureCpu(device);
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine)
            {
                weight = new Parameter(ones(num_features, dtype));
                bias = new Parameter(zeros(num_features, dtype));
            }
            if (track_running_stats)
            {
                running_mean = zeros(num_features, dtype).DetachFromDisposeScope();
                running_var = ones(num_features, dtype).DetachFromDisposeScope();
                num_batches_tracked = zeros(Array.Empty<long>(), ScalarType.Int64).DetachFromDisposeScope();
            }
        }

        public long num_features { get; }

        public double eps { get; set; }

        public double? momentum { get; set; }

        public bool affine { get; }

        public bool track_running_stats { get; }

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

        public Tensor running_mean
        {
            get => _running_mean;
            set
            {
                _running_mean = value;
                ConditionallyRegisterBuffer(nameof(running_mean), value);
            }
        }

        public Tensor running_var
        {
            get => _running_var;
            set
            {
                _running_var = value;
                ConditionallyRegisterBuffer(nameof(running_var), value);
            }
        }

        public Tensor num_batches_tracked
        {
            get => _num_batches_tracked;
            set
            {
                _num_batches_tracked = value;
                ConditionallyRegisterBuffer(nameof(num_batches_tracked), value);
            }
        }

        public void reset_running_stats()
        {
            if (!track_running_stats)
            {
                return;
            }
            using (no_grad())
            {
                _running_mean.zero_();
                _running_var.fill_(1);
                _num_batches_tracked.zero_();
            }
        }

        public void reset_parameters()
        {
            reset_running_stats();
            if (affine)
            {
                using (no_grad())
                {
                    _weight.fill_(1);
                    _bias.zero_();
                }
            }
        }

        protected abstract void ValidateInputDimensions(Tensor input);
    }

    /// <summary>
    /// Batch normalisation: y = (x − E[x]) / √(Var[x] + eps) · γ + β with batch statistics in training (running averages
    /// updated as running = (1 − momentum)·running + momentum·batch, the variance unbiased) and running statistics in eval.
    /// </summary>
    public abstract class BatchNorm : NormBase
    {
        public BatchNorm(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device device, ScalarType? dtype, string name)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, name)
        {
        }

        public override Tensor forward(Tensor input)
        {
            ValidateInputDimensions(input);
            double factor = momentum ?? 0.0;
            if (training && track_running_stats)
            {
                using (no_grad())
                {
                    num_batches_tracked.add_(1);
                }
                if (momentum is null)
                {
                    factor = 1.0 / num_batches_tracked.item<long>();
                }
            }
            var useBatchStatistics = training || running_mean is null;
            return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatchStatistics, factor, eps);
        }
    }

    /// <summary>Batch normalisation over [N, C] or [N, C, L] inputs.</summary>
    public sealed class BatchNorm1d : BatchNorm
    {
        internal BatchNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device device, ScalarType? dtype)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm1d))
        {
        }

        protected override void ValidateInputDimensions(Tensor input)
        {
            var d = input.dim();
            if (d != 2 && d != 3)
            {
                throw new ArgumentException($"BatchNorm1d expects a 2-D or 3-D input, received {d}-D.", nameof(input));
            }
        }
    }
}
