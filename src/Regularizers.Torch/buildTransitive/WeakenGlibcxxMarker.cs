// Compiled by MSBuild's RoslynCodeTaskFactory from Regularizers.Torch.targets (beside this file), not into the library.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Regularizers.Torch.Build;

/// <summary>
/// Lets TorchSharp's <c>libLibTorchSharp.so</c> load against a libstdc++ older than GCC 13 (Debian 12, Ubuntu 22.04).
/// </summary>
/// <remarks>
/// The library asks for the symbol version <c>GLIBCXX_3.4.32</c>, and the only symbol it binds to that version is
/// <c>std::ios_base_library_init()</c>, a marker that GCC 13's <c>&lt;iostream&gt;</c> references without any
/// relocation. Setting <c>VER_FLG_WEAK</c> on that one version requirement (a 16-bit field of <c>.gnu.version_r</c>)
/// makes the dynamic loader accept its absence. The task changes nothing unless the mode asks for it, the file is
/// an x86-64/AArch64 little-endian ELF that requires that version, and the marker is the only symbol bound to it;
/// the patched copy is written beside the original and renamed over it, so a hard link into the NuGet cache is never
/// written through.
/// </remarks>
public sealed class WeakenGlibcxxMarker : Microsoft.Build.Utilities.Task
{
    /// <summary>The <c>libLibTorchSharp.so</c> files of a build or publish output.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>auto</c> (only where this machine's libstdc++ lacks the version), <c>always</c> or <c>never</c>.</summary>
    public string Mode { get; set; } = "auto";

    /// <inheritdoc />
    public override bool Execute()
    {
        var mode = Mode.Trim().ToLowerInvariant();
        if (mode != "auto" && mode != "always" && mode != "never")
        {
            Log.LogError($"Invalid value for property RegularizersTorchWeakenGlibcxxMarker. Received: '{Mode}'. Allowed: auto, always, never.");
            return false;
        }
        if (mode == "never" || Libraries.Length == 0)
        {
            return true;
        }
        if (mode == "auto")
        {
            var libstdcxx = GlibcxxMarker.FindSystemLibstdcxx();
            if (libstdcxx is null || GlibcxxMarker.DefinedVersions(File.ReadAllBytes(libstdcxx)).Contains(GlibcxxMarker.Version))
            {
                return true;
            }
        }
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var result = GlibcxxMarker.WeakenInPlace(path);
            if (result == GlibcxxMarker.Outcome.Weakened)
            {
                Log.LogMessage(MessageImportance.High, $"Regularizers.Torch: marked {GlibcxxMarker.Version} weak in {path} so it loads against this system's older libstdc++.");
            }
            else if (result == GlibcxxMarker.Outcome.OtherSymbolsBound)
            {
                Log.LogWarning($"Regularizers.Torch: {path} binds symbols other than std::ios_base_library_init() to {GlibcxxMarker.Version}; left unchanged (it needs a libstdc++ from GCC 13 or later).");
            }
        }
        return true;
    }
}

/// <summary>Reads and edits the ELF symbol-version tables that decide whether <c>libLibTorchSharp.so</c> loads.</summary>
public static class GlibcxxMarker
{
    /// <summary>The version GCC 13 introduced and TorchSharp 0.107's native library requires.</summary>
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary>The mangled name of <c>std::ios_base_library_init()</c>, the one symbol bound to <see cref="Version"/>.</summary>
    public const string MarkerSymbol = "_ZSt21ios_base_library_initv";

    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>What <see cref="WeakenInPlace"/> found and did.</summary>
    public enum Outcome
    {
        /// <summary>The requirement was strong and is now weak.</summary>
        Weakened,
        /// <summary>The requirement was weak already; the file was not written.</summary>
        AlreadyWeak,
        /// <summary>The file does not require <see cref="Version"/> (or is not a 64-bit little-endian ELF).</summary>
        NotRequired,
        /// <summary>Symbols other than the marker are bound to <see cref="Version"/>: weakening would not be safe.</summary>
        OtherSymbolsBound,
    }

