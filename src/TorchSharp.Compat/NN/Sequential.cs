using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Runs its modules in order, each on the previous one's output. Unnamed modules are named "0", "1", ….</summary>
    public class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.IModule<Tensor, Tensor>> _modules = new();

        internal Sequential(IEnumerable<(string name, nn.Module<Tensor, Tensor> submodule)> modules) : base(nameof(Sequential))
        {
            foreach (var (n, m) in modules)
            {
                append(n, m);
            }
        }

        public int Count => _modules.Count;

        public nn.IModule<Tensor, Tensor> this[int index] => _modules[index];

        public Sequential append(string name, nn.IModule<Tensor, Tensor> module)
        {
            if (module is not nn.Module m)
            {
                throw new ArgumentException("Sequential holds modules derived from torch.nn.Module.", nameof(module));
            }
            register_module(name, m);
            _modules.Add(module);
            return this;
        }

        public Sequential append(nn.IModule<Tensor, Tensor> module) => append(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

        /// <summary>Intermediate results are disposed as soon as the next module has consumed them; the caller owns the returned tensor.</summary>
        public override Tensor forward(Tensor tensor)
        {
            if (_modules.Count == 0)
            {
                return tensor.alias();
            }
            var x = _modules[0].call(tensor);
            for (var i = 1; i < _modules.Count; i++)
            {
                var next = _modules[i].call(x);
                if (!ReferenceEquals(next, x))
                {
                    x.Dispose();
                }
                x = next;
            }
            return x;
        }
    }
}
