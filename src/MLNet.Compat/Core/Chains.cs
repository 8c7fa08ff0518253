using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Microsoft.ML.Data
{
    /// <summary>
    /// Estimators applied in order. <see cref="Fit"/> first checks the whole chain with <see cref="GetOutputSchema"/>,
    /// so a missing column fails before any training, then fits each estimator on the previous transformers' output.
    /// </summary>
    public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>> where TLastTransformer : class, ITransformer
    {
        private readonly IEstimator<ITransformer>[] _estimators;
        private readonly TransformerScope[] _scopes;

        public readonly IEstimator<TLastTransformer> LastEstimator;

        public EstimatorChain()
            : this(Array.Empty<IEstimator<ITransformer>>(), Array.Empty<TransformerScope>())
        {
        }

        private EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes)
        {
            _estimators = estimators;
            _scopes = scopes;
            LastEstimator = estimators.LastOrDefault() as IEstimator<TLastTransformer>;
        }

        public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything)
            where TNewTrans : class, ITransformer =>
            new EstimatorChain<TNewTrans>(_estimators.Append(estimator ?? throw new ArgumentNullException(nameof(estimator))).ToArray(), _scopes.Append(scope).ToArray());

        public TransformerChain<TLastTransformer> Fit(IDataView input)
        {
            GetOutputSchema(SchemaShape.Create(input.Schema));
            var current = input;
            var transformers = new List<ITransformer>();
            foreach (var estimator in _estimators)
            {
                var transformer = estimator.Fit(current);
                transformers.Add(transformer);
                current = transformer.Transform(current);
            }
            return new TransformerChain<TLastTransformer>(transformers, _scopes);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
            _estimators.Aggregate(inputSchema, (shape, estimator) => estimator.GetOutputSchema(shape));
    }

    /// <summary>Transformers applied in order.</summary>
    public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>, IDisposable where TLastTransformer : class, ITransformer
    {
        private readonly ITransformer[] _transformers;
        private readonly TransformerScope[] _scopes;

        public readonly TLastTransformer LastTransformer;

        public TransformerChain(IEnumerable<ITransformer> transformers, IEnumerable<TransformerScope> scopes)
        {
            _transformers = transformers.ToArray();
            _scopes = scopes.ToArray();
            if (_transformers.Length != _scopes.Length)
            {
                throw new ArgumentException($"{_transformers.Length} transformers but {_scopes.Length} scopes.", nameof(scopes));
            }
            LastTransformer = _transformers.LastOrDefault() as TLastTransformer;
        }

        public TransformerChain(params ITransformer[] transformers)
            : this(transformers, transformers.Select(_ => TransformerScope.Everything))
        {
        }

        public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer, TransformerScope scope = TransformerScope.Everything) where TNewLast : class, ITransformer =>
            new TransformerChain<TNewLast>(_transformers.Append(transformer), _scopes.Append(scope));

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) =>
            _transformers.Aggregate(inputSchema, (schema, t) => t.GetOutputSchema(schema));

        public IDataView Transform(IDataView input) => _transformers.Aggregate(input, (view, t) => t.Transform(view));

        bool ITransformer.IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

        IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => new RowToRowTransformerBase.RowMapper(this, inputSchema);

        void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException("ML.NET's model format is not part of this subset.");

        public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            foreach (var transformer in _transformers.OfType<IDisposable>())
            {
                transformer.Dispose();
            }
        }
    }
}

namespace Microsoft.ML
{
    using Microsoft.ML.Data;

    /// <summary>Builds pipelines with <c>Append</c>.</summary>
    public static class LearningPipelineExtensions
    {
        public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator, TransformerScope scope = TransformerScope.Everything)
            where TTrans : class, ITransformer =>
            new EstimatorChain<ITransformer>().Append(start).Append(estimator, scope);

        public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer) where TTrans : class, ITransformer =>
            new TransformerChain<TTrans>(start, transformer);
    }
}
