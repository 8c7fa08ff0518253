namespace TorchSharp
{
    /// <summary>
    /// Collects the tensors created on this thread while it is the innermost open scope, and disposes them when it
    /// is disposed. Scopes nest; <see cref="MoveToOuter{T}(T)"/> hands a result to the enclosing scope.
    /// </summary>
    public sealed class DisposeScope : IDisposable
    {
        [ThreadStatic]
        private static DisposeScope _current;

        private readonly HashSet<IDisposable> _disposables = new(ReferenceEqualityComparer.Instance);
        private readonly DisposeScope _outer;
        private bool _disposed;

        internal DisposeScope()
        {
            _outer = _current;
            _current = this;
        }

        internal static DisposeScope Current => _current;

        /// <summary>How many disposables the scope holds.</summary>
        public int DisposablesCount => _disposables.Count;

        /// <summary>A snapshot of the disposables the scope holds.</summary>
        public IReadOnlyList<IDisposable> DisposablesView => _disposables.ToList();

        internal void Register(torch.Tensor tensor) => _disposables.Add(tensor);

        internal void Forget(torch.Tensor tensor) => _disposables.Remove(tensor);

        /// <summary>Adds a disposable to the scope.</summary>
        public void Attach(IDisposable disposable)
        {
            if (disposable is torch.Tensor t)
            {
                t.OwningScope?.Forget(t);
                t.OwningScope = this;
            }
            _disposables.Add(disposable);
        }

        public bool Contains(IDisposable disposable) => _disposables.Contains(disposable);

        /// <summary>Removes a disposable from the scope; the caller owns it.</summary>
        public T Detach<T>(T disposable) where T : IDisposable
        {
            Remove(disposable);
            if (disposable is torch.Tensor t)
            {
                t.OwningScope = null;
            }
            return disposable;
        }

        /// <summary>Moves a disposable to the enclosing scope, or out of all scopes when this is the outermost.</summary>
        public T MoveToOuter<T>(T disposable) where T : IDisposable
        {
            Remove(disposable);
            var target = _outer is { _disposed: false } ? _outer : null;
            if (disposable is torch.Tensor t)
            {
                t.OwningScope = target;
            }
            target?._disposables.Add(disposable);
            return disposable;
        }

        public (T1 first, T2 second) MoveToOuter<T1, T2>(T1 first, T2 second) where T1 : IDisposable where T2 : IDisposable =>
            (MoveToOuter(first), MoveToOuter(second));

        public void MoveToOuter(params IDisposable[] disposables)
        {
            foreach (var d in disposables)
            {
                MoveToOuter(d);
            }
        }

        public void MoveToOuter(IEnumerable<IDisposable> disposables)
        {
            foreach (var d in disposables.ToList())
            {
                MoveToOuter(d);
            }
        }

        internal void MoveToOuter(torch.Tensor tensor) => MoveToOuter<torch.Tensor>(tensor);

        internal void Detach(torch.Tensor tensor) => Detach<torch.Tensor>(tensor);

        private void Remove(IDisposable disposable)
        {
            if (!_disposables.Remove(disposable))
            {
                throw new InvalidOperationException("The disposable is not held by this scope.");
            }
        }

        /// <summary>Disposes everything the scope holds and keeps the scope open.</summary>
        public void DisposeEverything() => DisposeEverythingBut(Array.Empty<IDisposable>());

        /// <summary>Disposes everything the scope holds except <paramref name="keep"/>, which stay in the scope.</summary>
        public void DisposeEverythingBut(params IDisposable[] keep)
        {
            var kept = new HashSet<IDisposable>(keep, ReferenceEqualityComparer.Instance);
            foreach (var d in _disposables.Where(d => !kept.Contains(d)).ToList())
            {
                _disposables.Remove(d);
                if (d is torch.Tensor t)
                {
                    t.OwningScope = null;
                }
                d.Dispose();
            }
        }

        public T DisposeEverythingBut<T>(T keep) where T : IDisposable
        {
            DisposeEverythingBut(new IDisposable[] { keep });
            return keep;
        }

        /// <summary>Disposes everything the scope holds and closes it.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            DisposeEverything();
            _disposed = true;
            if (_current == this)
            {
                _current = _outer;
            }
        }
    }
}
