using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class autograd
        {
            /// <summary>
            /// What a custom <see cref="Function{T}"/>'s forward leaves for its backward: tensors (checked, when
            /// unpacked, against in-place modification since they were saved) and other values by key.
            /// </summary>
            public class AutogradContext : IDisposable
            {
                private readonly Dictionary<string, object> _data = new();
                private List<Tensor> _toSave = new();
                private int _savedCount;
                private IntPtr _node;

                internal AutogradContext()
                {
                }

                /// <summary>
                /// Whether an undefined output gradient reaches backward as zeros (true, the default) or as null.
                /// </summary>
                public bool MaterializeGrads { get; private set; } = true;

                /// <summary>Saves tensors for backward; call at most once, in forward.</summary>
                public void save_for_backward(List<Tensor> tensors) => _toSave = tensors?.ToList() ?? throw new ArgumentNullException(nameof(tensors));

                /// <summary>Saves a value that is not a tensor for backward.</summary>
                public void save_data(string key, object value)
                {
                    ArgumentNullException.ThrowIfNull(key);
                    if (value is Tensor)
                    {
                        throw new ArgumentException($"save_data stores values that are not tensors; save tensors with save_for_backward. Received a Tensor for key '{key}'.", nameof(value));
                    }
                    _data[key] = value;
                }

                /// <summary>A value saved by <see cref="save_data"/>, or null when there is none under <paramref name="key"/>.</summary>
                public object get_data(string key) => _data.TryGetValue(key, out var value) ? value : null;

                /// <summary>Sets <see cref="MaterializeGrads"/>.</summary>
                public void set_materialize_grads(bool value) => MaterializeGrads = value;

                /// <summary>
                /// The tensors saved by <see cref="save_for_backward"/>, in order; throws libtorch's error when one was
                /// modified in place after it was saved or the graph has already been freed by a backward pass.
                /// </summary>
                public List<Tensor> get_saved_variables()
                {
                    if (_node == IntPtr.Zero)
                    {
                        throw new InvalidOperationException("get_saved_variables is available during backward only: this context's node is not in a graph, or has been freed.");
                    }
                    var handles = new IntPtr[_savedCount];
                    rts_node_saved(_node, handles, handles.Length);
                    Check();
                    return handles.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToList();
                }

                /// <summary>
                /// Hands the tensors saved in forward to the native node (which holds them from then on) and binds the
                /// context to the node, whose raw pointer stays valid until the node reports its release.
                /// </summary>
                internal void Bind(IntPtr nodeHandle)
                {
                    var handles = _toSave.Select(t => t?.Handle ?? IntPtr.Zero).ToArray();
                    rts_node_save(nodeHandle, handles, handles.Length);
                    Check();
                    _savedCount = handles.Length;
                    _toSave = new List<Tensor>();
                    _node = rts_node_raw(nodeHandle);
                }

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing)
                {
                    _node = IntPtr.Zero;
                    _toSave = new List<Tensor>();
                    _data.Clear();
                }
            }
        }
    }
}
