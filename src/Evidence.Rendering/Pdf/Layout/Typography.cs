using Evidence.Rendering.Theme;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Sizes and spacing, in points: the engine's names for <see cref="DocumentTheme"/>'s values.</summary>
internal static class Typography
{
    public const double BodySize = DocumentTheme.BodySize;
    public const double BodyLeading = DocumentTheme.BodyLeading;
    public const double SmallSize = DocumentTheme.SmallSize;
    public const double CaptionSize = DocumentTheme.CaptionSize;
    public const double CodeSize = DocumentTheme.CodeSize;
    public const double CodeLeading = 1.3;
    public const double TableSize = DocumentTheme.TableSize;
    public const double TableLeading = 1.25;
    public const double RunningSize = DocumentTheme.RunningSize;
    public const double ParagraphSpacing = DocumentTheme.ParagraphSpacing;
    public const double ListIndent = DocumentTheme.ListIndent;
    public const double CellPaddingX = DocumentTheme.CellPaddingX;
    public const double CellPaddingY = DocumentTheme.CellPaddingY;

    public static double HeadingSize(int level) => DocumentTheme.HeadingSize(level);

    public static double HeadingSpaceBefore(int level) => DocumentTheme.HeadingSpaceBefore(level);
}
