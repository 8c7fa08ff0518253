using System.Runtime.InteropServices;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class autograd
        {
            /// <summary>
            /// A custom differentiable operation: <see cref="apply_internal"/> runs the subclass's forward without recording
            /// gradients and, when grad mode is on and an input requires grad, attaches a graph node whose backward calls
            /// the subclass's backward. One instance of <typeparamref name="T"/> serves every call, so per-call state
            /// belongs in the <see cref="AutogradContext"/>.
            /// </summary>
            public abstract class Function<T> where T : Function<T>, new()
            {
                internal static T Instance { get; } = new();

                protected Function()
                {
                }

                /// <summary>The node's name in the graph (what <c>grad_fn</c> reports).</summary>
                public abstract string Name { get; }

                /// <summary>
                /// Runs forward on <paramref name="vars"/>. Every argument that is a <see cref="Tensor"/> is an input of
                /// the node; backward returns one gradient per argument, null where the argument is not a tensor or has
                /// no gradient.
                /// </summary>
                public static List<Tensor> apply_internal(params object[] vars)
                {
                    ArgumentNullException.ThrowIfNull(vars);
                    var isVariable = vars.Select(v => v is Tensor).ToArray();
                    var inputs = vars.OfType<Tensor>().ToArray();
                    var executable = is_grad_enabled() && inputs.Any(t => t.requires_grad);
                    var ctx = new AutogradContext();
                    List<Tensor> outputs;
                    using (no_grad())
                    {
                        outputs = Instance.forward_internal(ctx, vars);
                    }
                    if (!executable)
                    {
                        ctx.Dispose();
                        return outputs;
                    }
                    FunctionNode.Attach(Instance.Name, ctx, isVariable, inputs, outputs, Instance.backward_internal);
                    return outputs;
                }

                internal abstract List<Tensor> forward_internal(AutogradContext ctx, params object[] vars);

                internal abstract List<Tensor> backward_internal(AutogradContext ctx, List<Tensor> grad_outputs);
            }

            /// <summary>A custom operation with one output (see <see cref="Function{T}"/>).</summary>
            public abstract class SingleTensorFunction<T> : Function<T> where T : SingleTensorFunction<T>, new()
            {
                protected SingleTensorFunction()
                {
                }

                /// <summary>Runs forward on <paramref name="vars"/> and returns its output, attached to the graph.</summary>
                public static Tensor apply(params object[] vars) => apply_internal(vars)[0];

                /// <summary>Computes the output from <paramref name="vars"/>; runs with gradient recording off.</summary>
                public abstract Tensor forward(AutogradContext ctx, params object[] vars);

                /// <summary>
                /// The gradient of the output with respect to each argument of forward, given the output's gradient;
                /// runs with gradient recording on only under <c>create_graph</c>.
                /// </summary>
                public abstract List<Tensor> backward(AutogradContext ctx, Tensor grad_output);

                internal sealed override List<Tensor> forward_internal(AutogradContext ctx, params object[] vars)
                {
                    var output = forward(ctx, vars) ?? throw new InvalidOperationException($"{Name}.forward returned null; it must return a tensor.");
                    return new List<Tensor> { output };
                }

                internal sealed override List<Tensor> backward_internal(AutogradContext ctx, List<Tensor> grad_outputs) => backward(ctx, grad_outputs[0]);
            }
        }
    }
}
