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
    public static string? ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
