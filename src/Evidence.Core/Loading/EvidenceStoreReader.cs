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

    /// <summary>Every run of the store, oldest first.</summary>
    public static IReadOnlyList<EvidenceRun> ReadRuns(string root, string display, DiagnosticBag diagnostics)
    {
        var runsDirectory = Path.Combine(root, RunsFolder);
        if (!Directory.Exists(runsDirectory))
        {
            return [];
        }

        var runs = Directory.EnumerateDirectories(runsDirectory).Order(StringComparer.Ordinal)
            .Select(directory => ReadRun(root, directory, display, diagnostics))
            .OfType<EvidenceRun>();
        return runs.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The run in <paramref name="directory"/>, a folder of <paramref name="root"/>'s store; null (with diagnostics) when it cannot be read.</summary>
    public static EvidenceRun? ReadRun(string root, string directory, string display, DiagnosticBag diagnostics)
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

        return YamlFile.Load(manifest, shown, diagnostics) is { } node
            ? ManifestReader.Read(node, directory, shown, diagnostics)
            : null;
    }
}
