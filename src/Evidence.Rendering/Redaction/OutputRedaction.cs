using System.Security.Cryptography;
using System.Text;
using Evidence.Core.Scanning;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Redaction;

/// <summary>
/// The gate between a rendered document and its files: finds personal data and secrets in the document's
/// Markdown and in every file it attaches and, when <see cref="Redact"/> is set, replaces each with its marker:
/// in the text, and in a redacted copy of each attached file (written to <see cref="CopiesFolder"/>) that
/// records the original's SHA-256. The document then ends with "Appendix: Redactions".
/// </summary>
/// <param name="Scanner">The workspace's scanner.</param>
/// <param name="Redact">Replace what is found (<c>--redact</c>); otherwise only report it.</param>
/// <param name="CopiesFolder">Where redacted copies of attachments are written; the caller removes it after the build.</param>
public sealed record OutputRedaction(Scanner Scanner, bool Redact, string CopiesFolder)
{
    /// <summary>Scans (and, redacting, replaces); <paramref name="stop"/> ends the scan between one attachment and the next.</summary>
    internal (string Markdown, IReadOnlyList<Attachment> Attachments, Redactions Found) Apply(string markdown, IReadOnlyList<Attachment> attachments, CancellationToken stop = default)
    {
        var textHits = MarkdownScan.Scan(Scanner, markdown);
        var attachmentHits = new List<FileHits>();
        var result = new List<Attachment>(attachments.Count);
        foreach (var attachment in attachments)
        {
            stop.ThrowIfCancellationRequested();
            var text = Core.Scanning.WorkspaceTexts.ReadText(attachment.Path);
            var hits = text is null ? [] : Scanner.Scan(text);
            if (hits.Count == 0)
            {
                result.Add(attachment);
                continue;
            }

            attachmentHits.Add(new FileHits(attachment.Name, hits));
            result.Add(Redact ? Copy(attachment, Scanner.Replace(text!, hits)) : attachment);
        }

        var found = new Redactions(RedactionAppendix.Sections(Scanner, markdown, textHits), attachmentHits);
        if (!Redact || found.Count == 0)
        {
            return (markdown, attachments, found);
        }

        return (MarkdownScan.Redact(markdown, textHits) + RedactionAppendix.Markdown(found), result, found);
    }

    /// <summary>The redacted text as a file of its own, attached in place of the original under the same name.</summary>
    private Attachment Copy(Attachment original, string redacted)
    {
        var bytes = new UTF8Encoding(false).GetBytes(redacted);
        var path = Path.Combine(CopiesFolder, original.Name.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return original with
        {
            Path = path,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Description = original.Description + " (redacted copy)",
            OriginalSha256 = original.Sha256.ToLowerInvariant(),
        };
    }
}
