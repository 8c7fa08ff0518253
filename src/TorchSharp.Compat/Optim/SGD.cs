using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Implements stochastic gradient descent (optionally with momentum).</summary>
            /// <param name="parameters">Parameters to optimize.</param>
            /// <param name="learningRate">Learning rate</param>
            /// <param name="momentum">Momentum factor (default: 0)</param>
            /// <param name="dampening">Dampening for momentum (default: 0)</param>
            /// <param name="weight_decay">Weight decay (L2 penalty) (default: 0)</param>
            /// <param name="nesterov">Enables Nesterov momentum (default: False)</param>
            /// <param name="maximize">Maximize the params based on the objective, instead of minimizing</param>
            public static Modules.SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
            {
                return new Modules.SGD(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
            }

            /// <inheritdoc cref="SGD(IEnumerable{Parameter}, double, double, double, double, bool, bool)"/>
            public static Modules.SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
            {
                return new Modules.SGD(parameters.Select(np => np.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);
            }

            /// <inheritdoc cref="SGD(IEnumerable{Parameter}, double, double, double, double, bool, bool)"/>
            public static Modules.SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double learningRate, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
            {
                return new Modules.SGD(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
            }
        }
    }
}

namespace TorchSharp.Modules
{
    using static torch.optim;

    /// <summary>
    /// Stochastic gradient descent, as TorchSharp implements it (PyTorch 1.13's rule): g ← g + wd·p; with momentum μ, the buffer
    /// b ← g on the first step and b ← μ·b + (1 − dampening)·g afterwards, then g ← g + μ·b (Nesterov) or g ← b; finally
    /// p ← p − lr·g (p ← p + lr·g with <c>maximize</c>, which TorchSharp applies after weight decay and momentum).
    /// </summary>
    public class SGD : OptimizerHelper, IMomentum
    {
        public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
            : this(new ParamGroup[] { new ParamGroup { Parameters = parameters } }, lr, momentum, dampening, weight_decay, nesterov, maximize)
        {
        }

        public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
        {
            if (lr < 0.0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (momentum < 0.0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weight_decay < 0.0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
            if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");

            _defaults = new Options
            {
                LearningRate = lr,
                InitialLearningRate = lr,
                dampening = dampening,
                maximize = maximize,
                momentum = momentum,
                nesterov = nesterov,
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
                var momentum = options.momentum.Value;
                var dampening = options.dampening.Value;
                var weight_decay = options.weight_decay.Value;
                var nesterov = options.nesterov.Value;
                var maximize = options.maximize.Value;
                var lr = options.LearningRate.Value;

                foreach (var param in group.Parameters)
                {
                    var state = (State)_states[param.Handle];

                    var grad = param.grad;

                    if (grad is null) continue;

                    if (weight_decay != 0)
                    {
                        grad = grad.add(param, weight_decay);
                    }

                    if (momentum != 0)
                    {
                        var buf = state.momentum_buffer;

                        if (buf is null)
                        {
                            buf = grad.clone().detach().DetachFromDisposeScope();
                            state.momentum_buffer = buf;
                        }
                        else
                        {
                            buf.mul_(momentum).add_(grad, 1 - dampening);
                        }

                        grad = nesterov ? grad.add(buf, momentum) : buf;
                    }

                    param.add_(grad, maximize ? lr : -lr);
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

        /// <summary>The momentum buffer of one parameter (null until the first step with momentum).</summary>
        public sealed class State : OptimizerState, IDisposable
        {
            public Tensor momentum_buffer;

            public State(Parameter parameter) : base(parameter)
            {
            }

            public void Dispose()
            {
                momentum_buffer?.Dispose();
                momentum_buffer = null;
            }

            /// <summary>Move all the state to the indicated device.</summary>
            public override void to(Device device)
            {
                momentum_buffer = momentum_buffer?.to(device, disposeAfter: true).DetachFromDisposeScope();
            }

            /// <summary>Load the optimizer parameter state from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                LoadConditionalStateTensor(reader, ref momentum_buffer, _parameter.device);
            }

            /// <summary>Save the optimizer parameter state to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                SaveConditionalStateTensor(writer, momentum_buffer);
            }

            /// <summary>Load optimizer parameter state from another optimizer (the buffer is copied).</summary>
            public override void LoadStateDict(OptimizerState source)
            {
                var st_state = (State)source;
                momentum_buffer?.Dispose();
                momentum_buffer = st_state.momentum_buffer?.to(_parameter.device, copy: true).DetachFromDisposeScope();
            }

            /// <summary>Useful for tests, allows comparison of one state with another.</summary>
            public override bool ApproximatelyEquals(OptimizerState other)
            {
                var rhs = other as State;
                return (rhs is not null) && (momentum_buffer is null || momentum_buffer.allclose(rhs.momentum_buffer));
            }

            /// <summary>Initialize the values of the state to the initial values.</summary>
            public override void Initialize(OptimizerOptions options)
            {
                momentum_buffer?.Dispose();
                momentum_buffer = null;
            }
        }

        /// <summary>Add a param group to the Optimizer's param_groups; options it leaves unset take the optimizer's defaults.</summary>
        public override void add_param_group(Modules.ParamGroup param_group)
        {
            var def = (Options)_defaults;
            param_group.Options ??= new Options();

            var opt = (Options)param_group.Options;

            if (!opt.LearningRate.HasValue) opt.LearningRate = def.LearningRate;
            if (!opt.momentum.HasValue) opt.momentum = def.momentum;
            if (!opt.dampening.HasValue) opt.dampening = def.dampening;
            if (!opt.weight_decay.HasValue) opt.weight_decay = def.weight_decay;
            if (!opt.nesterov.HasValue) opt.nesterov = def.nesterov;
            if (!opt.maximize.HasValue) opt.maximize = def.maximize;

            opt.InitialLearningRate = opt.LearningRate.Value;

            _parameter_groups.Add(param_group);
            InitializeStates(param_group, p => new State(p));
        }

        public class Options : OptimizerOptions
        {
            public double? momentum;
            public double? dampening;
            public double? weight_decay;
            public bool? nesterov;
            public bool? maximize;

            /// <summary>Load the optimizer options (param-group hyperparameters) from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                momentum = reader.ReadDouble();
                dampening = reader.ReadDouble();
                weight_decay = reader.ReadDouble();
                nesterov = reader.ReadBoolean();
                maximize = reader.ReadBoolean();
            }

            /// <summary>Load optimizer options (param-group hyperparameters) from another optimizer.</summary>
            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var opts = (Options)source;
                momentum = opts.momentum;
                dampening = opts.dampening;
                weight_decay = opts.weight_decay;
                nesterov = opts.nesterov;
                maximize = opts.maximize;
            }

            /// <summary>Save the optimizer options (param-group hyperparameters) to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(momentum.Value);
                writer.Write(dampening.Value);
                writer.Write(weight_decay.Value);
                writer.Write(nesterov.Value);
                writer.Write(maximize.Value);
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

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
                : base(parameters, new SGD.Options { LearningRate = lr, dampening = dampening, momentum = momentum, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize })
            {
            }

            public double Momentum { get => Options.momentum.Value; set => Options.momentum = value; }
        }

        /// <summary>The default momentum (upstream: changes the defaults for groups added later, not existing groups).</summary>
        public double Momentum { get => ((Options)_defaults).momentum.Value; set => ((Options)_defaults).momentum = value; }
    }
}
