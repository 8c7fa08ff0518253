using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>Marks modules that own no parameters.</summary>
    public interface IParameterLessModule
    {
    }

    /// <summary>A one-input module that owns no parameters, buffers or submodules: registering one is an error.</summary>
    public abstract class ParameterLessModule<T1, TResult> : nn.Module<T1, TResult>, IParameterLessModule
    {
        protected ParameterLessModule(string name) : base(name)
        {
        }

        public override void register_buffer(string name, Tensor tensor, bool persistent = true) => throw new InvalidOperationException($"{GetName()} takes no buffers.");

        public override void register_parameter(string name, Parameter param) => throw new InvalidOperationException($"{GetName()} takes no parameters.");

        public override void register_module(string name, nn.Module submodule) => throw new InvalidOperationException($"{GetName()} takes no submodules.");
    }
}