    /// <summary>The libstdc++ the dynamic loader would pick from the standard library folders, or null.</summary>
    public static string? FindSystemLibstdcxx()
    {
        var triplet = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        string[] folders = { $"/lib/{triplet}", $"/usr/lib/{triplet}", "/usr/lib64", "/lib64", "/usr/lib", "/lib" };
        return folders.Select(f => Path.Combine(f, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>The version names a shared library defines (its <c>.gnu.version_d</c>).</summary>
    public static ISet<string> DefinedVersions(byte[] elf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!IsElf64LittleEndian(elf))
        {
            return names;
        }
        var sections = Sections(elf);
        foreach (var section in sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = sections[(int)section.Link];
            var at = section.Offset;
            for (var i = 0; i < section.Info; i++)
            {
                var aux = at + U32(elf, at + 12);
                names.Add(CString(elf, strings.Offset + U32(elf, aux)));
                var next = U32(elf, at + 16);
                if (next == 0)
                {
                    break;
                }
                at += next;
            }
        }
        return names;
    }

    /// <summary>
    /// Marks the file's requirement of <see cref="Version"/> weak, writing a patched copy beside it and renaming it over
    /// the original; does nothing unless the outcome is <see cref="Outcome.Weakened"/>.
    /// </summary>
    public static Outcome WeakenInPlace(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var outcome = Weaken(bytes);
        if (outcome == Outcome.Weakened)
        {
            // The copy keeps the file's mode; rename(2) then swaps it in whole, leaving any hard-linked original intact.
            var temporary = path + ".glibcxx.tmp";
            File.Copy(path, temporary, overwrite: true);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            File.Replace(temporary, path, destinationBackupFileName: null);
        }
        return outcome;
    }

    /// <summary>Sets <c>VER_FLG_WEAK</c> on the <see cref="Version"/> requirement in <paramref name="elf"/> when safe.</summary>
    public static Outcome Weaken(byte[] elf)
    {
        if (!IsElf64LittleEndian(elf))
        {
            return Outcome.NotRequired;
        }
        var sections = Sections(elf);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        if (verneed.Type == 0)
        {
            return Outcome.NotRequired;
        }
        var strings = sections[(int)verneed.Link];
        var at = verneed.Offset;
        for (var i = 0; i < verneed.Info; i++)
        {
            var count = U16(elf, at + 2);
            var aux = at + U32(elf, at + 8);
            for (var j = 0; j < count; j++)
            {
                if (CString(elf, strings.Offset + U32(elf, aux + 8)) == Version)
                {
                    var flags = U16(elf, aux + 4);
                    if ((flags & VerFlgWeak) != 0)
                    {
                        return Outcome.AlreadyWeak;
                    }
                    if (SymbolsBoundTo(elf, sections, U16(elf, aux + 6)).Any(s => s != MarkerSymbol))
                    {
                        return Outcome.OtherSymbolsBound;
                    }
                    var weak = flags | VerFlgWeak;
                    elf[aux + 4] = (byte)weak;
                    elf[aux + 5] = (byte)(weak >> 8);
                    return Outcome.Weakened;
                }
                aux += U32(elf, aux + 12);
            }
            at += U32(elf, at + 12);
        }
        return Outcome.NotRequired;
    }

    private static IEnumerable<string> SymbolsBoundTo(byte[] elf, Section[] sections, ushort versionIndex)
    {
        var dynsym = sections.First(s => s.Type == ShtDynsym);
        var versym = sections.First(s => s.Type == ShtGnuVersym);
        var strings = sections[(int)dynsym.Link];
        var count = dynsym.Size / 24;
        for (ulong i = 0; i < count; i++)
        {
            if ((U16(elf, versym.Offset + 2 * i) & 0x7fff) == versionIndex)
            {
                yield return CString(elf, strings.Offset + U32(elf, dynsym.Offset + 24 * i));
            }
        }
    }

    private struct Section
    {
        public uint Type;
        public ulong Offset;
        public ulong Size;
        public uint Link;
        public uint Info;
    }

    private static bool IsElf64LittleEndian(byte[] elf) =>
        elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F'
        && elf[4] == 2 && elf[5] == 1;

    private static Section[] Sections(byte[] elf)
    {
        var offset = U64(elf, 0x28);
        var size = U16(elf, 0x3a);
        var count = U16(elf, 0x3c);
        var sections = new Section[count];
        for (var i = 0; i < count; i++)
        {
            var at = offset + (ulong)(i * size);
            sections[i] = new Section
            {
                Type = U32(elf, at + 4), Offset = U64(elf, at + 24), Size = U64(elf, at + 32), Link = U32(elf, at + 40), Info = U32(elf, at + 44),
            };
        }
        return sections;
    }

    private static ushort U16(byte[] b, ulong at) => BitConverter.ToUInt16(b, checked((int)at));

    private static uint U32(byte[] b, ulong at) => BitConverter.ToUInt32(b, checked((int)at));

    private static ulong U64(byte[] b, ulong at) => BitConverter.ToUInt64(b, checked((int)at));

    private static string CString(byte[] b, ulong at)
    {
        var start = checked((int)at);
        var end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }
}
