using System.Security.Cryptography;
using Evidence.Core.Findings;
using Evidence.Core.Store;

namespace Evidence.Core.Loading;

/// <summary>
/// Keeps the folded findings history (<see cref="HistoryCheckpoint"/>) in <c>.evidence/history.json</c>, a
/// derived file local to the workspace copy (the folder ignores itself in git). It is used only while every
/// run it names is still on disk with the same manifest (size and write time, else its SHA-256), every other
/// run was collected after it, and the as-of instant is not before it; otherwise the runs are read in full
/// and the file is written again. Failing to write it (a read-only checkout) only costs speed.
/// </summary>
internal static class HistoryCache
{
    public const string Folder = ".evidence";
    public const string File = "history.json";

    /// <summary>The checkpoint that can stand for the older runs as of <paramref name="asOf"/>, or null.</summary>
    public static HistoryCheckpoint? Usable(string root, DateTimeOffset asOf)
    {
        var path = Path.Combine(root, Folder, File);
        if (!System.IO.File.Exists(path) || HistoryCacheFormat.Read(path) is not { } checkpoint || asOf < checkpoint.Through)
        {
            return null;
        }

        var runs = Path.Combine(root, EvidenceStoreReader.RunsFolder);
        var stamps = new List<RunStamp>();
        foreach (var stamp in checkpoint.Runs)
        {
            if (Matches(stamp, Path.Combine(runs, stamp.Folder, EvidenceStoreReader.ManifestFile)) is not { } current)
            {
                return null;
            }

            stamps.Add(current);
        }

        // Matched by content after a checkout: keep the new write times so the next load need not hash again.
        return stamps.SequenceEqual(checkpoint.Runs) ? checkpoint : checkpoint.Restamped(stamps);
    }

    /// <summary>
    /// Folds what was loaded into a new checkpoint and writes it, when everything loaded was collected by
    /// <paramref name="asOf"/> (a checkpoint of a past instant would leave later answers out) and there is
    /// something new to fold.
    /// </summary>
    public static void Refresh(LoadedWorkspace loaded, DateTimeOffset asOf)
    {
        var earlier = loaded.History;
        var fresh = loaded.Runs.Where(r => earlier?.Covers(r) != true).ToList();
        if ((earlier is not null && fresh.Count == 0 && !earlier.Changed) || loaded.Runs.Count == 0 || loaded.HasErrors
            || loaded.Runs.Any(r => r.Items.Any(i => i.CollectedAt > asOf)))
        {
            return;
        }

        try
        {
            var stamps = (earlier?.Runs ?? []).Concat(fresh.Select(r => Stamp(r.ManifestPath, HistoryCheckpoint.FolderOf(r)))).ToList();
            var checkpoint = HistoryCheckpoint.Fold(earlier, loaded.Runs, stamps, loaded.FailingRows);
            var folder = Path.Combine(loaded.Root, Folder);
            Directory.CreateDirectory(folder);
            var ignore = Path.Combine(folder, ".gitignore");
            if (!System.IO.File.Exists(ignore))
            {
                System.IO.File.WriteAllText(ignore, "# Local state of Evidence (caches, sessions); never committed.\n*\n");
            }

            var temporary = Path.Combine(folder, $"{File}.{Environment.ProcessId}.tmp");
            HistoryCacheFormat.Write(temporary, checkpoint);
            System.IO.File.Move(temporary, Path.Combine(folder, File), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written is only a slower next run.
        }
    }

    private static RunStamp Stamp(string manifest, string folder)
    {
        var info = new FileInfo(manifest);
        return new RunStamp(folder, info.Length, info.LastWriteTimeUtc.Ticks, Hash(manifest));
    }

    /// <summary>The stamp as the manifest now stands when it is the same manifest, else null.</summary>
    private static RunStamp? Matches(RunStamp stamp, string manifest)
    {
        var info = new FileInfo(manifest);
        if (!info.Exists || info.Length != stamp.Size)
        {
            return null;
        }

        var ticks = info.LastWriteTimeUtc.Ticks;
        // A fresh checkout gives every file a new write time: then the content decides.
        return ticks == stamp.WriteTicks ? stamp : Hash(manifest) == stamp.Sha256 ? stamp with { WriteTicks = ticks } : null;
    }

    private static string Hash(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
