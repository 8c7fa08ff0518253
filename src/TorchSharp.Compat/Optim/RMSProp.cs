using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Implements the RMSprop algorithm (Hinton).</summary>
            /// <param name="parameters">Parameters to optimize.</param>
            /// <param name="lr">Learning rate (default: 1e-2)</param>
            /// <param name="alpha">Smoothing constant (default: 0.99)</param>
            /// <param name="eps">Term added to the denominator to improve numerical stability (default: 1e-8)</param>
            /// <param name="weight_decay">Weight decay (L2 penalty) (default: 0)</param>
            /// <param name="momentum">Momentum factor (default: 0)</param>
            /// <param name="centered">If true, compute the centered RMSProp: the gradient is normalized by an estimation of its variance</param>
            /// <param name="maximize">Maximize the params based on the objective, instead of minimizing</param>
            public static Modules.RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
            {
                return new Modules.RMSProp(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
            }

            /// <inheritdoc cref="RMSProp(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>
            public static Modules.RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
            {
                return new Modules.RMSProp(parameters.Select(np => np.parameter), lr, alpha, eps, weight_decay, momentum, centered, maximize);
            }

            /// <inheritdoc cref="RMSProp(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>
            public static Modules.RMSProp RMSProp(IEnumerable<Modules.RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
            {
                return new Modules.RMSProp(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
            }
        }
    }
}

namespace TorchSharp.Modules
{
    using static torch.optim;

    /// <summary>
    /// RMSProp with PyTorch 1.13's update (ε outside the square root): g ← g + wd·p; a ← αa + (1−α)g²; centred: ḡ ← αḡ + (1−α)g
    /// and d = √(a − ḡ²) + ε, else d = √a + ε; with momentum μ, b ← μb + g/d and p ← p − lr·b, else p ← p − lr·g/d.
    /// </summary>
    public class RMSProp : OptimizerHelper, IMomentum
    {
        public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.001, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
            : this(new ParamGroup[] { new ParamGroup { Parameters = parameters } }, lr, alpha, eps, weight_decay, momentum, centered, maximize)
        {
        }

