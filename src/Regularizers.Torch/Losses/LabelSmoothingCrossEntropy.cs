using Regularizers.Core.Schedules;
using Regularizers.Torch.Schedules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Losses;

/// <summary>
/// Cross-entropy against smoothed targets, <c>−Σₖ qₖ·log softmax(z)ₖ</c>, reduced over the batch:
/// <see cref="LabelSmoothing.Uniform"/> uses <c>q = (1−ε)·y + ε/K</c>; <see cref="LabelSmoothing.OtherClasses"/> uses
/// <c>q = (1−ε)·y + ε/(K−1)·(1−y)</c>, which is the uniform rule with <c>ε′ = ε·K/(K−1)</c>. Targets are class indices
/// (shape [N]) or class probabilities y (shape [N, K]); class weights, ignore_index (indices only) and reductions behave as
/// in <c>nn.functional.cross_entropy</c>.
/// </summary>
public sealed class LabelSmoothingCrossEntropy : nn.Module<Tensor, Tensor, Tensor>, IScheduled
{
    private readonly Tensor? _weight;
    private readonly Schedule? _schedule;

    /// <summary>Creates the loss.</summary>
    /// <param name="epsilon">ε in [0, 1].</param>
    /// <param name="mode">Uniform (default) or OtherClasses.</param>
    /// <param name="weight">Optional per-class weights, shape [K].</param>
    /// <param name="ignoreIndex">Class index whose examples are ignored (index targets only).</param>
    /// <param name="reduction">Mean (default), Sum or None.</param>
    public LabelSmoothingCrossEntropy(double epsilon, LabelSmoothing mode = LabelSmoothing.Uniform, Tensor? weight = null, long ignoreIndex = -100, nn.Reduction reduction = nn.Reduction.Mean)
        : base(nameof(LabelSmoothingCrossEntropy))
    {
        Epsilon = Guard.InRange(epsilon, 0, true, 1, true);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be Uniform or OtherClasses. Received: mode={mode}.");
        }
        Mode = mode;
        _weight = weight;
        IgnoreIndex = ignoreIndex;
        Reduction = reduction;
    }

    /// <summary>Creates the loss with ε following <paramref name="epsilon"/> (its value at epoch 0, step 0 until advanced).</summary>
    public LabelSmoothingCrossEntropy(Schedule epsilon, LabelSmoothing mode = LabelSmoothing.Uniform)
        : this(0, mode)
    {
        _schedule = epsilon ?? throw new ArgumentNullException(nameof(epsilon));
        Advance(0, 0);
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; private set; }

    /// <summary>How ε is spread.</summary>
    public LabelSmoothing Mode { get; }

    /// <summary>The ignored class index.</summary>
    public long IgnoreIndex { get; }

    /// <summary>The batch reduction.</summary>
    public nn.Reduction Reduction { get; }

    /// <inheritdoc />
    public void Advance(int epoch, long step) => Epsilon = _schedule is null ? Epsilon : Guard.InRange(_schedule.At(epoch, step), 0, true, 1, true, nameof(Epsilon));

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> ScheduledValues => ScheduledStrengths.One(_schedule, "epsilon", Epsilon);

    /// <summary>The ε passed to the uniform rule for <paramref name="classes"/> classes.</summary>
    public double UniformEpsilon(long classes)
    {
        if (Mode == LabelSmoothing.Uniform)
        {
            return Epsilon;
        }
        if (classes < 2)
        {
            throw new ArgumentException($"OtherClasses smoothing needs at least 2 classes; the input has {classes}.", nameof(classes));
        }
        return Epsilon * classes / (classes - 1);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// <paramref name="input"/> is not a floating-point tensor of shape [N, K, d…]; <paramref name="target"/> is neither
    /// class indices of shape [N, d…] nor probabilities of the input's shape; either has been disposed.
    /// </exception>
    public override Tensor forward(Tensor input, Tensor target)
    {
        TensorArguments.Floating(input);
        TensorArguments.Live(target);
        if (input.dim() < 2)
        {
            throw new ArgumentException(
                $"input must be logits of shape [N, K] or [N, K, d…] (K classes). Received: input of shape {TensorArguments.Show(input.shape)}.", nameof(input));
        }
        var indices = target.dtype is ScalarType.Int64 or ScalarType.Int32;
        long[] expected = indices ? [input.shape[0], .. input.shape[2..]] : input.shape;
        if (!target.shape.SequenceEqual(expected) || (!indices && !target.is_floating_point()))
        {
            throw new ArgumentException(
                $"target must be class indices (int64) of shape {TensorArguments.Show(expected)} or class probabilities (floating-point) of shape " +
                $"{TensorArguments.Show(input.shape)} for input of shape {TensorArguments.Show(input.shape)}. Received: target of dtype {target.dtype} and shape {TensorArguments.Show(target.shape)}.",
                nameof(target));
        }
        var classes = input.shape[1];
        var eps = UniformEpsilon(classes);
        if (indices)
        {
            if (eps > 1)
            {
                throw new ArgumentException($"OtherClasses smoothing with epsilon={Epsilon} and {classes} classes gives the correct class less than 1/K: epsilon must be at most (K−1)/K = {(classes - 1) / (double)classes}.");
            }
            return nn.functional.cross_entropy(input, target, _weight, IgnoreIndex, Reduction, eps);
        }
        using var scope = NewDisposeScope();
        var smoothed = target * (1 - eps) + eps / classes;
        return nn.functional.cross_entropy(input, smoothed, _weight, IgnoreIndex, Reduction).MoveToOuterDisposeScope();
    }
}
