using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Optimizer factories, as in TorchSharp.</summary>
        public static partial class optim
        {
            public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false) =>
                new SGD(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false) =>
                new SGD(parameters.Select(p => p.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false) =>
                new Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false) =>
                new AdamW(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            public static Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10) =>
                new Adagrad(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);

            public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false) =>
                new RMSProp(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>Learning-rate schedules.</summary>
            public static partial class lr_scheduler
            {
                /// <summary>Base of the schedulers: each <see cref="step()"/> moves to the next epoch and sets every group's learning rate.</summary>
                public abstract class LRScheduler
                {
                    private readonly Optimizer _optimizer;
                    private readonly List<double> _baseLrs;
                    private int _lastEpoch;

                    protected LRScheduler(Optimizer optimizer, int last_epoch = -1, bool verbose = false)
                    {
                        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
                        _baseLrs = optimizer.ParamGroups.Select(g => g.InitialLearningRate).ToList();
                        _lastEpoch = last_epoch;
                        step();
                    }

                    internal int LastEpoch => _lastEpoch;

                    internal IReadOnlyList<double> BaseLearningRates => _baseLrs;

                    internal IEnumerable<double> CurrentLearningRates => _optimizer.ParamGroups.Select(g => g.LearningRate);

                    protected int _step_count;

                    public IEnumerable<double> get_last_lr() => CurrentLearningRates.ToList();

                    protected virtual IEnumerable<double> get_lr() => CurrentLearningRates;

                    public virtual void step()
                    {
                        _step_count++;
                        _lastEpoch++;
                        foreach (var (group, lr) in _optimizer.ParamGroups.Zip(get_lr().ToList()))
                        {
                            group.LearningRate = lr;
                        }
                    }
                }

                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);

                public static class impl
                {
                    /// <summary>Multiplies every learning rate by γ every <c>step_size</c> epochs: lr = base·γ^⌊epoch/step_size⌋.</summary>
                    public class StepLR : LRScheduler
                    {
                        private readonly int _stepSize;
                        private readonly double _gamma;

                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            _stepSize = step_size > 0 ? step_size : throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "step_size must be positive");
                            _gamma = gamma;
                        }

                        protected override IEnumerable<double> get_lr() =>
                            _stepSize == 0 ? CurrentLearningRates : BaseLearningRates.Select(b => b * Math.Pow(_gamma, LastEpoch / _stepSize));
                    }
                }
            }
        }
    }
}
