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
    /// <param name="found">Each output (by the name the user knows it by: the Markdown file, an attachment) and its hits.</param>
    /// <param name="redacted">Whether the hits were replaced (<c>--redact</c>).</param>
    /// <param name="context">Where hits and the summary are written.</param>
    public static void Check(IReadOnlyList<(string Output, Redactions Found)> found, bool redacted, CliContext context)
    {
        var total = found.Sum(f => f.Found.Count);
        if (total == 0)
        {
            return;
        }

        if (redacted)
        {
            context.Out.WriteLine($"Redacted {Words.Plural(total, "value")} that looked like personal data or secrets ({string.Join(", ", Kinds(found))}); each document that had one lists them in \"Appendix: Redactions\".");
            return;
        }

        foreach (var (output, redactions) in found)
        {
            foreach (var (_, hit) in redactions.Text)
            {
                context.Error.WriteLine(ScanReport.Line(output, hit));
            }

            ScanReport.Print(context.Error, redactions.Attachments.Select(a => a with { File = $"{output}#{a.File}" }));
        }

        throw UserException.SensitiveOutput(
            $"{Words.Plural(total, "value")} bound for the output look like personal data or secrets (listed above, masked; positions are in the Markdown that --format md writes, or in the attached file); " +
            "remove them from the workspace, allow a known value in settings.scan.allow, or build with --redact to replace each with a marker such as [REDACTED: ssn]");
    }

    private static IEnumerable<string> Kinds(IEnumerable<(string Output, Redactions Found)> found) =>
        found.SelectMany(f => f.Found.Text.Select(t => t.Hit.Kind).Concat(f.Found.Attachments.SelectMany(a => a.Hits.Select(h => h.Kind))))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
