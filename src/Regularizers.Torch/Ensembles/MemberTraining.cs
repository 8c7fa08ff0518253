using Regularizers.Core.Sampling;
using Regularizers.Torch.Training;
using static TorchSharp.torch;

namespace Regularizers.Torch.Ensembles;

/// <summary>Draws each member's sample, creates the members one after another with their seeds, and trains them.</summary>
internal static class MemberTraining
{
    public static List<BaggingMember> Train(
        Func<int, nn.Module<Tensor, Tensor>> createModel, Func<nn.Module<Tensor, Tensor>, optim.Optimizer> createOptimizer,
        TrainerOptions trainer, BaggingOptions options, Tensor x, Tensor y)
    {
        var sampler = new BootstrapSampler(options.SampleFraction, options.WithReplacement, options.MaxFeatures);
        var rows = checked((int)x.shape[0]);
        var features = checked((int)x.shape[1]);
        var plans = Enumerable.Range(0, options.Members).Select(i =>
        {
            var sample = sampler.Sample(rows, new Random(options.Seed + i), features);
            manual_seed(options.Seed + i);
            return (Index: i, Sample: sample, Model: createModel(sample.Features.Length));
        }).ToList();

        BaggingMember TrainOne((int Index, BootstrapSample Sample, nn.Module<Tensor, Tensor> Model) plan)
        {
            using var rowIndex = tensor(plan.Sample.InBag.Select(r => (long)r).ToArray(), device: x.device);
            using var featureIndex = tensor(plan.Sample.Features.Select(f => (long)f).ToArray(), device: x.device);
            using var xs = x.index_select(0, rowIndex).index_select(1, featureIndex);
            using var ys = y.index_select(0, rowIndex);
            using var optimizer = createOptimizer(plan.Model);
            if (OptimizerParameters.Mismatch(plan.Model, optimizer) is { } mismatch)
            {
                throw new ArgumentException(
                    $"createOptimizer must return a new optimizer over the model it is given (member {plan.Index}), but {mismatch}. Write it as m => optim.Adam(m.parameters()).",
                    nameof(createOptimizer));
            }
            using var stopper = plan.Sample.OutOfBag.Length > 0 ? options.OutOfBagEarlyStopping?.Invoke() : null;
            var memberOptions = trainer with
            {
                Callbacks = stopper is null ? trainer.Callbacks : trainer.Callbacks.Append(stopper).ToList(),
                Seed = options.Seed + plan.Index,
            };
            var memberTrainer = new Trainer(plan.Model, optimizer, memberOptions);
            if (stopper is null)
            {
                return new BaggingMember(plan.Model, plan.Sample, memberTrainer.Fit(xs, ys));
            }
            using var oobIndex = tensor(plan.Sample.OutOfBag.Select(r => (long)r).ToArray(), device: x.device);
            using var xo = x.index_select(0, oobIndex).index_select(1, featureIndex);
            using var yo = y.index_select(0, oobIndex);
            return new BaggingMember(plan.Model, plan.Sample, memberTrainer.Fit(xs, ys, xo, yo));
        }

        // Layers that draw from libtorch's process-wide generator while training would make parallel members depend on
        // thread timing, so such ensembles train one member after another even when Parallel is set.
        var stochastic = plans.Any(p => p.Model.modules().Any(IsStochastic));
        if (!options.Parallel || stochastic || Environment.ProcessorCount == 1)
        {
            return plans.Select(TrainOne).ToList();
        }
        try
        {
            return plans.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).Select(TrainOne).ToList();
        }
        catch (AggregateException e)
        {
            // A member's failure (a bad factory, a libtorch error) reaches the caller as itself, as it does sequentially.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>True for modules that draw random numbers in training mode.</summary>
    public static bool IsStochastic(nn.Module module) =>
        MonteCarloDropout.IsDropout(module) || module is GaussianNoise or WeightNoise;
}
