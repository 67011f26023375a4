using System.Security.Cryptography;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfAttachmentTests
{
    [Fact]
    public void EveryRawEvidenceFileIsEmbeddedWithItsRecordedSha256()
    {
        using var folder = new TempDirectory();
        var attachments = new[]
        {
            Attachment(folder, "20261120T060000Z/raw/aws-0002-1.json", "{\"EvaluationResults\":[" + string.Join(',', Enumerable.Repeat("{\"ComplianceType\":\"NON_COMPLIANT\"}", 5000)) + "]}"),
            Attachment(folder, "20261120T060000Z/raw/aws-0001-1.json", "{\"EvaluationResults\":[]}"),
            Attachment(folder, "20261120T060000Z/raw/azure-0001-1.json", "{\"value\":[],\"note\":\"ünïcode\"}"),
        };
        var document = Build.Document(Build.Paragraph("Raw evidence is attached.")) with { Attachments = attachments };

        using var pdf = Rendered.Write(document);

        Assert.True(pdf.Pdf.Advanced.TryGetEmbeddedFiles(out var files));
        Assert.Equal(attachments.Select(a => a.Name).Append("binder-index.json").Order(StringComparer.Ordinal), files.Select(f => f.Name));
        foreach (var attachment in attachments)
        {
            var embedded = files.Single(f => f.Name == attachment.Name);
            Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(embedded.Bytes.ToArray())));
        }
    }

    [Fact]
    public void AFileThatChangedSinceItWasRecordedIsNotEmbedded()
    {
        using var folder = new TempDirectory();
        var attachment = Attachment(folder, "raw/aws-0001-1.json", "{}") with { Sha256 = new string('0', 64) };
        var document = Build.Document(Build.Paragraph("Body")) with { Attachments = [attachment] };

        var error = Assert.Throws<PdfRenderException>(() => Rendered.WriteBytes(document));

        Assert.Contains("raw/aws-0001-1.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsNamedInTheError()
    {
        var attachment = new Attachment("raw/gone.json", "/nonexistent/raw/gone.json", new string('0', 64), "Gone");
        var document = Build.Document(Build.Paragraph("Body")) with { Attachments = [attachment] };

        var error = Assert.Throws<PdfRenderException>(() => Rendered.WriteBytes(document));

        Assert.Contains("/nonexistent/raw/gone.json", error.Message, StringComparison.Ordinal);
    }

    internal static Attachment Attachment(TempDirectory folder, string name, string content)
    {
        var path = folder.Combine(name.Replace('/', '_'));
        File.WriteAllText(path, content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        return new Attachment(name, path, sha, "AWS Config response page");
    }
}
