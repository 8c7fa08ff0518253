using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// Thread defaults, applied once when the native library is first used: libtorch's intra-op pool gets one
        /// thread and OpenBLAS gets one per core. Measured on a 2-core machine, a 784-256-256-10 MLP epoch runs
        /// 3.5× slower when both pools use both cores (they oversubscribe). Setting OMP_NUM_THREADS or
        /// OPENBLAS_NUM_THREADS in the environment, or calling <see cref="set_num_threads"/>, overrides the default.
        /// Unless MALLOC_MMAP_THRESHOLD_ is set, glibc's mmap and trim thresholds are raised (64 MiB, 256 MiB) so that
        /// per-step temporaries reuse heap memory instead of page-faulting in fresh mappings every step.
        /// </summary>
        static torch()
        {
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null)
            {
                rts_tune_allocator();
            }
            if (Environment.GetEnvironmentVariable("OMP_NUM_THREADS") is null)
            {
                rts_set_num_threads(1);
            }
            if (Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") is null)
            {
                rts_set_blas_threads(Environment.ProcessorCount);
            }
            Check();
        }

        public static void set_num_threads(int num)
        {
            rts_set_num_threads(num);
            Check();
        }

        public static int get_num_threads()
        {
            var n = rts_get_num_threads();
            Check();
            return n;
        }

        public static void set_num_interop_threads(int num)
        {
            rts_set_num_interop_threads(num);
            Check();
        }

        /// <summary>Seeds the default generator and returns it.</summary>
        public static Generator manual_seed(long seed)
        {
            rts_manual_seed(seed);
            Check();
            return Generator.Default;
        }

        public static long initial_seed() => Generator.Default.initial_seed();

        public static long seed() => Generator.Default.seed();

        // ------------------------------------------------------------ gradient mode

        public static bool is_grad_enabled() => rts_is_grad_enabled() != 0;

        /// <summary>Disables gradient recording on this thread until the returned object is disposed.</summary>
        public static IDisposable no_grad() => new GradMode(false);

        public static IDisposable enable_grad(bool enabled = true) => new GradMode(enabled);

        public static IDisposable set_grad_enabled(bool mode = true) => new GradMode(mode);

        private sealed class GradMode : IDisposable
        {
            private readonly bool _previous;
            private bool _disposed;

            internal GradMode(bool enabled)
            {
                _previous = is_grad_enabled();
                rts_set_grad_enabled(enabled ? 1 : 0);
            }

            public void Dispose()
            {
                if (!_disposed)
                {
                    rts_set_grad_enabled(_previous ? 1 : 0);
                    _disposed = true;
                }
            }
        }

        // ------------------------------------------------------------ dispose scopes

        /// <summary>Opens a dispose scope on this thread: every tensor created until it is disposed is disposed with it, unless moved out.</summary>
        public static DisposeScope NewDisposeScope() => new DisposeScope();

        /// <summary>Evaluates <paramref name="expr"/> inside a dispose scope and keeps only its result.</summary>
        public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr)
        {
            using var scope = NewDisposeScope();
            return expr().MoveToOuterDisposeScope();
        }
    }
}
