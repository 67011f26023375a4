namespace Evidence.Rendering.Docx;

/// <summary>A part of the package: its absolute name (<c>/word/document.xml</c>) and content type.</summary>
internal sealed record OpcPart(string Name, string ContentType)
{
    /// <summary>The ZIP entry name: the part name without its leading slash.</summary>
    public string EntryName => Name.TrimStart('/');

    /// <summary>The part that holds this part's relationships: <c>/word/_rels/document.xml.rels</c>.</summary>
    public string RelationshipsEntryName
    {
        get
        {
            var slash = Name.LastIndexOf('/');
            return $"{Name[1..(slash + 1)]}_rels/{Name[(slash + 1)..]}.rels";
        }
    }
}
