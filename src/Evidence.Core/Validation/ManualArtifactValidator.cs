using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;

namespace Evidence.Core.Validation;

/// <summary>Manual evidence files exist, under <c>artifacts/</c>, inside the workspace.</summary>
internal sealed class ManualArtifactValidator : IWorkspaceValidator
{
    public const string ArtifactsFolder = "artifacts";

    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        foreach (var query in loaded.Overlays.SelectMany(o => o.Evidence).OfType<ManualQuery>())
        {
            if (Check(loaded.Root, query.Path) is { } problem)
            {
                yield return Problems.Error(query.Location, problem);
            }
        }
    }

    /// <summary>Why a manual path is not acceptable, or null when it is.</summary>
    public static string? Check(string root, string path)
    {
        var workspace = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var artifacts = Path.GetFullPath(Path.Combine(root, ArtifactsFolder)) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(path))
        {
            return $"'{path}' is an absolute path; give a path relative to the workspace, under {ArtifactsFolder}/";
        }

        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(workspace, StringComparison.Ordinal))
        {
            return $"'{path}' points outside the workspace; copy the document into the workspace's {ArtifactsFolder}/ folder";
        }

        if (!full.StartsWith(artifacts, StringComparison.Ordinal))
        {
            return $"'{path}' points outside the workspace's {ArtifactsFolder}/ folder; keep manual evidence under {ArtifactsFolder}/";
        }

        if (Directory.Exists(full))
        {
            return $"'{path}' is a folder; name the document itself";
        }

        if (!File.Exists(full))
        {
            return $"'{path}' does not exist; add the file under {ArtifactsFolder}/ or fix the path";
        }

        return LeadsOutside(full, artifacts)
            ? $"'{path}' is a link to a file outside {ArtifactsFolder}/; copy the document into the workspace instead"
            : null;
    }

    /// <summary>
    /// True when the file, or any folder between it and <c>artifacts/</c>, is a link whose target lies
    /// outside <c>artifacts/</c>: a linked folder leads out as surely as a linked file.
    /// </summary>
    private static bool LeadsOutside(string full, string artifacts)
    {
        for (var current = full; current.Length > artifacts.Length; current = Path.GetDirectoryName(current)!)
        {
            FileSystemInfo entry = current == full ? new FileInfo(current) : new DirectoryInfo(current);
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null && !Path.GetFullPath(target.FullName).StartsWith(artifacts, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
