using System;

namespace Microsoft.ML
{
    /// <summary>The entry point: catalogs of data operations, transforms and tasks, and the seed they share.</summary>
    public sealed class MLContext
    {
        private readonly Random _seeds;

        public MLContext(int? seed = null)
        {
            _seeds = seed.HasValue ? new Random(seed.Value) : new Random();
            Data = new DataOperationsCatalog(this);
            Transforms = new TransformsCatalog();
            MulticlassClassification = new MulticlassClassificationCatalog();
            Regression = new RegressionCatalog();
            BinaryClassification = new BinaryClassificationCatalog();
            Model = new ModelOperationsCatalog();
        }

        public DataOperationsCatalog Data { get; }

        public TransformsCatalog Transforms { get; }

        public MulticlassClassificationCatalog MulticlassClassification { get; }

        public RegressionCatalog Regression { get; }

        public BinaryClassificationCatalog BinaryClassification { get; }

        public ModelOperationsCatalog Model { get; }

        /// <summary>The next seed for a component that was given none (deterministic when the context has a seed).</summary>
        internal int NextSeed()
        {
            lock (_seeds)
            {
                return _seeds.Next();
            }
        }
    }

    /// <summary>The transforms: <c>mlContext.Transforms</c> (extension methods add the individual transforms).</summary>
    public sealed class TransformsCatalog
    {
        internal TransformsCatalog() => Conversion = new ConversionTransforms();

        public ConversionTransforms Conversion { get; }

        /// <summary>Type and key conversions.</summary>
        public sealed class ConversionTransforms
        {
            internal ConversionTransforms()
            {
            }
        }
    }

    /// <summary>Base of the task catalogs.</summary>
    public abstract class TrainCatalogBase
    {
        private protected TrainCatalogBase()
        {
        }

        /// <summary>Base of the trainer catalogs that trainer packages extend.</summary>
        public abstract class CatalogInstantiatorBase
        {
            private protected CatalogInstantiatorBase()
            {
            }
        }
    }
}
