using System.Security.Cryptography;
using System.Text.Json;

namespace Evidence.Rendering.Verification;

/// <summary>
/// Checks a binder PDF from one value its document information records, the SHA-256 of the attached
/// <see cref="BinderIndex"/>: the index must have that hash; every attachment (run manifests, raw
/// evidence, documents) must be listed in it with its hash, and nothing else attached; the pages must
/// have the content digest it records; each run manifest must have the hash the binder records for its
/// run; and each attached raw file the hash its manifest recorded at collection. Every difference is
/// reported by name. Without a signature this proves the binder is whole, not who wrote it.
/// </summary>
public static class BinderVerifier
{
    private const string ManifestName = Core.Loading.EvidenceStoreReader.ManifestFile;

    /// <exception cref="BinderUnreadableException">The PDF cannot be read at all.</exception>
    public static BinderVerification Verify(string path, string? password)
    {
        var binder = BinderAttachments.Read(path, password);
        var attachments = binder.Files.Where(f => f.Name != BinderIndex.Name).ToList();
        var byName = attachments.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Bytes, StringComparer.Ordinal);
        // Each attachment is hashed once, here: the index, the manifests and the raw files are all checked against these.
        var hashes = byName.ToDictionary(kv => kv.Key, kv => Sha256(kv.Value), StringComparer.Ordinal);
        var problems = new List<string>();
        var verified = CheckIndex(binder, hashes, problems, out var originals);
        // A redacted copy (build --redact) stands in the chain for its original: the index vouches for the copy's
        // bytes and records the original's hash, which is what the manifests and the document information name.
        var chained = hashes.ToDictionary(kv => kv.Key, kv => originals.GetValueOrDefault(kv.Key) ?? kv.Value, StringComparer.Ordinal);
        var manifests = attachments.Where(a => a.Name.EndsWith("/" + ManifestName, StringComparison.Ordinal)).ToList();
        CheckManifestHashes(binder.ManifestSha256, manifests, chained, problems);
        var covered = new HashSet<string>(manifests.Select(m => m.Name), StringComparer.Ordinal);
        foreach (var (name, bytes) in manifests)
        {
            var run = name[..^(ManifestName.Length + 1)];
            foreach (var (file, sha256) in RecordedFiles(bytes, name, problems))
            {
                // The binder attaches only the items its controls use; results are derived and not attached.
                var attachment = $"{run}/{file}";
                if (!chained.TryGetValue(attachment, out var actual))
                {
                    continue;
                }

                covered.Add(attachment);
                if (actual != sha256)
                {
                    problems.Add($"{attachment}: SHA-256 {actual} does not match {sha256} recorded in {name}");
                }
            }
        }

        problems.AddRange(attachments
            .Where(a => !covered.Contains(a.Name) && !IsWorkspaceFile(a.Name))
            .Select(a => $"{a.Name}: attached as evidence, but no attached run manifest lists it"));
        if (manifests.Count == 0)
        {
            problems.Add("the PDF carries no run manifest: it is not an evidence binder, or its attachments were removed");
        }

        var documents = attachments.Count(a => IsWorkspaceFile(a.Name));
        return new BinderVerification(binder.Files.Count, manifests.Count, verified, documents, problems);
    }

    /// <summary>The index against the hash in the document information, the pages against the index, every attachment against its entry; how many attachments match.</summary>
    private static int CheckIndex(BinderAttachments binder, Dictionary<string, string> hashes, List<string> problems, out Dictionary<string, string> originals)
    {
        originals = new Dictionary<string, string>(StringComparer.Ordinal);
        var attached = binder.Files.Where(f => f.Name == BinderIndex.Name).Select(f => f.Bytes).FirstOrDefault();
        if (binder.IndexSha256 is null || attached is null)
        {
            problems.Add(binder.IndexSha256 is null
                ? $"the PDF's document information records no {BinderIndex.PropertyKey[1..]}: it was not written by this Evidence, or its information was changed"
                : $"{BinderIndex.Name} is not attached: the binder's attachments were changed");
            return 0;
        }

        if (Sha256(attached) is var actual && !string.Equals(actual, binder.IndexSha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{BinderIndex.Name}: SHA-256 {actual} does not match {binder.IndexSha256} recorded in the PDF's document information");
        }

        if (BinderIndex.Parse(attached, out var problem) is not { } index)
        {
            problems.Add($"{BinderIndex.Name}: {problem}");
            return 0;
        }

        if (!string.Equals(index.ContentSha256, binder.ContentSha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"the pages' content (SHA-256 {binder.ContentSha256}) does not match {index.ContentSha256} recorded in {BinderIndex.Name}: the PDF's text was changed after it was built");
        }

        var verified = 0;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in index.Attachments)
        {
            listed.Add(entry.Name);
            if (entry.OriginalSha256 is { } original)
            {
                originals[entry.Name] = original.ToLowerInvariant();
            }

            if (!hashes.TryGetValue(entry.Name, out var sha))
            {
                problems.Add($"{entry.Name}: listed in {BinderIndex.Name} but not attached");
            }
            else if (!string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{entry.Name}: SHA-256 {sha} does not match {entry.Sha256} recorded in {BinderIndex.Name}");
            }
            else
            {
                verified++;
            }
        }

        problems.AddRange(hashes.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal)
            .Select(n => $"{n}: attached but not listed in {BinderIndex.Name}"));
        return verified;
    }

    /// <summary>Each attached run manifest against the hash the binder records for its run (<c>run:sha256, ...</c>).</summary>
    private static void CheckManifestHashes(
        string? recorded, List<(string Name, byte[] Bytes)> manifests, Dictionary<string, string> hashes, List<string> problems)
    {
        var byRun = (recorded ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        foreach (var (name, _) in manifests)
        {
            var run = name[..^(ManifestName.Length + 1)];
            if (!byRun.Remove(run, out var sha256))
            {
                problems.Add($"{name}: the binder records no manifest hash for run {run} ({BinderIndex.ManifestsKey[1..]})");
            }
            else if (hashes[name] is var actual && !string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name}: SHA-256 {actual} does not match {sha256}, the manifest hash the binder records for run {run}");
            }
        }

        problems.AddRange(byRun.Keys.Order(StringComparer.Ordinal).Select(run => $"{run}/{ManifestName}: the binder records a manifest for run {run}, but it is not attached"));
    }

    /// <summary>
    /// Manual documents and attestation records come from the workspace, not from a run: the index alone
    /// vouches for them, as no manifest lists them.
    /// </summary>
    private static bool IsWorkspaceFile(string name) =>
        name.StartsWith("artifacts/", StringComparison.Ordinal) || name.StartsWith("attestations/", StringComparison.Ordinal);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static List<(string Path, string Sha256)> RecordedFiles(byte[] manifest, string name, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            var files = new List<(string, string)>();
            if (!document.RootElement.TryGetProperty("items", out var items))
            {
                return files;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("raw", out var list))
                {
                    files.AddRange(list.EnumerateArray().Select(raw => (raw.GetProperty("path").GetString()!, raw.GetProperty("sha256").GetString()!)));
                }
            }

            return files;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add($"{name}: not a valid manifest ({e.Message})");
            return [];
        }
    }
}
