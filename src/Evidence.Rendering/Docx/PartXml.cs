using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace Evidence.Rendering.Docx;

/// <summary>How every part's XML is written: UTF-8 without a byte-order mark, no indentation.</summary>
internal static class PartXml
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static readonly XmlWriterSettings Settings = new()
    {
        Encoding = Utf8,
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>Writes a small part built as an element tree (styles, settings, header...).</summary>
    public static void Save(Stream stream, OpenXmlElement root)
    {
        using var writer = OpenXmlWriter.Create(stream, Utf8);
        writer.WriteStartDocument(standalone: true);
        writer.WriteElement(root);
        writer.Close();
    }
}
