using System;

namespace Microsoft.ML.Data
{
    /// <summary>Creates editors that fill a <see cref="VBuffer{T}"/> in place, reusing its arrays when they are large enough.</summary>
    public static class VBufferEditor
    {
        public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int newLogicalLength, int? valuesCount = null, int? maxValuesCapacity = null, bool keepOldOnResize = false, bool requireIndicesOnDense = false)
        {
            var count = valuesCount ?? newLogicalLength;
            if (newLogicalLength < 0 || count < 0 || count > newLogicalLength)
            {
                throw new ArgumentOutOfRangeException(nameof(valuesCount), count, $"valuesCount must be in [0, {newLogicalLength}].");
            }
            var values = destination.Values;
            var createdValues = false;
            if (values == null || values.Length < count)
            {
                var fresh = new T[Math.Max(count, Math.Min(maxValuesCapacity ?? count, newLogicalLength))];
                if (keepOldOnResize && values != null)
                {
                    Array.Copy(values, fresh, values.Length);
                }
                values = fresh;
                createdValues = true;
            }
            var indices = destination.Indices;
            var createdIndices = false;
            if ((count < newLogicalLength || requireIndicesOnDense) && (indices == null || indices.Length < count))
            {
                var fresh = new int[Math.Max(count, 1)];
                if (keepOldOnResize && indices != null)
                {
                    Array.Copy(indices, fresh, indices.Length);
                }
                indices = fresh;
                createdIndices = true;
            }
            return new VBufferEditor<T>(newLogicalLength, count, values, indices, createdValues, createdIndices);
        }

        public static VBufferEditor<T> CreateFromBuffer<T>(ref VBuffer<T> destination) =>
            new VBufferEditor<T>(destination.Length, destination.GetValues().Length, destination.Values, destination.Indices, false, false);
    }

    /// <summary>Writable views of a buffer's values and indices; <see cref="Commit"/> produces the buffer.</summary>
    public readonly ref struct VBufferEditor<T>
    {
        private readonly int _length;
        private readonly T[] _values;
        private readonly int[] _indices;

        public readonly Span<T> Values;

        public readonly Span<int> Indices;

        internal VBufferEditor(int length, int count, T[] values, int[] indices, bool createdNewValues, bool createdNewIndices)
        {
            _length = length;
            _values = values;
            _indices = indices;
            Values = values.AsSpan(0, count);
            Indices = indices == null ? Span<int>.Empty : indices.AsSpan(0, Math.Min(count, indices.Length));
            CreatedNewValues = createdNewValues;
            CreatedNewIndices = createdNewIndices;
        }

        public bool CreatedNewValues { get; }

        public bool CreatedNewIndices { get; }

        public VBuffer<T> Commit() => new VBuffer<T>(_length, Values.Length, _values, _indices);

        public VBuffer<T> CommitTruncated(int physicalValuesCount) => new VBuffer<T>(_length, physicalValuesCount, _values, _indices);
    }
}
