using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Stochastic gradient descent with PyTorch 1.13's update: g ← g + wd·p; with momentum μ, b ← g on the first step and
    /// b ← μ·b + (1 − dampening)·g after, then g ← g + μ·b (Nesterov) or g ← b; finally p ← p − lr·g.
    /// </summary>
    public class SGD : OptimizerHelper, optim.IMomentum
    {
        private readonly double _dampening;
        private readonly double _weightDecay;
        private readonly bool _nesterov;
        private readonly bool _maximize;

        public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0.0, double dampening = 0.0, double weight_decay = 0.0, bool nesterov = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}", nameof(lr));
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}", nameof(momentum));
            if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}", nameof(weight_decay));
            if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
            Momentum = momentum;
            _dampening = dampening;
            _weightDecay = weight_decay;
            _nesterov = nesterov;
            _maximize = maximize;
            AddGroup(parameters, lr);
        }

        public double Momentum { get; set; }

        public override Tensor step(Func<Tensor> closure = null) => StepAll(closure, (p, grad, lr, state) =>
        {
            var g = _maximize ? grad.neg() : grad;
            if (_weightDecay != 0)
            {
                g = g.add(p, _weightDecay);
            }
            if (Momentum != 0)
            {
                if (state.Buffers.TryGetValue("momentum_buffer", out var buffer))
                {
                    buffer.mul_(Momentum).add_(g, 1 - _dampening);
                }
                else
                {
                    buffer = state.Get("momentum_buffer", () => g.clone());
                }
                g = _nesterov ? g.add(buffer, Momentum) : buffer;
            }
            p.add_(g, -lr);
        });

        protected override void Dispose(bool disposing) => DisposeStates();
    }
}
