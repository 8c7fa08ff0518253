using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.Data;

namespace Microsoft.ML
{
    /// <summary><c>mlContext.MulticlassClassification</c>: its trainers and <see cref="Evaluate"/>.</summary>
    public sealed class MulticlassClassificationCatalog : TrainCatalogBase
    {
        internal MulticlassClassificationCatalog() => Trainers = new MulticlassClassificationTrainers();

        public MulticlassClassificationTrainers Trainers { get; }

        /// <summary>Scores predictions: the label and predicted label are keys (1..K), the score a vector of K probabilities.</summary>
        public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score", string predictedLabelColumnName = "PredictedLabel", int topKPredictionCount = 0)
        {
            var view = InMemoryDataView.From(data ?? throw new ArgumentNullException(nameof(data)));
            var labels = EvaluationColumns.Keys(view, labelColumnName);
            var predicted = EvaluationColumns.Keys(view, predictedLabelColumnName);
            var scores = EvaluationColumns.Values<VBuffer<float>>(view, scoreColumnName);
            var classes = scores.Length == 0 ? 0 : scores[0].Length;
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] > 0 && labels[i] <= classes).ToArray();
            if (rows.Length == 0)
            {
                throw new ArgumentException($"Column '{labelColumnName}' has no labelled rows to evaluate.", nameof(data));
            }
            double Loss(int i) => -Math.Log(Math.Max(scores[i].GetItemOrDefault((int)labels[i] - 1), 1e-15));
            var micro = rows.Count(i => predicted[i] == labels[i]) / (double)rows.Length;
            var present = rows.GroupBy(i => labels[i]).ToList();
            var macro = present.Average(g => g.Count(i => predicted[i] == labels[i]) / (double)g.Count());
            var logLoss = rows.Average(Loss);
            var prior = present.Sum(g => -(g.Count() / (double)rows.Length) * Math.Log(g.Count() / (double)rows.Length));
            var perClass = Enumerable.Range(1, classes).Select(k => rows.Where(i => labels[i] == k).Select(Loss).DefaultIfEmpty(0).Average()).ToArray();
            var topK = Enumerable.Range(1, classes).Select(k => rows.Count(i => Rank(scores[i], (int)labels[i] - 1) < k) / (double)rows.Length).ToArray();
            return new MulticlassClassificationMetrics(micro, macro, logLoss, prior == 0 ? 0 : (prior - logLoss) / prior, perClass, topKPredictionCount, topK);
        }

        /// <summary>How many classes score strictly higher than class <paramref name="label"/>.</summary>
        private static int Rank(VBuffer<float> scores, int label)
        {
            var own = scores.GetItemOrDefault(label);
            return scores.DenseValues().Count(s => s > own);
        }

        /// <summary>Where trainer packages add multiclass trainers.</summary>
        public sealed class MulticlassClassificationTrainers : CatalogInstantiatorBase
        {
            internal MulticlassClassificationTrainers()
            {
            }
        }
    }

    /// <summary><c>mlContext.Regression</c>: its trainers and <see cref="Evaluate"/>.</summary>
    public sealed class RegressionCatalog : TrainCatalogBase
    {
        internal RegressionCatalog() => Trainers = new RegressionTrainers();

        public RegressionTrainers Trainers { get; }

        public RegressionMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score")
        {
            var view = InMemoryDataView.From(data ?? throw new ArgumentNullException(nameof(data)));
            var labels = EvaluationColumns.Values<float>(view, labelColumnName);
            var scores = EvaluationColumns.Values<float>(view, scoreColumnName);
            var rows = Enumerable.Range(0, labels.Length).Where(i => !float.IsNaN(labels[i])).ToArray();
            var mean = rows.Average(i => (double)labels[i]);
            var mse = rows.Average(i => Math.Pow((double)labels[i] - scores[i], 2));
            var total = rows.Average(i => Math.Pow(labels[i] - mean, 2));
            return new RegressionMetrics(rows.Average(i => Math.Abs((double)labels[i] - scores[i])), mse, total == 0 ? 0 : 1 - (mse / total));
        }

        /// <summary>Where trainer packages add regression trainers.</summary>
        public sealed class RegressionTrainers : CatalogInstantiatorBase
        {
            internal RegressionTrainers()
            {
            }
        }
    }

    /// <summary><c>mlContext.BinaryClassification</c>: its trainers and <see cref="Evaluate"/>.</summary>
    public sealed class BinaryClassificationCatalog : TrainCatalogBase
    {
        internal BinaryClassificationCatalog() => Trainers = new BinaryClassificationTrainers();

        public BinaryClassificationTrainers Trainers { get; }

        public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score", string probabilityColumnName = "Probability", string predictedLabelColumnName = "PredictedLabel")
        {
            var view = InMemoryDataView.From(data ?? throw new ArgumentNullException(nameof(data)));
            return new CalibratedBinaryClassificationMetrics(
                EvaluationColumns.Values<bool>(view, labelColumnName), EvaluationColumns.Values<float>(view, scoreColumnName),
                EvaluationColumns.Values<float>(view, probabilityColumnName), EvaluationColumns.Values<bool>(view, predictedLabelColumnName));
        }

        /// <summary>Where trainer packages add binary trainers.</summary>
        public sealed class BinaryClassificationTrainers : CatalogInstantiatorBase
        {
            internal BinaryClassificationTrainers()
            {
            }
        }
    }

    /// <summary>Reads evaluation columns with type checks that name the column.</summary>
    internal static class EvaluationColumns
    {
        public static T[] Values<T>(InMemoryDataView view, string name)
        {
            var column = view.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name), $"Evaluation column '{name}' not found.");
            if (column.Type.RawType != typeof(T))
            {
                throw new ArgumentException($"Evaluation column '{name}' has type {column.Type}; {typeof(T).Name} is needed.", nameof(name));
            }
            return view.Column(column.Index).Cast<T>().ToArray();
        }

        public static uint[] Keys(InMemoryDataView view, string name)
        {
            var column = view.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name), $"Evaluation column '{name}' not found.");
            if (column.Type is not KeyDataViewType { RawType: var raw } || raw != typeof(uint))
            {
                throw new ArgumentException($"Evaluation column '{name}' has type {column.Type}; a key column (uint) is needed.", nameof(name));
            }
            return view.Column(column.Index).Cast<uint>().ToArray();
        }
    }

    /// <summary><c>mlContext.Model</c>: prediction engines.</summary>
    public sealed class ModelOperationsCatalog
    {
        internal ModelOperationsCatalog()
        {
        }

        public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true, SchemaDefinition inputSchemaDefinition = null, SchemaDefinition outputSchemaDefinition = null)
            where TSrc : class
            where TDst : class, new()
        {
            SchemaDefinition.RequireNull(inputSchemaDefinition, nameof(inputSchemaDefinition));
            SchemaDefinition.RequireNull(outputSchemaDefinition, nameof(outputSchemaDefinition));
            return new PredictionEngine<TSrc, TDst>(transformer ?? throw new ArgumentNullException(nameof(transformer)), ignoreMissingColumns);
        }
    }

    /// <summary>Scores one example at a time.</summary>
    public abstract class PredictionEngineBase<TSrc, TDst> : IDisposable where TSrc : class where TDst : class, new()
    {
        private protected PredictionEngineBase(ITransformer transformer)
        {
            Transformer = transformer;
            var empty = new DataOperationsCatalog(new MLContext(0)).LoadFromEnumerable(Array.Empty<TSrc>());
            OutputSchema = transformer.GetOutputSchema(empty.Schema);
        }

        private protected ITransformer Transformer { get; }

        public DataViewSchema OutputSchema { get; }

        public TDst Predict(TSrc example)
        {
            var prediction = new TDst();
            Predict(example, ref prediction);
            return prediction;
        }

        public abstract void Predict(TSrc example, ref TDst prediction);

        public void Dispose()
        {
        }
    }

    /// <summary>Runs the transformer's row-to-row mapper on one example and reads the result into <typeparamref name="TDst"/>.</summary>
    public sealed class PredictionEngine<TSrc, TDst> : PredictionEngineBase<TSrc, TDst> where TSrc : class where TDst : class, new()
    {
        private readonly bool _ignoreMissingColumns;

        internal PredictionEngine(ITransformer transformer, bool ignoreMissingColumns)
            : base(transformer) => _ignoreMissingColumns = ignoreMissingColumns;

        public override void Predict(TSrc example, ref TDst prediction)
        {
            var catalog = new DataOperationsCatalog(new MLContext(0));
            var input = catalog.LoadFromEnumerable(new[] { example ?? throw new ArgumentNullException(nameof(example)) });
            var mapper = Transformer.GetRowToRowMapper(input.Schema);
            using var cursor = input.GetRowCursor(input.Schema);
            cursor.MoveNext();
            using var row = mapper.GetRow(cursor, mapper.OutputSchema);
            var output = InMemoryDataView.FromRow(row);
            var result = catalog.CreateEnumerable<TDst>(output, reuseRowObject: false, ignoreMissingColumns: _ignoreMissingColumns).Single();
            prediction = result;
        }
    }
}
