using System.Text;

namespace Regularizers.Core.IO;

/// <summary>
/// Writes a file through a temporary sibling, flushed to disk, then renamed over the target: readers and a crash
/// mid-write never see a partial file, and an existing file survives a failed write untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, atomically.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew))
            {
                write(stream);
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
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark), atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
    }

    /// <summary>Writes each line followed by a newline, atomically.</summary>
    public static void WriteAllLines(string path, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
    }
}
