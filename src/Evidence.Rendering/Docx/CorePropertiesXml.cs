using System.Globalization;
using System.Xml;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes <c>docProps/core.xml</c>: title, subject, creator, keywords and the dates. Created and
/// modified are both the as-of instant, never the clock, so that a re-render gives the same bytes.
/// </summary>
internal static class CorePropertiesXml
{
    private const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static void Write(Stream stream, DocumentInfo info)
    {
        using var xml = XmlWriter.Create(stream, PartXml.Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, XmlText.Clean(info.Title));
        xml.WriteElementString("dc", "subject", Dc, XmlText.Clean(info.Subject));
        xml.WriteElementString("dc", "creator", Dc, XmlText.Clean(info.Author));
        if (info.Keywords.Count > 0)
        {
            xml.WriteElementString("cp", "keywords", Cp, XmlText.Clean(string.Join("; ", info.Keywords)));
        }

        xml.WriteElementString("cp", "lastModifiedBy", Cp, XmlText.Clean(info.Author));
        var stamp = Core.Yaml.Timestamps.Format(info.GeneratedAt);
        WriteDate(xml, "created", stamp);
        WriteDate(xml, "modified", stamp);
        xml.WriteEndElement();
    }

    private static void WriteDate(XmlWriter xml, string name, string stamp)
    {
        xml.WriteStartElement("dcterms", name, DcTerms);
        xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
        xml.WriteString(stamp);
        xml.WriteEndElement();
    }
}
