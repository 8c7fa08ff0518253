using System.Reflection;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Base class of every module: an ordered tree of named parameters, buffers and submodules with a
            /// training flag. Fields of a derived class that hold modules, parameters or tensors are registered by
            /// <see cref="RegisterComponents"/> under their field names.
            /// </summary>
            public class Module : IDisposable
            {
                private readonly List<(string name, Parameter parameter)> _parameters = new();
                private readonly List<(string name, Tensor buffer, bool persistent)> _buffers = new();
                private readonly List<(string name, Module module)> _submodules = new();
                private bool _training = true;
                private bool _disposed;

                protected Module(string name) => this.name = name;

                /// <summary>The module's type name, used in messages.</summary>
                protected string name;

                ~Module() => Dispose(false);

                public virtual string GetName() => name;

                public virtual bool training => _training;

                public virtual void train(bool train = true)
                {
                    _training = train;
                    foreach (var (_, m) in named_children())
                    {
                        m.train(train);
                    }
                }

                public virtual void eval() => train(false);

                // ------------------------------------------------------------ registration

                /// <summary>Registers the fields of the derived class that hold modules, parameters or tensors, in declaration order.</summary>
                protected virtual void RegisterComponents()
                {
                    for (var type = GetType(); type is not null && type != typeof(Module); type = type.BaseType)
                    {
                        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        {
                            if (field.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
                            {
                                continue;
                            }
                            switch (field.GetValue(this))
                            {
                                case Module m when !_submodules.Any(s => ReferenceEquals(s.module, m)):
                                    register_module(field.Name, m);
                                    break;
                                case Parameter p when !_parameters.Any(s => ReferenceEquals(s.parameter, p)):
                                    register_parameter(field.Name, p);
                                    break;
                                case Tensor t when t is not TorchSharp.Modules.Parameter && !_buffers.Any(s => ReferenceEquals(s.buffer, t)):
                                    register_buffer(field.Name, t);
                                    break;
                            }
                        }
                    }
                }

                public virtual void register_module(string name, Module submodule)
                {
                    CheckName(name);
                    _submodules.RemoveAll(s => s.name == name);
                    _submodules.Add((name, submodule));
                }

                public void add_module(string name, Module module) => register_module(name, module);

                public virtual void register_parameter(string name, Parameter param)
                {
                    CheckName(name);
                    var index = _parameters.FindIndex(p => p.name == name);
                    if (index >= 0)
                    {
                        _parameters[index] = (name, param);
                    }
                    else
                    {
                        _parameters.Add((name, param));
                    }
                }

                public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
                {
                    CheckName(name);
                    var index = _buffers.FindIndex(p => p.name == name);
                    if (index >= 0)
                    {
                        _buffers[index] = (name, tensor, persistent);
                    }
                    else
                    {
                        _buffers.Add((name, tensor, persistent));
                    }
                }

                protected void ConditionallyRegisterParameter(string name, Parameter value)
                {
                    if (value is null)
                    {
                        _parameters.RemoveAll(p => p.name == name);
                    }
                    else
                    {
                        register_parameter(name, value);
                    }
                }

                protected void ConditionallyRegisterBuffer(string name, Tensor value, bool persistent = true)
                {
                    if (value is null)
                    {
                        _buffers.RemoveAll(p => p.name == name);
                    }
                    else
                    {
                        register_buffer(name, value, persistent);
                    }
                }

                private static void CheckName(string name)
                {
                    if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    {
                        throw new ArgumentException($"A module component needs a non-empty name without '.', received '{name}'.", nameof(name));
                    }
                }

                // ------------------------------------------------------------ traversal

                public virtual IEnumerable<(string name, Module module)> named_children() => _submodules.ToList();

                public virtual IEnumerable<Module> children() => named_children().Select(c => c.module);

                /// <summary>This module and all its descendants, depth first, with dotted names ("" for this module).</summary>
                public virtual IEnumerable<(string name, Module module)> named_modules()
                {
                    yield return (string.Empty, this);
                    foreach (var (childName, child) in named_children())
                    {
                        foreach (var (n, m) in child.named_modules())
                        {
                            yield return (n.Length == 0 ? childName : childName + "." + n, m);
                        }
                    }
                }

                public virtual IEnumerable<Module> modules() => named_modules().Select(m => m.module);

                public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
                {
                    var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
                    foreach (var (n, p) in _parameters)
                    {
                        if (p is not null && seen.Add(p))
                        {
                            yield return (n, p);
                        }
                    }
                    if (!recurse)
                    {
                        yield break;
                    }
                    foreach (var (childName, child) in named_children())
                    {
                        foreach (var (n, p) in child.named_parameters(true))
                        {
                            if (seen.Add(p))
                            {
                                yield return (childName + "." + n, p);
                            }
                        }
                    }
                }

                public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

                public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
                {
                    foreach (var (n, b, persistent) in _buffers)
                    {
                        if (b is not null && (persistent || include_nonpersistent))
                        {
                            yield return (n, b);
                        }
                    }
                    if (!recurse)
                    {
                        yield break;
                    }
                    foreach (var (childName, child) in named_children())
                    {
                        foreach (var (n, b) in child.named_buffers(true, include_nonpersistent))
                        {
                            yield return (childName + "." + n, b);
                        }
                    }
                }

                public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) => named_buffers(recurse, include_nonpersistent).Select(b => b.buffer);

                public virtual bool has_parameter(string target) => named_parameters().Any(p => p.name == target);

                public virtual Parameter get_parameter(string target) => named_parameters().FirstOrDefault(p => p.name == target).parameter;

                public virtual bool has_buffer(string target) => named_buffers().Any(p => p.name == target);

                public virtual Tensor get_buffer(string target) => named_buffers().FirstOrDefault(p => p.name == target).buffer;

                public virtual Module apply(Action<Module> fn)
                {
                    foreach (var child in children())
                    {
                        child.apply(fn);
                    }
                    fn(this);
                    return this;
                }

                /// <summary>Clears every parameter's gradient: to none (the default) or to zeros.</summary>
                public virtual void zero_grad(bool set_to_none = true)
                {
                    foreach (var p in parameters())
                    {
                        if (set_to_none)
                        {
                            p.grad = null;
                            continue;
                        }
                        using var g = p.grad;
                        g?.detach_().zero_();
                    }
                }

                // ------------------------------------------------------------ state

                /// <summary>
                /// The parameters and persistent buffers by dotted name. As in PyTorch and TorchSharp, the values are the
                /// module's own tensors, not copies: clone them to keep a snapshot.
                /// </summary>
                public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor> destination = null, string prefix = null)
                {
                    destination ??= new Dictionary<string, Tensor>();
                    foreach (var (n, p) in named_parameters())
                    {
                        destination[(prefix ?? string.Empty) + n] = p;
                    }
                    foreach (var (n, b) in named_buffers(true, false))
                    {
                        destination[(prefix ?? string.Empty) + n] = b;
                    }
                    return destination;
                }

                /// <summary>Copies values from <paramref name="source"/> into this module's parameters and buffers (in place, without recording gradients).</summary>
                public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string> skip = null)
                {
                    var own = state_dict();
                    var skipped = new HashSet<string>(skip ?? Array.Empty<string>());
                    var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                    var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
                    if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    {
                        throw new InvalidOperationException(
                            $"The state dictionary does not match the module. Missing keys: [{string.Join(", ", missing)}]; unexpected keys: [{string.Join(", ", unexpected)}].");
                    }
                    using (no_grad())
                    {
                        foreach (var (key, target) in own)
                        {
                            if (skipped.Contains(key) || !source.TryGetValue(key, out var value))
                            {
                                continue;
                            }
                            if (!target.shape.SequenceEqual(value.shape))
                            {
                                throw new ArgumentException(
                                    $"Shape mismatch for '{key}': the module has [{string.Join(", ", target.shape)}], the state dictionary has [{string.Join(", ", value.shape)}].", nameof(source));
                            }
                            target.copy_(value);
                        }
                    }
                    return (missing, unexpected);
                }

                /// <summary>Writes the state dictionary in TorchSharp's binary format (LEB128 counts, names, dtype, shape, raw little-endian data).</summary>
                public Module save(BinaryWriter writer, IList<string> skip = null)
                {
                    var sd = state_dict();
                    save_state_dict(writer, sd, skip);
                    return this;
                }

                public Module save(Stream stream, IList<string> skip = null)
                {
                    using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                    return save(writer, skip);
                }

                /// <summary>Saves to <paramref name="location"/> atomically: a temporary file beside it is written, flushed and then renamed over it.</summary>
                public Module save(string location, IList<string> skip = null)
                {
                    var full = Path.GetFullPath(location);
                    var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
                    try
                    {
                        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                        {
                            save(stream, skip);
                            stream.Flush(flushToDisk: true);
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
                    return this;
                }

                public static void save_state_dict(BinaryWriter writer, Dictionary<string, Tensor> sd, IList<string> skip = null)
                {
                    var entries = sd.Where(kv => skip is null || !skip.Contains(kv.Key)).ToList();
                    Leb128.Encode(writer, entries.Count);
                    foreach (var (key, value) in entries)
                    {
                        writer.Write(key);
                        TensorFormat.Write(writer, value);
                    }
                }

                public virtual Module load(BinaryReader reader, bool strict = true, IList<string> skip = null, Dictionary<string, bool> loadedParameters = null)
                {
                    try
                    {
                        return LoadEntries(reader, strict, skip, loadedParameters);
                    }
                    catch (EndOfStreamException e)
                    {
                        throw new InvalidDataException("The data is not a TorchSharp state dictionary, or it is truncated.", e);
                    }
                }

                private Module LoadEntries(BinaryReader reader, bool strict, IList<string> skip, Dictionary<string, bool> loadedParameters)
                {
                    var own = state_dict();
                    var count = Leb128.Decode(reader);
                    var seen = new HashSet<string>();
                    for (long i = 0; i < count; i++)
                    {
                        var key = reader.ReadString();
                        seen.Add(key);
                        var found = own.TryGetValue(key, out var target);
                        if (!found && strict)
                        {
                            throw new InvalidDataException($"The file holds '{key}', which this module does not have.");
                        }
                        var skipThis = !found || (skip?.Contains(key) ?? false);
                        TensorFormat.ReadInto(reader, skipThis ? null : target, key);
                        if (loadedParameters is not null)
                        {
                            loadedParameters[key] = !skipThis;
                        }
                    }
                    if (strict)
                    {
                        var missing = own.Keys.Where(k => !seen.Contains(k) && !(skip?.Contains(k) ?? false)).ToList();
                        if (missing.Count > 0)
                        {
                            throw new InvalidDataException($"The file lacks these entries of the module: {string.Join(", ", missing)}.");
                        }
                    }
                    return this;
                }

                public Module load(Stream stream, bool strict = true, IList<string> skip = null, Dictionary<string, bool> loadedParameters = null)
                {
                    using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                    return load(reader, strict, skip, loadedParameters);
                }

                public virtual Module load(string location, bool strict = true, IList<string> skip = null, Dictionary<string, bool> loadedParameters = null)
                {
                    if (!File.Exists(location))
                    {
                        throw new FileNotFoundException($"No model file at '{location}'.", location);
                    }
                    using var stream = File.OpenRead(location);
                    return load(stream, strict, skip, loadedParameters);
                }

                // ------------------------------------------------------------ lifetime

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing)
                {
                    if (_disposed || !disposing)
                    {
                        return;
                    }
                    _disposed = true;
                    foreach (var (_, m) in _submodules)
                    {
                        m?.Dispose();
                    }
                    foreach (var (_, p) in _parameters)
                    {
                        p?.Dispose();
                    }
                    foreach (var (_, b, _) in _buffers)
                    {
                        b?.Dispose();
                    }
                }
            }
        }
    }
}
