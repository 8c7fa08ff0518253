using System;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// A key: an unsigned integer naming one of <see cref="Count"/> categories. Values are 1-based (1..Count); 0 means
    /// missing. The category names usually travel in the column's <c>KeyValues</c> annotation.
    /// </summary>
    public sealed class KeyDataViewType : PrimitiveDataViewType
    {
        public KeyDataViewType(Type type, ulong count) : base(type)
        {
            if (!IsValidDataType(type))
            {
                throw new ArgumentException($"Type '{type}' cannot be a key type: it must be byte, ushort, uint or ulong.", nameof(type));
            }
            if (count == 0 || count > MaxCount(type))
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and {MaxCount(type)} for {type.Name} keys.");
            }
            Count = count;
        }

        public KeyDataViewType(Type type, int count) : this(type, count > 0 ? (ulong)count : throw new ArgumentOutOfRangeException(nameof(count), count, "count must be positive."))
        {
        }

        /// <summary>The number of categories; valid keys are 1..Count.</summary>
        public ulong Count { get; }

        /// <summary>Whether <paramref name="type"/> can back a key: byte, ushort, uint or ulong.</summary>
        public static bool IsValidDataType(Type type) =>
            type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

        public override bool Equals(DataViewType other) => other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

        public override bool Equals(object other) => other is DataViewType type && Equals(type);

        public override int GetHashCode() => HashCode.Combine(RawType, Count);

        public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";

        private static ulong MaxCount(Type type) =>
            type == typeof(byte) ? byte.MaxValue : type == typeof(ushort) ? ushort.MaxValue : type == typeof(uint) ? uint.MaxValue : ulong.MaxValue;
    }
}
