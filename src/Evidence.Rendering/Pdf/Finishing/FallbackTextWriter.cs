using System.Collections.Concurrent;
using Evidence.Rendering.Fonts.OpenType;
using Evidence.Rendering.Pdf.Layout;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Draws the text laid out in fallback fonts. PDFsharp cannot embed the installed CJK face (CFF
/// outlines in a collection) nor draw the emoji face (colour bitmaps), so once the document's
/// characters are all known this makes a TrueType face holding just the CJK glyphs it uses, and a
/// text-only twin of the emoji face whose glyphs are empty: emoji are drawn as the font's own
/// pictures, with that invisible text under them so they copy and search as text.
/// </summary>
internal sealed class FallbackTextWriter(PdfFonts fonts, DocumentMap map)
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> EmojiTextFamilies = new(StringComparer.Ordinal);

    private readonly Dictionary<int, List<FallbackRun>> byPage = [];
    private readonly Dictionary<(string, double), XFont> xfonts = [];
    private int seen;
    private string? cjkFamily;
    private string? emojiFamily;
    private EmojiPictures? pictures;

    /// <summary>Makes the fonts for every run laid out so far and for <paramref name="more"/> (text drawn later, such as the running header).</summary>
    public void Prepare(IEnumerable<string> more)
    {
        var texts = map.FallbackRuns.Where(r => r.Choice == FontChoice.Cjk).Select(r => r.Text).Concat(more);
        if (fonts.Fallback.Cjk is { } cjk)
        {
            var glyphs = new HashSet<int>();
            foreach (var text in texts)
            {
                foreach (var rune in text.EnumerateRunes())
                {
                    if (cjk.Map.Glyph(rune.Value) is var glyph and > 0)
                    {
                        glyphs.Add(glyph);
                    }
                }
            }

            cjkFamily = glyphs.Count == 0 ? null : FontRegistry.Register(TrueTypeBuilder.Build(cjk.Face, glyphs));
        }

        if (fonts.Fallback.Emoji is { } emoji && (map.FallbackRuns.Any(r => r.Choice == FontChoice.Emoji) || more.Any(HasEmoji)))
        {
            emojiFamily = EmojiTextFamilies.GetOrAdd(emoji.Path, _ => new Lazy<string>(() => FontRegistry.Register(TrueTypeBuilder.Build(emoji.Face, outlines: null)))).Value;
            pictures = new EmojiPictures(emoji);
        }
    }

    /// <summary>Draws the fallback text of page <paramref name="pageIndex"/> laid out so far.</summary>
    public void Draw(XGraphics graphics, int pageIndex)
    {
        for (; seen < map.FallbackRuns.Count; seen++)
        {
            var run = map.FallbackRuns[seen];
            if (!byPage.TryGetValue(run.PageIndex, out var list))
            {
                byPage[run.PageIndex] = list = [];
            }

            list.Add(run);
        }

        if (!byPage.Remove(pageIndex, out var runs))
        {
            return;
        }

        foreach (var run in runs)
        {
            if (run.Choice == FontChoice.Cjk && cjkFamily is not null)
            {
                graphics.DrawString(run.Text, Font(cjkFamily, run.Size), run.Brush, new XRect(run.X, run.Baseline, 0, 0), XStringFormats.BaseLineLeft);
            }
            else if (run.Choice == FontChoice.Emoji && emojiFamily is not null)
            {
                DrawEmoji(graphics, run);
            }
        }
    }

    private bool HasEmoji(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (fonts.Fallback.Choose(FontFace.Regular, rune.Value) == FontChoice.Emoji)
            {
                return true;
            }
        }

        return false;
    }

    // Each emoji or sequence at the place it was laid out: its picture, and its text, invisible,
    // under it and scaled to its width, so copying gives back the characters written.
    private void DrawEmoji(XGraphics graphics, FallbackRun run)
    {
        var x = run.X;
        var emoji = fonts.Fallback.Emoji!;
        for (var i = 0; i < run.Text.Length;)
        {
            var (glyph, length) = fonts.Fallback.EmojiSequence(run.Text.AsSpan(i));
            double width = 0;
            for (var k = i; k < i + length; k++)
            {
                width += run.Widths[k];
            }

            var text = run.Text.Substring(i, length);
            var natural = text.EnumerateRunes().Sum(r => emoji.Width(r.Value));
            if (width > 0 && natural > 0)
            {
                graphics.DrawString(text, Font(emojiFamily!, width / natural), XBrushes.Black, new XRect(x, run.Baseline, 0, 0), XStringFormats.BaseLineLeft);
            }

            if (pictures?.Glyph(glyph) is { } picture && width > 0)
            {
                var height = width * picture.PixelHeight / picture.PixelWidth;
                // Like a capital with a little descent: 82 % above the baseline.
                graphics.DrawImage(picture, x, run.Baseline - (height * 0.82), width, height);
            }

            x += width;
            i += length;
        }
    }

    private XFont Font(string family, double size)
    {
        if (!xfonts.TryGetValue((family, size), out var font))
        {
            font = new XFont(family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            xfonts.Add((family, size), font);
        }

        return font;
    }
}
