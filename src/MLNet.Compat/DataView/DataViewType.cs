using System;

namespace Microsoft.ML.Data
{
    /// <summary>The type of a data-view column: which .NET type its getters produce, and what it means.</summary>
    public abstract class DataViewType : IEquatable<DataViewType>
    {
        private protected DataViewType(Type rawType) => RawType = rawType ?? throw new ArgumentNullException(nameof(rawType));

        /// <summary>The .NET type a column of this type is read as.</summary>
        public Type RawType { get; }

        public abstract bool Equals(DataViewType other);
    }

    /// <summary>A type whose values are single items (numbers, text, booleans, keys).</summary>
    public abstract class PrimitiveDataViewType : DataViewType
    {
        protected PrimitiveDataViewType(Type rawType) : base(rawType)
        {
        }
    }

    /// <summary>A type whose values have structure (vectors).</summary>
    public abstract class StructuredDataViewType : DataViewType
    {
        protected StructuredDataViewType(Type rawType) : base(rawType)
        {
        }
    }
}
