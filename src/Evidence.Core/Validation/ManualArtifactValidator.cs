using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
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

        // The folder itself may be a link too: the document must land inside the workspace's own artifacts/.
        var resolved = ContainedPath.Resolve(full);
        var resolvedArtifacts = ContainedPath.Within(root, ArtifactsFolder);
        if (resolved is null || !ContainedPath.IsInside(ContainedPath.Resolve(root) ?? root, resolved))
        {
            return $"'{path}' escapes the workspace through a link (it leads to {resolved ?? "a loop of links"}); copy the document into the workspace's {ArtifactsFolder}/ folder instead";
        }

        return resolvedArtifacts is null || !ContainedPath.IsInside(resolvedArtifacts, resolved)
            ? $"'{path}' escapes the workspace's {ArtifactsFolder}/ folder through a link (it leads to {Path.GetRelativePath(ContainedPath.Resolve(root) ?? root, resolved).Replace('\\', '/')}); keep manual evidence under {ArtifactsFolder}/, as files"
            : null;
    }
}
