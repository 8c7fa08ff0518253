using TorchSharp.Utils;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Base of the managed optimizers: per-parameter state tensors, a step loop that runs under <c>no_grad</c> in a
    /// dispose scope, and state saving in a stream (a deep copy of every buffer and step count).
    /// </summary>
    public abstract class OptimizerHelper : optim.Optimizer
    {
        private readonly Dictionary<Parameter, PerParameterState> _states = new(ReferenceEqualityComparer.Instance);

        public OptimizerHelper()
        {
        }

        internal sealed class PerParameterState
        {
            public long Step;
            public readonly SortedDictionary<string, Tensor> Buffers = new(StringComparer.Ordinal);

            public Tensor Get(string name, Func<Tensor> create)
            {
                if (!Buffers.TryGetValue(name, out var t))
                {
                    t = create().DetachFromDisposeScope();
                    Buffers[name] = t;
                }
                return t;
            }
        }

        internal void AddGroup(IEnumerable<Parameter> parameters, double lr)
        {
            var list = parameters.ToList();
            add_param_group(new ParamGroup { Parameters = list, LearningRate = lr, InitialLearningRate = lr, Options = new OptimizerOptions { LearningRate = lr, InitialLearningRate = lr } });
        }

        /// <summary>Runs <paramref name="update"/> for every parameter that has a gradient, with its group's learning rate and its state.</summary>
        internal Tensor StepAll(Func<Tensor> closure, Action<Parameter, Tensor, double, PerParameterState> update)
        {
            Tensor loss = null;
            if (closure is not null)
            {
                using (enable_grad())
                {
                    loss = closure();
                }
            }
            using (no_grad())
            {
                foreach (var group in _parameter_groups)
                {
                    foreach (var p in group.Parameters)
                    {
                        using var scope = NewDisposeScope();
                        var grad = p.grad;
                        if (grad is null)
                        {
                            continue;
                        }
                        if (!_states.TryGetValue(p, out var state))
                        {
                            state = new PerParameterState();
                            _states[p] = state;
                        }
                        update(p, grad, group.LearningRate, state);
                    }
                }
            }
            return loss;
        }

        /// <summary>Writes learning rates, step counts and state buffers; loading them back restores the optimizer exactly.</summary>
        public void save_state_dict(BinaryWriter writer)
        {
            Leb128.Encode(writer, _parameter_groups.Count);
            foreach (var group in _parameter_groups)
            {
                writer.Write(group.LearningRate);
                writer.Write(group.InitialLearningRate);
                var ps = group.Parameters.ToList();
                Leb128.Encode(writer, ps.Count);
                foreach (var p in ps)
                {
                    var has = _states.TryGetValue(p, out var state);
                    writer.Write(has);
                    if (!has)
                    {
                        continue;
                    }
                    writer.Write(state.Step);
                    Leb128.Encode(writer, state.Buffers.Count);
                    foreach (var (name, buffer) in state.Buffers)
                    {
                        writer.Write(name);
                        TensorFormat.Write(writer, buffer);
                    }
                }
            }
        }

        /// <summary>Saves to a file atomically (temporary file, then rename).</summary>
        public void save_state_dict(string location)
        {
            var temp = location + ".tmp-" + Guid.NewGuid().ToString("N");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew))
                using (var writer = new BinaryWriter(stream))
                {
                    save_state_dict(writer);
                }
                File.Move(temp, location, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        public void load_state_dict(BinaryReader reader)
        {
            var groups = Leb128.Decode(reader);
            if (groups != _parameter_groups.Count)
            {
                throw new InvalidDataException($"The saved optimizer has {groups} parameter groups; this one has {_parameter_groups.Count}.");
            }
            foreach (var group in _parameter_groups)
            {
                group.LearningRate = reader.ReadDouble();
                group.InitialLearningRate = reader.ReadDouble();
                var ps = group.Parameters.ToList();
                var count = Leb128.Decode(reader);
                if (count != ps.Count)
                {
                    throw new InvalidDataException($"A saved parameter group has {count} parameters; this optimizer's has {ps.Count}.");
                }
                foreach (var p in ps)
                {
                    if (_states.Remove(p, out var old))
                    {
                        foreach (var b in old.Buffers.Values)
                        {
                            b.Dispose();
                        }
                    }
                    if (!reader.ReadBoolean())
                    {
                        continue;
                    }
                    var state = new PerParameterState { Step = reader.ReadInt64() };
                    var buffers = Leb128.Decode(reader);
                    for (var i = 0; i < buffers; i++)
                    {
                        var name = reader.ReadString();
                        var buffer = zeros_like(p).DetachFromDisposeScope();
                        TensorFormat.ReadInto(reader, buffer, name);
                        state.Buffers[name] = buffer;
                    }
                    _states[p] = state;
                }
            }
        }

        public void load_state_dict(string location)
        {
            using var stream = File.OpenRead(location);
            using var reader = new BinaryReader(stream);
            load_state_dict(reader);
        }

        internal void DisposeStates()
        {
            foreach (var state in _states.Values)
            {
                foreach (var b in state.Buffers.Values)
                {
                    b.Dispose();
                }
            }
            _states.Clear();
        }
    }
}
