using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Training;

/// <summary>
/// A training loop for any <c>Module&lt;Tensor, Tensor&gt;</c>: shuffled mini-batches, loss plus the regularization's
/// penalties, backward (gradients summed over <see cref="TrainerOptions.AccumulationSteps"/> batches), gradient clipping,
/// optimizer step (two forward/backward passes under <see cref="SharpnessAwareMinimization"/>, the second with BatchNorm's
/// running statistics frozen), constraints, then per-epoch metrics on the training and (optionally) validation
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
        if (optimizer is SharpnessAwareMinimization && _options.AccumulationSteps > 1)
        {
            throw new ArgumentException(
                $"SharpnessAwareMinimization perturbs the weights with one batch's gradient and needs the gradient of that same batch at the perturbed weights, so it cannot accumulate batches. Received: AccumulationSteps={_options.AccumulationSteps}; use 1 with SAM.",
                nameof(options));
        }
    }

    /// <summary>Trains on (<paramref name="x"/>, <paramref name="y"/>) and evaluates on the validation pair when given.</summary>
    /// <exception cref="ArgumentException">Inputs and targets differ in length, or only one validation tensor is given.</exception>
    public TrainingHistory Fit(Tensor x, Tensor y, Tensor? validationX = null, Tensor? validationY = null) =>
        Fit(x, y, null, validationX, validationY, null);

    /// <summary>
    /// Trains with a weight per example: each batch's loss is the weighted mean <c>Σᵢ wᵢ·ℓᵢ / Σᵢ wᵢ</c> of
    /// <see cref="TrainerOptions.ExampleLoss"/> over the batch (a batch whose weights are all 0 contributes a zero loss),
    /// and the epoch's loss and accuracy are weighted means over the epoch (validation ones over
    /// <paramref name="validationWeights"/>, or unweighted when that is null). Weight 2 on an example is weight 1 on
    /// two copies of it within a batch.
    /// </summary>
    /// <param name="x">Inputs [N, …].</param>
    /// <param name="y">Targets [N, …].</param>
    /// <param name="weights">Weights [N], finite and ≥ 0; null for 1 each (then <see cref="TrainerOptions.Loss"/> is used).</param>
    /// <param name="validationX">Validation inputs, or null.</param>
    /// <param name="validationY">Validation targets, or null.</param>
    /// <param name="validationWeights">Validation weights, or null.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ, only one validation tensor is given, or weights are given without <see cref="TrainerOptions.ExampleLoss"/>.
    /// </exception>
    public TrainingHistory Fit(Tensor x, Tensor y, Tensor? weights, Tensor? validationX, Tensor? validationY, Tensor? validationWeights)
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
        CheckWeights(weights, x, nameof(weights));
        if (weights is not null && (_options.ModelLoss, _options.Adversarial, _options.BatchTransform) is not (null, null, null))
        {
            throw new ArgumentException(
                "weights cannot be used with TrainerOptions.ModelLoss, Adversarial or BatchTransform, which compute or reshape the batch loss themselves; leave out one of them.",
                nameof(weights));
        }
        CheckWeights(validationWeights, validationX, nameof(validationWeights));
        using var generator = _options.Seed is { } seed ? new Generator((ulong)seed) : null;
        if (_options.Seed is { } s)
        {
            manual_seed(s);
        }
        var history = new TrainingHistory();
        var context = new TrainingContext(_model, _optimizer, history) { TrainingInputs = x, BatchSize = _options.BatchSize };
        var scheduled = ScheduledStrengths.Find([_model, _options.Regularization, _options.ModelLoss, _options.Adversarial, .. _options.Callbacks, .. _options.Scheduled]);
        Each(c => c.OnTrainBegin(context));
        for (var epoch = _options.InitialEpoch + 1; epoch <= _options.Epochs && !context.StopTraining; epoch++)
        {
            context.Epoch = epoch;
            Each(c => c.OnEpochBegin(context));
            var (loss, accuracy) = TrainEpoch(x, y, weights, generator, context, scheduled);
            if (context.StopTraining)
            {
                break;
            }
            (double Loss, double Accuracy)? validation = null;
            if (validationX is not null)
            {
                Each(c => c.OnValidationBegin(context));
                validation = Evaluate(validationX, validationY!, validationWeights);
                Each(c => c.OnValidationEnd(context));
            }
            history.Add(new EpochMetrics(epoch, loss, accuracy, validation?.Loss, validation?.Accuracy) { ScheduledValues = ScheduledStrengths.Values(scheduled) });
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

    private void CheckWeights(Tensor? weights, Tensor? x, string name)
    {
        if (weights is null)
        {
            return;
        }
        if (_options.ExampleLoss is null)
        {
            throw new ArgumentException($"{name}: example weights need TrainerOptions.ExampleLoss, the loss of each example (reduction none).", name);
        }
        if (x is null || weights.dim() != 1 || weights.shape[0] != x.shape[0])
        {
            throw new ArgumentException($"{name} must be a vector of one weight per example; it has shape [{string.Join(", ", weights.shape)}].", name);
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

    private (double Loss, double Accuracy) TrainEpoch(
        Tensor x, Tensor y, Tensor? weights, Generator? generator, TrainingContext context, IReadOnlyList<(string, IScheduled)> scheduled)
    {
        _model.train();
        var count = x.shape[0];
        context.BatchesPerEpoch = (int)((count + _options.BatchSize - 1) / _options.BatchSize);
        // The order is drawn on the CPU whatever the data's device, so that a seed gives the same batches everywhere.
        using var drawn = randperm(count, generator: generator);
        using var order = drawn.to(x.device);
        double lossSum = 0;
        double correct = 0;
        double weightSum = 0;
        var batch = 0;
        for (long start = 0; start < count && !context.StopTraining; start += _options.BatchSize, batch++)
        {
            using var scope = NewDisposeScope();
            context.Batch = batch;
            ScheduledStrengths.Advance(scheduled, context.Epoch - 1, ((long)(context.Epoch - 1) * context.BatchesPerEpoch) + batch);
            Each(c => c.OnBatchBegin(context));
            var idx = order.narrow(0, start, Math.Min(_options.BatchSize, count - start));
            var (xb, labels, wb) = (x.index_select(0, idx), y.index_select(0, idx), weights?.index_select(0, idx));
            var yb = labels;
            if (_options.BatchTransform is { } transform)
            {
                (xb, yb) = transform.Apply(xb, labels);
            }
            if (batch % _options.AccumulationSteps == 0)
            {
                _optimizer.zero_grad();
            }
            var (output, batchWeight) = ForwardBackward(xb, yb, wb, context);
            lossSum += context.BatchLoss * batchWeight;
            weightSum += batchWeight;
            correct += Correct(output, labels, wb);
            if ((batch + 1) % _options.AccumulationSteps == 0 || batch + 1 == context.BatchesPerEpoch)
            {
                if (_optimizer is SharpnessAwareMinimization sam)
                {
                    sam.FirstStep();
                    var loss = context.BatchLoss;
                    using (BatchNormStatistics.Frozen(_model))
                    {
                        ForwardBackward(xb, yb, wb, context);
                    }
                    context.BatchLoss = loss;
                }
                ClipGradients();
                _optimizer.step();
                _options.Regularization?.AfterStep(_model);
                Each(c => c.OnAfterStep(context));
            }
            Each(c => c.OnBatchEnd(context));
        }
        return (lossSum / weightSum, IsClassification(y) ? correct / weightSum : double.NaN);
    }

    /// <summary>The batch's weighted mean loss <c>Σ wℓ / Σ w</c> (0 when Σ w = 0) and Σ w.</summary>
    private (Tensor Loss, double Weight) WeightedLoss(Tensor output, Tensor y, Tensor weights)
    {
        var total = weights.sum().item<float>();
        var weighted = (_options.ExampleLoss!(output, y) * weights).sum();
        return (total > 0 ? weighted / total : weighted, total);
    }

    /// <summary>
    /// The forward pass (or the model loss's own passes), the loss with the penalties (divided by the accumulation steps,
    /// so that k accumulated batches give the mean of their gradients) and its backward; sets
    /// <see cref="TrainingContext.BatchLoss"/> to the undivided loss.
    /// </summary>
    private (Tensor Output, double Weight) ForwardBackward(Tensor xb, Tensor yb, Tensor? wb, TrainingContext context)
    {
        var (loss, output, weight) = (_options.ModelLoss, _options.Adversarial, wb) switch
        {
            ({ } modelLoss, _, _) => Weighed(modelLoss.Compute(_model, xb, yb), xb.shape[0]),
            (null, { } adversarial, _) => Weighed(adversarial.Loss(_model, xb, yb, _options.Loss), xb.shape[0]),
            (null, null, { } w) => WeightedForward(xb, yb, w),
            _ => Weighed(Forward(xb, yb), xb.shape[0]),
        };
        if (_options.Regularization is { HasPenalties: true } reg)
        {
            loss = loss + reg.Penalty(_model);
        }
        context.BatchLoss = loss.item<float>();
        (_options.AccumulationSteps == 1 ? loss : loss / _options.AccumulationSteps).backward();
        _options.Regularization?.AfterBackward(_model);
        Each(c => c.OnAfterBackward(context));
        return (output, weight);
    }

    private static (Tensor Loss, Tensor Output, double Weight) Weighed((Tensor Loss, Tensor Output) pass, long count) => (pass.Loss, pass.Output, count);

    private (Tensor Loss, Tensor Output, double Weight) WeightedForward(Tensor xb, Tensor yb, Tensor wb)
    {
        var output = _model.call(xb);
        var (loss, weight) = WeightedLoss(output, yb, wb);
        return (loss, output, weight);
    }

    private (Tensor Loss, Tensor Output) Forward(Tensor x, Tensor y)
    {
        var output = _model.call(x);
        return (_options.Loss(output, y), output);
    }

    private void ClipGradients()
    {
        if (_options.ClipGradientNorm is { } maxNorm)
        {
            nn.utils.clip_grad_norm_(_model.parameters(), maxNorm);
        }
        if (_options.ClipGradientValue is { } maxValue)
        {
            nn.utils.clip_grad_value_(_model.parameters(), maxValue);
        }
    }

    /// <summary>Loss (without penalties) and accuracy of the model in eval mode on the given data.</summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y) => Evaluate(x, y, null);

    /// <summary>
    /// Loss (without penalties) and accuracy of the model in eval mode on the given data, weighted means over
    /// <paramref name="weights"/> (see <see cref="Fit(Tensor, Tensor, Tensor?, Tensor?, Tensor?, Tensor?)"/>) when given.
    /// </summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y, Tensor? weights)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        CheckWeights(weights, x, nameof(weights));
        var wasTraining = _model.training;
        _model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        double lossSum = 0;
        double correct = 0;
        double weightSum = 0;
        var count = x.shape[0];
        for (long start = 0; start < count; start += 1024)
        {
            var length = Math.Min(1024, count - start);
            var (xb, yb, wb) = (x.narrow(0, start, length), y.narrow(0, start, length), weights?.narrow(0, start, length));
            var output = _model.call(xb);
            var (loss, batchWeight) = wb is null ? (_options.Loss(output, yb), length) : WeightedLoss(output, yb, wb);
            lossSum += loss.item<float>() * batchWeight;
            weightSum += batchWeight;
            correct += Correct(output, yb, wb);
        }
        _model.train(wasTraining);
        return (lossSum / weightSum, IsClassification(y) ? correct / weightSum : double.NaN);
    }

    /// <summary>
    /// Accuracy of the model under attack at each ε of <paramref name="epsilons"/> (see
    /// <see cref="Adversarial.RobustAccuracy"/>), the attack at ε built by <paramref name="attackAt"/>, e.g.
    /// <c>e =&gt; new FgsmAttack(e)</c> or <c>e =&gt; new PgdAttack(e, e / 4, 10)</c>.
    /// </summary>
    public IReadOnlyList<double> EvaluateRobust(Tensor x, Tensor y, IReadOnlyList<double> epsilons, Func<double, Adversarial.AdversarialAttack> attackAt) =>
        Adversarial.RobustAccuracy.Curve(_model, x, y, epsilons, attackAt);

    private static bool IsClassification(Tensor y) => y.dtype is ScalarType.Int64 or ScalarType.Int32;

    /// <summary>The number (or, with weights, the total weight) of examples classified correctly.</summary>
    private static double Correct(Tensor output, Tensor y, Tensor? weights)
    {
        if (!IsClassification(y) || output.dim() != 2)
        {
            return 0;
        }
        using var hits = output.argmax(1).eq(y);
        return weights is null ? hits.sum().item<long>() : (hits * weights).sum().item<float>();
    }

    private void Each(Action<TrainingCallback> hook)
    {
        foreach (var callback in _options.Callbacks)
        {
            hook(callback);
        }
    }
}
