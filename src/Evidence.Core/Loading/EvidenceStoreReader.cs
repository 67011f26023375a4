using Evidence.Core.Diagnostics;
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

        var runs = new List<EvidenceRun>();
        foreach (var directory in Directory.EnumerateDirectories(runsDirectory).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
            var manifest = Path.Combine(directory, ManifestFile);
            var shown = WorkspaceLoader.DisplayPath(display, $"{relative}/{ManifestFile}");
            if (!File.Exists(manifest))
            {
                diagnostics.Error(SourceLocation.OfFile(WorkspaceLoader.DisplayPath(display, relative)), $"run folder has no {ManifestFile}; a run is written by 'evidence collect' and never edited by hand");
                continue;
            }

            if (YamlFile.Parse(File.ReadAllText(manifest), shown, diagnostics) is { } node &&
                ManifestReader.Read(node, directory, shown, diagnostics) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
    }
}
