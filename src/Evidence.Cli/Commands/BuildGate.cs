using Evidence.Rendering;

namespace Evidence.Cli.Commands;

/// <summary>
/// The personal-data gate of one build (<see cref="OutputGate"/> says what it refuses). With <c>--redact</c> the scans
/// ran before anything is written and changed the documents, and the gate is checked before the first write. Without
/// it the scans change nothing, so they run beside the writing: a document is moved into place only once every scan
/// has answered with nothing found, and a write in progress stops at its next progress report once one has found
/// something. Either way no document of a refused build is ever in the output folder.
/// </summary>
internal sealed class BuildGate(IReadOnlyList<RenderedDocument> documents, bool redacted, Action check)
{
    private volatile bool passed;

    /// <summary>Before the writes: checks a redacting build's gate (which says how many values it replaced) at once.</summary>
    public void BeforeWriting()
    {
        if (redacted)
        {
            check();
            passed = true;
        }
    }

    /// <summary>At a progress report: stops the write once a finished scan has found something; never waits.</summary>
    public void ThrowIfFound()
    {
        if (!passed && documents.Any(d => d.Scanning.IsCompletedSuccessfully && d.Scanning.Result.Count > 0))
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
        check();
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
