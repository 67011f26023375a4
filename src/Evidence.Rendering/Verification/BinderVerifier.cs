using System.Security.Cryptography;
using System.Text.Json;

namespace Evidence.Rendering.Verification;

/// <summary>
/// Checks a binder PDF without trusting its text: each attached run manifest records the SHA-256 of every
/// raw page and result file it lists, so each attached raw file is hashed and compared with the manifest
/// it belongs to. Documents from <c>artifacts/</c> have no manifest; their hashes are printed in the
/// binder's evidence index for the reader to compare.
/// </summary>
public static class BinderVerifier
{
    private const string ManifestName = Core.Loading.EvidenceStoreReader.ManifestFile;

    public static BinderVerification Verify(string path, string? password)
    {
        var attachments = BinderAttachments.Read(path, password);
        var byName = attachments.ToDictionary(a => a.Name, a => a.Bytes, StringComparer.Ordinal);
        var problems = new List<string>();
        var manifests = attachments.Where(a => a.Name.EndsWith("/" + ManifestName, StringComparison.Ordinal)).ToList();
        var covered = new HashSet<string>(manifests.Select(m => m.Name), StringComparer.Ordinal);
        var verified = 0;
        foreach (var (name, bytes) in manifests)
        {
            var run = name[..^(ManifestName.Length + 1)];
            foreach (var (file, sha256) in RecordedFiles(bytes, name, problems))
            {
                var attachment = $"{run}/{file}";
                if (!byName.TryGetValue(attachment, out var content))
                {
                    continue; // The binder attaches only the items its controls use; results are derived and not attached.
                }

                covered.Add(attachment);
                var actual = Convert.ToHexStringLower(SHA256.HashData(content));
                if (actual == sha256)
                {
                    verified++;
                }
                else
                {
                    problems.Add($"{attachment}: SHA-256 {actual} does not match {sha256} recorded in {name}");
                }
            }
        }

        var orphans = attachments.Count(a => !covered.Contains(a.Name) && !a.Name.StartsWith("artifacts/", StringComparison.Ordinal));
        if (orphans > 0)
        {
            problems.Add($"{orphans} attached evidence file(s) are not listed in any attached manifest");
        }

        if (manifests.Count == 0)
        {
            problems.Add("the PDF carries no run manifest: it is not an evidence binder, or its attachments were removed");
        }

        var documents = attachments.Count(a => a.Name.StartsWith("artifacts/", StringComparison.Ordinal));
        return new BinderVerification(attachments.Count, manifests.Count, verified, documents, problems);
    }

    private static List<(string Path, string Sha256)> RecordedFiles(byte[] manifest, string name, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(manifest);
        }
        catch (JsonException e)
        {
            problems.Add($"{name}: not a valid manifest ({e.Message})");
            return [];
        }

        using (document)
        {
            var files = new List<(string, string)>();
            if (!document.RootElement.TryGetProperty("items", out var items))
            {
                return files;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (!item.TryGetProperty("raw", out var list))
                {
                    continue;
                }

                foreach (var raw in list.EnumerateArray())
                {
                    files.Add((raw.GetProperty("path").GetString()!, raw.GetProperty("sha256").GetString()!));
                }
            }

            return files;
        }
    }
}
