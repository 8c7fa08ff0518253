using System.Text;
using System.Text.Json;

namespace Regularizers.Cli.Results;

/// <summary>
/// A results file: one <see cref="RunRecord"/> per line (JSON Lines), appended as each run finishes. A line is written
/// with one append and flushed to disk before the next run starts, so a crash or kill can leave at most a partial last
/// line, which <see cref="Open"/> cuts off: every complete line is a complete run.
/// </summary>
internal sealed class ResultsFile
{
    private ResultsFile(string path, List<RunRecord> records)
    {
        Path = path;
        Records = records;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The runs in the file, in the order they were written.</summary>
    public List<RunRecord> Records { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for appending, reading the runs already there (none when it does not exist) and
    /// cutting off a partial last line left by an interrupted write.
    /// </summary>
    /// <exception cref="InvalidDataException">A complete line is not a run record; the message names the file and line.</exception>
    public static ResultsFile Open(string path)
    {
        var records = File.Exists(path) ? Read(path, repair: true) : [];
        return new ResultsFile(path, records);
    }

    /// <summary>Reads the runs of <paramref name="path"/>, ignoring a partial last line.</summary>
    /// <exception cref="InvalidDataException">A complete line is not a run record; the message names the file and line.</exception>
    public static List<RunRecord> Read(string path) => Read(path, repair: false);

    /// <summary>Appends <paramref name="record"/> as one line, flushed to disk.</summary>
    public void Append(RunRecord record)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, ResultsJson.Options) + "\n");
        using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
        Records.Add(record);
    }

    private static List<RunRecord> Read(string path, bool repair)
    {
        var bytes = File.ReadAllBytes(path);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (repair && complete < bytes.Length)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(complete);
        }
        var lines = Encoding.UTF8.GetString(bytes, 0, complete).Split('\n');
        var records = new List<RunRecord>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            try
            {
                records.Add(JsonSerializer.Deserialize<RunRecord>(lines[i], ResultsJson.Options)
                    ?? throw new JsonException("the line is null."));
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                throw new InvalidDataException($"{path}, line {i + 1}: not a run record of 'regularizers compare' ({e.Message})", e);
            }
        }
        return records;
    }
}
