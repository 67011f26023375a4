using System.Runtime.CompilerServices;

namespace Evidence.Testing;

/// <summary>
/// Compares text with a committed <c>.verified.txt</c> file beside the test. On a mismatch it writes
/// <c>.received.txt</c> for review; with EVIDENCE_UPDATE_SNAPSHOTS=1 it accepts the new text instead.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{name}");
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        // The checkout's own path is where the repository happens to be, not part of the meaning.
        var normalized = actual.ReplaceLineEndings("\n").Replace(RepositoryPaths.Root, "<repo>", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("EVIDENCE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, normalized);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        throw new SnapshotMismatchException(expected is null
            ? $"No snapshot yet: review {received} and rename it to {Path.GetFileName(verified)} (or run with EVIDENCE_UPDATE_SNAPSHOTS=1)."
            : $"Output differs from {Path.GetFileName(verified)} at line {FirstDifference(expected, normalized)}; see {received}.");
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}

/// <summary>Thrown when output no longer matches its committed snapshot.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
