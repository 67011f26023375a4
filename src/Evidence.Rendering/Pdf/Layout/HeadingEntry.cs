namespace Evidence.Rendering.Pdf.Layout;

/// <summary>A heading found before layout: the TOC needs its title and level up front.</summary>
internal sealed record HeadingEntry(int Ordinal, int Level, string Title, bool InOutline);
