using System.Text;
using DocumentFormat.OpenXml;
using Evidence.Rendering.Docx;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>
/// The main part's writer takes shortcuts (properties serialized once, plain tags written as text); what it writes must
/// be what the Open XML SDK's own part writer writes for the same calls, byte for byte.
/// </summary>
public class DocxPartWriterTests
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    [Fact]
    public void WritesWhatTheSdkPartWriterWrites()
    {
        var ours = Write(stream => Ours(new DocxPartWriter(stream)));
        var sdk = Write(stream => Sdk(OpenXmlWriter.Create(stream, PartXml.Utf8)));

        Assert.Equal(sdk, ours);
        Assert.Contains("<w:r />", ours, StringComparison.Ordinal);
        Assert.Contains("a &lt; b &amp; c &gt; d", ours, StringComparison.Ordinal);
    }

    private static string Write(Func<Stream, Writer> open)
    {
        using var stream = new MemoryStream();
        using (var writer = open(stream))
        {
            var cellProperties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = "TableText" }, new W.Justification { Val = W.JustificationValues.Right });
            var bold = new W.RunProperties(new W.Bold());
            var paragraph = new W.Paragraph();
            var run = new W.Run();
            var text = new W.Text();
            writer.StartDocument(true);
            writer.Start(new W.Document(), [], [new("w", Main), new("r", Relationships)]);
            writer.Start(new W.Body());
            writer.Start(new W.Table());
            for (var row = 0; row < 3; row++)
            {
                writer.Start(new W.TableRow());
                writer.Start(new W.TableCell());
                writer.Start(paragraph);
                writer.Repeated(cellProperties);
                writer.Start(run);
                writer.Repeated(bold);
                writer.Start(text);
                writer.Text(row == 1 ? "a < b & c > d" : $"row {row}");
                writer.End();
                writer.End();
                writer.Start(run);
                writer.End();
                writer.End();
                writer.End();
                writer.End();
            }

            writer.End();
            writer.Start(new W.Hyperlink(), [new("w", "anchor", Main, "_Toc1"), new("w", "history", Main, "1")]);
            writer.Start(new W.Run());
            writer.Element(new W.Break());
            writer.End();
            writer.End();
            writer.Start(new W.Text { Space = SpaceProcessingModeValues.Preserve });
            writer.Text(" kept ");
            writer.End();
            writer.Close();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The calls a document part is written with, bound to one writer or the other.</summary>
    private sealed record Writer(
        Action<bool> StartDocument,
        Action<OpenXmlElement> StartPlain,
        Action<OpenXmlElement, IEnumerable<OpenXmlAttribute>, IReadOnlyList<KeyValuePair<string, string>>> StartWith,
        Action<OpenXmlElement> Repeated,
        Action<OpenXmlElement> Element,
        Action<string> Text,
        Action End,
        Action Close,
        IDisposable Owner) : IDisposable
    {
        public void Start(OpenXmlElement element, IEnumerable<OpenXmlAttribute>? attributes = null, IReadOnlyList<KeyValuePair<string, string>>? namespaces = null)
        {
            if (attributes is null)
            {
                StartPlain(element);
            }
            else
            {
                StartWith(element, attributes, namespaces ?? []);
            }
        }

        public void Dispose() => Owner.Dispose();
    }

    private static Writer Ours(DocxPartWriter xml) =>
        new(xml.WriteStartDocument, xml.WriteStartElement, xml.WriteStartElement, xml.WriteRepeated, xml.WriteElement, xml.WriteString, xml.WriteEndElement, xml.Close, xml);

    // The SDK's writer has no repeated elements: it writes them whole each time.
    private static Writer Sdk(OpenXmlWriter xml) =>
        new(xml.WriteStartDocument, xml.WriteStartElement, xml.WriteStartElement, xml.WriteElement, xml.WriteElement, xml.WriteString, xml.WriteEndElement, xml.Close, xml);
}
