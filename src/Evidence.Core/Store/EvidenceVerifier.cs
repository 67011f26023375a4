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
        Files(run.Items)
            .AsParallel().AsOrdered()
            .Select(f => Check(run, f))
            .OfType<Diagnostic>()
            .ToList();

    /// <summary>
    /// Checks only the files of the evidence a judgment reads: the newest answer to each query from each
    /// source, across every run. A store grows by a run a week; re-hashing all of history on every
    /// <c>status</c> or <c>check</c> would make them slower each week for nothing they use.
    /// <c>evidence verify</c> checks every file of every run.
    /// </summary>
    public static IReadOnlyList<Diagnostic> VerifyInUse(IReadOnlyList<EvidenceRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var byId = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
        return runs.SelectMany(r => r.Items)
            .GroupBy(i => (i.QueryKey, Source: i.Source with { Subscription = i.Source.Subscription?.ToLowerInvariant() }))
            .Select(g => g.MaxBy(i => i.CollectedAt)!)
            .SelectMany(i => Listed(i).Select(f => (Run: byId[i.RunId], File: f)))
            .DistinctBy(x => (x.Run.RunId, x.File.Path, x.File.Sha256))
            .AsParallel().AsOrdered()
            .Select(x => Check(x.Run, x.File))
            .OfType<Diagnostic>()
            .ToList();
    }

    /// <summary>How many files the manifest lists.</summary>
    public static int FileCount(EvidenceRun run) => Files(run.Items).Count();

    /// <summary>
    /// Every file the items list, once each: a page of a summary or bulk call is listed by every item it
    /// answers and hashed once. Two items naming one path with different hashes both stay, so the wrong one is reported.
    /// </summary>
    private static IEnumerable<StoredFile> Files(IEnumerable<EvidenceItem> items) =>
        items.SelectMany(Listed).DistinctBy(f => (f.Path, f.Sha256));

    /// <summary>The files one item lists: its raw pages, then its results.</summary>
    private static IEnumerable<StoredFile> Listed(EvidenceItem item) => item.Raw.Append(item.Results).OfType<StoredFile>();

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
