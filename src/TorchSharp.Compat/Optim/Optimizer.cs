using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Anything with a learning rate a scheduler can change.</summary>
            public interface ILearningRateController
            {
                double InitialLearningRate { get; set; }

                double LearningRate { get; set; }
            }

            /// <summary>Optimizers with a momentum coefficient.</summary>
            public interface IMomentum
            {
                double Momentum { get; set; }
            }

            /// <summary>Optimizers with Adam's (β₁, β₂).</summary>
            public interface IBetas
            {
                (double, double) Betas { get; set; }
            }

            /// <summary>Base of every optimizer: parameter groups, a step, and gradient clearing.</summary>
            public abstract class Optimizer : IDisposable
            {
                internal Optimizer()
                {
                }

                protected IList<ParamGroup> _parameter_groups = new List<ParamGroup>();

                public virtual IEnumerable<ILearningRateController> ParamGroups => _parameter_groups;

                public virtual IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.Parameters);

                public virtual void add_param_group(ParamGroup param_group) => _parameter_groups.Add(param_group);

                /// <summary>Sets every parameter's gradient to none.</summary>
                public virtual void zero_grad()
                {
                    foreach (var p in parameters())
                    {
                        p.grad = null;
                    }
                }

                public virtual Tensor step(Func<Tensor> closure = null) => closure?.Invoke();

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing)
                {
                }
            }
        }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>A group of parameters sharing a learning rate.</summary>
    public class ParamGroup : torch.optim.ILearningRateController
    {
        public ParamGroup()
        {
        }

        public double InitialLearningRate { get; set; }

        public double LearningRate { get; set; }

        public OptimizerOptions Options { get; set; } = new OptimizerOptions();

        public IEnumerable<Parameter> Parameters { get; set; } = Array.Empty<Parameter>();
    }

    /// <summary>Options shared by every optimizer.</summary>
    public class OptimizerOptions
    {
        public OptimizerOptions()
        {
        }

        public double InitialLearningRate { get; set; }

        public double? LearningRate { get; set; }
    }
}
