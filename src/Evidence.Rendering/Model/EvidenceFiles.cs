using Evidence.Core.Files;
using Evidence.Core.Store;

namespace Evidence.Rendering.Model;

/// <summary>
/// Names the files of a workspace's evidence: their paths relative to the workspace, their attachment
/// names in the binder, and (for files whose hash no manifest records) their SHA-256, computed once.
/// </summary>
internal sealed class EvidenceFiles(string workspaceRoot)
{
    private readonly Dictionary<string, (string Sha256, long Bytes)> _hashes = new(StringComparer.Ordinal);

    public string Root { get; } = Path.GetFullPath(workspaceRoot);

    /// <summary>A file of a run, as recorded in its manifest: <c>evidence/runs/&lt;run&gt;/raw/aws-0001-1.json</c>, attached as <c>&lt;run&gt;/raw/aws-0001-1.json</c>.</summary>
    public FileModel RunFile(EvidenceRun run, StoredFile file, bool attached) =>
        new(Relative(Path.Combine(run.Directory, file.Path)), file.Sha256, file.Bytes, attached ? $"{run.RunId}/{file.Path}" : null);

    public FileModel Manifest(EvidenceRun run)
    {
        var (sha, bytes) = Hash(run.ManifestPath);
        return new FileModel(Relative(run.ManifestPath), sha, bytes, $"{run.RunId}/{Path.GetFileName(run.ManifestPath)}");
    }

    /// <summary>A manual document under the workspace, hashed now; null when the file is not there.</summary>
    public FileModel? Document(string relativePath)
    {
        // A document whose path leads out of the workspace through a link is not the workspace's: treat it as absent.
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (ContainedPath.Within(Root, relativePath) is null || !File.Exists(full))
        {
            return null;
        }

        var (sha, bytes) = Hash(full);
        var relative = Relative(full);
        return new FileModel(relative, sha, bytes, relative);
    }

    private string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private (string Sha256, long Bytes) Hash(string path)
    {
        if (!_hashes.TryGetValue(path, out var hash))
        {
            hash = (EvidenceVerifier.Sha256Of(path), new FileInfo(path).Length);
            _hashes[path] = hash;
        }

        return hash;
    }
}
