using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>
            /// Base class for all optimizers. Upstream wraps native optimizers here; every optimizer of this subset is managed
            /// (see <see cref="OptimizerHelper"/>), so no native handle is ever held.
            /// </summary>
            public abstract partial class Optimizer : IDisposable
            {
                /// <summary>Upstream's constructor for native optimizers; only <see cref="IntPtr.Zero"/> (a managed optimizer) is supported here.</summary>
                protected Optimizer(IntPtr handle)
                {
                    if (handle != IntPtr.Zero)
                    {
                        throw new NotSupportedException("Native optimizers are not available in this TorchSharp subset; derive from OptimizerHelper.");
                    }
                }

                ~Optimizer()
                {
                    Dispose(false);
                }

                /// <summary>Releases the optimizer's state.</summary>
                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Implements the .NET Dispose pattern.</summary>
                protected virtual void Dispose(bool disposing)
                {
                }

                /// <summary>Sets the gradients of all parameters to zero (in place; a parameter without a gradient keeps none).</summary>
                public virtual void zero_grad()
                {
                    foreach (var p in parameters())
                    {
                        using var grad = p.grad;
                        _ = grad?.zero_();
                    }
                }

                /// <summary>
                /// Add a param group to the Optimizer's param_groups. Upstream's base implementation drives a native
                /// optimizer; every optimizer of this subset is managed and overrides it (<see cref="OptimizerHelper"/>).
                /// </summary>
                /// <exception cref="NotSupportedException">Always: a subclass must override it.</exception>
                public virtual void add_param_group(ParamGroup param_group) => throw NativeOnly(nameof(add_param_group));

                /// <summary>
                /// Performs a single optimization step (parameter update). Upstream's base implementation steps a native
                /// optimizer; every optimizer of this subset overrides it.
                /// </summary>
                /// <param name="closure">A closure that reevaluates the model and returns the loss. Optional for most optimizers.</param>
                /// <exception cref="NotSupportedException">Always: a subclass must override it.</exception>
                public virtual Tensor step(Func<Tensor> closure = null) => throw NativeOnly(nameof(step));

                private NotSupportedException NativeOnly(string member) =>
                    new NotSupportedException($"{GetType().Name}.{member}: native optimizers are not available in this TorchSharp subset; derive from OptimizerHelper and override {member}.");

                /// <summary>Get the parameters that the optimizer is handling.</summary>
                public virtual IEnumerable<Parameter> parameters() =>
                    _parameter_groups is null ? Enumerable.Empty<Parameter>() : _parameter_groups.SelectMany(pg => pg.Parameters);

                /// <summary>
                /// The optimizer state as TorchSharp represents it: the options of each parameter group and the state of each
                /// parameter, in parameter-group order. As upstream, the entries are the optimizer's live objects, not copies.
                /// </summary>
                public class StateDictionary
                {
                    internal StateDictionary()
                    {
                        Options = new List<OptimizerOptions>();
                        State = new List<OptimizerState>();
                        StateIndexRef = new List<List<int>>();
                    }

                    public List<OptimizerOptions> Options { get; private set; }

                    public List<OptimizerState> State { get; private set; }

                    public List<List<int>> StateIndexRef { get; private set; }
                }

                public virtual IEnumerable<ILearningRateController> ParamGroups
                {
                    get => _parameter_groups;
                }

                protected IList<ParamGroup> _parameter_groups;
            }

            /// <summary>Used by learning-rate schedulers to read and control the rates of optimizers.</summary>
            public interface ILearningRateController
            {
                /// <summary>The current learning rate.</summary>
                double LearningRate { set; get; }

                /// <summary>The initial learning rate.</summary>
                double InitialLearningRate { set; get; }
            }

            /// <summary>Optimizers with a momentum coefficient, which some schedulers require.</summary>
            public interface IMomentum
            {
                double Momentum { get; set; }
            }

            /// <summary>Optimizers with Adam's (β₁, β₂) instead of momentum.</summary>
            public interface IBetas
            {
                (double, double) Betas { get; set; }
            }
        }
    }
}
