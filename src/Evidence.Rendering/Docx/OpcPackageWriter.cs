using System.IO.Compression;
using System.Xml;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes an Open Packaging Conventions ZIP straight to the output, one part after the other.
/// System.IO.Packaging is not used because, opened for writing through the Open XML SDK, it keeps
/// every part in memory until the package closes (hundreds of megabytes for a large binder) and
/// stamps entries with the current time. Here each part streams through deflate as it is written,
/// entries come in a fixed order and carry one fixed timestamp, so the bytes depend on the document only.
/// </summary>
internal sealed class OpcPackageWriter : IDisposable
{
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";

    // ZIP entries hold MS-DOS times, which cannot express instants outside these years.
    private static readonly DateTime EarliestEntryTime = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime LatestEntryTime = new(2107, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _entryTime;

    public OpcPackageWriter(Stream output, DateTimeOffset entryTime)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var clock = DateTime.SpecifyKind(entryTime.UtcDateTime, DateTimeKind.Unspecified);
        clock = clock < EarliestEntryTime ? EarliestEntryTime : clock > LatestEntryTime ? LatestEntryTime : clock;
        _entryTime = new DateTimeOffset(clock, TimeSpan.Zero);
    }

    /// <summary>Writes <c>[Content_Types].xml</c>: an override for every part, written first as readers expect.</summary>
    public void WriteContentTypes(IEnumerable<OpcPart> parts)
    {
        using var stream = OpenEntry("[Content_Types].xml");
        using var xml = XmlWriter.Create(stream, PartXml.Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Types", ContentTypesNamespace);
        WriteDefault(xml, "rels", RelationshipsContentType);
        WriteDefault(xml, "xml", "application/xml");
        foreach (var part in parts)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", part.Name);
            xml.WriteAttributeString("ContentType", part.ContentType);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Writes the package's own relationships (<c>_rels/.rels</c>).</summary>
    public void WritePackageRelationships(IEnumerable<OpcRelationship> relationships) =>
        WriteRelationships("_rels/.rels", relationships);

    /// <summary>Writes the relationships from <paramref name="source"/> to other parts and URLs.</summary>
    public void WritePartRelationships(OpcPart source, IEnumerable<OpcRelationship> relationships) =>
        WriteRelationships(source.RelationshipsEntryName, relationships);

    /// <summary>Opens a part for writing. Dispose the stream before opening the next part.</summary>
    public Stream OpenPart(OpcPart part) => OpenEntry(part.EntryName);

    public void Dispose() => _zip.Dispose();

    private void WriteRelationships(string entryName, IEnumerable<OpcRelationship> relationships)
    {
        using var stream = OpenEntry(entryName);
        using var xml = XmlWriter.Create(stream, PartXml.Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        foreach (var relationship in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNamespace);
            xml.WriteAttributeString("Id", relationship.Id);
            xml.WriteAttributeString("Type", relationship.Type);
            xml.WriteAttributeString("Target", relationship.Target);
            if (relationship.External)
            {
                xml.WriteAttributeString("TargetMode", "External");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private Stream OpenEntry(string name)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = _entryTime;
        return entry.Open();
    }

    private static void WriteDefault(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypesNamespace);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }
}
