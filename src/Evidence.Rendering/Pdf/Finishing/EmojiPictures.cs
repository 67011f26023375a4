using Evidence.Rendering.Fonts.OpenType;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>The emoji face's pictures as images, each made once per document so the PDF holds it once.</summary>
internal sealed class EmojiPictures(FallbackFont emoji)
{
    private readonly ColorBitmaps bitmaps = new(emoji.Face);
    private readonly Dictionary<int, XImage?> images = [];

    public XImage? Picture(int codePoint) => Glyph(emoji.Map.Glyph(codePoint));

    public XImage? Glyph(int glyph)
    {
        if (!images.TryGetValue(glyph, out var image))
        {
            image = bitmaps.Png(glyph) is { } png ? XImage.FromStream(new MemoryStream(png, writable: false)) : null;
            images.Add(glyph, image);
        }

        return image;
    }
}
