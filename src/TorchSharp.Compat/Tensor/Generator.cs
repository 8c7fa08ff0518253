using static TorchSharp.Native.NativeMethods;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>A CPU random-number generator (libtorch's Philox/MT engine), usable wherever an op takes <c>generator</c>.</summary>
        public class Generator : IDisposable
        {
            private static Generator _default;
            private IntPtr _handle;

            public Generator(ulong seed = 0, Device device = null)
            {
                Device.EnsureCpu(device);
                _handle = rts_generator_new(unchecked((long)seed));
                Check();
            }

            private Generator(IntPtr handle) => _handle = handle;

            ~Generator() => Dispose(false);

            /// <summary>The default CPU generator that ops without an explicit generator use.</summary>
            public static Generator Default
            {
                get
                {
                    if (_default is null)
                    {
                        var handle = rts_default_generator();
                        Check();
                        Interlocked.CompareExchange(ref _default, new Generator(handle), null);
                    }
                    return _default;
                }
            }

            public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(Generator));

            public Device device => CPU;

            internal static IntPtr HandleOf(Generator generator) => generator?.Handle ?? IntPtr.Zero;

            public Generator manual_seed(long seed)
            {
                rts_generator_manual_seed(Handle, seed);
                Check();
                return this;
            }

            public long initial_seed()
            {
                var s = rts_generator_initial_seed(Handle);
                Check();
                return s;
            }

            /// <summary>Reseeds from a non-deterministic source and returns the new seed.</summary>
            public long seed()
            {
                var s = rts_generator_seed(Handle);
                Check();
                return s;
            }

            public Tensor get_state() => Wrap(rts_generator_get_state(Handle));

            public void set_state(Tensor value)
            {
                rts_generator_set_state(Handle, value.Handle);
                Check();
            }

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
                if (handle != IntPtr.Zero)
                {
                    rts_generator_free(handle);
                }
            }
        }
    }
}
