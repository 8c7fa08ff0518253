using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// A vector of logical length <see cref="Length"/>, dense (every value stored) or sparse (the explicitly stored
    /// values with their increasing indices; the others are <c>default(T)</c>). Buffers are reused across rows, so a
    /// getter may overwrite the arrays a previous value used.
    /// </summary>
    public readonly struct VBuffer<T> : IEnumerable
    {
        private readonly int _count;
        private readonly T[] _values;
        private readonly int[] _indices;

        /// <summary>The logical length.</summary>
        public readonly int Length;

        public VBuffer(int length, T[] values, int[] indices = null)
            : this(length, length, values, indices)
        {
        }

        public VBuffer(int length, int count, T[] values, int[] indices)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "length must be non-negative.");
            }
            if (count < 0 || count > length || (count > 0 && (values == null || values.Length < count)))
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be in [0, {length}] and not exceed the values' length.");
            }
            if (count < length && count > 0 && (indices == null || indices.Length < count))
            {
                throw new ArgumentException("A sparse buffer needs at least count indices.", nameof(indices));
            }
            Length = length;
            _count = count;
            _values = values;
            _indices = indices;
        }

        /// <summary>Whether every value is stored explicitly.</summary>
        public bool IsDense => _count == Length;

        /// <summary>The stored values (all of them when dense).</summary>
        public ReadOnlySpan<T> GetValues() => _values == null ? ReadOnlySpan<T>.Empty : _values.AsSpan(0, _count);

        /// <summary>The stored values' indices; empty when dense.</summary>
        public ReadOnlySpan<int> GetIndices() => IsDense || _indices == null ? ReadOnlySpan<int>.Empty : _indices.AsSpan(0, _count);

        /// <summary>Every logical value in order, <c>default(T)</c> where none is stored.</summary>
        public IEnumerable<T> DenseValues()
        {
            var values = _values;
            var indices = _indices;
            if (IsDense)
            {
                for (var i = 0; i < Length; i++)
                {
                    yield return values[i];
                }
                yield break;
            }
            var next = 0;
            for (var i = 0; i < Length; i++)
            {
                if (next < _count && indices[next] == i)
                {
                    yield return values[next++];
                }
                else
                {
                    yield return default;
                }
            }
        }

        /// <summary>The value at a logical index.</summary>
        public T GetItemOrDefault(int index)
        {
            if (index < 0 || index >= Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Length}).");
            }
            if (IsDense)
            {
                return _values[index];
            }
            var position = Array.BinarySearch(_indices, 0, _count, index);
            return position >= 0 ? _values[position] : default;
        }

        public void GetItemOrDefault(int index, ref T destination) => destination = GetItemOrDefault(index);

        /// <summary>Writes every logical value into <paramref name="destination"/>.</summary>
        public void CopyTo(Span<T> destination)
        {
            if (destination.Length < Length)
            {
                throw new ArgumentException($"destination has {destination.Length} elements; {Length} are needed.", nameof(destination));
            }
            if (IsDense)
            {
                GetValues().CopyTo(destination);
                return;
            }
            destination.Slice(0, Length).Clear();
            var values = GetValues();
            var indices = GetIndices();
            for (var k = 0; k < values.Length; k++)
            {
                destination[indices[k]] = values[k];
            }
        }

        /// <summary>Copies this buffer into <paramref name="destination"/>, reusing its arrays when they are large enough.</summary>
        public void CopyTo(ref VBuffer<T> destination)
        {
            var editor = VBufferEditor.Create(ref destination, Length, _count, requireIndicesOnDense: false);
            GetValues().CopyTo(editor.Values);
            if (!IsDense)
            {
                GetIndices().CopyTo(editor.Indices);
            }
            destination = editor.Commit();
        }

        /// <summary>Copies this buffer into <paramref name="destination"/> as a dense buffer.</summary>
        public void CopyToDense(ref VBuffer<T> destination)
        {
            var editor = VBufferEditor.Create(ref destination, Length);
            CopyTo(editor.Values);
            destination = editor.Commit();
        }

        /// <summary>Copies <paramref name="length"/> values of <paramref name="source"/> from <paramref name="sourceIndex"/> into a dense buffer.</summary>
        public static void Copy(T[] source, int sourceIndex, ref VBuffer<T> destination, int length)
        {
            var editor = VBufferEditor.Create(ref destination, length);
            source.AsSpan(sourceIndex, length).CopyTo(editor.Values);
            destination = editor.Commit();
        }

        /// <summary>The (index, value) pairs: the stored ones, or every logical one when <paramref name="all"/>.</summary>
        public IEnumerable<KeyValuePair<int, T>> Items(bool all = false)
        {
            if (all || IsDense)
            {
                var i = 0;
                foreach (var value in DenseValues())
                {
                    yield return new KeyValuePair<int, T>(i++, value);
                }
                yield break;
            }
            for (var k = 0; k < _count; k++)
            {
                yield return new KeyValuePair<int, T>(_indices[k], _values[k]);
            }
        }

        public IEnumerator GetEnumerator() => DenseValues().GetEnumerator();

        internal T[] Values => _values;

        internal int[] Indices => _indices;

        public override string ToString() => IsDense ? $"Dense vector of size {Length}" : $"Sparse vector of size {Length}, {_count} explicit values";
    }
}
