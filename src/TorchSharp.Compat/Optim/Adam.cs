using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Implements the Adam algorithm (Kingma and Ba); weight_decay is an L2 penalty added to the gradient.</summary>
            /// <param name="parameters">Parameters to optimize.</param>
            /// <param name="lr">Learning rate</param>
            /// <param name="beta1">First coefficient used for computing running averages of gradient and its square</param>
            /// <param name="beta2">Second coefficient used for computing running averages of gradient and its square</param>
            /// <param name="eps">Term added to the denominator to improve numerical stability</param>
            /// <param name="weight_decay">Weight decay (L2 penalty) (default: 0)</param>
            /// <param name="amsgrad">Whether to use the AMSGrad variant of this algorithm</param>
            /// <param name="maximize">Maximize the params based on the objective, instead of minimizing</param>
            public static Modules.Adam Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
            {
                return new Modules.Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
            }

            /// <inheritdoc cref="Adam(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>
            public static Modules.Adam Adam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
            {
                return new Modules.Adam(parameters.Select(np => np.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
            }

            /// <inheritdoc cref="Adam(IEnumerable{Parameter}, double, double, double, double, double, bool, bool)"/>
            public static Modules.Adam Adam(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
            {
                return new Modules.Adam(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
            }
        }
    }
}

namespace TorchSharp.Modules
{
    using static torch.optim;

    /// <summary>The Adam/AdamW moment update of PyTorch 1.13 (and TorchSharp), shared by <see cref="Adam"/> and <see cref="AdamW"/>.</summary>
    internal static class AdamMath
    {
        internal static void Validate(double lr, double beta1, double beta2, double eps, double weight_decay)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
            if (eps < 0) throw new ArgumentException($"Invalid ε: {eps}");
            if (beta1 < 0 || beta1 >= 1.0) throw new ArgumentException($"Invalid beta1: {beta1}");
            if (beta2 < 0 || beta2 >= 1.0) throw new ArgumentException($"Invalid beta2: {beta2}");
            if (weight_decay < 0.0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        }

        /// <summary>
        /// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; with AMSGrad v̂ ← max(v̂, v) replaces v below;
        /// p ← p − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε). <paramref name="step"/> has already been incremented.
        /// </summary>
        internal static void Update(Parameter param, Tensor grad, long step, Tensor exp_avg, Tensor exp_avg_sq, ref Tensor max_exp_avg_sq,
            double lr, double beta1, double beta2, double eps, bool amsgrad)
        {
            var bias_correction1 = 1 - Math.Pow(beta1, step);
            var bias_correction2 = 1 - Math.Pow(beta2, step);

            exp_avg.mul_(beta1).add_(grad, 1 - beta1);
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);

            Tensor denom;
            if (amsgrad)
            {
                var t0 = max_exp_avg_sq;
                max_exp_avg_sq = (t0 is null ? exp_avg_sq.clone() : t0.maximum(exp_avg_sq)).DetachFromDisposeScope();
                t0?.Dispose();
                denom = (max_exp_avg_sq.sqrt() / Math.Sqrt(bias_correction2)).add_(eps);
            }
            else
            {
                denom = (exp_avg_sq.sqrt() / Math.Sqrt(bias_correction2)).add_(eps);
            }

            var step_size = lr / bias_correction1;
            param.addcdiv_(exp_avg, denom, -step_size);
        }
    }

    /// <summary>
    /// Adam (Kingma and Ba) with PyTorch 1.13's update; weight_decay adds wd·p to the gradient (coupled L2); with maximize the
    /// gradient is negated first.
    /// </summary>
    public class Adam : OptimizerHelper, IBetas
    {
        public Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
            : this(new ParamGroup[] { new ParamGroup { Parameters = parameters } }, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
        {
        }

        public Adam(IEnumerable<ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
        {
            AdamMath.Validate(lr, beta1, beta2, eps, weight_decay);

            _defaults = new Options
            {
                LearningRate = lr,
                InitialLearningRate = lr,
                beta1 = beta1,
                beta2 = beta2,
                maximize = maximize,
                eps = eps,
                amsgrad = amsgrad,
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
                var beta1 = options.beta1.Value;
                var beta2 = options.beta2.Value;
                var weight_decay = options.weight_decay.Value;
                var amsgrad = options.amsgrad.Value;
                var maximize = options.maximize.Value;
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

                    AdamMath.Update(param, grad, state.step, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq, lr, beta1, beta2, eps, amsgrad);
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

        /// <summary>The step count and moment estimates of one parameter.</summary>
        public sealed class State : OptimizerState, IDisposable
        {
            public long step;
            public Tensor exp_avg;
            public Tensor exp_avg_sq;
            public Tensor max_exp_avg_sq;

            public State(Parameter parameter) : base(parameter)
            {
            }

            public void Dispose()
            {
                exp_avg?.Dispose();
                exp_avg_sq?.Dispose();
                max_exp_avg_sq?.Dispose();
                exp_avg = exp_avg_sq = max_exp_avg_sq = null;
            }

            /// <summary>Move all the state to the indicated device.</summary>
            public override void to(Device device)
            {
                exp_avg = exp_avg.to(device, disposeAfter: true).DetachFromDisposeScope();
                exp_avg_sq = exp_avg_sq.to(device, disposeAfter: true).DetachFromDisposeScope();
                max_exp_avg_sq = max_exp_avg_sq?.to(device, disposeAfter: true).DetachFromDisposeScope();
            }

            /// <summary>Load the optimizer parameter state from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                step = reader.ReadInt64();
                StateTensorFormat.LoadInto(exp_avg, reader);
                StateTensorFormat.LoadInto(exp_avg_sq, reader);
                LoadConditionalStateTensor(reader, ref max_exp_avg_sq, _parameter.device);
            }

            /// <summary>Save the optimizer parameter state to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                StateTensorFormat.Save(writer, exp_avg);
                StateTensorFormat.Save(writer, exp_avg_sq);
                SaveConditionalStateTensor(writer, max_exp_avg_sq);
            }

            /// <summary>Load optimizer parameter state from another optimizer (tensors are copied).</summary>
            public override void LoadStateDict(OptimizerState source)
            {
                var st_state = (State)source;
                exp_avg?.Dispose();
                exp_avg_sq?.Dispose();
                max_exp_avg_sq?.Dispose();

                step = st_state.step;
                exp_avg = StateTensorFormat.CopyOf(st_state.exp_avg, _parameter.device);
                exp_avg_sq = StateTensorFormat.CopyOf(st_state.exp_avg_sq, _parameter.device);
                max_exp_avg_sq = StateTensorFormat.CopyOf(st_state.max_exp_avg_sq, _parameter.device);
            }

            /// <summary>Useful for tests, allows comparison of one state with another.</summary>
            public override bool ApproximatelyEquals(OptimizerState other)
            {
                var rhs = other as State;
                return (rhs is not null) && step == rhs.step &&
                    exp_avg.allclose(rhs.exp_avg) &&
                    exp_avg_sq.allclose(rhs.exp_avg_sq) &&
                    (max_exp_avg_sq is null || StateTensorFormat.Close(max_exp_avg_sq, rhs.max_exp_avg_sq));
            }

            /// <summary>Initialize the values of the state to the initial values.</summary>
            public override void Initialize(OptimizerOptions options)
            {
                Dispose();

                step = 0;
                exp_avg = StateTensorFormat.Zeros(_parameter);
                exp_avg_sq = StateTensorFormat.Zeros(_parameter);
                max_exp_avg_sq = ((Options)options).amsgrad.Value ? StateTensorFormat.Zeros(_parameter) : null;
            }
        }

        /// <summary>Add a param group to the Optimizer's param_groups; options it leaves unset take the optimizer's defaults.</summary>
        public override void add_param_group(Modules.ParamGroup param_group)
        {
            var def = (Options)_defaults;
            param_group.Options ??= new Options();

            var opt = (Options)param_group.Options;

            if (!opt.LearningRate.HasValue) opt.LearningRate = def.LearningRate;
            if (!opt.beta1.HasValue) opt.beta1 = def.beta1;
            if (!opt.beta2.HasValue) opt.beta2 = def.beta2;
            if (!opt.eps.HasValue) opt.eps = def.eps;
            if (!opt.weight_decay.HasValue) opt.weight_decay = def.weight_decay;
            if (!opt.amsgrad.HasValue) opt.amsgrad = def.amsgrad;
            if (!opt.maximize.HasValue) opt.maximize = def.maximize;

            opt.InitialLearningRate = opt.LearningRate.Value;

            _parameter_groups.Add(param_group);
            InitializeStates(param_group, p => new State(p));
        }

        public class Options : OptimizerOptions
        {
            public double? beta1;
            public double? beta2;
            public double? weight_decay;
            public double? eps;
            public bool? amsgrad;
            public bool? maximize;

            /// <summary>Load optimizer options (param-group hyperparameters) from another optimizer.</summary>
            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var opts = (Options)source;
                beta1 = opts.beta1;
                beta2 = opts.beta2;
                eps = opts.eps;
                weight_decay = opts.weight_decay;
                amsgrad = opts.amsgrad;
                maximize = opts.maximize;
            }

            /// <summary>Load the optimizer options (param-group hyperparameters) from a stream.</summary>
            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                beta1 = reader.ReadDouble();
                beta2 = reader.ReadDouble();
                eps = reader.ReadDouble();
                weight_decay = reader.ReadDouble();
                amsgrad = reader.ReadBoolean();
                maximize = reader.ReadBoolean();
            }

            /// <summary>Save the optimizer options (param-group hyperparameters) to a stream.</summary>
            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(beta1.Value);
                writer.Write(beta2.Value);
                writer.Write(eps.Value);
                writer.Write(weight_decay.Value);
                writer.Write(amsgrad.Value);
                writer.Write(maximize.Value);
            }
        }

        public class ParamGroup : ParamGroup<Options>, IBetas
        {
            public ParamGroup()
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, Options options) : base(parameters, options)
            {
            }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
                : base(parameters, new Adam.Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize })
            {
            }

            public (double, double) Betas
            {
                get => (Options.beta1.Value, Options.beta2.Value);
                set { Options.beta1 = value.Item1; Options.beta2 = value.Item2; }
            }
        }

        /// <summary>The default betas (upstream: changes the defaults for groups added later, not existing groups).</summary>
        public (double, double) Betas
        {
            get => (((Options)_defaults).beta1.Value, ((Options)_defaults).beta2.Value);
            set { ((Options)_defaults).beta1 = value.Item1; ((Options)_defaults).beta2 = value.Item2; }
        }
    }
}
