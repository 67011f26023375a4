using System.Security.Cryptography;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Core.Validation;

/// <summary>Every file a manifest lists is present and has the SHA-256 recorded when it was collected.</summary>
internal sealed class EvidenceManifestValidator(bool verifyHashes) : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        if (!verifyHashes)
        {
            return [];
        }

        return loaded.Runs
            .SelectMany(run => run.Items.SelectMany(i => i.Raw.Append(i.Results).OfType<StoredFile>()).Select(f => (run, f)))
            .AsParallel().AsOrdered()
            .Select(x => Check(x.run, x.f))
            .OfType<Diagnostic>()
            .ToList();
    }

    /// <summary>The SHA-256 of a file as lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Diagnostic? Check(EvidenceRun run, StoredFile file)
    {
        var full = Path.Combine(run.Directory, file.Path);
        if (!File.Exists(full))
        {
            return Problems.EvidenceError(file.Location, $"{file.Path} is listed in the manifest but missing from the run folder");
        }

        var actual = Sha256Of(full);
        return actual == file.Sha256
            ? null
            : Problems.EvidenceError(file.Location, $"{file.Path} does not match its recorded SHA-256 (found {actual[..12]}…): the file was changed after collection; collect a new run rather than editing one");
    }
}
