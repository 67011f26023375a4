using System.Text;

namespace Evidence.Core.Scanning;

/// <summary>
/// What <c>evidence scan</c> reads in a workspace: its YAML (evidence.yaml, overlays, attestations,
/// findings.yaml), its manual documents under <c>artifacts/</c> and every file of its evidence runs.
/// Rendered output (<c>out/</c>) and the recorded answers for offline collection are not the workspace's
/// records and are left out; binary files (PDF, images) have no text to scan.
/// </summary>
public static class WorkspaceTexts
{
    private static readonly string[] Roots = ["evidence.yaml", "findings.yaml", "controls", "artifacts", "attestations", "evidence"];

    /// <summary>The files to scan under <paramref name="root"/>, relative to it with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        var files = new List<string>();
        foreach (var entry in Roots)
        {
            var full = Path.Combine(root, entry);
            if (File.Exists(full))
            {
                files.Add(entry);
            }
            else if (Directory.Exists(full))
            {
                files.AddRange(AllFiles(full).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Every regular file under <paramref name="folder"/> (links are not followed), relative paths, ordinal order.</summary>
    public static IEnumerable<string> AllFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal);

    /// <summary>The file's text, or null for a binary file (a NUL byte in its first 8 KiB, or bytes that are not UTF-8).</summary>
    /// <remarks>
    /// Decoded in two streaming passes (count, then fill the string) so that a large file — a run's manifest of an
    /// organisation is well over 100 MB — is never held as bytes and text at once.
    /// </remarks>
    /// <exception cref="IOException">The file could not be read, is too long to be one text, or changed while it was read.</exception>
    public static string? ReadText(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var head = file.ReadAtLeast(buffer.AsSpan(0, 8192), 8192, throwOnEndOfStream: false);
        if (buffer.AsSpan(0, head).Contains((byte)0))
        {
            return null;
        }

        var encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        long length;
        try
        {
            file.Position = 0;
            length = CountChars(file, encoding.GetDecoder(), buffer);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        if (length > Array.MaxLength)
        {
            throw new IOException($"{path} holds {length:N0} characters, more than one text can hold");
        }

        file.Position = 0;
        try
        {
            var text = string.Create((int)length, (file, Decoder: encoding.GetDecoder(), buffer), static (chars, state) =>
            {
                if (Fill(state.file, state.Decoder, state.buffer, chars) != chars.Length)
                {
                    throw new InvalidDataException("fewer characters than counted");
                }
            });
            return text;
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException or InvalidDataException)
        {
            throw new IOException($"{path} changed while it was read; read it again", e);
        }
    }

    private static long CountChars(Stream file, Decoder decoder, byte[] buffer)
    {
        long count = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            count += decoder.GetCharCount(buffer.AsSpan(0, read), flush: false);
        }

        return count + decoder.GetCharCount([], flush: true);
    }

    /// <summary>Decodes the rest of <paramref name="file"/> into <paramref name="chars"/>; how many it wrote (more input than room throws).</summary>
    private static int Fill(Stream file, Decoder decoder, byte[] buffer, Span<char> chars)
    {
        var written = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            written += decoder.GetChars(buffer.AsSpan(0, read), chars[written..], flush: false);
        }

        return written + decoder.GetChars([], chars[written..], flush: true);
    }
}
