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
        var artifacts = Path.GetFullPath(Path.Combine(root, ArtifactsFolder)) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(path))
        {
            return $"'{path}' is an absolute path; give a path relative to the workspace, under {ArtifactsFolder}/";
        }

        var full = Path.GetFullPath(Path.Combine(root, path));
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

        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        return target is not null && !Path.GetFullPath(target.FullName).StartsWith(artifacts, StringComparison.Ordinal)
            ? $"'{path}' is a link to a file outside {ArtifactsFolder}/; copy the document into the workspace instead"
            : null;
    }
}
