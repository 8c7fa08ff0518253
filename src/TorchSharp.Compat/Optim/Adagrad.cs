using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Implements the Adagrad algorithm (Duchi et al.).</summary>
            /// <param name="parameters">Parameters to optimize</param>
            /// <param name="lr">learning rate (default: 1e-2)</param>
            /// <param name="lr_decay">learning rate decay (default: 0)</param>
            /// <param name="weight_decay">weight decay (L2 penalty) (default: 0)</param>
            /// <param name="initial_accumulator_value">The initial value of the sum of squared gradients (default: 0)</param>
            /// <param name="eps">Term added to the denominator to improve numerical stability (default: 1e-10)</param>
            public static Modules.Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
            {
                return new Modules.Adagrad(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);
            }

            /// <inheritdoc cref="Adagrad(IEnumerable{Parameter}, double, double, double, double, double)"/>
            public static Modules.Adagrad Adagrad(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
            {
                return new Modules.Adagrad(parameters.Select(np => np.parameter), lr, lr_decay, weight_decay, initial_accumulator_value, eps);
            }

            /// <inheritdoc cref="Adagrad(IEnumerable{Parameter}, double, double, double, double, double)"/>
            public static Modules.Adagrad Adagrad(IEnumerable<Modules.Adagrad.ParamGroup> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
            {
                return new Modules.Adagrad(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);
            }
        }
    }
}

namespace TorchSharp.Modules
{
    using static torch.optim;

    /// <summary>
    /// AdaGrad (Duchi et al.) with PyTorch 1.13's update: g ← g + wd·p; s ← s + g²; p ← p − (lr/(1 + (t−1)·lr_decay))·g/(√s + ε).
    /// </summary>
    public class Adagrad : OptimizerHelper
    {
        public Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
            : this(new ParamGroup[] { new ParamGroup { Parameters = parameters } }, lr, lr_decay, weight_decay, initial_accumulator_value, eps)
        {
        }

        public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (eps < 0) throw new ArgumentException($"Invalid ε: {eps}");
            if (lr_decay < 0.0) throw new ArgumentException($"Invalid lr_decay value: {lr_decay}");
            if (weight_decay < 0.0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
            if (initial_accumulator_value < 0) throw new ArgumentException($"Invalid initial_accumulator_value: {initial_accumulator_value}");

            _defaults = new Options
            {
                LearningRate = lr,
                InitialLearningRate = lr,
                lr_decay = lr_decay,
                eps = eps,
                initial_accumulator_value = initial_accumulator_value,
                weight_decay = weight_decay,
            };
            _parameter_groups = new List<Modules.ParamGroup>();

            foreach (var g in parameters)
            {
                add_param_group(g);
            }
        }

        /// <summary>Performs a single optimization step (parameter update).</summary>
        /// <param name="closure">A closure that reevaluates the model and returns the loss. Optional for most optimizers.</param>
        public override Tensor step(Func<Tensor> closure = null)
        {
            return _step<ParamGroup>(group =>
            {
                var options = group.Options;
                var lr_decay = options.lr_decay.Value;
                var weight_decay = options.weight_decay.Value;
                var eps = options.eps.Value;
                var lr = options.LearningRate.Value;

                foreach (var param in group.Parameters)
                {
                    var state = (State)_states[param.Handle];

                    var grad = param.grad;

                    if (grad is null) continue;

                    state.step += 1;

                    if (weight_decay != 0)
                    {
                        grad = grad.add(param, weight_decay);
                    }

                    var clr = lr / (1 + (state.step - 1) * lr_decay);

                    state.sum.addcmul_(grad, grad, 1);
                    var std = state.sum.sqrt().add_(eps);
                    param.addcdiv_(grad, std, -clr);
                }
            }, closure);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                DisposeStates();
            }
        }

        /// <summary>The step count and the running sum of squared gradients of one parameter.</summary>
        public sealed class State : OptimizerState, IDisposable
        {
            public long step;
            public Tensor sum;

            public State(Parameter parameter) : base(parameter)
            {
            }

            public void Dispose()
            {
                sum?.Dispose();
                sum = null;
            }

            /// <summary>Move all the state to the indicated device.</summary>
            public override void to(Device device)
            {
                sum = sum.to(device, disposeAfter: true).DetachFromDisposeScope();
            }

            /// <summary>Load the optimizer parameter state from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                step = reader.ReadInt64();
                StateTensorFormat.LoadInto(sum, reader);
            }

            /// <summary>Load optimizer parameter state from another optimizer (the sum is copied).</summary>
            public override void LoadStateDict(OptimizerState source)
            {
                var st_state = (State)source;
                sum?.Dispose();
                step = st_state.step;
                sum = st_state.sum.to(_parameter.device, copy: true).DetachFromDisposeScope();
            }

            /// <summary>Save the optimizer parameter state to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                StateTensorFormat.Save(writer, sum);
            }

            /// <summary>Useful for tests, allows comparison of one state with another.</summary>
            public override bool ApproximatelyEquals(OptimizerState other)
            {
                var rhs = other as State;
                return (rhs is not null) && step == rhs.step && sum.allclose(rhs.sum);
            }

            /// <summary>Initialize the values of the state to the initial values.</summary>
            public override void Initialize(OptimizerOptions options)
            {
                sum?.Dispose();

                step = 0;
                sum = full_like(_parameter, ((Options)options).initial_accumulator_value.Value).DetachFromDisposeScope();
            }
        }

        /// <summary>Add a param group to the Optimizer's param_groups; options it leaves unset take the optimizer's defaults.</summary>
        public override void add_param_group(Modules.ParamGroup param_group)
        {
            var def = (Options)_defaults;
            param_group.Options ??= new Options();

            var opt = (Options)param_group.Options;

            if (!opt.LearningRate.HasValue) opt.LearningRate = def.LearningRate;
            if (!opt.lr_decay.HasValue) opt.lr_decay = def.lr_decay;
            if (!opt.eps.HasValue) opt.eps = def.eps;
            if (!opt.weight_decay.HasValue) opt.weight_decay = def.weight_decay;
            if (!opt.initial_accumulator_value.HasValue) opt.initial_accumulator_value = def.initial_accumulator_value;

            opt.InitialLearningRate = opt.LearningRate.Value;

            _parameter_groups.Add(param_group);
            InitializeStates(param_group, p => new State(p));
        }

        public class Options : OptimizerOptions
        {
            public double? lr_decay;
            public double? initial_accumulator_value;
            public double? eps;
            public double? weight_decay;

            /// <summary>Load optimizer options (param-group hyperparameters) from another optimizer.</summary>
            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var opts = (Options)source;
                lr_decay = opts.lr_decay;
                initial_accumulator_value = opts.initial_accumulator_value;
                eps = opts.eps;
                weight_decay = opts.weight_decay;
            }

            /// <summary>Load the optimizer options (param-group hyperparameters) from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                lr_decay = reader.ReadDouble();
                initial_accumulator_value = reader.ReadDouble();
                eps = reader.ReadDouble();
                weight_decay = reader.ReadDouble();
            }

            /// <summary>Save the optimizer options (param-group hyperparameters) to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(lr_decay.Value);
                writer.Write(initial_accumulator_value.Value);
                writer.Write(eps.Value);
                writer.Write(weight_decay.Value);
            }
        }

        public class ParamGroup : ParamGroup<Options>
        {
            public ParamGroup()
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options)
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
                : base(parameters, new Adagrad.Options { LearningRate = lr, lr_decay = lr_decay, initial_accumulator_value = initial_accumulator_value, weight_decay = weight_decay, eps = eps })
            {
            }
        }
    }
}
