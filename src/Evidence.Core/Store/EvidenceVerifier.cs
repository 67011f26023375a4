using System.Security.Cryptography;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;

namespace Evidence.Core.Store;

/// <summary>
/// Checks that every file a run's manifest lists is present, is a file of the run itself (no link on
/// the way), and still has the SHA-256 recorded at collection.
/// </summary>
public static class EvidenceVerifier
{
    public static IReadOnlyList<Diagnostic> Verify(EvidenceRun run) =>
        run.Items
            .SelectMany(i => i.Raw.Append(i.Results).OfType<StoredFile>())
            .AsParallel().AsOrdered()
            .Select(f => Check(run, f))
            .OfType<Diagnostic>()
            .ToList();

    /// <summary>How many files the manifest lists.</summary>
    public static int FileCount(EvidenceRun run) => run.Items.Sum(i => i.Raw.Count + (i.Results is null ? 0 : 1));

    /// <summary>The SHA-256 of a file as lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Diagnostic? Check(EvidenceRun run, StoredFile file)
    {
        var full = Path.Combine(run.Directory, file.Path);
        if (ContainedPath.FirstLink(run.Directory, file.Path) is { } link)
        {
            return new Diagnostic(file.Location, $"{file.Path} is reached through a link ({link} leads to {ContainedPath.Resolve(full) ?? "a loop of links"}): a run holds the files collected into it, never links; collect a new run rather than editing one", DiagnosticCategory.Evidence);
        }

        if (!File.Exists(full))
        {
            return new Diagnostic(file.Location, $"{file.Path} is listed in the manifest but missing from the run folder", DiagnosticCategory.Evidence);
        }

        var actual = Sha256Of(full);
        return actual == file.Sha256
            ? null
            : new Diagnostic(file.Location, $"{file.Path} does not match its recorded SHA-256 (found {actual[..12]}…): the file was changed after collection; collect a new run rather than editing one", DiagnosticCategory.Evidence);
    }
}
