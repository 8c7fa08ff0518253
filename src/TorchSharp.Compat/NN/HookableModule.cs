namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A module with forward pre-hooks (may replace the input) and forward hooks (may replace the output).</summary>
            public class HookableModule<TPreHook, TPostHook> : Module
            {
                protected HookableModule(string name) : base(name)
                {
                }

                protected Dictionary<string, TPreHook> pre_hooks = new();
                protected Dictionary<string, TPostHook> post_hooks = new();
                protected Dictionary<string, Action<Module>> module_pre_hooks = new();
                protected Dictionary<string, Action<Module>> module_post_hooks = new();

                public HookRemover register_forward_hook(TPostHook hook)
                {
                    var key = Guid.NewGuid().ToString();
                    post_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                public HookRemover register_forward_hook(Action<Module> hook)
                {
                    var key = Guid.NewGuid().ToString();
                    module_post_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                public HookRemover register_forward_pre_hook(TPreHook hook)
                {
                    var key = Guid.NewGuid().ToString();
                    pre_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                public HookRemover register_forward_pre_hook(Action<Module> hook)
                {
                    var key = Guid.NewGuid().ToString();
                    module_pre_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                /// <summary>Removes the hook it was returned for.</summary>
                public class HookRemover
                {
                    private readonly HookableModule<TPreHook, TPostHook> _module;
                    private readonly string _key;

                    public HookRemover(HookableModule<TPreHook, TPostHook> module, string key)
                    {
                        _module = module;
                        _key = key;
                    }

                    public void remove()
                    {
                        _module.pre_hooks.Remove(_key);
                        _module.post_hooks.Remove(_key);
                        _module.module_pre_hooks.Remove(_key);
                        _module.module_post_hooks.Remove(_key);
                    }
                }
            }

            /// <summary>A module with one input.</summary>
            public interface IModule<T, TResult>
            {
                TResult call(T input1);
            }

            /// <summary>A module with two inputs.</summary>
            public interface IModule<T1, T2, TResult>
            {
                TResult call(T1 input1, T2 input2);
            }

            /// <summary>A module with one input; <see cref="call"/> runs the hooks around <see cref="forward"/>.</summary>
            public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
            {
                protected Module(string name) : base(name)
                {
                }

                public abstract TResult forward(T input);

                public TResult call(T input)
                {
                    foreach (var hook in module_pre_hooks.Values.ToList())
                    {
                        hook(this);
                    }
                    foreach (var hook in pre_hooks.Values.ToList())
                    {
                        var modified = hook(this, input);
                        if (modified is not null)
                        {
                            input = modified;
                        }
                    }
                    var result = forward(input);
                    foreach (var hook in post_hooks.Values.ToList())
                    {
                        var modified = hook(this, input, result);
                        if (modified is not null)
                        {
                            result = modified;
                        }
                    }
                    foreach (var hook in module_post_hooks.Values.ToList())
                    {
                        hook(this);
                    }
                    return result;
                }
            }

            /// <summary>A module with two inputs, such as a loss.</summary>
            public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
            {
                protected Module(string name) : base(name)
                {
                }

                public abstract TResult forward(T1 input1, T2 input2);

                public TResult call(T1 input1, T2 input2)
                {
                    foreach (var hook in pre_hooks.Values.ToList())
                    {
                        var modified = hook(this, input1, input2);
                        if (modified.HasValue)
                        {
                            (input1, input2) = modified.Value;
                        }
                    }
                    var result = forward(input1, input2);
                    foreach (var hook in post_hooks.Values.ToList())
                    {
                        var modified = hook(this, input1, input2, result);
                        if (modified is not null)
                        {
                            result = modified;
                        }
                    }
                    return result;
                }
            }
        }
    }
}