        public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.001, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (eps < 0) throw new ArgumentException($"Invalid ε: {eps}");
            if (alpha < 0) throw new ArgumentException($"Invalid alpha: {alpha}");
            if (momentum < 0.0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weight_decay < 0.0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");

            _defaults = new Options
            {
                LearningRate = lr,
                InitialLearningRate = lr,
                maximize = maximize,
                eps = eps,
                alpha = alpha,
                momentum = momentum,
                centered = centered,
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
                var maximize = options.maximize.Value;
                var momentum = options.momentum.Value;
                var alpha = options.alpha.Value;
                var weight_decay = options.weight_decay.Value;
                var centered = options.centered.Value;
                var eps = options.eps.Value;
                var lr = options.LearningRate.Value;

                foreach (var param in group.Parameters)
                {
                    var state = (State)_states[param.Handle];

                    var grad = param.grad;

                    if (grad is null) continue;

                    if (maximize) grad = -grad;

                    state.step += 1;

                    if (weight_decay != 0)
                    {
                        grad = grad.add(param, weight_decay);
                    }

                    state.square_avg.mul_(alpha).addcmul_(grad, grad, 1 - alpha);

                    Tensor avg;

                    if (centered)
                    {
                        var grad_avg = state.grad_avg;
                        grad_avg.mul_(alpha).add_(grad, 1 - alpha);
                        avg = state.square_avg.clone().addcmul_(grad_avg, grad_avg, -1).sqrt_().add_(eps);
                    }
                    else
                    {
                        avg = state.square_avg.sqrt().add_(eps);
                    }

                    if (momentum > 0)
                    {
                        var buf = state.momentum_buffer;
                        buf.mul_(momentum).addcdiv_(grad, avg);
                        param.add_(buf, -lr);
                    }
                    else
                    {
                        param.addcdiv_(grad, avg, -lr);
                    }
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

        /// <summary>The step count, the running averages and the momentum buffer of one parameter.</summary>
        public sealed class State : OptimizerState, IDisposable
        {
            public long step;
            public Tensor square_avg;
            public Tensor momentum_buffer;
            public Tensor grad_avg;

            public State(Parameter parameter) : base(parameter)
            {
            }

            public void Dispose()
            {
                momentum_buffer?.Dispose();
                square_avg?.Dispose();
                grad_avg?.Dispose();
                momentum_buffer = square_avg = grad_avg = null;
            }

            /// <summary>Move all the state to the indicated device.</summary>
            public override void to(Device device)
            {
                square_avg = square_avg.to(device, disposeAfter: true).DetachFromDisposeScope();
                momentum_buffer = momentum_buffer?.to(device, disposeAfter: true).DetachFromDisposeScope();
                grad_avg = grad_avg?.to(device, disposeAfter: true).DetachFromDisposeScope();
            }

            /// <summary>Load the optimizer parameter state from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                step = reader.ReadInt64();
                StateTensorFormat.LoadInto(square_avg, reader);
                LoadConditionalStateTensor(reader, ref momentum_buffer, _parameter.device);
                LoadConditionalStateTensor(reader, ref grad_avg, _parameter.device);
            }

            /// <summary>Save the optimizer parameter state to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                StateTensorFormat.Save(writer, square_avg);
                SaveConditionalStateTensor(writer, momentum_buffer);
                SaveConditionalStateTensor(writer, grad_avg);
            }

            /// <summary>Load optimizer parameter state from another optimizer (tensors are copied).</summary>
            public override void LoadStateDict(OptimizerState source)
            {
                var st_state = (State)source;
                square_avg?.Dispose();
                grad_avg?.Dispose();
                momentum_buffer?.Dispose();

                step = st_state.step;
                square_avg = StateTensorFormat.CopyOf(st_state.square_avg, _parameter.device);
                grad_avg = StateTensorFormat.CopyOf(st_state.grad_avg, _parameter.device);
                momentum_buffer = StateTensorFormat.CopyOf(st_state.momentum_buffer, _parameter.device);
            }

            /// <summary>Useful for tests, allows comparison of one state with another.</summary>
            public override bool ApproximatelyEquals(OptimizerState other)
            {
                var rhs = other as State;
                return (rhs is not null) && step == rhs.step &&
                    square_avg.allclose(rhs.square_avg) &&
                    StateTensorFormat.Close(grad_avg, rhs.grad_avg) &&
                    StateTensorFormat.Close(momentum_buffer, rhs.momentum_buffer);
            }

            /// <summary>Initialize the values of the state to the initial values.</summary>
            public override void Initialize(OptimizerOptions options)
            {
                Dispose();

                step = 0;
                square_avg = StateTensorFormat.Zeros(_parameter);
                grad_avg = StateTensorFormat.Zeros(_parameter);
                momentum_buffer = StateTensorFormat.Zeros(_parameter);
            }
        }

        /// <summary>Add a param group to the Optimizer's param_groups; options it leaves unset take the optimizer's defaults.</summary>
        public override void add_param_group(Modules.ParamGroup param_group)
        {
            var def = (Options)_defaults;
            param_group.Options ??= new Options();

            var opt = (Options)param_group.Options;

            if (!opt.maximize.HasValue) opt.maximize = def.maximize;
            if (!opt.LearningRate.HasValue) opt.LearningRate = def.LearningRate;
            if (!opt.momentum.HasValue) opt.momentum = def.momentum;
            if (!opt.eps.HasValue) opt.eps = def.eps;
            if (!opt.alpha.HasValue) opt.alpha = def.alpha;
            if (!opt.weight_decay.HasValue) opt.weight_decay = def.weight_decay;
            if (!opt.centered.HasValue) opt.centered = def.centered;

            opt.InitialLearningRate = opt.LearningRate.Value;

            _parameter_groups.Add(param_group);
            InitializeStates(param_group, p => new State(p));
        }

        public class Options : OptimizerOptions
        {
            public bool? maximize;
            public double? momentum;
            public double? alpha;
            public double? eps;
            public double? weight_decay;
            public bool? centered;

            /// <summary>Load optimizer options (param-group hyperparameters) from another optimizer.</summary>
            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var opts = (Options)source;
                maximize = opts.maximize;
                momentum = opts.momentum;
                alpha = opts.alpha;
                weight_decay = opts.weight_decay;
                eps = opts.eps;
                centered = opts.centered;
            }

            /// <summary>Load the optimizer options (param-group hyperparameters) from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                maximize = reader.ReadBoolean();
                momentum = reader.ReadDouble();
                alpha = reader.ReadDouble();
                eps = reader.ReadDouble();
                weight_decay = reader.ReadDouble();
                centered = reader.ReadBoolean();
            }

            /// <summary>Save the optimizer options (param-group hyperparameters) to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(maximize.Value);
                writer.Write(momentum.Value);
                writer.Write(alpha.Value);
                writer.Write(eps.Value);
                writer.Write(weight_decay.Value);
                writer.Write(centered.Value);
            }
        }

        public class ParamGroup : ParamGroup<Options>, IMomentum
        {
            public ParamGroup()
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options)
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double eps = 1E-08, double alpha = 0.99, double weight_decay = 0.0, double momentum = 0.0, bool centered = false)
                : base(parameters, new RMSProp.Options { LearningRate = lr, eps = eps, alpha = alpha, weight_decay = weight_decay, momentum = momentum, centered = centered })
            {
            }

            public double Momentum { get => Options.momentum.Value; set => Options.momentum = value; }
        }

        /// <summary>The default momentum (upstream: changes the defaults for groups added later, not existing groups).</summary>
        public double Momentum { get => ((Options)_defaults).momentum.Value; set => ((Options)_defaults).momentum = value; }
    }
}
