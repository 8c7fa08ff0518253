namespace Regularizers.Cli.Commands;

/// <summary>
/// Checks, before any training, that every file a command will write can be written: its folder exists and accepts a
/// new file, and the path is not a folder. A typo in <c>--report</c> then costs nothing, instead of the whole run.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Checks each (option, path) pair whose path is given.</summary>
    /// <exception cref="CliUsageException">A path cannot be written; the message names the option, the path and why.</exception>
    public static void Check(params (string Option, string? Path)[] outputs)
    {
        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }
            var full = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(full)!;
            if (Directory.Exists(full))
            {
                throw new CliUsageException($"{option}: {path} is a folder; give a file name.");
            }
            if (!Directory.Exists(folder))
            {
                throw new CliUsageException($"{option}: cannot write {path}: the folder {folder} does not exist.");
            }
            var probe = System.IO.Path.Combine(folder, $".regularizers-write-check-{Guid.NewGuid():N}");
            try
            {
                using (File.Create(probe, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new CliUsageException($"{option}: cannot write {path}: the folder {folder} does not accept new files ({e.Message}).");
            }
        }
    }
}
