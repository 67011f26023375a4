using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Core.Files;

/// <summary>
/// Writes a file under a temporary name beside it and moves it into place only when complete, so a
/// crash or a full disk never leaves a half-written file where a reader expects a whole one.
/// </summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content, bool overwrite = false) =>
        Write(path, stream =>
        {
            var bytes = Utf8.GetBytes(content);
            stream.Write(bytes);
        }, overwrite);

    /// <summary>
    /// Removes the temporary files of writes that never finished in <paramref name="directory"/>: those of our own naming
    /// (<c>.name.pid-guid.tmp</c>) whose process is gone, and those named as before the process id was in the name
    /// (<c>.name.guid.tmp</c>). A process killed outright (SIGKILL, power loss) cannot
    /// remove its own; another write in progress keeps its file.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStale(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            var match = TemporaryName().Match(Path.GetFileName(file));
            if (match.Success && IsAbandoned(match.Groups["pid"]))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    private static bool IsAbandoned(Group pid)
    {
        // Names without a process id come from versions before it was added, which no current build writes.
        if (!pid.Success)
        {
            return true;
        }

        if (!int.TryParse(pid.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        if (id == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has that id any more.
            return true;
        }
    }

    [GeneratedRegex(@"^\..+\.(?:(?<pid>[0-9]+)-)?[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();

    public static void Write(string path, Action<Stream> write, bool overwrite = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
