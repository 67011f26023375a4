namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Sizes and spacing, in points.</summary>
internal static class Typography
{
    public const double BodySize = 10;
    public const double BodyLeading = 1.35;
    public const double SmallSize = 8;
    public const double CaptionSize = 9;
    public const double CodeSize = 8.5;
    public const double CodeLeading = 1.3;
    public const double TableSize = 8;
    public const double TableLeading = 1.25;
    public const double RunningSize = 8;
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
}
