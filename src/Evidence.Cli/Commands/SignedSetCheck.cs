using Evidence.Core.Store;
using Evidence.Rendering.Signing;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence verify MANIFEST.json [--trust CERT]</c>: the detached signature beside a signed build's
/// manifest, its signer's chain up to a certificate given with <c>--trust</c>, and every document the
/// manifest lists (in the manifest's folder) against its SHA-256.
/// </summary>
internal static class SignedSetCheck
{
    public static int Run(string path, string? trustFile, CliContext context)
    {
        var trust = trustFile is null ? null : LoadTrust(trustFile);
        var bytes = File.ReadAllBytes(path);
        if (RenderedSetManifest.Parse(bytes, out var problem) is not { } manifest)
        {
            context.Error.WriteLine($"{path}: {problem}");
            return (int)ExitCode.EvidenceInvalid;
        }

        var problems = new List<string>();
        var signaturePath = path + DetachedSignature.Extension;
        IReadOnlyList<string> signers = [];
        if (!File.Exists(signaturePath))
        {
            problems.Add($"{signaturePath}: the signature is missing; a signed build writes it beside the manifest");
        }
        else
        {
            problems.AddRange(DetachedSignature.Verify(bytes, File.ReadAllBytes(signaturePath), trust, out signers).Select(p => $"{signaturePath}: {p}"));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var document in manifest.Documents)
        {
            var file = Path.Combine(folder, Path.GetFileName(document.Path));
            if (!File.Exists(file))
            {
                problems.Add($"{document.Path}: listed in the manifest but not in {folder}");
            }
            else if (EvidenceVerifier.Sha256Of(file) is var actual && actual != document.Sha256)
            {
                problems.Add($"{document.Path}: SHA-256 {actual} does not match {document.Sha256} recorded in the manifest");
            }
        }

        context.Out.WriteLine($"{path}: {manifest.Documents.Count} documents, {manifest.Evidence.Count} evidence files, signed by {(signers.Count == 0 ? "nobody" : string.Join(", ", signers))}");
        foreach (var line in problems)
        {
            context.Error.WriteLine(line);
        }

        if (problems.Count > 0)
        {
            context.Error.WriteLine("verification failed");
            return (int)ExitCode.EvidenceInvalid;
        }

        context.Out.WriteLine(trust is null
            ? "verified: the signature matches the manifest and every document matches it; the signer was not checked: pass --trust CERT to require a chain to a certificate you trust"
            : "verified: the signature matches the manifest, its signer chains to a certificate given with --trust, and every document matches the manifest");
        return (int)ExitCode.Success;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection LoadTrust(string file)
    {
        try
        {
            return DetachedSignature.LoadTrust(file);
        }
        catch (SigningException e)
        {
            throw UserException.Usage($"--trust {e.Message}");
        }
    }
}
