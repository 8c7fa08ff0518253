using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.optim;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Base of the managed optimizers, as upstream: parameter groups with per-group options, one state object per parameter
    /// (created when its group is added), a step helper that runs under <c>no_grad</c> in a dispose scope, and state saving
    /// in TorchSharp's binary format.
    /// </summary>
    public abstract class OptimizerHelper : Optimizer
    {
        public OptimizerHelper() : base(IntPtr.Zero)
        {
        }

        /// <summary>Saves the optimizer state to a file (written to a temporary file first, then renamed over the target).</summary>
        /// <param name="location">The name of a file where optimizer state data will be stored.</param>
        public void save_state_dict(string location)
        {
            var full = Path.GetFullPath(location);
            var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    using (var writer = new BinaryWriter(stream))
                    {
                        save_state_dict(writer);
                        writer.Flush();
                    }
                }
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        /// <summary>Loads the optimizer state from a file written by <see cref="save_state_dict(string)"/>.</summary>
        /// <param name="location">The name of a file where optimizer state data is stored.</param>
        /// <remarks>Optimizer state saved from PyTorch cannot be restored -- the file format is unique to TorchSharp.</remarks>
        public void load_state_dict(string location)
        {
            using var stream = File.OpenRead(location);
            using var reader = new BinaryReader(stream);
            load_state_dict(reader);
        }

        /// <summary>
        /// Saves the optimizer state: the optimizer's type name, the number of groups and states, each group's options, then
        /// each parameter's state (a copy of every buffer). Saving to a <see cref="MemoryStream"/> is the way to snapshot the state.
        /// </summary>
        public void save_state_dict(BinaryWriter writer)
        {
            writer.Write(GetType().Name);

            var sd = state_dict();

            Leb128.Encode(writer, sd.Options.Count);
            Leb128.Encode(writer, sd.State.Count);

            foreach (var opts in sd.Options)
            {
                opts.SaveStateDict(writer);
            }

            foreach (var state in sd.State)
            {
                state.SaveStateDict(writer);
            }
        }

        /// <summary>Loads the optimizer state written by <see cref="save_state_dict(BinaryWriter)"/>, into the existing state objects.</summary>
        /// <remarks>Optimizer state saved from PyTorch cannot be restored -- the file format is unique to TorchSharp.</remarks>
        public void load_state_dict(BinaryReader reader)
        {
            var optName = reader.ReadString();
            if (optName != GetType().Name)
            {
                throw new InvalidDataException($"Mismatched optimizer type: expected '{GetType().Name}', but found '{optName}' in the loaded stream.");
            }

            var options = Leb128.Decode(reader);
            var states = Leb128.Decode(reader);

            var sd = state_dict();

            if (options != sd.Options.Count) throw new ArgumentException("Invalid optimizer state -- different number of parameter groups.");
            if (states != sd.State.Count) throw new ArgumentException("Invalid optimizer state -- different number of states.");

            for (var i = 0; i < options; i++)
            {
                sd.Options[i].LoadStateDict(reader);
            }

            for (var i = 0; i < states; i++)
            {
                sd.State[i].LoadStateDict(reader);
            }
        }

        /// <summary>
        /// Copies options and per-parameter state from <paramref name="state_dict"/> (typically another optimizer's
        /// <see cref="state_dict()"/>) into this optimizer's own objects; tensors are copied. Entries that already are this
        /// optimizer's objects are left alone.
        /// </summary>
        public virtual void load_state_dict(StateDictionary state_dict)
        {
            var sd = this.state_dict();

            if (state_dict.Options.Count != sd.Options.Count) throw new ArgumentException("Invalid optimizer state -- different number of parameter groups.");
            if (state_dict.State.Count != sd.State.Count) throw new ArgumentException("Invalid optimizer state -- different number of states.");

            for (var i = 0; i < state_dict.Options.Count; i++)
            {
                var st_opts = sd.Options[i];
                if (st_opts != state_dict.Options[i])
                {
                    st_opts.LoadStateDict(state_dict.Options[i]);
                }
            }

            for (var i = 0; i < state_dict.State.Count; i++)
            {
                var st_state = sd.State[i];
                if (st_state != state_dict.State[i])
                {
                    st_state.LoadStateDict(state_dict.State[i]);
                }
            }
        }

        /// <summary>
        /// Returns the state of the optimizer. As upstream, the lists hold this optimizer's live option and state objects
        /// (they change with later steps): to keep a snapshot, save to a stream with <see cref="save_state_dict(BinaryWriter)"/>,
        /// or load this dictionary into a second optimizer of the same kind.
        /// </summary>
        public virtual StateDictionary state_dict()
        {
            var dict = new StateDictionary();
            var pridx = 0;
            foreach (var pg in _parameter_groups)
            {
                dict.Options.Add(pg.Options);

                var indexRef = new List<int>();
                dict.StateIndexRef.Add(indexRef);

                foreach (var p in pg.Parameters)
                {
                    indexRef.Add(pridx);
                    dict.State.Add(_states[p.Handle]);
                    pridx++;
                }
            }
            return dict;
        }

        /// <summary>Move all the state to the indicated device.</summary>
        public void to(Device device)
        {
            foreach (var pg in _parameter_groups)
            {
                foreach (var p in pg.Parameters)
                {
                    _states[p.Handle].to(device);
                }
            }
        }

        /// <summary>Sets the gradients of all parameters to zero, in place.</summary>
        public override void zero_grad()
        {
            foreach (var g in _parameter_groups)
            {
                foreach (var p in g.Parameters)
                {
                    using var grad = p.grad;
                    _ = grad?.zero_();
                }
            }
        }

        /// <summary>
        /// Runs <paramref name="body"/> for every parameter group with gradients off and inside one dispose scope, so that every
        /// temporary of the step is freed; the loss closure, if any, runs first with gradients on.
        /// </summary>
        protected Tensor _step<T>(Action<T> body, Func<Tensor> loss_closure = null) where T : ParamGroup
        {
            Tensor loss = null;

            if (loss_closure != null)
            {
                using (enable_grad())
                {
                    loss = loss_closure();
                }
            }

            using (no_grad())
            {
                using (NewDisposeScope())
                {
                    foreach (var group in _parameter_groups)
                    {
                        body(group as T);
                    }
                }
            }

            return loss;
        }

        /// <summary>Get the parameters that the optimizer is handling.</summary>
        public override IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(pg => pg.Parameters);

        /// <summary>Add a param group to the Optimizer's param_groups.</summary>
        public override void add_param_group(ParamGroup param_group)
        {
            _parameter_groups.Add(param_group);
        }

        protected OptimizerOptions _defaults;

        /// <summary>The per-parameter states, keyed by the parameter's native handle (upstream's protected <c>_state</c>).</summary>
        internal readonly Dictionary<IntPtr, OptimizerState> _states = new Dictionary<IntPtr, OptimizerState>();

        /// <summary>Creates the state of every parameter of a group that has just been added.</summary>
        internal void InitializeStates(ParamGroup group, Func<Parameter, OptimizerState> create)
        {
            foreach (var p in group.Parameters)
            {
                var state = create(p);
                if (_states.TryGetValue(p.Handle, out var old) && old is IDisposable disposable)
                {
                    disposable.Dispose();
                }
                _states[p.Handle] = state;
                state.Initialize(group.Options);
            }
        }

        /// <summary>Disposes every state's tensors and forgets them.</summary>
        internal void DisposeStates()
        {
            foreach (var state in _states.Values)
            {
                (state as IDisposable)?.Dispose();
            }
            _states.Clear();
        }
    }

    /// <summary>Base class for optimizer options (a parameter group's hyperparameters).</summary>
    public class OptimizerOptions
    {
        public double? LearningRate { get; set; }

        public double InitialLearningRate { get; set; }

        /// <summary>Save the optimizer options (param-group hyperparameters) to a stream.</summary>
        public virtual void SaveStateDict(BinaryWriter writer)
        {
            writer.Write(InitialLearningRate);
            writer.Write(LearningRate.Value);
        }

        /// <summary>Load the optimizer options (param-group hyperparameters) from a stream.</summary>
        public virtual void LoadStateDict(BinaryReader reader)
        {
            InitialLearningRate = reader.ReadDouble();
            LearningRate = reader.ReadDouble();
        }

        /// <summary>Load optimizer options (param-group hyperparameters) from another optimizer.</summary>
        public virtual void LoadStateDict(OptimizerOptions source)
        {
            InitialLearningRate = source.InitialLearningRate;
            LearningRate = source.LearningRate;
        }
    }

    /// <summary>Base class for the state an optimizer keeps for one parameter.</summary>
    public abstract class OptimizerState
    {
        protected Parameter _parameter;

        /// <summary>Create a new OptimizerState instance linked to a specific parameter.</summary>
        protected OptimizerState(Parameter parameter)
        {
            _parameter = parameter;
        }

        /// <summary>Save the optimizer parameter state to a stream.</summary>
        public abstract void SaveStateDict(BinaryWriter writer);

        /// <summary>Load the optimizer parameter state from a stream.</summary>
        public abstract void LoadStateDict(BinaryReader reader);

        /// <summary>Load optimizer parameter state from another optimizer (a deep copy).</summary>
        public abstract void LoadStateDict(OptimizerState source);

        /// <summary>Useful for tests, allows comparison of one state with another.</summary>
        public virtual bool ApproximatelyEquals(OptimizerState other)
        {
            return false;
        }

        /// <summary>Initialize the values of the state to the initial values.</summary>
        public abstract void Initialize(OptimizerOptions options);

        /// <summary>Move all the state to the indicated device.</summary>
        public virtual void to(Device device)
        {
        }

        protected static void LoadConditionalStateTensor(BinaryReader reader, ref Tensor result, Device device)
        {
            var hasTensor = reader.ReadBoolean();

            if (hasTensor)
            {
                StateTensorFormat.Load(ref result, reader);
                result = result.to(device, disposeAfter: true).DetachFromDisposeScope();
            }
            else
            {
                result?.Dispose();
                result = null;
            }
        }

        protected static void SaveConditionalStateTensor(BinaryWriter writer, Tensor tensor)
        {
            if (tensor is not null)
            {
                writer.Write(true);
                TensorFormat.Write(writer, tensor);
            }
            else
            {
                writer.Write(false);
            }
        }
    }

    /// <summary>Base class for parameter groups.</summary>
    public class ParamGroup : ILearningRateController
    {
        public IEnumerable<Parameter> Parameters { get; set; }

        public OptimizerOptions Options { get; set; }

        public double LearningRate { get => Options.LearningRate.Value; set => Options.LearningRate = value; }

        public double InitialLearningRate { get => Options.InitialLearningRate; set => Options.InitialLearningRate = value; }
    }

    /// <summary>Generic-typed version of ParamGroup.</summary>
    /// <typeparam name="TOptions">The type of options used for the parameter group.</typeparam>
    public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions
    {
        public ParamGroup()
        {
        }

        /// <param name="parameters">The parameters of the parameter group</param>
        /// <param name="options">The options of the parameter group</param>
        public ParamGroup(IEnumerable<Parameter> parameters, TOptions options = null)
        {
            base.Parameters = parameters;
            base.Options = options;
        }

        /// <summary>Parameter group options / hyperparameters, used to control the optimizer algorithm.</summary>
        public new TOptions Options { get => (TOptions)base.Options; set => base.Options = value; }
    }

    /// <summary>Reads and writes optimizer state tensors in TorchSharp's tensor format (dtype, rank, dimensions as LEB128, raw elements).</summary>
    internal static class StateTensorFormat
    {
        /// <summary>A copy of <paramref name="source"/> (null stays null) on <paramref name="device"/>, owned by the caller.</summary>
        internal static Tensor CopyOf(Tensor source, Device device) => source?.to(device, copy: true).DetachFromDisposeScope();

        /// <summary>Zeros shaped like <paramref name="parameter"/>, owned by the caller.</summary>
        internal static Tensor Zeros(Parameter parameter) => zeros_like(parameter).DetachFromDisposeScope();

        /// <summary>Both null, or both present and allclose.</summary>
        internal static bool Close(Tensor a, Tensor b) => a is null ? b is null : b is not null && a.allclose(b);

        /// <summary>Writes <paramref name="tensor"/>.</summary>
        internal static void Save(BinaryWriter writer, Tensor tensor) => TensorFormat.Write(writer, tensor);

        /// <summary>Reads a tensor into the existing <paramref name="tensor"/>, whose type and shape must match (upstream's <c>Tensor.Load</c>).</summary>
        internal static void LoadInto(Tensor tensor, BinaryReader reader)
        {
            var (type, shape, bytes) = Read(reader);
            if (type != tensor.dtype)
            {
                throw new ArgumentException("Mismatched tensor data types while loading. Make sure that the model you are loading into is exactly the same as the origin.");
            }
            if (!shape.SequenceEqual(tensor.shape))
            {
                throw new ArgumentException("Mismatched tensor shape while loading. Make sure that the model you are loading into is exactly the same as the origin.");
            }
            CopyBytes(tensor, shape, type, bytes);
        }

        /// <summary>Reads a tensor into <paramref name="tensor"/>, creating it (outside any dispose scope) when null.</summary>
        internal static void Load(ref Tensor tensor, BinaryReader reader)
        {
            var (type, shape, bytes) = Read(reader);
            if (tensor is null)
            {
                tensor = empty(shape, type).DetachFromDisposeScope();
            }
            else if (!shape.SequenceEqual(tensor.shape) || type != tensor.dtype)
            {
                throw new ArgumentException("Mismatched tensor shape while loading. Make sure that the model you are loading into is exactly the same as the origin.");
            }
            CopyBytes(tensor, shape, type, bytes);
        }

        private static (ScalarType type, long[] shape, byte[] bytes) Read(BinaryReader reader)
        {
            var type = (ScalarType)Leb128.Decode(reader);
            var rank = Leb128.Decode(reader);
            if (rank < 0 || rank > 64)
            {
                throw new InvalidDataException($"A saved optimizer tensor has an impossible rank {rank}: the stream is corrupt.");
            }
            var shape = new long[rank];
            long count = 1;
            for (var i = 0; i < rank; i++)
            {
                shape[i] = Leb128.Decode(reader);
                count *= shape[i];
            }
            long elementSize;
            using (var probe = empty(Array.Empty<long>(), type))
            {
                elementSize = probe.ElementSize;
            }
            var length = checked((int)(count * elementSize));
            var bytes = reader.ReadBytes(length);
            if (bytes.Length != length)
            {
                throw new EndOfStreamException("A saved optimizer tensor is truncated: the stream is corrupt.");
            }
            return (type, shape, bytes);
        }

        private static void CopyBytes(Tensor target, long[] shape, ScalarType type, byte[] bytes)
        {
            using (no_grad())
            {
                using var loaded = empty(shape, type);
                loaded.bytes = bytes;
                target.copy_(loaded);
            }
        }
    }
}
