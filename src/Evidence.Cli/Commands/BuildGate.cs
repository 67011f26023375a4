using Evidence.Core.Scanning;
using Evidence.Rendering;
using Evidence.Rendering.Redaction;

namespace Evidence.Cli.Commands;

/// <summary>
/// The personal-data gate of one build (<see cref="OutputGate"/> says what it refuses). Each document is scanned as it
/// is rendered, before the writing. With <c>--redact</c> the scans changed the documents, and once they are written the
/// build says how many values were replaced in the documents as written. Without it no document is moved into place
/// until every document as it will be written (the SSP rendered again with the binder's pages, which the binder's layout
/// has just given) has been scanned clean, and a write in progress stops at its next progress report once a scan has
/// found something or failed. Either way no document of a refused build ever reaches the output folder.
/// </summary>
/// <param name="rendered">The documents as first rendered.</param>
/// <param name="redacted">Whether the build redacts (<c>--redact</c>): its scans are done, and changed the documents.</param>
/// <param name="toWrite">The document to write for a rendered one (<see cref="BuildPagination.ToWrite"/>).</param>
/// <param name="check">Refuses (or, redacting, reports) what the scans found in each document.</param>
/// <param name="stop">The user asking to stop (Ctrl-C), which also ends a wait for a scan.</param>
internal sealed class BuildGate(
    IReadOnlyList<RenderedDocument> rendered, bool redacted, Func<RenderedDocument, RenderedDocument> toWrite,
    Action<IReadOnlyList<(RenderedDocument Document, Redactions Found)>> check, CancellationToken stop)
{
    private readonly List<RenderedDocument> documents = [.. rendered];
    private bool passed;

    /// <summary>After the writes: a redacting build says how many values it replaced in the documents as written.</summary>
    public void AfterWriting()
    {
        if (redacted)
        {
            Check();
        }
    }

    /// <summary>At a progress report: stops the write once a finished scan has found something or failed; never waits.</summary>
    public void ThrowIfFound()
    {
        if (!passed && !redacted && documents.Any(d => d.Scanning.IsFaulted || (d.Scanning.IsCompletedSuccessfully && d.Scanning.Result.Count > 0)))
        {
            throw new Refused();
        }
    }

    /// <summary>
    /// Before a document is moved into place: takes every document as it will be written, waits for their scans (or for
    /// the user to stop), and refuses if any found something or could not finish.
    /// </summary>
    public void BeforeCommit()
    {
        stop.ThrowIfCancellationRequested();
        if (passed)
        {
            return;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            documents[i] = toWrite(documents[i]);
        }

        if (redacted)
        {
            // Its scans replaced what they found: nothing to refuse, and AfterWriting says how much.
            passed = true;
            return;
        }

        try
        {
            Task.WaitAll([.. documents.Select(d => d.Scanning)], stop);
        }
        catch (AggregateException)
        {
            // A scan that failed is refused below, and said in its own words by Refuse.
        }

        // A scan stopped with the build (Ctrl-C) is no answer: the build stops.
        stop.ThrowIfCancellationRequested();

        if (documents.Any(d => d.Scanning.IsFaulted || d.Scanning.Result.Count > 0))
        {
            throw new Refused();
        }

        passed = true;
    }

    /// <summary>After a refused write was abandoned: says why a scan failed, or lists the hits and fails the build (exit 41).</summary>
    public void Refuse()
    {
        Check();
        throw new InvalidOperationException("The gate refused the output, yet its check found nothing.");
    }

    private void Check() => check([.. documents.Select(d => (d, Found(d)))]);

    /// <summary>What the scan of <paramref name="document"/> found, waiting for it; a scan that failed is the user's error to fix.</summary>
    private Redactions Found(RenderedDocument document)
    {
        try
        {
            return document.WaitForScan(stop);
        }
        catch (ScanPatternTimeoutException e)
        {
            throw UserException.Workspace($"evidence.yaml: settings.scan: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw UserException.Evidence($"the {DocumentKinds.Title(document.Kind)} could not be scanned for personal data: {e.Message}");
        }
    }

    /// <summary>Thrown through the writer to abandon a write the gate refuses; the build then calls <see cref="Refuse"/>.</summary>
    public sealed class Refused : Exception
    {
        public Refused()
            : base("The documents hold values that look like personal data or secrets, or could not be scanned for them.")
        {
        }
    }
}
