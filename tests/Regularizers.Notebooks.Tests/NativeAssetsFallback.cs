using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Regularizers.Notebooks.Tests;

/// <summary>
/// Finds the native library of a package a notebook loaded with <c>#r "nuget: …"</c> after its kernel is gone. The
/// kernel resolves native libraries only while it lives; a finalizer that runs later (ScottPlot's Heatmap disposing its
/// SkiaSharp bitmap) makes a P/Invoke's first call then, and without this fallback the test host crashed with
/// <see cref="DllNotFoundException"/> for libSkiaSharp. The fallback looks where NuGet put the package's native assets:
/// <c>{packages}/{assembly}.nativeassets.linux*/{version}/runtimes/linux-x64/native/{library}.so</c>.
/// </summary>
internal static class NativeAssetsFallback
{
    private static readonly HashSet<AssemblyLoadContext> Watched = [];

    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
    {
        if (AssemblyLoadContext.GetLoadContext(e.LoadedAssembly) is { } context)
        {
            lock (Watched)
            {
                if (Watched.Add(context))
                {
                    context.ResolvingUnmanagedDll += Resolve;
                }
            }
        }
    };

    private static IntPtr Resolve(Assembly assembly, string library)
    {
        var name = assembly.GetName();
        if (name.Version is null || !OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = name.Version.ToString(3);
        var file = library.EndsWith(".so", StringComparison.Ordinal) ? library : $"{library}.so";
        var candidates = Directory.Exists(packages)
            ? Directory.EnumerateDirectories(packages, $"{name.Name!.ToLowerInvariant()}.nativeassets.linux*")
                .Select(package => Path.Combine(package, version, "runtimes", "linux-x64", "native", file))
            : [];
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        return IntPtr.Zero;
    }
}
