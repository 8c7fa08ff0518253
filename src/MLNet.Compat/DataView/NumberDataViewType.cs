using System;

namespace Microsoft.ML.Data
{
    /// <summary>The numeric column types, one instance per .NET numeric type.</summary>
    public sealed class NumberDataViewType : PrimitiveDataViewType
    {
        private readonly string _name;

        private NumberDataViewType(Type rawType, string name) : base(rawType) => _name = name;

        public static NumberDataViewType SByte { get; } = new NumberDataViewType(typeof(sbyte), "SByte");
        public static NumberDataViewType Byte { get; } = new NumberDataViewType(typeof(byte), "Byte");
        public static NumberDataViewType Int16 { get; } = new NumberDataViewType(typeof(short), "Int16");
        public static NumberDataViewType UInt16 { get; } = new NumberDataViewType(typeof(ushort), "UInt16");
        public static NumberDataViewType Int32 { get; } = new NumberDataViewType(typeof(int), "Int32");
        public static NumberDataViewType UInt32 { get; } = new NumberDataViewType(typeof(uint), "UInt32");
        public static NumberDataViewType Int64 { get; } = new NumberDataViewType(typeof(long), "Int64");
        public static NumberDataViewType UInt64 { get; } = new NumberDataViewType(typeof(ulong), "UInt64");
        public static NumberDataViewType Single { get; } = new NumberDataViewType(typeof(float), "Single");
        public static NumberDataViewType Double { get; } = new NumberDataViewType(typeof(double), "Double");

        // Instances are unique per raw type, so equality is identity.
        public override bool Equals(DataViewType other) => ReferenceEquals(this, other);

        public override string ToString() => _name;
    }

    /// <summary>Text, read as <see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>.</summary>
    public sealed class TextDataViewType : PrimitiveDataViewType
    {
        private TextDataViewType() : base(typeof(ReadOnlyMemory<char>))
        {
        }

        public static TextDataViewType Instance { get; } = new TextDataViewType();

        public override bool Equals(DataViewType other) => ReferenceEquals(this, other);

        public override string ToString() => "String";
    }

    /// <summary>Booleans.</summary>
    public sealed class BooleanDataViewType : PrimitiveDataViewType
    {
        private BooleanDataViewType() : base(typeof(bool))
        {
        }

        public static BooleanDataViewType Instance { get; } = new BooleanDataViewType();

        public override bool Equals(DataViewType other) => ReferenceEquals(this, other);

        public override string ToString() => "Boolean";
    }
}
