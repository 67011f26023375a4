namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Where a heading landed: page (0-based) and the top of its first line, in page coordinates from the top.</summary>
internal sealed record HeadingPlace(int Ordinal, int Level, string Title, string Anchor, bool InOutline, int PageIndex, double Y);
