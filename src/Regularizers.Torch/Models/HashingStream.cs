using System.Security.Cryptography;

namespace Regularizers.Torch.Models;

/// <summary>
/// Passes reads or writes through to another stream and feeds every byte that goes by to a SHA-256, so
/// <see cref="ModelFile"/> can append and check a checksum of everything before it without holding the file in memory.
/// The inner stream is left open.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The SHA-256 of the bytes read or written so far.</summary>
    public byte[] Hash() => _hash.GetCurrentHash();

    /// <inheritdoc />
    public override bool CanRead => inner.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => inner.CanWrite;

    /// <summary>The inner stream's length (readers check how much is left); the stream itself cannot seek.</summary>
    public override long Length => inner.Length;

    /// <summary>The inner stream's position; setting it would skip bytes the hash must see, so it is not supported.</summary>
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        inner.Write(buffer);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
