using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        // ------------------------------------------------------------ from managed data

        private static Tensor FromData<T>(T[] data, ReadOnlySpan<long> dimensions, ScalarType? dtype, Device device, bool requires_grad) where T : unmanaged =>
            WithShape(data, dimensions.IsEmpty ? new long[] { data.LongLength } : dimensions.ToArray(), dtype, device, requires_grad);

        /// <summary>A 0-dimensional tensor holding <paramref name="value"/> (its own storage, not a view).</summary>
        private static Tensor FromScalar<T>(T value, ScalarType? dtype, Device device, bool requires_grad) where T : unmanaged =>
            WithShape(new[] { value }, Array.Empty<long>(), dtype, device, requires_grad);

        private static unsafe Tensor WithShape<T>(T[] data, long[] shape, ScalarType? dtype, Device device, bool requires_grad) where T : unmanaged
        {
            Device.EnsureCpu(device);
            long count = 1;
            foreach (var d in shape) count *= d;
            if (count != data.LongLength)
            {
                throw new ArgumentException($"The shape [{string.Join(", ", shape)}] holds {count} elements but the array has {data.LongLength}.", "dimensions");
            }
            var own = Tensor.ElementTypeOf(typeof(T));
            Tensor result;
            fixed (T* p = data)
            fixed (long* s = shape)
            {
                result = Wrap(rts_from_data(p, (int)own, s, shape.Length, 0));
            }
            if (dtype.HasValue && dtype.Value != own)
            {
                var converted = result.to_type(dtype.Value);
                result.Dispose();
                result = converted;
            }
            if (requires_grad)
            {
                result.requires_grad = true;
            }
            return result;
        }

        private static Tensor FromMatrix<T>(T[,] data, ScalarType? dtype, Device device, bool requires_grad) where T : unmanaged
        {
            var flat = new T[data.Length];
            Buffer.BlockCopy(data, 0, flat, 0, System.Runtime.InteropServices.Marshal.SizeOf<T>() * data.Length);
            return FromData(flat, new long[] { data.GetLength(0), data.GetLength(1) }, dtype, device, requires_grad);
        }

        public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, default, dtype, device, requires_grad);
        public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(double[] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, default, dtype, device, requires_grad);
        public static Tensor tensor(double[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(long[] dataArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(dataArray, default, dtype, device, requires_grad);
        public static Tensor tensor(long[] dataArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(dataArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(int[] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, default, dtype, device, requires_grad);
        public static Tensor tensor(int[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(byte[] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, default, dtype, device, requires_grad);
        public static Tensor tensor(byte[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, default, dtype, device, requires_grad);
        public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray, dimensions, dtype, device, requires_grad);
        public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromMatrix(rawArray, dtype, device, requires_grad);
        public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromMatrix(rawArray, dtype, device, requires_grad);
        public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromMatrix(rawArray, dtype, device, requires_grad);
        public static Tensor tensor(IList<float> rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray.ToArray(), default, dtype, device, requires_grad);
        public static Tensor tensor(IList<long> rawArray, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => FromData(rawArray.ToArray(), default, dtype, device, requires_grad);

        public static Tensor tensor(float scalar, Device device = null, bool requires_grad = false) => FromScalar(scalar, null, device, requires_grad);
        public static Tensor tensor(double scalar, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => FromScalar(scalar, dtype, device, requires_grad);
        public static Tensor tensor(int scalar, Device device = null, bool requires_grad = false) => FromScalar(scalar, null, device, requires_grad);
        public static Tensor tensor(long scalar, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => FromScalar(scalar, dtype, device, requires_grad);
        public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => FromScalar(scalar, dtype, device, requires_grad);

        // ------------------------------------------------------------ filled and random

        private static unsafe Tensor Make(Factory kind, long[] size, ScalarType? dtype, Device device, bool requires_grad, Generator generator = null)
        {
            Device.EnsureCpu(device);
            fixed (long* s = size)
            {
                return Wrap(rts_factory(kind, s, size.Length, (int)(dtype ?? default_dtype), requires_grad ? 1 : 0, Generator.HandleOf(generator)));
            }
        }

        public static Tensor zeros(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Zeros, size, dtype, device, requires_grad);
        public static Tensor zeros(long size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Zeros, new[] { size }, dtype, device, requires_grad);
        public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Zeros, new[] { rows, columns }, dtype, device, requires_grad);
        public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Zeros, new[] { dim0, dim1, dim2 }, dtype, device, requires_grad);
        public static Tensor ones(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Ones, size, dtype, device, requires_grad);
        public static Tensor ones(long size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Ones, new[] { size }, dtype, device, requires_grad);
        public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Ones, new[] { rows, columns }, dtype, device, requires_grad);
        public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Ones, new[] { dim0, dim1, dim2 }, dtype, device, requires_grad);
        public static Tensor empty(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Empty, size, dtype, device, requires_grad);
        public static Tensor empty(long size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Empty, new[] { size }, dtype, device, requires_grad);
        public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Make(Factory.Empty, new[] { rows, columns }, dtype, device, requires_grad);
        public static Tensor rand(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Rand, size, dtype, device, requires_grad, generator);
        public static Tensor rand(long size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Rand, new[] { size }, dtype, device, requires_grad, generator);
        public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Rand, new[] { rows, columns }, dtype, device, requires_grad, generator);
        public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Rand, new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator);
        public static Tensor randn(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Randn, size, dtype, device, requires_grad, generator);
        public static Tensor randn(long size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Randn, new[] { size }, dtype, device, requires_grad, generator);
        public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Randn, new[] { rows, columns }, dtype, device, requires_grad, generator);
        public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => Make(Factory.Randn, new[] { dim0, dim1, dim2 }, dtype, device, requires_grad, generator);

        private static Tensor Like(Factory kind, Tensor input, ScalarType? dtype, Device device, bool requires_grad)
        {
            Device.EnsureCpu(device);
            return Wrap(rts_like(kind, input.Handle, dtype.HasValue ? (int)dtype.Value : -1, requires_grad ? 1 : 0));
        }

        public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Like(Factory.Zeros, input, dtype, device, requires_grad);
        public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Like(Factory.Ones, input, dtype, device, requires_grad);
        public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => Like(Factory.Empty, input, dtype, device, requires_grad);
        public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => Like(Factory.Rand, input, dtype, device, requires_grad);
        public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => Like(Factory.Randn, input, dtype, device, requires_grad);

        public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) =>
            full(input.shape, value, dtype ?? input.dtype, device, requires_grad);

        public static unsafe Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null)
        {
            Device.EnsureCpu(device);
            fixed (long* s = size)
            {
                return Wrap(rts_full(s, size.Length, value.Kind, value.Double, value.Long, (int)(dtype ?? (value.Kind == 0 ? default_dtype : value.Type)), requires_grad ? 1 : 0));
            }
        }

        public static Tensor full(long size, Scalar value, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => full(new[] { size }, value, dtype, device, requires_grad);
        public static Tensor full(long rows, long columns, Scalar value, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null) => full(new[] { rows, columns }, value, dtype, device, requires_grad);

        public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null)
        {
            Device.EnsureCpu(device);
            fixed (long* s = size)
            {
                return Wrap(rts_randint(low, high, s, size.Length, (int)(dtype ?? ScalarType.Int64), Generator.HandleOf(generator)));
            }
        }

        public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null) => randint(0, high, size, dtype, device, requires_grad, generator);

        public static Tensor randperm(long n, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null)
        {
            Device.EnsureCpu(device);
            return Wrap(rts_randperm(n, (int)(dtype ?? ScalarType.Int64), Generator.HandleOf(generator)));
        }

        public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device device = null, bool requires_grad = false)
        {
            Device.EnsureCpu(device);
            var integral = start.Kind == 1 && stop.Kind == 1 && step.Kind == 1;
            var type = dtype ?? (integral ? ScalarType.Int64 : default_dtype);
            return Wrap(rts_arange(integral ? 1 : 0, start.Double, stop.Double, step.Double, start.Long, stop.Long, step.Long, (int)type, requires_grad ? 1 : 0));
        }

        public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => arange(start, stop, 1, dtype, device, requires_grad);
        public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device device = null, bool requires_grad = false) => arange(0, stop, 1, dtype, device, requires_grad);

        public static Tensor eye(long rows, long columns = -1L, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null)
        {
            Device.EnsureCpu(device);
            return Wrap(rts_eye(rows, columns, (int)(dtype ?? default_dtype), requires_grad ? 1 : 0));
        }

        public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device device = null, bool requires_grad = false)
        {
            Device.EnsureCpu(device);
            return Wrap(rts_linspace(start, end, steps, (int)(dtype ?? default_dtype), requires_grad ? 1 : 0));
        }

        private static ScalarType default_dtype = ScalarType.Float32;

        public static ScalarType get_default_dtype() => default_dtype;

        public static void set_default_dtype(ScalarType dtype) => default_dtype = dtype;

        public static void save(Tensor t, string location) => t.save(location);

        public static Tensor load(string location) => Tensor.Load(location);
    }
}
