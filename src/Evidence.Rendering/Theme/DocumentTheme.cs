namespace Evidence.Rendering.Theme;

/// <summary>
/// The one look of both documents: colours, type sizes, spacing and page geometry. The PDF engine and
/// the Word writer both read their values here, so a change of colour or margin changes both alike.
/// Sizes are in points, colours are RRGGBB.
/// </summary>
internal static class DocumentTheme
{
    // Page: US Letter with 0.75 in margins.
    public const double PageWidth = 612;
    public const double PageHeight = 792;
    public const double Margin = 54;

    // Colours.
    public const string Text = "1A1A1A";
    public const string Muted = "595959";
    public const string Accent = "1A4F9C";
    public const string Marking = "A31414";
    public const string HeaderFill = "E6EBF1";
    public const string CodeFill = "F3F4F6";
    public const string CalloutFill = "FFF4DE";
    public const string CalloutBar = "C98400";
    public const string Rule = "B8BEC6";
    public const string RowRule = "D5D9DE";

    // Type: the PDF engine's first proportional family, so Word (or LibreOffice) shows what the PDF shows.
    public const string BodyFont = "DejaVu Sans";
    public const string MonospaceFont = "DejaVu Sans Mono";
    public const double BodySize = 10;
    public const double BodyLeading = 1.35;
    public const double SmallSize = 8;
    public const double CaptionSize = 9;
    public const double CodeSize = 8.5;
    public const double TableSize = 8;
    public const double RunningSize = 8;
    public const double TitleSize = 26;
    public const double SubtitleSize = 15;
    public const double CoverLineSize = 11;

    // Spacing.
    public const double ParagraphSpacing = 6;
    public const double ListIndent = 16;
    public const double CellPaddingX = 3;
    public const double CellPaddingY = 2.5;

    public static double HeadingSize(int level) => level switch
    {
        <= 1 => 18,
        2 => 14,
        3 => 12,
        _ => 10.5,
    };

    public static double HeadingSpaceBefore(int level) => level <= 1 ? 16 : 11;

    /// <summary>Space after a heading, before its first block.</summary>
    public const double HeadingSpaceAfter = 5;

    /// <summary>
    /// The tallest a figure is drawn: two thirds of a page's body, so a tall diagram still leaves room for its
    /// caption and a line of text on its page.
    /// </summary>
    public const double FigureMaxHeight = 420;

    /// <summary>Space between a figure and its caption.</summary>
    public const double FigureCaptionGap = 4;

    /// <summary>Space after a table, before the next block.</summary>
    public const double TableSpaceAfter = ParagraphSpacing * 1.5;
}
