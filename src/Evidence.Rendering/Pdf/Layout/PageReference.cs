using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// Room left after an internal link's text for the page it points to, "(p. 42)": the page is known only
/// once every heading is placed, so the number is drawn when the document is finished.
/// </summary>
internal sealed record PageReference(int PageIndex, double X, double Baseline, FontFace Face, double Size, string Target)
{
    /// <summary>Marks a link of a <see cref="StyledText"/> as a page reference to the target that follows it.</summary>
    public const string Marker = "page:";

    /// <summary>What the layout measures in place of the reference: as wide as "(p. 000)", and never broken at its space.</summary>
    public const string Placeholder = "(p.\u00A0000)";

    /// <summary>
    /// Whether the number is set to the right of its room, because punctuation follows it on the line; otherwise (the end
    /// of a line, or a space next) to the left, so that a reference starting a line is not indented.
    /// </summary>
    public bool AlignEnd { get; init; }

    /// <summary>What is drawn: the page, 1-based.</summary>
    public static string Text(int pageIndex) => $"(p. {(pageIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
