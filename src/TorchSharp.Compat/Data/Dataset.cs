namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>A map-style dataset: <see cref="Count"/> examples, each fetched by index.</summary>
                public abstract class Dataset<T> : IDisposable
                {
                    protected Dataset()
                    {
                    }

                    public abstract long Count { get; }

                    public abstract T GetTensor(long index);

                    public void Dispose()
                    {
                        Dispose(true);
                        GC.SuppressFinalize(this);
                    }

                    protected virtual void Dispose(bool disposing)
                    {
                    }
                }

                /// <summary>A dataset whose examples are named tensors (by TorchSharp's convention "data" and "label").</summary>
                public abstract class Dataset : Dataset<Dictionary<string, Tensor>>
                {
                    protected Dataset()
                    {
                    }
                }
            }
        }
    }
}
