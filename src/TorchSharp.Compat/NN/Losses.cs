using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    /// <summary>A loss module with a reduction (none, mean or sum).</summary>
    public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
    {
        public Loss(nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(Loss<T1, T2, TResult>)) => this.reduction = reduction;

        public nn.Reduction reduction { get; }
    }

    /// <summary>A loss with optional per-class weights.</summary>
    public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
    {
        public WeightedLoss(Tensor weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(reduction) => this.weight = weight;

        public Tensor weight { get; }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>Cross-entropy of logits against class indices or class probabilities, with optional label smoothing.</summary>
    public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public CrossEntropyLoss(Tensor weight = null, long? ignore_index = null, nn.Reduction reduction = nn.Reduction.Mean, double label_smoothing = 0.0)
            : base(weight, reduction)
        {
            this.ignore_index = ignore_index;
            this.label_smoothing = label_smoothing;
        }

        public long? ignore_index { get; }

        public double label_smoothing { get; }

        public override Tensor forward(Tensor input, Tensor target) =>
            nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
    }

    /// <summary>Negative log-likelihood of log-probabilities.</summary>
    public sealed class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public NLLLoss(Tensor weight = null, nn.Reduction reduction = nn.Reduction.Mean) : base(weight, reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => nn.functional.nll_loss(input, target, weight, reduction);
    }

    /// <summary>Mean squared error.</summary>
    public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
    {
        public MSELoss(nn.Reduction reduction = nn.Reduction.Mean) : base(reduction)
        {
        }

        public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
    }

    /// <summary>Binary cross-entropy of logits, computed stably in one op.</summary>
    public sealed class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
    {
        public BCEWithLogitsLoss(Tensor weight = null, nn.Reduction reduction = nn.Reduction.Mean, Tensor pos_weights = null) : base(weight, reduction) => this.pos_weights = pos_weights;

        public Tensor pos_weights { get; }

        public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
    }
}
