using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            private unsafe delegate IntPtr Shaper(IntPtr t, long* shape, int n);

            private unsafe Tensor Shape(Shaper f, long[] shape)
            {
                fixed (long* p = shape)
                {
                    return Wrap(f(Handle, p, shape.Length));
                }
            }

            public unsafe Tensor reshape(params long[] shape) => Shape(rts_reshape, shape);
            public unsafe Tensor view(params long[] shape) => Shape(rts_view, shape);

            public unsafe Tensor expand(long[] sizes, bool isImplicit = false)
            {
                fixed (long* p = sizes)
                {
                    return Wrap(rts_expand(Handle, p, sizes.Length, isImplicit ? 1 : 0));
                }
            }

            public Tensor expand(params long[] sizes) => expand(sizes, false);
            public Tensor expand_as(Tensor other) => expand(other.shape, false);
            public Tensor flatten(long start_dim = 0L, long end_dim = -1L) => Wrap(rts_flatten(Handle, start_dim, end_dim));
            public Tensor unsqueeze(long dim) => Wrap(rts_unsqueeze(Handle, dim));
            public Tensor squeeze(long? dim = null) => Wrap(rts_squeeze(Handle, dim.HasValue ? 1 : 0, dim ?? 0));
            public Tensor transpose(long dim0, long dim1) => Wrap(rts_transpose(Handle, dim0, dim1));
            public Tensor narrow(long dim, long start, long length) => Wrap(rts_narrow(Handle, dim, start, length));
            public Tensor slice(long dim, long start, long finish, long step) => Wrap(rts_slice(Handle, dim, start, finish, step));
            public Tensor index_select(long dim, Tensor index) => Wrap(rts_index_select(Handle, dim, index.Handle));
            public Tensor gather(long dim, Tensor index) => Wrap(rts_gather(Handle, dim, index.Handle));

            public unsafe Tensor[] split(long[] sizes, long dim = 0L) => Split(sizes, dim, 0);
            public Tensor[] split(long size, int dim = 0) => Split(new[] { size }, dim, 0);
            public Tensor[] chunk(long chunks, long dim = 0L) => Split(Array.Empty<long>(), dim, checked((int)chunks));

            private unsafe Tensor[] Split(long[] sizes, long dim, int chunks)
            {
                var capacity = chunks > 0 ? chunks : (int)Math.Max(1, sizes.Length == 1 ? (size((int)dim) + sizes[0] - 1) / Math.Max(1, sizes[0]) : sizes.Length);
                var output = new IntPtr[capacity];
                int count;
                fixed (long* p = sizes)
                {
                    count = rts_split(Handle, p, sizes.Length, dim, chunks, output, capacity);
                }
                Check();
                return output.Take(Math.Min(count, capacity)).Select(h => new Tensor(h)).ToArray();
            }

            // ------------------------------------------------------------ indexers

            public Tensor this[long i1]
            {
                get => Wrap(rts_select(Handle, 0, i1));
                set
                {
                    using var view = this[i1];
                    view.copy_(value);
                }
            }

            public Tensor this[long i1, long i2]
            {
                get
                {
                    using var row = this[i1];
                    return Wrap(rts_select(row.Handle, 0, i2));
                }
                set
                {
                    using var view = this[i1, i2];
                    view.copy_(value);
                }
            }

            /// <summary>Advanced indexing with one index tensor per leading dimension (a boolean mask or integer indices).</summary>
            public Tensor this[params Tensor[] indices]
            {
                get => Wrap(rts_index(Handle, indices.Select(t => t.Handle).ToArray(), indices.Length));
                set
                {
                    rts_index_put_(Handle, indices.Select(t => t.Handle).ToArray(), indices.Length, value.Handle);
                    Check();
                }
            }
        }
    }
}
