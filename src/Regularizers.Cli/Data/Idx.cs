using System.Buffers.Binary;
using System.IO.Compression;

namespace Regularizers.Cli.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed): a big-endian magic number
/// <c>0x0000 TT DD</c> (TT = 0x08 for unsigned bytes, DD = rank), DD big-endian 32-bit dimensions, then the data.
/// </summary>
public static class Idx
{
    /// <summary>Reads an IDX file of unsigned bytes; returns its dimensions and data.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is not an unsigned-byte IDX file, declares more items than an array holds, is truncated, or is not
    /// readable gzip; the message names the file.
    /// </exception>
    public static (int[] Dimensions, byte[] Data) ReadBytes(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, path);
        if (header[0] != 0 || header[1] != 0 || header[2] != 0x08)
        {
            throw new InvalidDataException($"'{path}' is not an IDX file of unsigned bytes (magic {Convert.ToHexString(header)}).");
        }
        var rank = header[3];
        var dimensions = new int[rank];
        long count = 1;
        for (var i = 0; i < rank; i++)
        {
            ReadExactly(stream, header, path);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(header);
            count = dimensions[i] < 0 || count * (long)dimensions[i] > Array.MaxLength ? -1 : count * dimensions[i];
            if (count < 0)
            {
                throw new InvalidDataException(
                    $"'{path}' has a corrupt header: dimension {i + 1} of {rank} is {dimensions[i]}, which makes more than {Array.MaxLength} items or a negative size.");
            }
        }
        var data = new byte[count];
        ReadExactly(stream, data, path);
        return (dimensions, data);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{path}' is truncated.", e);
        }
        catch (InvalidDataException e)
        {
            // GZipStream's own message ("unsupported compression method", "block type") does not say which file.
            throw new InvalidDataException($"'{path}' is not readable gzip: {e.Message}", e);
        }
    }
}
