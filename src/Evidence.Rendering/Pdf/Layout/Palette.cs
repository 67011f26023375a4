using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>The brushes and pens of one write (PDFsharp drawing objects are not shared between threads).</summary>
internal sealed class Palette
{
    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(0x1A, 0x1A, 0x1A));

    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x59, 0x59, 0x59));

    public XBrush Link { get; } = new XSolidBrush(XColor.FromArgb(0x1A, 0x4F, 0x9C));

    public XBrush Marking { get; } = new XSolidBrush(XColor.FromArgb(0xA3, 0x14, 0x14));

    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(0xE6, 0xEB, 0xF1));

    public XBrush CodeFill { get; } = new XSolidBrush(XColor.FromArgb(0xF3, 0xF4, 0xF6));

    public XBrush CalloutFill { get; } = new XSolidBrush(XColor.FromArgb(0xFF, 0xF4, 0xDE));

    public XBrush CalloutBar { get; } = new XSolidBrush(XColor.FromArgb(0xC9, 0x84, 0x00));

    public XPen Rule { get; } = new(XColor.FromArgb(0xB8, 0xBE, 0xC6), 0.5);

    public XPen RowRule { get; } = new(XColor.FromArgb(0xD5, 0xD9, 0xDE), 0.4);

    public XPen Heading { get; } = new(XColor.FromArgb(0x1A, 0x4F, 0x9C), 0.8);
}
