using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>The Adam and AdamW update of PyTorch 1.13, shared by <see cref="Adam"/> and <see cref="AdamW"/>.</summary>
    internal static class AdamUpdate
    {
        /// <summary>PyTorch's argument checks for Adam and AdamW.</summary>
        internal static void Validate(double lr, double beta1, double beta2, double eps)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}", nameof(eps));
            if (beta1 < 0 || beta1 >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}", nameof(beta1));
            if (beta2 < 0 || beta2 >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}", nameof(beta2));
        }

        /// <summary>
        /// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; (AMSGrad: v̂ ← max(v̂, v)); p ← p − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
        /// </summary>
        internal static void Apply(Parameter p, Tensor g, double lr, OptimizerHelper.PerParameterState state, double beta1, double beta2, double eps, bool amsgrad)
        {
            state.Step++;
            var m = state.Get("exp_avg", () => zeros_like(p));
            var v = state.Get("exp_avg_sq", () => zeros_like(p));
            m.mul_(beta1).add_(g, 1 - beta1);
            v.mul_(beta2).addcmul_(g, g, 1 - beta2);
            var bias1 = 1 - Math.Pow(beta1, state.Step);
            var bias2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, state.Step));
            Tensor denominator;
            if (amsgrad)
            {
                var vMax = state.Get("max_exp_avg_sq", () => zeros_like(p));
                vMax.copy_(vMax.maximum(v));
                denominator = (vMax.sqrt() / bias2Sqrt).add_(eps);
            }
            else
            {
                denominator = (v.sqrt() / bias2Sqrt).add_(eps);
            }
            p.addcdiv_(m, denominator, -lr / bias1);
        }
    }

    /// <summary>Adam (Kingma and Ba) with PyTorch 1.13's update; weight_decay adds wd·p to the gradient (coupled L2).</summary>
    public class Adam : OptimizerHelper, optim.IBetas
    {
        private readonly double _eps;
        private readonly double _weightDecay;
        private readonly bool _amsgrad;
        private readonly bool _maximize;

        public Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
        {
            AdamUpdate.Validate(lr, beta1, beta2, eps);
            Betas = (beta1, beta2);
            _eps = eps;
            _weightDecay = weight_decay;
            _amsgrad = amsgrad;
            _maximize = maximize;
            AddGroup(parameters, lr);
        }

        public (double, double) Betas { get; set; }

        public override Tensor step(Func<Tensor> closure = null) => StepAll(closure, (p, grad, lr, state) =>
        {
            var g = _maximize ? grad.neg() : grad;
            if (_weightDecay != 0)
            {
                g = g.add(p, _weightDecay);
            }
            AdamUpdate.Apply(p, g, lr, state, Betas.Item1, Betas.Item2, _eps, _amsgrad);
        });

        protected override void Dispose(bool disposing) => DisposeStates();
    }

    /// <summary>AdamW (Loshchilov and Hutter): p ← p·(1 − lr·wd), then the Adam update without weight decay in the gradient.</summary>
    public class AdamW : OptimizerHelper, optim.IBetas
    {
        private readonly double _eps;
        private readonly double _weightDecay;
        private readonly bool _amsgrad;
        private readonly bool _maximize;

        public AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0.0, bool amsgrad = false, bool maximize = false)
        {
            AdamUpdate.Validate(lr, beta1, beta2, eps);
            Betas = (beta1, beta2);
            _eps = eps;
            _weightDecay = weight_decay;
            _amsgrad = amsgrad;
            _maximize = maximize;
            AddGroup(parameters, lr);
        }

        public (double, double) Betas { get; set; }

        public override Tensor step(Func<Tensor> closure = null) => StepAll(closure, (p, grad, lr, state) =>
        {
            var g = _maximize ? grad.neg() : grad;
            p.mul_(1 - lr * _weightDecay);
            AdamUpdate.Apply(p, g, lr, state, Betas.Item1, Betas.Item2, _eps, _amsgrad);
        });

        protected override void Dispose(bool disposing) => DisposeStates();
    }
}
