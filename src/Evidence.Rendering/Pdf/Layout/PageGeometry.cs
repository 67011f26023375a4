using Evidence.Rendering.Theme;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// US Letter with 0.75in margins. Everything drawn — running header and footer included — stays
/// inside the margins; the header and footer take bands at the top and bottom of that box.
/// </summary>
internal sealed class PageGeometry
{
    public static PageGeometry Letter { get; } = new();

    public double Width { get; init; } = DocumentTheme.PageWidth;

    public double Height { get; init; } = DocumentTheme.PageHeight;

    public double Margin { get; init; } = DocumentTheme.Margin;

    public double Left => Margin;

    public double Right => Width - Margin;

    public double ContentWidth => Right - Left;

    public double Top => Margin;

    public double Bottom => Height - Margin;

    /// <summary>Where body content starts, below the running header.</summary>
    public double BodyTop => Top + 26;

    /// <summary>Where body content must end, above the running footer.</summary>
    public double BodyBottom => Bottom - 24;

    public double BodyHeight => BodyBottom - BodyTop;
}
