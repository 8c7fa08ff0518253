using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Regularizers.Core.IO;
using static TorchSharp.torch;

namespace Regularizers.Torch.Models;

/// <summary>
/// The one file format of saved models — bagging ensembles, the ML.NET transformer and the CLI's <c>train</c> output
/// all write it. Layout, in <see cref="BinaryWriter"/>'s encoding (strings length-prefixed UTF-8, integers little-endian):
/// <code>
/// string  "Regularizers.Torch.Model"   Magic
/// int32   2                            FormatVersion
/// string  kind                         which type wrote it, e.g. "BaggingEnsemble"
/// string  header                       JSON, the kind's own payload (enums by name)
/// int32   N                            number of modules
/// N ×     state dictionary             TorchSharp's nn.Module.save format
/// 32 bytes                             SHA-256 of everything above
/// </code>
/// Format 2 (this version) added the convolutional settings of <see cref="ModelSpec"/> (<see cref="ModelSpec.Architecture"/>,
/// <see cref="ModelSpec.Channels"/>, …) to headers that hold one; format 1 files, whose headers lack them, still read — the
/// missing properties take their defaults, a multilayer perceptron — while a reader of format 1 refuses format 2 files
/// instead of building a perceptron for a CNN's weights.
/// Files are written atomically (<see cref="AtomicFile"/>). Reading throws <see cref="InvalidDataException"/> whose
/// message starts with the file's name for a foreign file, another kind (<c>… is a saved X, not a Y.</c>), a newer format
/// version, and truncated or corrupt data, including state dictionaries that do not fit the modules built for them and
/// any changed byte (the checksum: flipped weight bytes otherwise load silently and score like a broken model);
/// modules built before the failure are disposed. A builder or legacy reader may throw its own
/// <see cref="InvalidDataException"/> (naming the file): it passes through unchanged.
/// </summary>
public static class ModelFile
{
    /// <summary>The string every model file starts with.</summary>
    public const string Magic = "Regularizers.Torch.Model";

    /// <summary>The format version this library writes, and the newest it reads.</summary>
    public const int FormatVersion = 2;

    private const int LongestMagic = 256;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes a model file to <paramref name="path"/>, atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">Which type writes it; <see cref="Read{THeader}(string, string, Func{THeader, int, nn.Module{Tensor, Tensor}}, LegacyFormat{THeader}?)"/> expects the same.</param>
    /// <param name="header">The kind's payload, serialised as JSON.</param>
    /// <param name="modules">The modules whose state dictionaries follow the header.</param>
    public static void Write<THeader>(string path, string kind, THeader header, IReadOnlyList<nn.Module> modules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => Write(stream, kind, header, modules));
    }

    /// <summary>Writes a model file to <paramref name="stream"/> (see <see cref="Write{THeader}(string, string, THeader, IReadOnlyList{nn.Module})"/>).</summary>
    public static void Write<THeader>(Stream stream, string kind, THeader header, IReadOnlyList<nn.Module> modules)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(modules);
        using var hashing = new HashingStream(stream);
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(kind);
            writer.Write(JsonSerializer.Serialize(header, Json));
            writer.Write(modules.Count);
            foreach (var module in modules)
            {
                module.save(writer);
            }
        }
        stream.Write(hashing.Hash());
    }

    /// <summary>Reads a model file of <paramref name="kind"/> from <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">The kind expected.</param>
    /// <param name="build">Builds module i (0-based) for the header; its state is loaded from the file.</param>
    /// <param name="legacy">The format this kind was saved in before, read too; null for none.</param>
    /// <exception cref="InvalidDataException">The file is foreign, of another kind, of a newer format, truncated or corrupt.</exception>
    public static SavedModel<THeader> Read<THeader>(string path, string kind, Func<THeader, int, nn.Module<Tensor, Tensor>> build, LegacyFormat<THeader>? legacy = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, kind, build, legacy);
    }

    /// <summary>Reads a model file of <paramref name="kind"/> from <paramref name="stream"/>; messages start with <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds a foreign file, another kind, a newer format, or truncated or corrupt data.</exception>
    public static SavedModel<THeader> Read<THeader>(
        Stream stream, string name, string kind, Func<THeader, int, nn.Module<Tensor, Tensor>> build, LegacyFormat<THeader>? legacy = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(build);
        using var hashing = new HashingStream(stream);
        using var reader = new BinaryReader(hashing, Encoding.UTF8, leaveOpen: true);
        var magic = ReadMagic(reader);
        if (magic != Magic)
        {
            return magic is not null && magic == legacy?.Magic
                ? Checked(name, () => legacy.Read(reader))
                : throw new InvalidDataException($"{name} is not a model file of Regularizers.Torch (it does not start with \"{Magic}\").");
        }
        var (version, found) = Checked(name, () => (reader.ReadInt32(), reader.ReadString()));
        if (version > FormatVersion)
        {
            throw new InvalidDataException(
                $"{name} was written by a newer version (model file format {version}); this version reads format {FormatVersion} or lower: upgrade Regularizers.Torch.");
        }
        if (found != kind)
        {
            throw new InvalidDataException($"{name} is a saved {found}, not a {kind}.");
        }
        var saved = Checked(name, () =>
        {
            var header = JsonSerializer.Deserialize<THeader>(reader.ReadString(), Json) ?? throw new FormatException("the header is null.");
            return new SavedModel<THeader>(header, LoadModules(reader, reader.ReadInt32(), i => build(header, i)));
        });
        var computed = hashing.Hash();
        var stored = new byte[computed.Length];
        var complete = stream.ReadAtLeast(stored, stored.Length, throwOnEndOfStream: false) == stored.Length;
        if (!complete || !computed.AsSpan().SequenceEqual(stored))
        {
            foreach (var module in saved.Modules)
            {
                module.Dispose();
            }
            throw new InvalidDataException(complete
                ? $"{name} is corrupt: its SHA-256 checksum does not match its contents (the file was changed after it was saved)."
                : $"{name} is truncated: its SHA-256 checksum is missing.");
        }
        return saved;
    }

    /// <summary>
    /// Builds <paramref name="count"/> modules one after another and loads each one's state dictionary from
    /// <paramref name="reader"/>; if one fails, disposes those built so far and rethrows.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<nn.Module<Tensor, Tensor>> LoadModules(BinaryReader reader, int count, Func<int, nn.Module<Tensor, Tensor>> build)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(build);
        if (count < 0)
        {
            throw new FormatException($"the module count is {count}.");
        }
        var modules = new List<nn.Module<Tensor, Tensor>>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                modules.Add(build(i));
                modules[i].load(reader);
            }
            return modules;
        }
        catch
        {
            modules.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>The leading length-prefixed string, or null when the file does not start with a short one.</summary>
    private static string? ReadMagic(BinaryReader reader)
    {
        try
        {
            var length = reader.Read7BitEncodedInt();
            if (length is < 1 or > LongestMagic)
            {
                return null;
            }
            var bytes = reader.ReadBytes(length);
            return bytes.Length == length ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/>; whatever a damaged file makes the reader, the JSON parser or libtorch throw becomes
    /// "<c>{name} is truncated or corrupt: …</c>", so callers hear one thing.
    /// </summary>
    private static T Checked<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"{name} is truncated or corrupt: {e.Message}", e);
        }
    }
}
