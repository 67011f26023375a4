using System.Globalization;
using System.Text;
using Evidence.Core.Scanning;
using Evidence.Rendering.Templates;

namespace Evidence.Rendering.Redaction;

/// <summary>
/// "Appendix: Redactions", added to a document whose text or attachments were redacted: where each value
/// was and of which kind, never the value. Markdown, appended to what the template rendered.
/// </summary>
internal static class RedactionAppendix
{
    public static string Markdown(Redactions redactions)
    {
        var md = new StringBuilder();
        md.Append("\n\n\\pagebreak\n\n# Appendix: Redactions {#redactions}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"This document was built with `--redact`: {redactions.Count} values that looked like personal data or secrets ")
          .Append("were replaced by markers such as \\[REDACTED: ssn\\]. Each is listed here by place and kind; the values are not.\n");
        if (redactions.Text.Count > 0)
        {
            md.Append("\n| Section | Kind | Masked |\n|---------------------------------|----------------|----------------|\n");
            foreach (var (section, hit) in redactions.Text)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {(section.Length == 0 ? "(before the first section)" : TemplateHelpers.Md(section))} | {hit.Kind} | {TemplateHelpers.Md(hit.Preview)} |\n");
            }
        }

        if (redactions.Attachments.Count > 0)
        {
            md.Append("\nAttached evidence files were redacted in the same way. The binder's index (binder-index.json) records each ")
              .Append("redacted attachment's SHA-256 and the SHA-256 of the original in the evidence store.\n")
              .Append("\n| Attachment | Line:column | Kind | Masked |\n|----------------------------|--------|----------------|----------------|\n");
            foreach (var file in redactions.Attachments)
            {
                foreach (var hit in file.Hits)
                {
                    md.Append(CultureInfo.InvariantCulture, $"| `{file.File}` | {hit.Line}:{hit.Column} | {hit.Kind} | {TemplateHelpers.Md(hit.Preview)} |\n");
                }
            }
        }

        return md.ToString();
    }

    /// <summary>Each hit with the last Markdown heading before it.</summary>
    public static List<SectionHit> Sections(Scanner scanner, string markdown, IReadOnlyList<ScanHit> hits)
    {
        var result = new List<SectionHit>();
        foreach (var hit in hits)
        {
            var section = string.Empty;
            var at = hit.Offset;
            while (at > 0)
            {
                var lineStart = markdown.LastIndexOf('\n', at - 1) + 1;
                if (markdown.AsSpan(lineStart).StartsWith("#", StringComparison.Ordinal))
                {
                    var line = markdown[lineStart..(markdown.IndexOf('\n', lineStart) is var e and >= 0 ? e : markdown.Length)];
                    section = line.TrimStart('#').Trim();
                    section = section.Contains(" {#", StringComparison.Ordinal) ? section[..section.LastIndexOf(" {#", StringComparison.Ordinal)] : section;
                    break;
                }

                at = lineStart - 1;
            }

            // A heading may hold a value itself: the appendix names the section with its values redacted.
            result.Add(new SectionHit(scanner.Redact(section.Replace("\\", string.Empty, StringComparison.Ordinal), out _), hit));
        }

        return result;
    }
}
