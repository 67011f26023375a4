using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Loading;

namespace Evidence.Core.Store;

/// <summary>
/// What a run folder holds beyond what its manifest lists. A run is written once, so a file the manifest
/// does not name was put there afterwards, and a reader of the folder could take it for evidence.
/// </summary>
public static class RunContents
{
    public static IReadOnlyList<Diagnostic> Unlisted(EvidenceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.State == RunState.Incomplete && File.Exists(Path.Combine(run.Directory, RunJournal.FileName)))
        {
            // A run still being collected lists its items in its journal; the manifest names them when it stops.
            return [];
        }

        var listed = run.Items.SelectMany(i => i.Raw.Append(i.Results).OfType<StoredFile>()).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        listed.Add(EvidenceStoreReader.ManifestFile);
        var shownFolder = run.ManifestPath[..^EvidenceStoreReader.ManifestFile.Length].TrimEnd('/');
        var problems = new List<Diagnostic>();
        foreach (var entry in FolderEntries.Under(run.Directory))
        {
            var relative = Path.GetRelativePath(run.Directory, entry.FullName).Replace('\\', '/');
            var link = entry.LinkTarget is not null;
            if ((entry is FileInfo || link) && !listed.Contains(relative))
            {
                var what = link ? $"is a link (to {ContainedPath.Resolve(entry.FullName) ?? "a loop of links"})" : "is a file";
                problems.Add(new Diagnostic(
                    SourceLocation.OfFile($"{shownFolder}/{relative}"),
                    $"{what} that the run's manifest does not list: it was added after collection; remove it, or collect a new run",
                    DiagnosticCategory.Evidence));
            }
        }

        return problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ToList();
    }
}
