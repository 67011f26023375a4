using System.Security.Cryptography.X509Certificates;
using Evidence.Core.Files;
using Evidence.Core.Store;
using Evidence.Rendering.Model;
using Evidence.Rendering.Signing;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence build --sign-key FILE</c>: beside the documents, a manifest of them and of the evidence they
/// rest on (<see cref="RenderedSetManifest"/>), and a detached CMS signature over it (<c>.p7s</c>), both
/// written atomically after every document is in place.
/// </summary>
internal static class SignedSet
{
    public static X509Certificate2 LoadSigner(string file)
    {
        try
        {
            return DetachedSignature.LoadSigner(file);
        }
        catch (SigningException e)
        {
            throw UserException.Usage($"--sign-key {e.Message}");
        }
    }

    /// <summary>Writes the manifest and its signature into <paramref name="folder"/>; returns the manifest's path.</summary>
    public static string Write(string folder, string stamp, TemplateModel model, IEnumerable<string> documents, X509Certificate2 signer, CliContext context)
    {
        var manifest = new RenderedSetManifest(
            model.System.Id,
            model.AsOf,
            EvidenceApp.Tool,
            [.. documents.Select(d => new RenderedSetManifest.Entry(Path.GetFileName(d), EvidenceVerifier.Sha256Of(d), new FileInfo(d).Length))],
            [.. model.EvidenceIndex.Select(e => e.File).DistinctBy(f => f.Path).Select(f => new RenderedSetManifest.Entry(f.Path, f.Sha256, f.Bytes))]);
        var bytes = manifest.ToJson();
        var path = Path.Combine(folder, RenderedSetManifest.FileName(model.System.Id, stamp));
        var signature = DetachedSignature.Sign(bytes, signer, context.Time.GetUtcNow());
        AtomicFile.Write(path, s => s.Write(bytes), overwrite: true);
        AtomicFile.Write(path + DetachedSignature.Extension, s => s.Write(signature), overwrite: true);
        return path;
    }
}
