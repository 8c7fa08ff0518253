using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        public static Tensor abs(Tensor input) => input.abs();
        public static Tensor sign(Tensor input) => input.sign();
        public static Tensor sqrt(Tensor input) => input.sqrt();
        public static Tensor exp(Tensor input) => input.exp();
        public static Tensor log(Tensor input) => input.log();
        public static Tensor neg(Tensor input) => input.neg();
        public static Tensor square(Tensor input) => input.square();
        public static Tensor sigmoid(Tensor input) => input.sigmoid();
        public static Tensor tanh(Tensor input) => input.tanh();
        public static Tensor isnan(Tensor input) => input.isnan();
        public static Tensor add(Tensor left, Tensor right) => left.add(right);
        public static Tensor add(Tensor left, Scalar right) => left.add(right);
        public static Tensor add(Tensor left, Tensor right, Scalar alpha) => left.add(right, alpha);
        public static Tensor add(Tensor left, Scalar right, Scalar alpha) => left.add(right, alpha);
        public static Tensor sub(Tensor left, Tensor right) => left.sub(right);
        public static Tensor sub(Tensor left, Scalar right) => left.sub(right);
        public static Tensor mul(Tensor left, Tensor right) => left.mul(right);
        public static Tensor mul(Tensor left, Scalar right) => left.mul(right);
        public static Tensor div(Tensor left, Tensor right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
        public static Tensor div(Tensor left, Scalar right, RoundingMode rounding_mode = RoundingMode.None) => left.div(right, rounding_mode);
        public static Tensor pow(Tensor left, Tensor exponent) => left.pow(exponent);
        public static Tensor pow(Tensor left, Scalar exponent) => left.pow(exponent);
        public static Tensor eq(Tensor left, Tensor right) => left.eq(right);
        public static Tensor ne(Tensor left, Tensor right) => left.ne(right);
        public static Tensor gt(Tensor left, Tensor right) => left.gt(right);
        public static Tensor lt(Tensor left, Tensor right) => left.lt(right);
        public static Tensor ge(Tensor left, Tensor right) => left.ge(right);
        public static Tensor le(Tensor left, Tensor right) => left.le(right);
        public static Tensor matmul(Tensor input, Tensor target) => input.matmul(target);
        public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
        public static Tensor sum(Tensor input, ScalarType? type = null) => input.sum(type);
        public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
        public static Tensor mean(Tensor input) => input.mean();
        public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false, ScalarType? type = null) => input.mean(dimensions, keepdim, type);
        public static Tensor max(Tensor input) => input.max();
        public static Tensor max(Tensor input, Tensor other) => input.max(other);
        public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
        public static Tensor min(Tensor input) => input.min();
        public static Tensor min(Tensor input, Tensor other) => input.min(other);
        public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
        public static Tensor argmax(Tensor input) => input.argmax();
        public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
        public static Tensor any(Tensor input) => input.any();
        public static Tensor any(Tensor input, long dim, bool keepdim = false) => input.any(dim, keepdim);
        public static Tensor all(Tensor input) => input.all();
        public static Tensor all(Tensor input, long dim, bool keepdim = false) => input.all(dim, keepdim);
        public static Tensor norm(Tensor input) => input.norm();
        public static Tensor norm(Tensor input, float p = 2f) => input.norm(p);
        public static Tensor norm(Tensor input, int dimension, bool keepdim = false, float p = 2f) => input.norm(dimension, keepdim, p);
        public static Tensor renorm(Tensor input, float p, long dim, float maxnorm) => input.renorm(p, dim, maxnorm);
        public static Tensor clamp(Tensor input, Scalar min = null, Scalar max = null) => input.clamp(min, max);
        public static Tensor clamp(Tensor input, Tensor min = null, Tensor max = null) => input.clamp(min, max);
        public static Tensor softmax(Tensor input, int dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
        public static Tensor flatten(Tensor input, long start_dim = 0L, long end_dim = -1L) => input.flatten(start_dim, end_dim);
        public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
        public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
        public static Tensor where(Tensor condition, Tensor x, Tensor y) => x.where(condition, y);
        public static Tensor bernoulli(Tensor input, Generator generator = null) => input.bernoulli(generator);
        public static Tensor normal(Tensor mean, Tensor std, Generator generator = null) => Wrap(rts_normal(mean.Handle, std.Handle, Generator.HandleOf(generator)));
        public static (Tensor values, Tensor indices) topk(Tensor tensor, int k, int dim = -1, bool largest = true, bool sorted = true) => tensor.topk(k, dim, largest, sorted);

        public static Tensor cat(IList<Tensor> tensors, long dim = 0L) => Join(tensors, dim, false);
        public static Tensor cat(Tensor[] tensors, long dim = 0L) => Join(tensors, dim, false);
        public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0L) => Join(tensors.ToList(), dim, true);

        private static Tensor Join(IList<Tensor> tensors, long dim, bool stack)
        {
            var handles = tensors.Select(t => t.Handle).ToArray();
            return Wrap(rts_cat(handles, handles.Length, dim, stack ? 1 : 0));
        }
    }
}
