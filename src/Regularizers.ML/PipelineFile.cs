using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regularizers.ML;

/// <summary>
/// The file <see cref="ModelOperationsCatalogExtensions.SaveWithNetworks"/> writes. Layout, in
/// <see cref="BinaryWriter"/>'s encoding (strings length-prefixed UTF-8, integers little-endian):
/// <code>
/// string  "Regularizers.ML.Pipeline"   Magic
/// int32   1                            FormatVersion
/// string  header                       JSON: the chain's tree of <see cref="PipelineNode"/>s (enums by name)
/// int32   P                            number of parts
/// P ×     int32 length, bytes          part 0: the input schema (ML.NET's format, an empty chain saved with it);
///                                      then each leaf: ML.NET's model format, or the library's model format for a network
/// 32 bytes                             SHA-256 of everything above
/// </code>
/// Reading checks the magic, the version and the checksum before it parses anything, so a foreign, newer, truncated or
/// corrupt file is an <see cref="InvalidDataException"/> whose message starts with the file's name.
/// </summary>
internal static class PipelineFile
{
    public const string Magic = "Regularizers.ML.Pipeline";

    public const int FormatVersion = 1;

    private const int HashLength = 32;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Write(Stream stream, PipelineNode root, IReadOnlyList<byte[]> parts)
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(root, Json));
            writer.Write(parts.Count);
            foreach (var part in parts)
            {
                writer.Write(part.Length);
                writer.Write(part);
            }
        }
        stream.Write(content.GetBuffer().AsSpan(0, (int)content.Length));
        stream.Write(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
    }

    /// <summary>The tree and the parts of the file whose bytes are <paramref name="bytes"/>; messages start with <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">The file is foreign, newer, truncated or corrupt.</exception>
    public static (PipelineNode Root, byte[][] Parts) Read(byte[] bytes, string name)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        if (ReadMagic(reader) != Magic)
        {
            var hint = bytes is [(byte)'P', (byte)'K', 3, 4, ..] ? " It looks like ML.NET's own model file: load it with mlContext.Model.Load." : "";
            throw new InvalidDataException($"{name} is not a pipeline saved by SaveWithNetworks (it does not start with \"{Magic}\").{hint}");
        }
        var version = Checked(name, reader.ReadInt32);
        if (version > FormatVersion)
        {
            throw new InvalidDataException(
                $"{name} was written by a newer version (pipeline file format {version}); this version reads format {FormatVersion} or lower: upgrade Regularizers.ML.");
        }
        var length = bytes.Length - HashLength;
        if (length < reader.BaseStream.Position || !SHA256.HashData(bytes.AsSpan(0, length)).AsSpan().SequenceEqual(bytes.AsSpan(length)))
        {
            throw new InvalidDataException($"{name} is truncated or corrupt: its SHA-256 checksum does not match its contents.");
        }
        return Checked(name, () =>
        {
            var root = JsonSerializer.Deserialize<PipelineNode>(reader.ReadString(), Json) ?? throw new FormatException("the header is null.");
            var parts = new byte[reader.ReadInt32()][];
            for (var i = 0; i < parts.Length; i++)
            {
                var size = reader.ReadInt32();
                parts[i] = size >= 0 && size <= length - reader.BaseStream.Position
                    ? reader.ReadBytes(size)
                    : throw new FormatException($"part {i} claims {size} bytes.");
            }
            return (root, parts);
        });
    }

    /// <summary>The leading length-prefixed string, or null when the file does not start with a short one.</summary>
    private static string? ReadMagic(BinaryReader reader)
    {
        try
        {
            var length = reader.Read7BitEncodedInt();
            var bytes = length is >= 1 and <= 256 ? reader.ReadBytes(length) : [];
            return bytes.Length == length ? Encoding.UTF8.GetString(bytes) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="read"/>; whatever a damaged file makes it throw becomes "<c>{name} is truncated or corrupt: …</c>".</summary>
    internal static T Checked<T>(string name, Func<T> read)
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
