namespace TorchSharp
{
    /// <summary>A number passed to a tensor operation: integral, floating or boolean, as in TorchSharp.</summary>
    public sealed class Scalar : IDisposable
    {
        internal readonly int Kind;
        internal readonly double Double;
        internal readonly long Long;

        private Scalar(int kind, double d, long l, torch.ScalarType type)
        {
            Kind = kind;
            Double = d;
            Long = l;
            Type = type;
        }

        /// <summary>The scalar's element type.</summary>
        public torch.ScalarType Type { get; }

        public static implicit operator Scalar(byte value) => new Scalar(1, value, value, torch.ScalarType.Byte);
        public static implicit operator Scalar(int value) => new Scalar(1, value, value, torch.ScalarType.Int32);
        public static implicit operator Scalar(long value) => new Scalar(1, value, value, torch.ScalarType.Int64);
        public static implicit operator Scalar(float value) => new Scalar(0, value, (long)value, torch.ScalarType.Float32);
        public static implicit operator Scalar(double value) => new Scalar(0, value, (long)value, torch.ScalarType.Float64);
        public static implicit operator Scalar(bool value) => new Scalar(2, value ? 1 : 0, value ? 1 : 0, torch.ScalarType.Bool);

        /// <summary>Scalars hold no native memory here; disposing is allowed and does nothing.</summary>
        public void Dispose()
        {
        }
    }
}
