using System.Text;
using Evidence.Rendering.Pdf.Finishing;

namespace Evidence.Rendering.Tests.Pdf.Tagging;

/// <summary>The XMP packet gains its PDF/A identification without changing length, however the saved bytes arrive.</summary>
public sealed class XmpPdfAStreamTests
{
    // The packet PDFsharp 6.2.4 writes, shortened where only values differ.
    private const string Packet =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\r\n" +
        "  <x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"3.1-701\">\r\n" +
        "    <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\r\n" +
        "      <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\r\n" +
        "        <pdf:Producer>PDFsharp 6.2.4</pdf:Producer><pdf:Keywords>HIPAA, Evidence Binder</pdf:Keywords>\r\n" +
        "      </rdf:Description>\r\n" +
        "      <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\r\n" +
        "        <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Evidence Binder</rdf:li></rdf:Alt></dc:title>\r\n" +
        "        <dc:creator><rdf:Seq><rdf:li>Acme Health, Inc.</rdf:li></rdf:Seq></dc:creator>\r\n" +
        "        <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">HIPAA Security Rule evidence</rdf:li></rdf:Alt></dc:description>\r\n" +
        "      </rdf:Description>\r\n" +
        "      <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\r\n" +
        "        <xmp:CreatorTool>Evidence</xmp:CreatorTool>\r\n" +
        "        <xmp:CreateDate>2026-11-21T09:00:00Z</xmp:CreateDate>\r\n" +
        "        <xmp:ModifyDate>2026-11-21T09:00:00Z</xmp:ModifyDate>\r\n" +
        "      </rdf:Description>\r\n" +
        "      <rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\r\n" +
        "        <xmpMM:DocumentID>uuid:7ddf6130-3d4f-ff99-146e-f34321694223</xmpMM:DocumentID>\r\n" +
        "        <xmpMM:InstanceID>uuid:7ddf6130-3d4f-ff99-146e-f34321694223</xmpMM:InstanceID>\r\n" +
        "      </rdf:Description>\r\n" +
        "\r\n" +
        "    </rdf:RDF>\r\n" +
        "  </x:xmpmeta>\r\n" +
        "<?xpacket end=\"w\"?>";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void ThePacketIsIdentifiedInPlaceWhateverTheWriteSizes(int chunk)
    {
        var before = Encoding.UTF8.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Metadata >>\nstream\n" + Packet + "\nendstream\nendobj\n%%EOF\n");
        using var output = new MemoryStream();
        using (var stream = new XmpPdfAStream(output))
        {
            for (var i = 0; i < before.Length; i += chunk)
            {
                stream.Write(before.AsSpan(i, Math.Min(chunk, before.Length - i)));
            }

            Assert.True(stream.Identified);
        }

        var after = output.ToArray();
        Assert.Equal(before.Length, after.Length);
        var text = Encoding.UTF8.GetString(after);
        Assert.Contains("pdfaid:part=\"3\" pdfaid:conformance=\"B\"", text, StringComparison.Ordinal);
        Assert.EndsWith("<?xpacket end=\"w\"?>\nendstream\nendobj\n%%EOF\n", text, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-1.7\n1 0 obj\n", text, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(text[text.IndexOf("<?xpacket begin", StringComparison.Ordinal)..(text.IndexOf("<?xpacket end=\"w\"?>", StringComparison.Ordinal) + 19)]);
    }
}
