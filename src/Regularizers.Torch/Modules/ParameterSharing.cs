using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Regularizers.Torch.Modules;

/// <summary>
/// Hard parameter sharing (Goodfellow §7.9; seed 004 §4.1): several positions in a model hold the same
/// <see cref="Parameter"/> object, so the model has one set of weights where it would have had several, and each
/// position's gradient is added into that one tensor by autograd. (<see cref="Penalties.ParameterTyingPenalty"/> is the
/// soft form: separate weights pulled together by <c>(λ/2)‖w_A − w_B‖²</c>.) The same module placed at two positions
/// shares by construction (<c>nn.Sequential(("a", block), ("b", block))</c>); <see cref="Share"/> and <see cref="Tie"/>
/// make existing modules share, e.g. a language model's output layer and its input embedding (Press &amp; Wolf 2017).
/// <para>
/// TorchSharp's <c>parameters()</c>, <c>named_parameters()</c> and <c>state_dict()</c> list a shared tensor once, under
/// the first name that reaches it (as PyTorch's <c>parameters()</c> does), so an optimizer built from
/// <c>model.parameters()</c> steps it once, with the sum of every position's gradient, and the library's penalties and
/// constraints count it once. Saving with <c>model.save</c> and loading into a model built with the same sharing keeps
/// it. <see cref="SharedGroups"/> lists every name of each shared tensor; <see cref="LoadStateDict"/> also loads a state
/// saved from the unshared model when its entries for each shared tensor agree, and says which ones disagree otherwise.
/// </para>
/// </summary>
public static class ParameterSharing
{
    /// <summary>
    /// Makes every parameter of <paramref name="target"/> the same object as <paramref name="source"/>'s parameter of
    /// the same name (<c>weight</c>, <c>bias</c>, <c>0.weight</c>, …): the two modules then compute with one set of weights.
    /// </summary>
    /// <exception cref="ArgumentException">The modules' parameter names or shapes differ (the message lists both).</exception>
    /// <exception cref="InvalidOperationException">A parameter of the target's module type cannot be replaced (no settable property of that name).</exception>
    public static void Share(nn.Module source, nn.Module target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var from = source.named_parameters().ToList();
        var to = target.named_parameters().Select(p => p.name).ToList();
        if (!from.Select(p => p.name).SequenceEqual(to))
        {
            throw new ArgumentException(
                $"target must have the same parameters as source to share them; source has [{string.Join(", ", from.Select(p => p.name))}], target has [{string.Join(", ", to)}].",
                nameof(target));
        }
        foreach (var (name, _) in from)
        {
            Tie(source, name, target, name);
        }
    }

    /// <summary>
    /// Makes <paramref name="target"/>'s parameter <paramref name="targetName"/> the tensor that
    /// <paramref name="source"/> registered as <paramref name="sourceName"/> (dotted names, as in
    /// <c>named_parameters()</c>), e.g. <c>Tie(embedding, "weight", output, "weight")</c> for tied input and output
    /// embeddings (both <c>[vocabulary, width]</c>). The registered object is used, not a property read: native modules
    /// such as <c>Embedding</c> wrap their weight in a new <see cref="Parameter"/> on every read, which a model would
    /// then list, and an optimizer step, twice.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a parameter of its module, or the two shapes differ.</exception>
    /// <exception cref="InvalidOperationException">The target's owning module type has no settable <see cref="Parameter"/> property of that name.</exception>
    public static void Tie(nn.Module source, string sourceName, nn.Module target, string targetName)
    {
        var shared = Registered(source, sourceName, nameof(sourceName));
        var current = Registered(target, targetName, nameof(targetName));
        if (!current.shape.SequenceEqual(shared.shape))
        {
            throw new ArgumentException(
                $"Cannot share {targetName}: target's {targetName} has shape [{string.Join(", ", current.shape)}] but source's {sourceName} has shape [{string.Join(", ", shared.shape)}].",
                nameof(target));
        }
        var dot = targetName.LastIndexOf('.');
        var owner = dot < 0 ? target : target.named_modules().First(m => m.name == targetName[..dot]).module;
        var local = targetName[(dot + 1)..];
        var property = owner.GetType().GetProperty(local, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || !property.CanWrite || !property.PropertyType.IsAssignableFrom(typeof(Parameter)))
        {
            throw new InvalidOperationException(
                $"Cannot share {targetName}: {owner.GetType().Name} has no settable Parameter property '{local}', so its forward would keep using its own tensor.");
        }
        property.SetValue(owner, shared);
        if (Registered(target, targetName, nameof(targetName)).Handle != shared.Handle)
        {
            throw new InvalidOperationException($"Cannot share {targetName}: setting {owner.GetType().Name}.{local} did not register the shared parameter.");
        }
    }

    /// <summary>
    /// Every name under which each shared parameter appears — walking the module tree by child, so a module placed at
    /// two positions is visited at both — as groups of two or more, the name <c>named_parameters()</c> uses first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> SharedGroups(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AllNamedParameters(model, "")
            .GroupBy(p => p.Parameter.Handle)
            .Select(g => (IReadOnlyList<string>)g.Select(p => p.Name).ToList())
            .Where(g => g.Count > 1)
            .ToList();
    }

    /// <summary>
    /// Loads <paramref name="state"/> into <paramref name="model"/> like <c>load_state_dict</c>, accepting for each
    /// shared tensor any of its names: a state saved from the model without the sharing loads when its entries for one
    /// shared tensor are equal, and is refused, naming them, when they differ.
    /// </summary>
    /// <exception cref="ArgumentException">Two entries of one shared tensor differ, or none of its names is present.</exception>
    public static void LoadStateDict(nn.Module model, IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        var merged = state.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var group in SharedGroups(model))
        {
            var present = group.Where(state.ContainsKey).ToList();
            if (present.Count == 0)
            {
                throw new ArgumentException($"state has no entry for any of [{string.Join(", ", group)}], which share one tensor.", nameof(state));
            }
            foreach (var other in present.Skip(1))
            {
                if (!state[present[0]].shape.SequenceEqual(state[other].shape) || !state[present[0]].allclose(state[other], rtol: 0, atol: 0))
                {
                    throw new ArgumentException(
                        $"state's {present[0]} and {other} differ, but the model shares one tensor between them: the state was not saved from a model with this sharing.",
                        nameof(state));
                }
            }
            foreach (var name in group)
            {
                merged.Remove(name);
            }
            merged[group[0]] = state[present[0]];
        }
        model.load_state_dict(merged);
    }

    private static Parameter Registered(nn.Module module, string name, string argument)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name, argument);
        return module.named_parameters().FirstOrDefault(p => p.name == name).parameter
            ?? throw new ArgumentException(
                $"{argument} must be one of {module.GetType().Name}'s parameters [{string.Join(", ", module.named_parameters().Select(p => p.name))}]. Received: {argument}={name}.", argument);
    }

    private static IEnumerable<(string Name, Parameter Parameter)> AllNamedParameters(nn.Module module, string prefix)
    {
        foreach (var (name, parameter) in module.named_parameters(recurse: false))
        {
            yield return (prefix + name, parameter);
        }
        foreach (var (name, child) in module.named_children())
        {
            foreach (var entry in AllNamedParameters(child, $"{prefix}{name}."))
            {
                yield return entry;
            }
        }
    }
}
