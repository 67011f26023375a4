using System.Text;

namespace Evidence.Core.Files;

/// <summary>
/// Writes a file under a temporary name beside it and moves it into place only when complete, so a
/// crash or a full disk never leaves a half-written file where a reader expects a whole one.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content, bool overwrite = false) =>
        Write(path, stream =>
        {
            var bytes = Utf8.GetBytes(content);
            stream.Write(bytes);
        }, overwrite);

    public static void Write(string path, Action<Stream> write, bool overwrite = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
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
