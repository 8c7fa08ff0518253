using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            private static readonly Scalar One = 1;

            private Tensor U(Unary op) => Wrap(rts_unary(op, Handle));

            private Tensor U_(Unary op)
            {
                rts_unary_(op, Handle);
                Check();
                return this;
            }

            private Tensor B(Binary op, Tensor other, Scalar alpha = null)
            {
                var a = alpha ?? One;
                return Wrap(rts_binary(op, Handle, other.Handle, a.Kind, a.Double, a.Long));
            }

            private Tensor BS(Binary op, Scalar s, Scalar alpha = null)
            {
                var a = alpha ?? One;
                return Wrap(rts_binary_scalar(op, Handle, s.Kind, s.Double, s.Long, a.Kind, a.Double, a.Long));
            }

            private Tensor B_(Binary op, Tensor other, Scalar alpha = null)
            {
                var a = alpha ?? One;
                rts_binary_(op, Handle, other.Handle, a.Kind, a.Double, a.Long);
                Check();
                return this;
            }

            private Tensor BS_(Binary op, Scalar s, Scalar alpha = null)
            {
                var a = alpha ?? One;
                rts_binary_scalar_(op, Handle, s.Kind, s.Double, s.Long, a.Kind, a.Double, a.Long);
                Check();
                return this;
            }

            internal static Tensor ScalarLeft(Binary op, Scalar s, Tensor t) => Wrap(rts_scalar_binary(op, s.Kind, s.Double, s.Long, t.Handle));

            // ------------------------------------------------------------ unary

            public Tensor abs() => U(Unary.Abs);
            public Tensor abs_() => U_(Unary.Abs);
            public Tensor sign() => U(Unary.Sign);
            public Tensor sign_() => U_(Unary.Sign);
            public Tensor sqrt() => U(Unary.Sqrt);
            public Tensor sqrt_() => U_(Unary.Sqrt);
            public Tensor exp() => U(Unary.Exp);
            public Tensor exp_() => U_(Unary.Exp);
            public Tensor log() => U(Unary.Log);
            public Tensor neg() => U(Unary.Neg);
            public Tensor relu() => U(Unary.Relu);
            public Tensor sigmoid() => U(Unary.Sigmoid);
            public Tensor tanh() => U(Unary.Tanh);
            public Tensor square() => U(Unary.Square);
            public Tensor reciprocal() => U(Unary.Reciprocal);
            public Tensor floor() => U(Unary.Floor);
            public Tensor isnan() => U(Unary.IsNan);
            public Tensor isfinite() => U(Unary.IsFinite);
            public Tensor t() => U(Unary.T);
            public Tensor T => t();
            public Tensor mT => U(Unary.MT);
            public Tensor nonzero() => U(Unary.Nonzero);

            // ------------------------------------------------------------ arithmetic

            public Tensor add(Tensor target) => B(Binary.Add, target);
            public Tensor add(Tensor target, Scalar alpha) => B(Binary.Add, target, alpha);
            public Tensor add(Scalar scalar) => BS(Binary.Add, scalar);
            public Tensor add(Scalar scalar, Scalar alpha) => BS(Binary.Add, scalar, alpha);
            public Tensor add_(Tensor target) => B_(Binary.Add, target);
            public Tensor add_(Tensor target, Scalar alpha) => B_(Binary.Add, target, alpha);
            public Tensor add_(Scalar scalar) => BS_(Binary.Add, scalar);
            public Tensor add_(Scalar scalar, Scalar alpha) => BS_(Binary.Add, scalar, alpha);
            public Tensor sub(Tensor target) => B(Binary.Sub, target);
            public Tensor sub(Scalar target) => BS(Binary.Sub, target);
            public Tensor sub_(Tensor target) => B_(Binary.Sub, target);
            public Tensor sub_(Scalar target) => BS_(Binary.Sub, target);
            public Tensor mul(Tensor target) => B(Binary.Mul, target);
            public Tensor mul(Scalar target) => BS(Binary.Mul, target);
            public Tensor mul_(Tensor target) => B_(Binary.Mul, target);
            public Tensor mul_(Scalar target) => BS_(Binary.Mul, target);
            public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => B(DivOp(rounding_mode), target);
            public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => BS(DivOp(rounding_mode), target);
            public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => B_(DivOp(rounding_mode), target);
            public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => BS_(DivOp(rounding_mode), target);
            public Tensor pow(Tensor exponent) => B(Binary.Pow, exponent);
            public Tensor pow(Scalar exponent) => BS(Binary.Pow, exponent);
            public Tensor pow_(Tensor exponent) => B_(Binary.Pow, exponent);
            public Tensor pow_(Scalar exponent) => BS_(Binary.Pow, exponent);
            public Tensor maximum(Tensor other) => B(Binary.Maximum, other);
            public Tensor matmul(Tensor target) => B(Binary.MatMul, target);
            public Tensor mm(Tensor target) => B(Binary.MM, target);
            public Tensor outer(Tensor vec2) => B(Binary.Outer, vec2);
            public Tensor dot(Tensor target) => B(Binary.Dot, target);

            private static Binary DivOp(RoundingMode mode) => mode switch
            {
                RoundingMode.trunc => Binary.DivTrunc,
                RoundingMode.floor => Binary.DivFloor,
                _ => Binary.Div,
            };

            public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value)
            {
                rts_addcmul_(Handle, tensor1.Handle, tensor2.Handle, value.Kind, value.Double, value.Long);
                Check();
                return this;
            }

            public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value)
            {
                rts_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, value.Kind, value.Double, value.Long);
                Check();
                return this;
            }

            public Tensor addcdiv_(Tensor tensor1, Tensor tensor2) => addcdiv_(tensor1, tensor2, One);

            public Tensor lerp_(Tensor end, Tensor weight)
            {
                rts_lerp_(Handle, end.Handle, weight.Handle);
                Check();
                return this;
            }

            // ------------------------------------------------------------ comparisons

            public Tensor eq(Tensor target) => B(Binary.Eq, target);
            public Tensor eq(Scalar target) => BS(Binary.Eq, target);
            public Tensor ne(Tensor target) => B(Binary.Ne, target);
            public Tensor ne(Scalar target) => BS(Binary.Ne, target);
            public Tensor gt(Tensor target) => B(Binary.Gt, target);
            public Tensor gt(Scalar target) => BS(Binary.Gt, target);
            public Tensor lt(Tensor target) => B(Binary.Lt, target);
            public Tensor lt(Scalar target) => BS(Binary.Lt, target);
            public Tensor ge(Tensor target) => B(Binary.Ge, target);
            public Tensor ge(Scalar target) => BS(Binary.Ge, target);
            public Tensor le(Tensor target) => B(Binary.Le, target);
            public Tensor le(Scalar target) => BS(Binary.Le, target);

            public bool allclose(Tensor target, double rtol = 1E-05, double atol = 1E-08, bool equal_nan = false)
            {
                var r = rts_allclose(Handle, target.Handle, rtol, atol, equal_nan ? 1 : 0);
                Check();
                return r == 1;
            }

            // ------------------------------------------------------------ in place

            public Tensor copy_(Tensor source, bool nonBlocking = false)
            {
                rts_copy_(Handle, source.Handle, nonBlocking ? 1 : 0);
                Check();
                return this;
            }

            public Tensor zero_()
            {
                rts_zero_(Handle);
                Check();
                return this;
            }

            public Tensor fill_(Scalar value)
            {
                rts_fill_(Handle, value.Kind, value.Double, value.Long);
                Check();
                return this;
            }

            public Tensor uniform_(double from, double to, Generator generator = null)
            {
                rts_uniform_(Handle, from, to, Generator.HandleOf(generator));
                Check();
                return this;
            }

            public Tensor normal_(double mean = 0.0, double std = 1.0, Generator generator = null)
            {
                rts_normal_(Handle, mean, std, Generator.HandleOf(generator));
                Check();
                return this;
            }

            public Tensor bernoulli(Generator generator = null) => Wrap(rts_bernoulli(Handle, Generator.HandleOf(generator)));

            public Tensor bernoulli_(double p = 0.5, Generator generator = null)
            {
                rts_bernoulli_p_(Handle, p, Generator.HandleOf(generator));
                Check();
                return this;
            }

            public Tensor bernoulli_(Tensor p, Generator generator = null)
            {
                rts_bernoulli_t_(Handle, p.Handle, Generator.HandleOf(generator));
                Check();
                return this;
            }

            // ------------------------------------------------------------ clamping, masking, norms

            public Tensor clamp(Scalar min = null, Scalar max = null) =>
                Wrap(rts_clamp(Handle, min is null ? 0 : 1, min?.Kind ?? 0, min?.Double ?? 0, min?.Long ?? 0, max is null ? 0 : 1, max?.Kind ?? 0, max?.Double ?? 0, max?.Long ?? 0));

            public Tensor clamp(Tensor min = null, Tensor max = null) =>
                Wrap(rts_clamp_tensor(Handle, min?.Handle ?? IntPtr.Zero, max?.Handle ?? IntPtr.Zero));

            public Tensor clamp_(Scalar min = null, Scalar max = null)
            {
                rts_clamp_(Handle, min is null ? 0 : 1, min?.Kind ?? 0, min?.Double ?? 0, min?.Long ?? 0, max is null ? 0 : 1, max?.Kind ?? 0, max?.Double ?? 0, max?.Long ?? 0);
                Check();
                return this;
            }

            public Tensor clamp_(Tensor min = null, Tensor max = null)
            {
                rts_clamp_tensor_(Handle, min?.Handle ?? IntPtr.Zero, max?.Handle ?? IntPtr.Zero);
                Check();
                return this;
            }

            public Tensor masked_fill(Tensor mask, Scalar value) => Wrap(rts_masked_fill(Handle, mask.Handle, value.Kind, value.Double, value.Long));

            public Tensor where(Tensor condition, Tensor y) => Wrap(rts_where(condition.Handle, Handle, y.Handle));

            public Tensor renorm(float p, long dim, float maxnorm) => Wrap(rts_renorm(Handle, p, dim, maxnorm));

            public Tensor norm(float p = 2f) => Wrap(rts_norm(Handle, p));

            public Tensor norm(int dim, bool keepdim = false, float p = 2f) => Wrap(rts_norm_dim(Handle, dim, keepdim ? 1 : 0, p));

            // ------------------------------------------------------------ reductions

            public unsafe Tensor sum(ScalarType? type = null) => Reduce(rts_sum, null, false, type);
            public unsafe Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduce(rts_sum, dim, keepdim, type);
            public unsafe Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduce(rts_sum, new[] { dim }, keepdim, type);
            public unsafe Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => Reduce(rts_sum, new[] { dim0, dim1 }, keepdim, type);
            public unsafe Tensor mean() => Reduce(rts_mean, null, false, null);
            public unsafe Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Reduce(rts_mean, dimensions, keepdim, type);

            private unsafe delegate IntPtr Reducer(IntPtr t, long* dims, int ndims, int all, int keepdim, int dtype);

            private unsafe Tensor Reduce(Reducer reducer, long[] dims, bool keepdim, ScalarType? type)
            {
                dims ??= Array.Empty<long>();
                fixed (long* p = dims)
                {
                    return Wrap(reducer(Handle, p, dims.Length, dims.Length == 0 ? 1 : 0, keepdim ? 1 : 0, type.HasValue ? (int)type.Value : -1));
                }
            }

            private unsafe Tensor VarStd(bool isStd, long[] dims, bool unbiased, bool keepdim)
            {
                dims ??= Array.Empty<long>();
                fixed (long* p = dims)
                {
                    return Wrap(rts_var_std(isStd ? 1 : 0, Handle, p, dims.Length, dims.Length == 0 ? 1 : 0, unbiased ? 1 : 0, keepdim ? 1 : 0));
                }
            }

            public Tensor var(bool unbiased = true) => VarStd(false, null, unbiased, false);
            public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(false, dimensions, unbiased, keepdim);
            public Tensor var(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(false, new[] { dim }, unbiased, keepdim);
            public Tensor std(bool unbiased = true) => VarStd(true, null, unbiased, false);
            public Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(true, dimensions, unbiased, keepdim);
            public Tensor std(long dim, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => VarStd(true, new[] { dim }, unbiased, keepdim);

            public Tensor max() => Wrap(rts_reduce_all(0, Handle));
            public Tensor min() => Wrap(rts_reduce_all(1, Handle));
            public Tensor max(Tensor other) => B(Binary.Maximum, other);
            public Tensor min(Tensor other) => B(Binary.Minimum, other);
            public Tensor argmax() => Wrap(rts_reduce_all(2, Handle));
            public Tensor argmax(long dim, bool keepdim = false) => Wrap(rts_reduce_dim(2, Handle, dim, keepdim ? 1 : 0));
            public Tensor any() => Wrap(rts_reduce_all(3, Handle));
            public Tensor any(long dim, bool keepdim = false) => Wrap(rts_reduce_dim(3, Handle, dim, keepdim ? 1 : 0));
            public Tensor all() => Wrap(rts_reduce_all(4, Handle));
            public Tensor all(long dim, bool keepdim = false) => Wrap(rts_reduce_dim(4, Handle, dim, keepdim ? 1 : 0));
            public Tensor logsumexp(long dim, bool keepdim = false) => Wrap(rts_reduce_dim(5, Handle, dim, keepdim ? 1 : 0));

            public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
            {
                var values = rts_max_min_dim(0, Handle, dim, keepdim ? 1 : 0, out var indices);
                return (Wrap(values), new Tensor(indices));
            }

            public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
            {
                var values = rts_max_min_dim(1, Handle, dim, keepdim ? 1 : 0, out var indices);
                return (Wrap(values), new Tensor(indices));
            }

            public (Tensor values, Tensor indexes) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
            {
                var values = rts_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var indices);
                return (Wrap(values), new Tensor(indices));
            }

            public (Tensor Values, Tensor Indices) sort(long dim = -1L, bool descending = false, bool stable = false)
            {
                var values = rts_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var indices);
                return (Wrap(values), new Tensor(indices));
            }

            public Tensor argsort(long dim = -1L, bool descending = false) => Wrap(rts_argsort(Handle, dim, descending ? 1 : 0));

            public Tensor cumsum(long dim, ScalarType? type = null) => Wrap(rts_cumsum(Handle, dim, type.HasValue ? (int)type.Value : -1));

            public (Tensor output, Tensor inverse_indices, Tensor counts) unique(bool sorted = true, bool return_inverse = false, bool return_counts = false, int? dim = null)
            {
                var output = rts_unique(Handle, sorted ? 1 : 0, return_inverse ? 1 : 0, return_counts ? 1 : 0, dim.HasValue ? 1 : 0, dim ?? 0, out var inverse, out var counts);
                var result = Wrap(output);
                return (result, inverse == IntPtr.Zero ? null : new Tensor(inverse), counts == IntPtr.Zero ? null : new Tensor(counts));
            }

            // ------------------------------------------------------------ softmax

            public Tensor softmax(long dim, ScalarType? dtype = null) => Wrap(rts_softmax(Handle, dim, dtype.HasValue ? (int)dtype.Value : -1, 0));

            public Tensor log_softmax(long dim, ScalarType? dtype = null) => Wrap(rts_softmax(Handle, dim, dtype.HasValue ? (int)dtype.Value : -1, 1));

            // ------------------------------------------------------------ types

            public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
            {
                var result = Wrap(rts_to_dtype(Handle, (int)type, copy ? 1 : 0));
                if (disposeAfter)
                {
                    Dispose();
                }
                return result;
            }

            public Tensor to(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false) => to_type(type, copy, disposeAfter, non_blocking);

            public Tensor to(Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
            {
                Device.EnsureCpu(device);
                var result = copy ? clone() : alias();
                if (disposeAfter)
                {
                    Dispose();
                }
                return result;
            }

            public Tensor to(Tensor other, bool non_blocking = false) => to_type(other.dtype);

            public Tensor type(ScalarType dtype) => to_type(dtype);

            public Tensor @float() => to_type(ScalarType.Float32);
            public Tensor @double() => to_type(ScalarType.Float64);
            public Tensor @long() => to_type(ScalarType.Int64);
            public Tensor @int() => to_type(ScalarType.Int32);
            public Tensor @bool() => to_type(ScalarType.Bool);

            public Tensor zeros_like(ScalarType? dtype = null, Device device = null, bool requires_grad = false) => torch.zeros_like(this, dtype, device, requires_grad);
            public Tensor ones_like(ScalarType? dtype = null, Device device = null, bool requires_grad = false) => torch.ones_like(this, dtype, device, requires_grad);
            public Tensor rand_like(ScalarType? dtype = null, Device device = null, bool requires_grad = false) => torch.rand_like(this, dtype, device, requires_grad);
            public Tensor randn_like(ScalarType? dtype = null, Device device = null, bool requires_grad = false) => torch.randn_like(this, dtype, device, requires_grad);
        }

        /// <summary>How <c>div</c> rounds its result.</summary>
        public enum RoundingMode
        {
            None = 0,
            trunc = 1,
            floor = 2,
        }
    }
}
