using System.Collections;

namespace TorchSharp.Utils
{
    /// <summary>Element access to a contiguous tensor's memory in row-major order.</summary>
    public sealed class TensorAccessor<T> : IDisposable, IEnumerable<T> where T : unmanaged
    {
        private readonly torch.Tensor _tensor;
        private readonly long[] _strides;

        internal TensorAccessor(torch.Tensor tensor)
        {
            _tensor = tensor.DetachFromDisposeScope();
            var shape = tensor.shape;
            _strides = new long[shape.Length];
            long stride = 1;
            for (var i = shape.Length - 1; i >= 0; i--)
            {
                _strides[i] = stride;
                stride *= shape[i];
            }
            Count = stride;
        }

        /// <summary>The number of elements.</summary>
        public long Count { get; }

        public bool IsReadOnly => false;

        private unsafe Span<T> Span => new Span<T>((void*)_tensor.DataPointer(), checked((int)Count));

        public T this[params long[] indices]
        {
            get => Span[Offset(indices)];
            set => Span[Offset(indices)] = value;
        }

        private int Offset(long[] indices)
        {
            if (indices.Length == 1)
            {
                return checked((int)indices[0]);
            }
            if (indices.Length != _strides.Length)
            {
                throw new ArgumentException($"Expected {_strides.Length} indices, received {indices.Length}.", nameof(indices));
            }
            long offset = 0;
            for (var i = 0; i < indices.Length; i++)
            {
                offset += indices[i] * _strides[i];
            }
            return checked((int)offset);
        }

        public T[] ToArray() => Span.ToArray();

        public void CopyTo(T[] array, int arrayIndex = 0, long tensorIndex = 0L) =>
            Span.Slice(checked((int)tensorIndex), Math.Min(array.Length - arrayIndex, checked((int)(Count - tensorIndex)))).CopyTo(array.AsSpan(arrayIndex));

        public void CopyTo(Span<T> array, int arrayIndex = 0, long tensorIndex = 0L) =>
            Span.Slice(checked((int)tensorIndex), Math.Min(array.Length - arrayIndex, checked((int)(Count - tensorIndex)))).CopyTo(array.Slice(arrayIndex));

        public void CopyFrom(T[] array, int arrayIndex = 0, long tensorIndex = 0L) =>
            array.AsSpan(arrayIndex, Math.Min(array.Length - arrayIndex, checked((int)(Count - tensorIndex)))).CopyTo(Span.Slice(checked((int)tensorIndex)));

        public void CopyFrom(ReadOnlySpan<T> array, int arrayIndex = 0, long tensorIndex = 0L) =>
            array.Slice(arrayIndex, Math.Min(array.Length - arrayIndex, checked((int)(Count - tensorIndex)))).CopyTo(Span.Slice(checked((int)tensorIndex)));

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose() => _tensor.Dispose();
    }
}
