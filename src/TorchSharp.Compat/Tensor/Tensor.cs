using System.Runtime.InteropServices;
using System.Text;
using TorchSharp.Utils;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// A libtorch tensor. Owns one native handle, freed by <see cref="Dispose()"/>, by the dispose scope it was
        /// created in, or (as a safety net) by the finalizer. Using a disposed tensor throws <see cref="ObjectDisposedException"/>.
        /// </summary>
        public partial class Tensor : IDisposable
        {
            private static long _totalCount;
            private static long _peakCount;
            private IntPtr _handle;

            internal Tensor(IntPtr handle)
            {
                _handle = handle;
                var live = Interlocked.Increment(ref _totalCount);
                if (live > Interlocked.Read(ref _peakCount))
                {
                    Interlocked.Exchange(ref _peakCount, live);
                }
                OwningScope = DisposeScope.Current;
                OwningScope?.Register(this);
            }

            ~Tensor() => Dispose(false);

            /// <summary>The number of tensors alive in this process (created and not yet disposed).</summary>
            public static long TotalCount => Interlocked.Read(ref _totalCount);

            /// <summary>The highest value <see cref="TotalCount"/> has reached.</summary>
            public static long PeakCount => Interlocked.Read(ref _peakCount);

            internal DisposeScope OwningScope { get; set; }

            /// <summary>The native handle; throws when the tensor has been disposed.</summary>
            public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Tensor), "The tensor has been disposed.");

            /// <summary>True once the tensor has been disposed.</summary>
            public bool IsInvalid => _handle == IntPtr.Zero;

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
                if (handle == IntPtr.Zero)
                {
                    return;
                }
                rts_free(handle);
                Interlocked.Decrement(ref _totalCount);
                if (disposing)
                {
                    OwningScope?.Forget(this);
                    OwningScope = null;
                }
            }

            /// <summary>Hands the native handle to a new owner; this object becomes invalid without freeing it.</summary>
            internal IntPtr MoveHandle()
            {
                var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
                if (handle == IntPtr.Zero)
                {
                    throw new ObjectDisposedException(nameof(Tensor), "The tensor has been disposed.");
                }
                Interlocked.Decrement(ref _totalCount);
                OwningScope?.Forget(this);
                OwningScope = null;
                GC.SuppressFinalize(this);
                return handle;
            }

            /// <summary>Moves this tensor from its dispose scope to the enclosing one (or out of all scopes).</summary>
            public Tensor MoveToOuterDisposeScope()
            {
                OwningScope?.MoveToOuter(this);
                return this;
            }

            /// <summary>Removes this tensor from its dispose scope: the caller owns it.</summary>
            public Tensor DetachFromDisposeScope()
            {
                OwningScope?.Detach(this);
                return this;
            }

            // ------------------------------------------------------------ properties

            public long dim()
            {
                var d = rts_dim(Handle);
                Check();
                return d;
            }

            public long ndim => dim();

            public long[] shape
            {
                get
                {
                    var result = new long[dim()];
                    unsafe
                    {
                        fixed (long* p = result)
                        {
                            rts_shape(Handle, p);
                        }
                    }
                    Check();
                    return result;
                }
            }

            public long[] size() => shape;

            public long size(int dim)
            {
                var s = shape;
                return s[dim < 0 ? dim + s.Length : dim];
            }

            public long numel()
            {
                var n = rts_numel(Handle);
                Check();
                return n;
            }

            public ScalarType dtype
            {
                get
                {
                    var t = rts_dtype(Handle);
                    Check();
                    return (ScalarType)t;
                }
            }

            public long ElementSize
            {
                get
                {
                    var s = rts_element_size(Handle);
                    Check();
                    return s;
                }
            }

            public Device device => CPU;

            public bool requires_grad
            {
                get
                {
                    var r = rts_requires_grad(Handle);
                    Check();
                    return r != 0;
                }
                set
                {
                    rts_set_requires_grad(Handle, value ? 1 : 0);
                    Check();
                }
            }

            public Tensor requires_grad_(bool requires_grad = true)
            {
                this.requires_grad = requires_grad;
                return this;
            }

            public bool is_leaf
            {
                get
                {
                    var r = rts_is_leaf(Handle);
                    Check();
                    return r != 0;
                }
            }

            /// <summary>The accumulated gradient, or null when none has been computed. Each read returns a new handle that shares storage with the gradient.</summary>
            public Tensor grad
            {
                get
                {
                    var g = rts_grad(Handle);
                    Check();
                    return g == IntPtr.Zero ? null : new Tensor(g);
                }
                set
                {
                    rts_set_grad(Handle, value is null ? IntPtr.Zero : value.Handle);
                    Check();
                }
            }

            public void retain_grad()
            {
                rts_retain_grad(Handle);
                Check();
            }

            public bool is_contiguous()
            {
                var r = rts_is_contiguous(Handle);
                Check();
                return r != 0;
            }

            // ------------------------------------------------------------ autograd

            public void backward()
            {
                rts_backward(Handle, IntPtr.Zero, 0, 0);
                Check();
            }

            public void backward(IList<Tensor> grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor> inputs = null)
            {
                if (inputs is not null)
                {
                    throw new NotSupportedException("backward(inputs: ...) is not supported by this build of TorchSharp.");
                }
                var grad = grad_tensors is { Count: > 0 } ? grad_tensors[0].Handle : IntPtr.Zero;
                rts_backward(Handle, grad, retain_graph ? 1 : 0, create_graph ? 1 : 0);
                Check();
            }

            public Tensor detach() => Wrap(rts_unary(Unary.Detach, Handle));

            public Tensor detach_()
            {
                rts_unary_(Unary.Detach, Handle);
                Check();
                return this;
            }

            public Tensor clone() => Wrap(rts_unary(Unary.Clone, Handle));

            public Tensor contiguous() => Wrap(rts_unary(Unary.Contiguous, Handle));

            public Tensor alias() => Wrap(rts_unary(Unary.Alias, Handle));

            public Tensor cpu() => alias();

            // ------------------------------------------------------------ values

            public T item<T>() where T : unmanaged
            {
                if (numel() != 1)
                {
                    throw new ArgumentException($"item() needs a tensor with one element; this one has {numel()}.");
                }
                // As upstream (item reads through data<T>), T must be the tensor's element type; ToDouble() etc. convert.
                var expected = ElementTypeOf(typeof(T));
                if (dtype != expected)
                {
                    throw new ArgumentException($"item<{typeof(T).Name}>() needs a tensor of type {expected}; this one is {dtype}.");
                }
                object value;
                if (typeof(T) == typeof(float)) value = (float)rts_item_double(Handle);
                else if (typeof(T) == typeof(double)) value = rts_item_double(Handle);
                else if (typeof(T) == typeof(long)) value = rts_item_long(Handle);
                else if (typeof(T) == typeof(int)) value = (int)rts_item_long(Handle);
                else if (typeof(T) == typeof(byte)) value = (byte)rts_item_long(Handle);
                else if (typeof(T) == typeof(bool)) value = rts_item_long(Handle) != 0;
                else throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported.");
                Check();
                return (T)value;
            }

            /// <summary>An accessor over the elements in row-major order; reads and writes go to this tensor's memory when it is contiguous.</summary>
            public TensorAccessor<T> data<T>() where T : unmanaged
            {
                var expected = ElementTypeOf(typeof(T));
                if (dtype != expected)
                {
                    throw new ArgumentException($"data<{typeof(T).Name}>() needs a tensor of type {expected}; this one is {dtype}.");
                }
                return new TensorAccessor<T>(is_contiguous() ? alias() : contiguous());
            }

            internal IntPtr DataPointer()
            {
                var p = rts_data_ptr(Handle);
                Check();
                return p;
            }

            public Span<byte> bytes
            {
                get
                {
                    using var c = contiguous();
                    var n = checked((int)(numel() * ElementSize));
                    var copy = new byte[n];
                    Marshal.Copy(c.DataPointer(), copy, 0, n);
                    return copy;
                }
                set
                {
                    var n = checked((int)(numel() * ElementSize));
                    if (value.Length != n)
                    {
                        throw new ArgumentException($"Expected {n} bytes for a tensor of shape [{string.Join(", ", shape)}] and type {dtype}; received {value.Length}.");
                    }
                    if (!is_contiguous())
                    {
                        throw new InvalidOperationException("bytes can only be written to a contiguous tensor.");
                    }
                    unsafe
                    {
                        value.CopyTo(new Span<byte>((void*)DataPointer(), n));
                    }
                }
            }

            internal static ScalarType ElementTypeOf(Type t)
            {
                if (t == typeof(float)) return ScalarType.Float32;
                if (t == typeof(double)) return ScalarType.Float64;
                if (t == typeof(long)) return ScalarType.Int64;
                if (t == typeof(int)) return ScalarType.Int32;
                if (t == typeof(short)) return ScalarType.Int16;
                if (t == typeof(byte)) return ScalarType.Byte;
                if (t == typeof(sbyte)) return ScalarType.Int8;
                if (t == typeof(bool)) return ScalarType.Bool;
                throw new NotSupportedException($"Element type {t.Name} is not supported.");
            }

            public override string ToString()
            {
                if (IsInvalid)
                {
                    return "Tensor (disposed)";
                }
                var sb = new StringBuilder("[");
                sb.Append(string.Join("x", shape));
                sb.Append("], type = ").Append(dtype).Append(", device = cpu");
                return sb.ToString();
            }

            // ------------------------------------------------------------ serialization

            /// <summary>Writes this tensor with libtorch's own serializer (readable by <see cref="Load(string)"/> and by libtorch's torch::load).</summary>
            public void save(string location)
            {
                rts_save(Handle, location);
                Check();
            }

            public static Tensor Load(string location) => Wrap(rts_load(location));
        }
    }
}
