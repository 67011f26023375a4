using System.Globalization;
using Evidence.Rendering.Theme;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>The brushes and pens of one write, in <see cref="DocumentTheme"/>'s colours (PDFsharp drawing objects are not shared between threads).</summary>
internal sealed class Palette
{
    public XBrush Text { get; } = Brush(DocumentTheme.Text);

    public XBrush Muted { get; } = Brush(DocumentTheme.Muted);

    public XBrush Link { get; } = Brush(DocumentTheme.Accent);

    public XBrush Marking { get; } = Brush(DocumentTheme.Marking);

    public XBrush HeaderFill { get; } = Brush(DocumentTheme.HeaderFill);

    public XBrush CodeFill { get; } = Brush(DocumentTheme.CodeFill);

    public XBrush CalloutFill { get; } = Brush(DocumentTheme.CalloutFill);

    public XBrush CalloutBar { get; } = Brush(DocumentTheme.CalloutBar);

    public XPen Rule { get; } = new(Color(DocumentTheme.Rule), 0.5);

    public XPen RowRule { get; } = new(Color(DocumentTheme.RowRule), 0.4);

    public XPen Heading { get; } = new(Color(DocumentTheme.Accent), 0.8);

    private static XSolidBrush Brush(string hex) => new(Color(hex));

    private static XColor Color(string hex)
    {
        var rgb = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
