using System;

namespace Microsoft.ML.Data
{
    /// <summary>A 128-bit row identifier, unique within a data view.</summary>
    public readonly struct DataViewRowId : IComparable<DataViewRowId>, IEquatable<DataViewRowId>
    {
        public readonly ulong Low;

        public readonly ulong High;

        public DataViewRowId(ulong low, ulong high)
        {
            Low = low;
            High = high;
        }

        public int CompareTo(DataViewRowId other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

        public bool Equals(DataViewRowId other) => Low == other.Low && High == other.High;

        public override bool Equals(object obj) => obj is DataViewRowId other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Low, High);

        public override string ToString() => $"{High:X16}{Low:X16}";
    }
}
