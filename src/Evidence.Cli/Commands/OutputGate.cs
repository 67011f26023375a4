using Evidence.Cli.Output;
using Evidence.Core.Scanning;
using Evidence.Rendering.Redaction;

namespace Evidence.Cli.Commands;

/// <summary>
/// What <c>build</c> and <c>attest request</c> do with personal data and secrets found in what they are about
/// to write: refuse (exit 41), naming each hit masked, or, with <c>--redact</c>, say how many were replaced.
/// </summary>
internal static class OutputGate
{
    /// <summary>Refuses when <paramref name="found"/> has hits and the output was not redacted.</summary>
    /// <param name="found">Each document (by its file name, without extension) and its hits.</param>
    /// <param name="attachmentSource">The workspace file an attachment name stands for, as the user should read it.</param>
    /// <param name="redacted">Whether the hits were replaced (<c>--redact</c>).</param>
    /// <param name="context">Where hits and the summary are written.</param>
    /// <param name="listedIn">Where the output itself lists what was redacted, for the summary; null when it does not.</param>
    public static void Check(
        IReadOnlyList<(string Output, Redactions Found)> found, Func<string, string> attachmentSource, bool redacted, CliContext context,
        string? listedIn = "each document that had one lists them in \"Appendix: Redactions\"")
    {
        var total = found.Sum(f => f.Found.Count);
        if (total == 0)
        {
            return;
        }

        if (redacted)
        {
            context.Out.WriteLine($"Redacted {Words.Plural(total, "value")} that looked like personal data or secrets ({string.Join(", ", Kinds(found))}){(listedIn is null ? string.Empty : "; " + listedIn)}.");
            return;
        }

        foreach (var (output, redactions) in found)
        {
            // The text of a document has no file of its own yet: its hits are named by document and section.
            foreach (var (section, hit) in redactions.Text)
            {
                context.Error.WriteLine($"{output}, section \"{(section.Length == 0 ? "(before the first)" : section)}\": {hit.Kind} ({hit.Preview})");
            }

            ScanReport.Print(context.Error, redactions.Attachments.Select(a => a with { File = attachmentSource(a.File) }));
        }

        throw UserException.SensitiveOutput(
            $"{Words.Plural(total, "value")} bound for the output look like personal data or secrets (listed above, masked); " +
            "remove them from the workspace ('evidence scan' gives the file and line of each), allow a known value in settings.scan.allow, or build with --redact to replace each with a marker such as [REDACTED: ssn]");
    }

    private static IEnumerable<string> Kinds(IEnumerable<(string Output, Redactions Found)> found) =>
        found.SelectMany(f => f.Found.Text.Select(t => t.Hit.Kind).Concat(f.Found.Attachments.SelectMany(a => a.Hits.Select(h => h.Kind))))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
