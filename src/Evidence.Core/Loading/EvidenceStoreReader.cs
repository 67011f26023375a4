using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Store;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Finds and reads every run under <c>evidence/runs/</c>.</summary>
public static class EvidenceStoreReader
{
    public const string RunsFolder = "evidence/runs";
    public const string ManifestFile = "manifest.json";

    /// <summary>
    /// Every run of the store, oldest first. <paramref name="strict"/> reads each manifest with the strict
    /// reader, which checks every entry of it as it reads; otherwise a manifest exactly as collection writes
    /// it is read directly (its raw pages on first use), and only one that is not goes through the strict
    /// reader: a history of hundreds of runs is then read in a fraction of the time.
    /// </summary>
    public static IReadOnlyList<EvidenceRun> ReadRuns(string root, string display, DiagnosticBag diagnostics, bool strict = true) =>
        ReadRuns(root, display, diagnostics, strict, include: null);

    /// <summary>As <see cref="ReadRuns(string, string, DiagnosticBag, bool)"/>, only the run folders <paramref name="include"/> names.</summary>
    internal static IReadOnlyList<EvidenceRun> ReadRuns(string root, string display, DiagnosticBag diagnostics, bool strict, Func<string, bool>? include)
    {
        var runsDirectory = Path.Combine(root, RunsFolder);
        if (!Directory.Exists(runsDirectory))
        {
            return [];
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = Directory.EnumerateDirectories(runsDirectory).Order(StringComparer.Ordinal)
            .Where(directory => include?.Invoke(Path.GetFileName(directory)) != false)
            .Select(directory => ReadRun(root, directory, display, diagnostics, strict ? null : names))
            .OfType<EvidenceRun>();
        // Runs of the same second are <stamp>, <stamp>-2, <stamp>-3...: the shorter id is the earlier, so -10 follows -9.
        return runs.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId.Length).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The run in <paramref name="directory"/>, a folder of <paramref name="root"/>'s store; null (with diagnostics) when it cannot be read.</summary>
    public static EvidenceRun? ReadRun(string root, string directory, string display, DiagnosticBag diagnostics) =>
        ReadRun(root, directory, display, diagnostics, names: null);

    private static EvidenceRun? ReadRun(string root, string directory, string display, DiagnosticBag diagnostics, Dictionary<string, string>? names)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
        var manifest = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifest))
        {
            diagnostics.Error(SourceLocation.OfFile(WorkspaceLoader.DisplayPath(display, relative)), $"run folder has no {ManifestFile}; a run is written by 'evidence collect' and never edited by hand");
            return null;
        }

        var shown = WorkspaceLoader.DisplayPath(display, $"{relative}/{ManifestFile}");
        if (ContainedPath.Within(root, directory) is null || ContainedPath.FirstLink(directory, ManifestFile) is not null)
        {
            diagnostics.Error(SourceLocation.OfFile(shown), $"the run escapes the workspace through a link (it leads to {ContainedPath.Resolve(manifest) ?? "a loop of links"}); a run is a folder of files written by 'evidence collect', never links");
            return null;
        }

        // A collection that died left its items in the run's journal: they become the (incomplete) run's manifest.
        RunJournal.Recover(directory);
        if (names is not null && FastManifestReader.TryRead(manifest, directory, shown, names) is { } run)
        {
            return run;
        }

        return YamlFile.Load(manifest, shown, diagnostics) is { } node
            ? ManifestReader.Read(node, directory, shown, diagnostics)
            : null;
    }
}
