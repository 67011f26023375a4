using System.Text;
using System.Text.RegularExpressions;
using Evidence.Rendering.Documents;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Pdf;

public sealed partial class PdfDeterminismTests
{
    [Fact]
    public void TwoWritesOfTheSameDocumentGiveIdenticalBytes()
    {
        using var folder = new TempDirectory();
        var document = Rich(folder, "Evidence Binder");

        var first = Rendered.WriteBytes(document);
        var second = Rendered.WriteBytes(document);

        Assert.Equal(first, second);
    }

    [Fact]
    public void NothingInTheFileComesFromTheClockOrARandomNumber()
    {
        using var folder = new TempDirectory();
        var text = Encoding.Latin1.GetString(Rendered.WriteBytes(Rich(folder, "Evidence Binder")));

        Assert.DoesNotContain(DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Matches(@"<xmpMM:DocumentID>uuid:[0-9a-f-]{36}</xmpMM:DocumentID>", text);
        Assert.Equal(Uuid(text, "DocumentID"), Uuid(text, "InstanceID"));
    }

    [Fact]
    public void DifferentDocumentsGetDifferentIds()
    {
        using var folder = new TempDirectory();

        var first = TrailerId(Rendered.WriteBytes(Rich(folder, "Evidence Binder")));
        var second = TrailerId(Rendered.WriteBytes(Rich(folder, "System Security Plan")));

        Assert.NotEqual(first, second);
    }

    private static Document Rich(TempDirectory folder, string title) =>
        Build.Document(
            new CoverPage(title, "Acme Health", [new("As of", "2026-11-20")]),
            new TableOfContents(2),
            Build.Heading(1, "Access control"),
            new Paragraph([new TextRun("See "), new Link("#audit", [new TextRun("audit")]), new TextRun(" and "), new Link("https://example.org", [new TextRun("the rule")])]),
            Build.Heading(2, "Audit", "audit"),
            Build.Paragraph("Ünïcode text ✓ and " + Build.Arn(200)),
            Build.Table(["A", "B"], Enumerable.Range(0, 300).Select(i => new[] { $"{i}", Build.Arn(60, i) })))
        with
        {
            Info = Build.Info with { Title = title, CustomProperties = [new("Evidence run", "20261120T060000Z")] },
            Attachments = [PdfAttachmentTests.Attachment(folder, "raw/a.json", "{\"a\":1}")],
        };

    private static string Uuid(string pdf, string element) => Regex.Match(pdf, $"<xmpMM:{element}>uuid:([0-9a-f-]{{36}})<").Groups[1].Value;

    private static string TrailerId(byte[] pdf) => TrailerIdPattern().Match(Encoding.Latin1.GetString(pdf)).Value;

    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]+>")]
    private static partial Regex TrailerIdPattern();
}
