using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class autograd
        {
            /// <summary>
            /// The managed half of a custom function's graph node: the native node (shim.cpp, ManagedNode) holds a
            /// GCHandle to this object, calls <see cref="Backward"/> when the engine reaches it and <see cref="Release"/>
            /// when it is destroyed.
            /// </summary>
            internal sealed class FunctionNode
            {
                [ThreadStatic]
                private static Exception _pendingException;

                private readonly AutogradContext _context;
                private readonly bool[] _isVariable;
                private readonly (long[] Shape, ScalarType Dtype, Device Device)[] _outputs;
                private readonly Func<AutogradContext, List<Tensor>, List<Tensor>> _backward;
                private readonly string _name;

                static unsafe FunctionNode()
                {
                    rts_autograd_callbacks(&Backward, &Release);
                }

                private FunctionNode(string name, AutogradContext context, bool[] isVariable, List<Tensor> outputs, Func<AutogradContext, List<Tensor>, List<Tensor>> backward)
                {
                    _name = name;
                    _context = context;
                    _isVariable = isVariable;
                    _outputs = outputs.Select(o => (o.shape, o.dtype, o.device)).ToArray();
                    _backward = backward;
                }

                /// <summary>The exception a managed backward threw on this thread, once: <see cref="Check"/> rethrows it instead of the native message.</summary>
                internal static Exception TakePendingException()
                {
                    var pending = _pendingException;
                    _pendingException = null;
                    return pending;
                }

                /// <summary>Makes a node for <paramref name="inputs"/> and sets it as the grad_fn of every output.</summary>
                internal static void Attach(string name, AutogradContext context, bool[] isVariable, Tensor[] inputs, List<Tensor> outputs, Func<AutogradContext, List<Tensor>, List<Tensor>> backward)
                {
                    if (outputs is null || outputs.Any(o => o is null))
                    {
                        throw new InvalidOperationException($"{name}.forward returned a null output; every output must be a tensor.");
                    }
                    var state = GCHandle.Alloc(new FunctionNode(name, context, isVariable, outputs, backward));
                    var node = rts_node_new(name, GCHandle.ToIntPtr(state), inputs.Select(t => t.Handle).ToArray(), inputs.Length);
                    if (node == IntPtr.Zero)
                    {
                        state.Free();
                        Check();
                    }
                    try
                    {
                        foreach (var output in outputs)
                        {
                            rts_node_add_output(node, output.Handle);
                            Check();
                        }
                        context.Bind(node);
                    }
                    finally
                    {
                        // From here the outputs' grad_fn own the node; with no output attached it is destroyed now and releases the state.
                        rts_node_free(node);
                    }
                }

                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                private static unsafe int Backward(IntPtr state, IntPtr* grads, int gradCount, IntPtr* results, int resultCount)
                {
                    using var scope = NewDisposeScope();
                    var gradOutputs = new List<Tensor>(gradCount);
                    for (var i = 0; i < gradCount; i++)
                    {
                        gradOutputs.Add(grads[i] == IntPtr.Zero ? null : new Tensor(grads[i]));
                    }
                    try
                    {
                        var node = (FunctionNode)GCHandle.FromIntPtr(state).Target!;
                        var gradients = node.Run(gradOutputs);
                        for (var i = 0; i < resultCount; i++)
                        {
                            results[i] = gradients[i] is { } g ? rts_share(g.Handle) : IntPtr.Zero;
                        }
                        return 0;
                    }
                    catch (Exception e)
                    {
                        _pendingException = e;
                        rts_set_callback_error(e.Message);
                        return 1;
                    }
                }

                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                private static void Release(IntPtr state)
                {
                    var handle = GCHandle.FromIntPtr(state);
                    ((FunctionNode)handle.Target!)._context.Dispose();
                    handle.Free();
                }

                /// <summary>Calls the function's backward and returns one gradient per tensor input, checking the count and positions.</summary>
                private List<Tensor> Run(List<Tensor> gradOutputs)
                {
                    for (var i = 0; i < gradOutputs.Count; i++)
                    {
                        if (gradOutputs[i] is null && _context.MaterializeGrads)
                        {
                            gradOutputs[i] = zeros(_outputs[i].Shape, _outputs[i].Dtype, _outputs[i].Device);
                        }
                    }
                    var returned = _backward(_context, gradOutputs) ?? throw new InvalidOperationException($"{_name}.backward returned null; it must return one gradient (or null) per argument of forward.");
                    if (returned.Count > _isVariable.Length && returned.Skip(_isVariable.Length).All(g => g is null))
                    {
                        returned = returned.Take(_isVariable.Length).ToList();
                    }
                    if (returned.Count != _isVariable.Length)
                    {
                        throw new InvalidOperationException($"{_name}.backward returned {returned.Count} gradients; it must return one per argument of forward ({_isVariable.Length}).");
                    }
                    var gradients = new List<Tensor>();
                    for (var i = 0; i < returned.Count; i++)
                    {
                        if (_isVariable[i])
                        {
                            gradients.Add(returned[i]);
                        }
                        else if (returned[i] is not null)
                        {
                            throw new InvalidOperationException($"{_name}.backward returned a gradient at position {i}, but argument {i} of forward is not a tensor; return null there.");
                        }
                    }
                    return gradients;
                }
            }
        }
    }
}
