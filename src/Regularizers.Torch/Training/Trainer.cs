using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// A training loop for any <c>Module&lt;Tensor, Tensor&gt;</c>: shuffled mini-batches, loss plus the regularization's
/// penalties, backward, optimizer step, constraints, then per-epoch metrics on the training and (optionally) validation
/// data, with <see cref="TrainingCallback"/> hooks around every stage. Each batch runs in its own dispose scope, so memory
/// stays flat however long training runs.
/// </summary>
public sealed class Trainer
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly TrainerOptions _options;

    /// <summary>Creates a trainer; the options are validated here.</summary>
    /// <exception cref="ArgumentException"><paramref name="optimizer"/> steps parameters that are not the model's, or none, or the model is frozen.</exception>
    public Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, TrainerOptions? options = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        if (OptimizerParameters.Mismatch(model, optimizer) is { } mismatch)
        {
            throw new ArgumentException(
                $"optimizer must step this model's parameters, but {mismatch}. Build it from the model it trains, e.g. optim.Adam(model.parameters()).",
                nameof(optimizer));
        }
        _options = options ?? new TrainerOptions();
        _options.Validate();
    }

    /// <summary>Trains on (<paramref name="x"/>, <paramref name="y"/>) and evaluates on the validation pair when given.</summary>
    /// <exception cref="ArgumentException">Inputs and targets differ in length, or only one validation tensor is given.</exception>
    public TrainingHistory Fit(Tensor x, Tensor y, Tensor? validationX = null, Tensor? validationY = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.shape[0] != y.shape[0])
        {
            throw new ArgumentException($"x has {x.shape[0]} examples but y has {y.shape[0]}.", nameof(y));
        }
        if ((validationX is null) != (validationY is null))
        {
            throw new ArgumentException("validationX and validationY must be given together.", nameof(validationY));
        }
        using var generator = _options.Seed is { } seed ? new Generator((ulong)seed) : null;
        if (_options.Seed is { } s)
        {
            manual_seed(s);
        }
        var history = new TrainingHistory();
        var context = new TrainingContext(_model, _optimizer, history);
        Each(c => c.OnTrainBegin(context));
        for (var epoch = 1; epoch <= _options.Epochs && !context.StopTraining; epoch++)
        {
            context.Epoch = epoch;
            Each(c => c.OnEpochBegin(context));
            var (loss, accuracy) = TrainEpoch(x, y, generator, context);
            (double Loss, double Accuracy)? validation = validationX is null ? null : Evaluate(validationX, validationY!);
            history.Add(new EpochMetrics(epoch, loss, accuracy, validation?.Loss, validation?.Accuracy));
            Each(c => c.OnEpochEnd(context));
        }
        history.StopReason = context.StopTraining ? context.StopReason ?? "a callback stopped training" : null;
        Each(c => c.OnTrainEnd(context));
        return history;
    }

    /// <summary>
    /// Trains on a TorchSharp map-style dataset whose examples hold "data" and "label" tensors (TorchSharp's convention),
    /// and evaluates on <paramref name="validation"/> when given. The examples are stacked into two tensors first, so the
    /// data set must fit in memory; batches are then drawn exactly as by <see cref="Fit(Tensor, Tensor, Tensor?, Tensor?)"/>.
    /// </summary>
    public TrainingHistory Fit(utils.data.Dataset train, utils.data.Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var (x, y) = Stack(train, nameof(train));
        using (x)
        using (y)
        {
            if (validation is null)
            {
                return Fit(x, y);
            }
            var (xv, yv) = Stack(validation, nameof(validation));
            using (xv)
            using (yv)
            {
                return Fit(x, y, xv, yv);
            }
        }
    }

    private static (Tensor X, Tensor Y) Stack(utils.data.Dataset dataset, string name)
    {
        if (dataset.Count < 1)
        {
            throw new ArgumentException($"{name} is empty.", name);
        }
        using var scope = NewDisposeScope();
        var data = new List<Tensor>();
        var labels = new List<Tensor>();
        for (long i = 0; i < dataset.Count; i++)
        {
            var example = dataset.GetTensor(i);
            data.Add(example.TryGetValue("data", out var d) ? d : throw new ArgumentException($"Example {i} of {name} has no \"data\" tensor.", name));
            labels.Add(example.TryGetValue("label", out var l) ? l : throw new ArgumentException($"Example {i} of {name} has no \"label\" tensor.", name));
        }
        return (stack(data).MoveToOuterDisposeScope(), stack(labels).MoveToOuterDisposeScope());
    }

    private (double Loss, double Accuracy) TrainEpoch(Tensor x, Tensor y, Generator? generator, TrainingContext context)
    {
        _model.train();
        var count = x.shape[0];
        context.BatchesPerEpoch = (int)((count + _options.BatchSize - 1) / _options.BatchSize);
        // The order is drawn on the CPU whatever the data's device, so that a seed gives the same batches everywhere.
        using var drawn = randperm(count, generator: generator);
        using var order = drawn.to(x.device);
        double lossSum = 0;
        long correct = 0;
        var batch = 0;
        for (long start = 0; start < count; start += _options.BatchSize, batch++)
        {
            using var scope = NewDisposeScope();
            context.Batch = batch;
            Each(c => c.OnBatchBegin(context));
            var idx = order.narrow(0, start, Math.Min(_options.BatchSize, count - start));
            var (xb, labels) = (x.index_select(0, idx), y.index_select(0, idx));
            var yb = labels;
            if (_options.BatchTransform is { } transform)
            {
                (xb, yb) = transform.Apply(xb, labels);
            }
            _optimizer.zero_grad();
            var (loss, output) = _options.Adversarial is { } adversarial
                ? adversarial.Loss(_model, xb, yb, _options.Loss)
                : Plain(xb, yb);
            if (_options.Regularization is { HasPenalties: true } reg)
            {
                loss = loss + reg.Penalty(_model);
            }
            context.BatchLoss = loss.item<float>();
            lossSum += context.BatchLoss * idx.shape[0];
            correct += Correct(output, labels);
            loss.backward();
            _options.Regularization?.AfterBackward(_model);
            Each(c => c.OnAfterBackward(context));
            _optimizer.step();
            _options.Regularization?.AfterStep(_model);
            Each(c => c.OnAfterStep(context));
            Each(c => c.OnBatchEnd(context));
        }
        return (lossSum / count, IsClassification(y) ? (double)correct / count : double.NaN);
    }

    private (Tensor Loss, Tensor Output) Plain(Tensor x, Tensor y)
    {
        var output = _model.call(x);
        return (_options.Loss(output, y), output);
    }

    /// <summary>Loss (without penalties) and accuracy of the model in eval mode on the given data.</summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var wasTraining = _model.training;
        _model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        double lossSum = 0;
        long correct = 0;
        var count = x.shape[0];
        for (long start = 0; start < count; start += 1024)
        {
            var length = Math.Min(1024, count - start);
            var (xb, yb) = (x.narrow(0, start, length), y.narrow(0, start, length));
            var output = _model.call(xb);
            lossSum += _options.Loss(output, yb).item<float>() * length;
            correct += Correct(output, yb);
        }
        _model.train(wasTraining);
        return (lossSum / count, IsClassification(y) ? (double)correct / count : double.NaN);
    }

    /// <summary>
    /// Accuracy of the model under attack at each ε of <paramref name="epsilons"/> (see
    /// <see cref="Adversarial.RobustAccuracy"/>), the attack at ε built by <paramref name="attackAt"/>, e.g.
    /// <c>e =&gt; new FgsmAttack(e)</c> or <c>e =&gt; new PgdAttack(e, e / 4, 10)</c>.
    /// </summary>
    public IReadOnlyList<double> EvaluateRobust(Tensor x, Tensor y, IReadOnlyList<double> epsilons, Func<double, Adversarial.AdversarialAttack> attackAt) =>
        Adversarial.RobustAccuracy.Curve(_model, x, y, epsilons, attackAt);

    private static bool IsClassification(Tensor y) => y.dtype is ScalarType.Int64 or ScalarType.Int32;

    private static long Correct(Tensor output, Tensor y) =>
        IsClassification(y) && output.dim() == 2 ? output.argmax(1).eq(y).sum().item<long>() : 0;

    private void Each(Action<TrainingCallback> hook)
    {
        foreach (var callback in _options.Callbacks)
        {
            hook(callback);
        }
    }
}
