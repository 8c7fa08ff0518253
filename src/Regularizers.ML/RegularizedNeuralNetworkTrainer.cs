using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Regularizers.Core.Stopping;
using Regularizers.Torch;
using Regularizers.Torch.Constraints;
using Regularizers.Torch.Ensembles;
using Regularizers.Torch.Losses;
using Regularizers.Torch.Models;
using Regularizers.Torch.Penalties;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.ML;

/// <summary>
/// An ML.NET estimator that trains a multilayer perceptron with the library's regularizers — L1/L2 penalties,
/// dropout (inverted, classic or Gaussian), label smoothing, max-norm, early stopping on validation data, bagging —
/// through <see cref="Trainer"/>. Create it from a task catalog:
/// <c>mlContext.MulticlassClassification.Trainers.RegularizedNeuralNetwork(...)</c> (and on Regression and BinaryClassification).
/// </summary>
public sealed class RegularizedNeuralNetworkTrainer : IEstimator<RegularizedNeuralNetworkTransformer>
{
    private readonly PredictionKind _kind;
    private readonly RegularizedNeuralNetworkOptions _options;
    private readonly IHostEnvironment _environment;

    internal RegularizedNeuralNetworkTrainer(PredictionKind kind, RegularizedNeuralNetworkOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (kind == PredictionKind.Regression && options.LabelSmoothing > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LabelSmoothing, "LabelSmoothing applies to classification only; it must be 0 for regression.");
        }
        if (options.BaggingMembers > 0 && options.ValidationData is not null)
        {
            throw new ArgumentException("With BaggingMembers, early stopping uses each member's out-of-bag rows: set ValidationFraction instead of ValidationData.", nameof(options));
        }
        _kind = kind;
        _options = options;
        _environment = environment;
    }

    /// <summary>The task this trainer serves.</summary>
    public PredictionKind Kind => _kind;

    /// <summary>Checks the label and feature columns and appends the output columns' shapes.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var features = Find(inputSchema, _options.FeatureColumnName);
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || !features.ItemType.Equals(NumberDataViewType.Single))
        {
            throw new ArgumentException($"Feature column '{features.Name}' must be a vector of Single of known size (use Concatenate).", nameof(inputSchema));
        }
        var label = Find(inputSchema, _options.LabelColumnName);
        const SchemaShape.Column.VectorKind scalar = SchemaShape.Column.VectorKind.Scalar;
        SchemaShape.Column[] outputs = _kind switch
        {
            PredictionKind.MulticlassClassification =>
            [
                ShapeColumns.Create("Score", SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, SlotNamesShape(label)),
                ShapeColumns.Create("PredictedLabel", scalar, NumberDataViewType.UInt32, true, label.Annotations),
            ],
            PredictionKind.Regression => [ShapeColumns.Create("Score", scalar, NumberDataViewType.Single, false)],
            _ =>
            [
                ShapeColumns.Create("Score", scalar, NumberDataViewType.Single, false),
                ShapeColumns.Create("Probability", scalar, NumberDataViewType.Single, false),
                ShapeColumns.Create("PredictedLabel", scalar, BooleanDataViewType.Instance, false),
            ],
        };
        return new SchemaShape(inputSchema.Where(c => outputs.All(o => o.Name != c.Name)).Concat(outputs));
    }

    /// <summary>The Score column gets SlotNames (the class names) when the label has KeyValues.</summary>
    private static SchemaShape? SlotNamesShape(SchemaShape.Column label) =>
        label.Annotations.Any(c => c.Name == "KeyValues")
            ? new SchemaShape([ShapeColumns.Create("SlotNames", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, false)])
            : null;

    private static SchemaShape.Column Find(SchemaShape shape, string name) =>
        shape.LastOrDefault(c => c.Name == name) is { Name: not null } column
            ? column
            : throw new ArgumentOutOfRangeException(nameof(shape), $"Column '{name}' not found. Columns: {string.Join(", ", shape.Select(c => c.Name))}.");

    /// <summary>Reads the training rows through a cursor and trains the network.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing.</exception>
    /// <exception cref="ArgumentException">A column has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The data is empty, a feature is NaN or infinite, or a label is missing or out of range.</exception>
    public RegularizedNeuralNetworkTransformer Fit(IDataView input) => Train(input, _options.ValidationData);

    /// <summary>
    /// Trains on <paramref name="trainData"/> with <paramref name="validationData"/> as the validation set, as ML.NET's
    /// trainers with validation support take it: the validation loss and accuracy are in the history, and early
    /// stopping (<see cref="RegularizedNeuralNetworkOptions.EarlyStoppingCriterion"/>) watches them. The same as setting
    /// <see cref="RegularizedNeuralNetworkOptions.ValidationData"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The options already hold <see cref="RegularizedNeuralNetworkOptions.ValidationData"/>, or bagging is on (its members
    /// validate on their out-of-bag rows), or the validation labels do not match the training labels.
    /// </exception>
    public RegularizedNeuralNetworkTransformer Fit(IDataView trainData, IDataView validationData)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        if (_options.ValidationData is not null)
        {
            throw new ArgumentException("validationData: the options already hold ValidationData; give the validation data one way.", nameof(validationData));
        }
        if (_options.BaggingMembers > 0)
        {
            throw new ArgumentException("validationData: with BaggingMembers, early stopping uses each member's out-of-bag rows; set ValidationFraction instead.", nameof(validationData));
        }
        return Train(trainData, validationData);
    }

    private RegularizedNeuralNetworkTransformer Train(IDataView input, IDataView? validationData)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (all, outputs, labelAnnotations) = Read(input, "training data");
        using var _all = all;
        Examples? validation = null;
        var train = all;
        if (validationData is not null)
        {
            var (read, vOutputs, _) = Read(validationData, "validation data");
            validation = read;
            if (vOutputs != outputs && _kind == PredictionKind.MulticlassClassification)
            {
                read.Dispose();
                throw new ArgumentException($"Validation labels have {vOutputs} classes; the training labels have {outputs}.", nameof(input));
            }
        }
        else if (_options.ValidationFraction > 0 && _options.BaggingMembers == 0)
        {
            var rows = (int)all.X.shape[0];
            var held = (int)Math.Round(rows * _options.ValidationFraction);
            if (held < 1 || held >= rows)
            {
                throw new ArgumentOutOfRangeException(nameof(input), rows, $"ValidationFraction {_options.ValidationFraction} of {rows} rows leaves no training or no validation rows.");
            }
            var order = Enumerable.Range(0, rows).ToArray();
            new Random(_options.Seed).Shuffle(order);
            using var trainIndex = tensor(order[held..].Select(i => (long)i).ToArray());
            using var validIndex = tensor(order[..held].Select(i => (long)i).ToArray());
#pragma warning disable CA2000 // Both are disposed in the finally below.
            train = all.Select(trainIndex);
            validation = all.Select(validIndex);
#pragma warning restore CA2000
        }
        try
        {
            return Train(train, validation, outputs, labelAnnotations);
        }
        finally
        {
            if (!ReferenceEquals(train, all))
            {
                train.Dispose();
            }
            validation?.Dispose();
        }
    }

    private RegularizedNeuralNetworkTransformer Train(Examples train, Examples? validation, int outputs, DataViewSchema.Annotations? labelAnnotations)
    {
        var (x, y) = (train.X, train.Y);
        var network = _options.Network((int)x.shape[1], outputs);
        using var smoothing = _options.LabelSmoothing > 0 ? new LabelSmoothingCrossEntropy(_options.LabelSmoothing) : null;
        using var exampleSmoothing = _options.LabelSmoothing > 0 ? new LabelSmoothingCrossEntropy(_options.LabelSmoothing, reduction: nn.Reduction.None) : null;
        Func<Tensor, Tensor, Tensor> loss = _kind == PredictionKind.Regression
            ? (o, t) => nn.functional.mse_loss(o.view(-1), t)
            : smoothing is null ? (o, t) => nn.functional.cross_entropy(o, t) : smoothing.call;
        Func<Tensor, Tensor, Tensor> exampleLoss = _kind == PredictionKind.Regression
            ? (o, t) => nn.functional.mse_loss(o.view(-1), t, nn.Reduction.None)
            : exampleSmoothing is null ? (o, t) => nn.functional.cross_entropy(o, t, reduction: nn.Reduction.None) : exampleSmoothing.call;
        using var channel = _environment.Start(MLNetCallback.ChannelName);
        var callbacks = new List<TrainingCallback> { new MLNetCallback(_environment, channel) };
        if (_options.Progress is { } progress)
        {
            callbacks.Add(new ProgressCallback(progress));
        }
        using var stopping = validation is not null ? NewEarlyStopping() : null;
        if (stopping is not null)
        {
            callbacks.Add(stopping);
        }
        var trainer = new TrainerOptions
        {
            Epochs = _options.Epochs,
            BatchSize = _options.BatchSize,
            Seed = _options.Seed,
            Loss = loss,
            ExampleLoss = exampleLoss,
            Regularization = Regularization(),
            Callbacks = callbacks,
        };
        if (_options.BaggingMembers > 0)
        {
            var bagging = new BaggingOptions
            {
                Members = _options.BaggingMembers,
                Seed = _options.Seed,
                OutOfBagEarlyStopping = _options.ValidationFraction > 0 ? NewEarlyStopping : null,
            };
            IReadOnlyList<BaggingMember> members = _kind == PredictionKind.Regression
                ? BaggingRegressor.Train(_ => network.Build(), network.CreateOptimizer, trainer, bagging, x, y).Members
                : BaggingEnsemble.Train(_ => network.Build(), network.CreateOptimizer, trainer, bagging, x, y).Members;
            return new RegularizedNeuralNetworkTransformer(_kind, _options.FeatureColumnName, network, members.Select(m => m.Model).ToList(), labelAnnotations, members[0].History);
        }
        manual_seed(_options.Seed);
#pragma warning disable CA2000 // Disposed below if the fit fails; otherwise the returned transformer owns it.
        var model = network.Build();
#pragma warning restore CA2000
        try
        {
            using var optimizer = network.CreateOptimizer(model);
            var history = new Trainer(model, optimizer, trainer).Fit(x, y, train.Weights, validation?.X, validation?.Y, validation?.Weights);
            return new RegularizedNeuralNetworkTransformer(_kind, _options.FeatureColumnName, network, [model], labelAnnotations, history);
        }
        catch
        {
            // The transformer owns the model once built; a failed or cancelled fit must not leave its tensors behind.
            model.Dispose();
            throw;
        }
    }

    private EarlyStopping NewEarlyStopping() =>
        new(_options.EarlyStoppingCriterion ?? new Patience(RegularizedNeuralNetworkOptions.DefaultPatience), restoreBest: _options.RestoreBestWeights);

    private Regularization Regularization()
    {
        // The Trainer calls AfterBackward, so the weight penalty takes the in-place path: same gradients, less work.
        var regularization = new Regularization(PenaltyGradients.InPlace);
        var (l1, l2) = (_options.L1Regularization, _options.L2Regularization);
        if (l1 > 0 || l2 > 0)
        {
            regularization.Add(l1 > 0 && l2 > 0 ? new ElasticNetPenalty(l1, l2) : l1 > 0 ? new L1Penalty(l1) : new L2Penalty(l2));
        }
        if (_options.MaxNorm > 0)
        {
            regularization.Add(new MaxNorm(_options.MaxNorm));
        }
        return regularization;
    }

    /// <summary>Features, labels (class indices, or targets for regression) and weights, the output width and the label's annotations.</summary>
    private (Examples Examples, int Outputs, DataViewSchema.Annotations? LabelAnnotations) Read(IDataView data, string what)
    {
        var width = ColumnReader.FeatureCount(data.Schema, _options.FeatureColumnName);
        var x = ColumnReader.Features(data, _options.FeatureColumnName, width);
        try
        {
            if (x.shape[0] == 0)
            {
                throw new InvalidOperationException($"The {what} has no rows.");
            }
            var weights = _options.ExampleWeightColumnName is { } name ? ColumnReader.Weights(data, name) : null;
            var (y, outputs, annotations) = _kind switch
            {
                PredictionKind.MulticlassClassification => (tensor(ColumnReader.ClassLabels(data, _options.LabelColumnName, out var count)), count, data.Schema[_options.LabelColumnName].Annotations),
                PredictionKind.BinaryClassification => (tensor(ColumnReader.BinaryLabels(data, _options.LabelColumnName)), 2, null),
                _ => (tensor(ColumnReader.Targets(data, _options.LabelColumnName)), 1, (DataViewSchema.Annotations?)null),
            };
            return (new Examples(x, y, weights is null ? null : tensor(weights)), outputs, annotations);
        }
        catch
        {
            x.Dispose();
            throw;
        }
    }
}
