using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>AdaGrad (Duchi et al.) with PyTorch 1.13's update: s ← s + g², p ← p − (lr/(1 + (t−1)·lr_decay))·g/(√s + ε).</summary>
    public class Adagrad : OptimizerHelper
    {
        private readonly double _lrDecay;
        private readonly double _weightDecay;
        private readonly double _initial;
        private readonly double _eps;

        public Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0.0, double weight_decay = 0.0, double initial_accumulator_value = 0.0, double eps = 1E-10)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
            if (lr_decay < 0) throw new ArgumentException($"Invalid lr_decay value: {lr_decay}", nameof(lr_decay));
            if (initial_accumulator_value < 0) throw new ArgumentException($"Invalid initial_accumulator_value value: {initial_accumulator_value}", nameof(initial_accumulator_value));
            _lrDecay = lr_decay;
            _weightDecay = weight_decay;
            _initial = initial_accumulator_value;
            _eps = eps;
            AddGroup(parameters, lr);
        }

        public override Tensor step(Func<Tensor> closure = null) => StepAll(closure, (p, grad, lr, state) =>
        {
            state.Step++;
            var g = _weightDecay != 0 ? grad.add(p, _weightDecay) : grad;
            var sum = state.Get("sum", () => full_like(p, _initial));
            sum.addcmul_(g, g, 1);
            var clr = lr / (1 + (state.Step - 1) * _lrDecay);
            p.addcdiv_(g, sum.sqrt().add_(_eps), -clr);
        });

        protected override void Dispose(bool disposing) => DisposeStates();
    }

    /// <summary>
    /// RMSProp with PyTorch 1.13's update (ε outside the square root): a ← αa + (1−α)g²; centred: ḡ ← αḡ + (1−α)g and
    /// d = √(a − ḡ²) + ε, else d = √a + ε; with momentum μ, b ← μb + g/d and p ← p − lr·b, else p ← p − lr·g/d.
    /// </summary>
    public class RMSProp : OptimizerHelper, optim.IMomentum
    {
        private readonly double _alpha;
        private readonly double _eps;
        private readonly double _weightDecay;
        private readonly bool _centered;
        private readonly bool _maximize;

        public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.001, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0.0, double momentum = 0.0, bool centered = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
            if (alpha < 0) throw new ArgumentException($"Invalid alpha value: {alpha}", nameof(alpha));
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}", nameof(momentum));
            _alpha = alpha;
            _eps = eps;
            _weightDecay = weight_decay;
            Momentum = momentum;
            _centered = centered;
            _maximize = maximize;
            AddGroup(parameters, lr);
        }

        public double Momentum { get; set; }

        public override Tensor step(Func<Tensor> closure = null) => StepAll(closure, (p, grad, lr, state) =>
        {
            state.Step++;
            var g = _maximize ? grad.neg() : grad;
            if (_weightDecay != 0)
            {
                g = g.add(p, _weightDecay);
            }
            var squareAvg = state.Get("square_avg", () => zeros_like(p));
            squareAvg.mul_(_alpha).addcmul_(g, g, 1 - _alpha);
            Tensor avg;
            if (_centered)
            {
                var gradAvg = state.Get("grad_avg", () => zeros_like(p));
                gradAvg.mul_(_alpha).add_(g, 1 - _alpha);
                avg = (squareAvg - gradAvg.square()).sqrt_().add_(_eps);
            }
            else
            {
                avg = squareAvg.sqrt().add_(_eps);
            }
            if (Momentum > 0)
            {
                var buffer = state.Get("momentum_buffer", () => zeros_like(p));
                buffer.mul_(Momentum).addcdiv_(g, avg);
                p.add_(buffer, -lr);
            }
            else
            {
                p.addcdiv_(g, avg, -lr);
            }
        });

        protected override void Dispose(bool disposing) => DisposeStates();
    }
}
