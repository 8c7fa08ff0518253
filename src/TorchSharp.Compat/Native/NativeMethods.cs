using System.Runtime.InteropServices;

namespace TorchSharp.Native
{
    /// <summary>P/Invoke declarations of the C shim in native/shim.cpp. Every call is followed by <see cref="Check"/>.</summary>
    internal static class NativeMethods
    {
        private const string Lib = "RegularizersTorchShim";

        internal enum Unary
        {
            Abs, Sign, Sqrt, Exp, Log, Neg, Relu, Sigmoid, Tanh, Square, Reciprocal, Floor,
            IsNan, IsFinite, T, Contiguous, Clone, Detach, LogicalNot, Bernoulli, Nonzero, MT, Alias,
        }

        internal enum Binary
        {
            Add, Sub, Mul, Div, Pow, Eq, Ne, Gt, Lt, Ge, Le, Maximum, Minimum, MatMul, MM,
            Remainder, And, Or, Xor, Outer, DivTrunc, DivFloor, Dot,
        }

        internal enum Factory { Zeros, Ones, Empty, Rand, Randn }

        /// <summary>Throws the pending libtorch error of this thread, if any, as an <see cref="ExternalException"/> carrying libtorch's message (or, when a custom function's backward failed, as that exception).</summary>
        internal static void Check()
        {
            var message = rts_last_error();
            if (message != IntPtr.Zero)
            {
                // A custom function's backward that threw surfaces as its own exception, not as the native message.
                if (torch.autograd.FunctionNode.TakePendingException() is { } managed)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(managed);
                }
                throw new ExternalException(Marshal.PtrToStringUTF8(message));
            }
        }

        /// <summary>Checks for a pending error and wraps a returned handle.</summary>
        internal static torch.Tensor Wrap(IntPtr handle)
        {
            Check();
            if (handle == IntPtr.Zero)
            {
                throw new ExternalException("libtorch returned no tensor.");
            }
            return new torch.Tensor(handle);
        }

        [DllImport(Lib)] internal static extern IntPtr rts_last_error();
        [DllImport(Lib)] internal static extern void rts_set_num_threads(int n);
        [DllImport(Lib)] internal static extern int rts_get_num_threads();
        [DllImport(Lib)] internal static extern void rts_set_num_interop_threads(int n);
        [DllImport(Lib)] internal static extern int rts_set_blas_threads(int n);
        [DllImport(Lib)] internal static extern int rts_get_blas_threads();
        [DllImport(Lib)] internal static extern void rts_tune_allocator();
        [DllImport(Lib)] internal static extern void rts_manual_seed(long seed);
        [DllImport(Lib)] internal static extern long rts_default_initial_seed();
        [DllImport(Lib)] internal static extern long rts_default_seed();
        [DllImport(Lib)] internal static extern IntPtr rts_default_generator();
        [DllImport(Lib)] internal static extern IntPtr rts_generator_new(long seed);
        [DllImport(Lib)] internal static extern void rts_generator_free(IntPtr g);
        [DllImport(Lib)] internal static extern void rts_generator_manual_seed(IntPtr g, long seed);
        [DllImport(Lib)] internal static extern long rts_generator_initial_seed(IntPtr g);
        [DllImport(Lib)] internal static extern long rts_generator_seed(IntPtr g);
        [DllImport(Lib)] internal static extern IntPtr rts_generator_get_state(IntPtr g);
        [DllImport(Lib)] internal static extern void rts_generator_set_state(IntPtr g, IntPtr state);
        [DllImport(Lib)] internal static extern int rts_is_grad_enabled();
        [DllImport(Lib)] internal static extern void rts_set_grad_enabled(int enabled);

