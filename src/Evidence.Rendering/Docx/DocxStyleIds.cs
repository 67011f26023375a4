namespace Evidence.Rendering.Docx;

/// <summary>The style ids the body refers to; <see cref="DocxStyles"/> defines each of them.</summary>
internal static class DocxStyleIds
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Caption = "Caption";
    public const string Small = "Small";
    public const string Callout = "Callout";
    public const string Code = "Code";
    public const string CodeChar = "CodeChar";
    public const string Hyperlink = "Hyperlink";
    public const string ListParagraph = "ListParagraph";
    public const string Rule = "HorizontalRule";
    public const string TocHeading = "TOCHeading";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string TableText = "TableText";
    public const string TableHeading = "TableHeading";
    public const string Table = "EvidenceTable";
    public const string TableSpacer = "TableSpacer";

    /// <summary>Heading 1 to 3: levels deeper than three use Heading 3.</summary>
    public static string Heading(int level) => "Heading" + Math.Clamp(level, 1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A heading that looks like Heading n but has no outline level, so the TOC leaves it out.</summary>
    public static string UnlistedHeading(int level) => Heading(level) + "Unlisted";

    /// <summary>TOC 1 to 3, the styles Word gives the entries of levels 1 to 3.</summary>
    public static string Toc(int level) => "TOC" + Math.Clamp(level, 1, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
