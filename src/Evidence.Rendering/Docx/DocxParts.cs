namespace Evidence.Rendering.Docx;

/// <summary>
/// The parts a DOCX of ours holds, their content types, and the relationship types that tie them
/// together. The set is fixed up front so that [Content_Types].xml can be written first.
/// </summary>
internal static class DocxParts
{
    private const string Wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    public static readonly OpcPart Document = new("/word/document.xml", Wml + "document.main+xml");
    public static readonly OpcPart Styles = new("/word/styles.xml", Wml + "styles+xml");
    public static readonly OpcPart Numbering = new("/word/numbering.xml", Wml + "numbering+xml");
    public static readonly OpcPart Settings = new("/word/settings.xml", Wml + "settings+xml");
    public static readonly OpcPart FontTable = new("/word/fontTable.xml", Wml + "fontTable+xml");
    public static readonly OpcPart Header = new("/word/header1.xml", Wml + "header+xml");
    public static readonly OpcPart Footer = new("/word/footer1.xml", Wml + "footer+xml");
    public static readonly OpcPart CoreProperties = new("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    public static readonly OpcPart AppProperties = new("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    public static readonly OpcPart CustomProperties = new("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");

    public const string OfficeDocumentType = OfficeRelationships + "officeDocument";
    public const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    public const string AppPropertiesType = OfficeRelationships + "extended-properties";
    public const string CustomPropertiesType = OfficeRelationships + "custom-properties";
    public const string HyperlinkType = OfficeRelationships + "hyperlink";

    /// <summary>Relationship ids from the main document part. Fixed, so the same document gives the same bytes.</summary>
    public const string HeaderId = "rIdHeader";
    public const string FooterId = "rIdFooter";

    /// <summary>The main document part's relationships to the other fixed parts.</summary>
    public static IReadOnlyList<OpcRelationship> DocumentRelationships { get; } =
    [
        new("rIdStyles", OfficeRelationships + "styles", "styles.xml"),
        new("rIdNumbering", OfficeRelationships + "numbering", "numbering.xml"),
        new("rIdSettings", OfficeRelationships + "settings", "settings.xml"),
        new("rIdFontTable", OfficeRelationships + "fontTable", "fontTable.xml"),
        new(HeaderId, OfficeRelationships + "header", "header1.xml"),
        new(FooterId, OfficeRelationships + "footer", "footer1.xml"),
    ];
}