        [DllImport(Lib)] internal static extern void rts_free(IntPtr t);
        [DllImport(Lib)] internal static extern long rts_dim(IntPtr t);
        [DllImport(Lib)] internal static extern unsafe void rts_shape(IntPtr t, long* shape);
        [DllImport(Lib)] internal static extern long rts_numel(IntPtr t);
        [DllImport(Lib)] internal static extern int rts_dtype(IntPtr t);
        [DllImport(Lib)] internal static extern long rts_element_size(IntPtr t);
        [DllImport(Lib)] internal static extern int rts_requires_grad(IntPtr t);
        [DllImport(Lib)] internal static extern void rts_set_requires_grad(IntPtr t, int value);
        [DllImport(Lib)] internal static extern int rts_is_leaf(IntPtr t);
        [DllImport(Lib)] internal static extern int rts_is_contiguous(IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr rts_grad(IntPtr t);
        [DllImport(Lib)] internal static extern void rts_set_grad(IntPtr t, IntPtr grad);
        [DllImport(Lib)] internal static extern void rts_retain_grad(IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr rts_data_ptr(IntPtr t);
        [DllImport(Lib)] internal static extern double rts_item_double(IntPtr t);
        [DllImport(Lib)] internal static extern long rts_item_long(IntPtr t);
        [DllImport(Lib)] internal static extern int rts_same(IntPtr a, IntPtr b);

        [DllImport(Lib)] internal static extern unsafe IntPtr rts_from_data(void* data, int dtype, long* shape, int ndim, int requiresGrad);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_factory(Factory kind, long* shape, int ndim, int dtype, int requiresGrad, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_like(Factory kind, IntPtr t, int dtype, int requiresGrad);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_full(long* shape, int ndim, int kind, double d, long l, int dtype, int requiresGrad);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_randint(long low, long high, long* shape, int ndim, int dtype, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_randperm(long n, int dtype, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_arange(int integral, double start, double stop, double step, long ls, long le, long lstep, int dtype, int requiresGrad);
        [DllImport(Lib)] internal static extern IntPtr rts_eye(long rows, long columns, int dtype, int requiresGrad);
        [DllImport(Lib)] internal static extern IntPtr rts_linspace(double start, double end, long steps, int dtype, int requiresGrad);

        [DllImport(Lib)] internal static extern void rts_backward(IntPtr t, IntPtr grad, int retainGraph, int createGraph);
        [DllImport(Lib)] internal static extern void rts_backward_many(IntPtr[] tensors, IntPtr[] grads, int n, int retainGraph, int createGraph);

        [DllImport(Lib)] internal static extern IntPtr rts_unary(Unary op, IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr rts_share(IntPtr t);
        [DllImport(Lib)] internal static extern unsafe void rts_autograd_callbacks(delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, int, IntPtr*, int, int> backward, delegate* unmanaged[Cdecl]<IntPtr, void> release);
        [DllImport(Lib)] internal static extern void rts_set_callback_error([MarshalAs(UnmanagedType.LPUTF8Str)] string message);
        [DllImport(Lib)] internal static extern IntPtr rts_node_new([MarshalAs(UnmanagedType.LPUTF8Str)] string name, IntPtr state, IntPtr[] inputs, int n);
        [DllImport(Lib)] internal static extern IntPtr rts_node_raw(IntPtr node);
        [DllImport(Lib)] internal static extern void rts_node_free(IntPtr node);
        [DllImport(Lib)] internal static extern void rts_node_add_output(IntPtr node, IntPtr output);
        [DllImport(Lib)] internal static extern void rts_node_save(IntPtr node, IntPtr[] tensors, int n);
        [DllImport(Lib)] internal static extern void rts_node_saved(IntPtr raw, IntPtr[] output, int n);
        [DllImport(Lib)] internal static extern void rts_unary_(Unary op, IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr rts_binary(Binary op, IntPtr a, IntPtr b, int akind, double ad, long al);
        [DllImport(Lib)] internal static extern IntPtr rts_binary_scalar(Binary op, IntPtr a, int skind, double sd, long sl, int akind, double ad, long al);
        [DllImport(Lib)] internal static extern IntPtr rts_scalar_binary(Binary op, int skind, double sd, long sl, IntPtr a);
        [DllImport(Lib)] internal static extern void rts_binary_(Binary op, IntPtr a, IntPtr b, int akind, double ad, long al);
        [DllImport(Lib)] internal static extern void rts_binary_scalar_(Binary op, IntPtr a, int skind, double sd, long sl, int akind, double ad, long al);
        [DllImport(Lib)] internal static extern void rts_addcmul_(IntPtr t, IntPtr a, IntPtr b, int skind, double sd, long sl);
        [DllImport(Lib)] internal static extern void rts_addcdiv_(IntPtr t, IntPtr a, IntPtr b, int skind, double sd, long sl);
        [DllImport(Lib)] internal static extern void rts_lerp_(IntPtr t, IntPtr end, IntPtr weight);
        [DllImport(Lib)] internal static extern void rts_copy_(IntPtr t, IntPtr src, int nonBlocking);
        [DllImport(Lib)] internal static extern void rts_zero_(IntPtr t);
        [DllImport(Lib)] internal static extern void rts_fill_(IntPtr t, int skind, double sd, long sl);
        [DllImport(Lib)] internal static extern void rts_uniform_(IntPtr t, double from, double to, IntPtr generator);
        [DllImport(Lib)] internal static extern void rts_normal_(IntPtr t, double mean, double std, IntPtr generator);
        [DllImport(Lib)] internal static extern void rts_bernoulli_p_(IntPtr t, double p, IntPtr generator);
        [DllImport(Lib)] internal static extern void rts_bernoulli_t_(IntPtr t, IntPtr p, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_bernoulli(IntPtr t, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_normal(IntPtr mean, IntPtr std, IntPtr generator);
        [DllImport(Lib)] internal static extern IntPtr rts_clamp(IntPtr t, int hasMin, int minKind, double minD, long minL, int hasMax, int maxKind, double maxD, long maxL);
        [DllImport(Lib)] internal static extern void rts_clamp_(IntPtr t, int hasMin, int minKind, double minD, long minL, int hasMax, int maxKind, double maxD, long maxL);
        [DllImport(Lib)] internal static extern IntPtr rts_clamp_tensor(IntPtr t, IntPtr min, IntPtr max);
        [DllImport(Lib)] internal static extern void rts_clamp_tensor_(IntPtr t, IntPtr min, IntPtr max);
        [DllImport(Lib)] internal static extern IntPtr rts_masked_fill(IntPtr t, IntPtr mask, int skind, double sd, long sl);
        [DllImport(Lib)] internal static extern IntPtr rts_where(IntPtr condition, IntPtr x, IntPtr y);
        [DllImport(Lib)] internal static extern IntPtr rts_renorm(IntPtr t, double p, long dim, double maxnorm);
        [DllImport(Lib)] internal static extern void rts_renorm_(IntPtr t, double p, long dim, double maxnorm);
        [DllImport(Lib)] internal static extern IntPtr rts_to_dtype(IntPtr t, int dtype, int copy);
        [DllImport(Lib)] internal static extern int rts_allclose(IntPtr a, IntPtr b, double rtol, double atol, int equalNan);
        [DllImport(Lib)] internal static extern int rts_equal(IntPtr a, IntPtr b);

        [DllImport(Lib)] internal static extern unsafe IntPtr rts_sum(IntPtr t, long* dims, int ndims, int all, int keepdim, int dtype);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_mean(IntPtr t, long* dims, int ndims, int all, int keepdim, int dtype);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_var_std(int isStd, IntPtr t, long* dims, int ndims, int all, int unbiased, int keepdim);
        [DllImport(Lib)] internal static extern IntPtr rts_reduce_all(int kind, IntPtr t);
        [DllImport(Lib)] internal static extern IntPtr rts_reduce_dim(int kind, IntPtr t, long dim, int keepdim);
        [DllImport(Lib)] internal static extern IntPtr rts_max_min_dim(int isMin, IntPtr t, long dim, int keepdim, out IntPtr indices);
        [DllImport(Lib)] internal static extern IntPtr rts_norm(IntPtr t, double p);
        [DllImport(Lib)] internal static extern IntPtr rts_norm_dim(IntPtr t, long dim, int keepdim, double p);
        [DllImport(Lib)] internal static extern IntPtr rts_vector_norm(IntPtr t, double ord, long[] dims, int ndims, int keepdim);
        [DllImport(Lib)] internal static extern IntPtr rts_cumsum(IntPtr t, long dim, int dtype);
        [DllImport(Lib)] internal static extern IntPtr rts_topk(IntPtr t, long k, long dim, int largest, int sorted, out IntPtr indices);
        [DllImport(Lib)] internal static extern IntPtr rts_sort(IntPtr t, long dim, int descending, int stable, out IntPtr indices);
        [DllImport(Lib)] internal static extern IntPtr rts_argsort(IntPtr t, long dim, int descending);

        [DllImport(Lib)] internal static extern unsafe IntPtr rts_reshape(IntPtr t, long* shape, int n);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_view(IntPtr t, long* shape, int n);
        [DllImport(Lib)] internal static extern unsafe IntPtr rts_expand(IntPtr t, long* shape, int n, int isImplicit);
        [DllImport(Lib)] internal static extern IntPtr rts_flatten(IntPtr t, long start, long end);
        [DllImport(Lib)] internal static extern IntPtr rts_unsqueeze(IntPtr t, long dim);
        [DllImport(Lib)] internal static extern IntPtr rts_squeeze(IntPtr t, int hasDim, long dim);
        [DllImport(Lib)] internal static extern IntPtr rts_transpose(IntPtr t, long a, long b);
        [DllImport(Lib)] internal static extern IntPtr rts_narrow(IntPtr t, long dim, long start, long length);
        [DllImport(Lib)] internal static extern IntPtr rts_slice(IntPtr t, long dim, long start, long end, long step);
        [DllImport(Lib)] internal static extern IntPtr rts_select(IntPtr t, long dim, long index);
        [DllImport(Lib)] internal static extern IntPtr rts_index_select(IntPtr t, long dim, IntPtr index);
        [DllImport(Lib)] internal static extern IntPtr rts_gather(IntPtr t, long dim, IntPtr index);
        [DllImport(Lib)] internal static extern IntPtr rts_index(IntPtr t, IntPtr[] indices, int n);
        [DllImport(Lib)] internal static extern void rts_index_put_(IntPtr t, IntPtr[] indices, int n, IntPtr value);
        [DllImport(Lib)] internal static extern IntPtr rts_cat(IntPtr[] tensors, int n, long dim, int stack);
        [DllImport(Lib)] internal static extern unsafe int rts_split(IntPtr t, long* sizes, int nsizes, long dim, int chunks, IntPtr[] output, int capacity);
        [DllImport(Lib)] internal static extern IntPtr rts_unique(IntPtr t, int sorted, int returnInverse, int returnCounts, int hasDim, long dim, out IntPtr inverse, out IntPtr counts);
        [DllImport(Lib)] internal static extern IntPtr rts_one_hot(IntPtr t, long numClasses);

        [DllImport(Lib)] internal static extern IntPtr rts_linear(IntPtr x, IntPtr w, IntPtr b);
        [DllImport(Lib)] internal static extern IntPtr rts_softmax(IntPtr t, long dim, int dtype, int log);
        [DllImport(Lib)] internal static extern IntPtr rts_dropout(IntPtr t, double p, int train);
        [DllImport(Lib)] internal static extern void rts_dropout_(IntPtr t, double p, int train);
        [DllImport(Lib)] internal static extern IntPtr rts_cross_entropy(IntPtr input, IntPtr target, IntPtr weight, long reduction, long ignoreIndex, double labelSmoothing);
        [DllImport(Lib)] internal static extern IntPtr rts_nll_loss(IntPtr input, IntPtr target, IntPtr weight, long reduction, long ignoreIndex);
        [DllImport(Lib)] internal static extern IntPtr rts_mse_loss(IntPtr input, IntPtr target, long reduction);
        [DllImport(Lib)] internal static extern IntPtr rts_bce_with_logits(IntPtr input, IntPtr target, IntPtr weight, IntPtr posWeight, long reduction);
        [DllImport(Lib)] internal static extern IntPtr rts_conv2d(IntPtr x, IntPtr w, IntPtr b, long[] stride, long[] padding, long[] dilation, long groups);
        [DllImport(Lib)] internal static extern IntPtr rts_max_pool2d(IntPtr x, long[] kernel, long[] stride, long[] padding, long[] dilation, int ceilMode);
        [DllImport(Lib)] internal static extern IntPtr rts_batch_norm(IntPtr x, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps);

        [DllImport(Lib)] internal static extern void rts_save(IntPtr t, [MarshalAs(UnmanagedType.LPUTF8Str)] string path);
        [DllImport(Lib)] internal static extern IntPtr rts_load([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
    }
}
