using Evidence.Rendering;

namespace Evidence.Cli.Commands;

/// <summary>
/// The personal-data gate of one build (<see cref="OutputGate"/> says what it refuses). With <c>--redact</c> the scans
/// ran before anything is written and changed the documents, and the gate is checked before the first write. Without
/// it the scans change nothing, so they run beside the writing: a document is moved into place only once every scan
/// has answered with nothing found, and a write in progress stops at its next progress report once one has found
/// something. Either way no document of a refused build is ever in the output folder. The documents gated are those
/// written: an SSP rendered again with the binder's pages (<see cref="BuildPagination.ToWrite"/>) takes the place of its
/// first render, and its own scan is waited for too.
/// </summary>
internal sealed class BuildGate(IReadOnlyList<RenderedDocument> rendered, bool redacted, Action<IReadOnlyList<RenderedDocument>> check)
{
    private readonly List<RenderedDocument> documents = [.. rendered];
    private volatile bool passed;

    /// <summary>The document about to be written in place of the render of the same kind, if it is another.</summary>
    public void Writes(RenderedDocument document)
    {
        var index = documents.FindIndex(d => d.Kind == document.Kind);
        if (index >= 0 && !ReferenceEquals(documents[index], document))
        {
            documents[index] = document;
            passed = redacted;
        }
    }

    /// <summary>Before the writes: checks a redacting build's gate (which says how many values it replaced) at once.</summary>
    public void BeforeWriting()
    {
        if (redacted)
        {
            check(documents);
            passed = true;
        }
    }

    /// <summary>At a progress report: stops the write once a finished scan has found something; never waits.</summary>
    public void ThrowIfFound()
    {
        if (!passed && documents.ToArray().Any(d => d.Scanning.IsCompletedSuccessfully && d.Scanning.Result.Count > 0))
        {
            throw new Refused();
        }
    }

    /// <summary>Before a document is moved into place: waits for every scan, and refuses if any found something.</summary>
    public void BeforeCommit()
    {
        if (passed)
        {
            return;
        }

        if (documents.Any(d => d.Sensitive.Count > 0))
        {
            throw new Refused();
        }

        passed = true;
    }

    /// <summary>After a refused write was abandoned: lists the hits and fails the build (exit 41).</summary>
    public void Refuse()
    {
        check(documents);
        throw new InvalidOperationException("The gate refused the output, yet its check found nothing.");
    }

    /// <summary>Thrown through the writer to abandon a write the gate refuses; the build then calls <see cref="Refuse"/>.</summary>
    public sealed class Refused : Exception
    {
        public Refused()
            : base("The documents hold values that look like personal data or secrets.")
        {
        }
    }
}
