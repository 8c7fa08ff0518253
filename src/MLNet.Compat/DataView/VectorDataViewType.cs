using System;
using System.Collections.Immutable;
using System.Linq;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// A vector of <see cref="ItemType"/> values, read as <see cref="VBuffer{T}"/>. <see cref="Size"/> is the product of
    /// the dimensions, or 0 when the length varies from row to row.
    /// </summary>
    public sealed class VectorDataViewType : StructuredDataViewType
    {
        public VectorDataViewType(PrimitiveDataViewType itemType, int size = 0)
            : this(itemType, ImmutableArray.Create(size >= 0 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "size must be 0 (unknown) or positive.")))
        {
        }

        public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
            : this(itemType, ImmutableArray.Create(dimensions ?? throw new ArgumentNullException(nameof(dimensions))))
        {
        }

        public VectorDataViewType(PrimitiveDataViewType itemType, ImmutableArray<int> dimensions)
            : base(typeof(VBuffer<>).MakeGenericType((itemType ?? throw new ArgumentNullException(nameof(itemType))).RawType))
        {
            if (dimensions.IsDefaultOrEmpty || dimensions.Any(d => d < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(dimensions), "dimensions must be non-empty and non-negative.");
            }
            ItemType = itemType;
            Dimensions = dimensions;
            Size = dimensions.Any(d => d == 0) ? 0 : dimensions.Aggregate(1, (a, d) => checked(a * d));
        }

        public PrimitiveDataViewType ItemType { get; }

        public ImmutableArray<int> Dimensions { get; }

        public int Size { get; }

        public bool IsKnownSize => Size > 0;

        public override bool Equals(DataViewType other) =>
            other is VectorDataViewType vector && vector.ItemType.Equals(ItemType) && vector.Dimensions.SequenceEqual(Dimensions);

        public override bool Equals(object other) => other is DataViewType type && Equals(type);

        public override int GetHashCode() => Dimensions.Aggregate(ItemType.GetHashCode(), HashCode.Combine);

        public override string ToString() =>
            Size == 0 && Dimensions.Length == 1 ? $"Vector<{ItemType}>" : $"Vector<{ItemType}, {string.Join(", ", Dimensions)}>";
    }
}
