namespace TorchSharp.Modules
{
    /// <summary>A tensor that is a module's learnable state: a leaf that records gradients.</summary>
    public class Parameter : torch.Tensor
    {
        /// <summary>
        /// Takes over <paramref name="data"/>'s storage (as TorchSharp does, <paramref name="data"/> is invalid afterwards) as a leaf
        /// detached from any graph, with <c>requires_grad</c> set as given.
        /// </summary>
        public Parameter(torch.Tensor data, bool requires_grad = true)
            : base(TakeOver(data, requires_grad))
        {
            DetachFromDisposeScope();
        }

        private static IntPtr TakeOver(torch.Tensor data, bool requires_grad)
        {
            ArgumentNullException.ThrowIfNull(data);
            var leaf = data.detach();
            leaf.requires_grad = requires_grad;
            data.Dispose();
            return leaf.MoveHandle();
        }
    }
}
