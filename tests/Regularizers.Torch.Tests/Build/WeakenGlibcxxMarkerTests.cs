using System.Collections;
using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Regularizers.Torch.Build;

namespace Regularizers.Torch.Tests.Build;

/// <summary>The build task that lets libLibTorchSharp.so load against a libstdc++ older than GCC 13.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class WeakenGlibcxxMarkerTests : IDisposable
{
    private static readonly string PackagedLibrary = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private readonly string _directory = Directory.CreateTempSubdirectory("regularizers-glibcxx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Weaken_PackagedLibTorchSharp_ChangesOneFlagByteAndIsIdempotent()
    {
        var original = File.ReadAllBytes(PackagedLibrary);
        var patched = (byte[])original.Clone();

        var first = GlibcxxMarker.Weaken(patched);
        var second = GlibcxxMarker.Weaken(patched);

        Assert.Equal(GlibcxxMarker.Outcome.Weakened, first);
        Assert.Equal(GlibcxxMarker.Outcome.AlreadyWeak, second);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        var index = Assert.Single(changed);
        // VER_FLG_WEAK is bit 1 of vna_flags: the byte gains exactly that bit.
        Assert.Equal(original[index] | 0x2, patched[index]);
    }

    [Fact]
    public void WeakenInPlace_HardLinkedCopy_LeavesTheOtherLinkUntouched()
    {
        var cache = Path.Combine(_directory, "cache.so");
        var output = Path.Combine(_directory, "libLibTorchSharp.so");
        File.Copy(PackagedLibrary, cache);
        using (var ln = Process.Start("ln", [cache, output]))
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }
        var before = File.ReadAllBytes(cache);

        var outcome = GlibcxxMarker.WeakenInPlace(output);

        Assert.Equal(GlibcxxMarker.Outcome.Weakened, outcome);
        Assert.Equal(before, File.ReadAllBytes(cache));
        Assert.Equal(GlibcxxMarker.Outcome.AlreadyWeak, GlibcxxMarker.Weaken(File.ReadAllBytes(output)));
        Assert.Equal(File.GetUnixFileMode(cache), File.GetUnixFileMode(output));
        Assert.Equal(["cache.so", "libLibTorchSharp.so"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Weaken_FileThatIsNotElf_ReportsNotRequiredAndChangesNothing()
    {
        var bytes = "not an ELF file, just text that is long enough to hold a header............."u8.ToArray();
        var copy = (byte[])bytes.Clone();

        Assert.Equal(GlibcxxMarker.Outcome.NotRequired, GlibcxxMarker.Weaken(copy));
        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void Weaken_SystemLibstdcxx_DoesNotRequireTheVersion()
    {
        var libstdcxx = GlibcxxMarker.FindSystemLibstdcxx();
        Assert.NotNull(libstdcxx);

        Assert.Equal(GlibcxxMarker.Outcome.NotRequired, GlibcxxMarker.Weaken(File.ReadAllBytes(libstdcxx)));
    }

    [Fact]
    public void DefinedVersions_SystemLibstdcxx_ListsTheGlibcxxVersions()
    {
        var versions = GlibcxxMarker.DefinedVersions(File.ReadAllBytes(GlibcxxMarker.FindSystemLibstdcxx()!));

        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("GLIBCXX_3.4.21", versions);
        Assert.Contains("CXXABI_1.3", versions);
    }

    [Fact]
    public void TestOutput_LibTorchSharp_WeakExactlyWhereTheSystemLacksTheVersionAndTorchLoads()
    {
        var systemHasIt = GlibcxxMarker.DefinedVersions(File.ReadAllBytes(GlibcxxMarker.FindSystemLibstdcxx()!)).Contains(GlibcxxMarker.Version);
        var built = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        var state = GlibcxxMarker.Weaken(File.ReadAllBytes(built));

        Assert.Equal(systemHasIt ? GlibcxxMarker.Outcome.Weakened : GlibcxxMarker.Outcome.AlreadyWeak, state);
        using var sum = ones(3).sum();
        Assert.Equal(3f, sum.item<float>());
    }

    [Theory]
    [InlineData("never", false)]
    [InlineData("always", true)]
    [InlineData(" Always ", true)]
    public void Execute_Mode_PatchesOnlyWhenAsked(string mode, bool patched)
    {
        var output = Path.Combine(_directory, "libLibTorchSharp.so");
        File.Copy(PackagedLibrary, output);
        var engine = new RecordingBuildEngine();

        var ok = new WeakenGlibcxxMarker { BuildEngine = engine, Libraries = [new TaskItem(output)], Mode = mode }.Execute();

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.Equal(patched ? GlibcxxMarker.Outcome.AlreadyWeak : GlibcxxMarker.Outcome.Weakened, GlibcxxMarker.Weaken(File.ReadAllBytes(output)));
        Assert.Equal(patched ? 1 : 0, engine.Messages.Count(m => m.StartsWith("Regularizers.Torch: marked GLIBCXX_3.4.32 weak in ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Execute_UnknownMode_FailsNamingThePropertyAndValue()
    {
        var engine = new RecordingBuildEngine();

        var ok = new WeakenGlibcxxMarker { BuildEngine = engine, Libraries = [], Mode = "sometimes" }.Execute();

        Assert.False(ok);
        Assert.Equal(["Invalid value for property RegularizersTorchWeakenGlibcxxMarker. Received: 'sometimes'. Allowed: auto, always, never."], engine.Errors);
    }

    private sealed class RecordingBuildEngine : IBuildEngine
    {
        public List<string> Errors { get; } = [];

        public List<string> Messages { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? string.Empty);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

        public void LogWarningEvent(BuildWarningEventArgs e) => Messages.Add(e.Message ?? string.Empty);
    }
}
