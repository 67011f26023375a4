using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Evidence.Rendering.Fonts.OpenType;
using Evidence.Rendering.Pdf.Layout;
using Evidence.Rendering.Pdf.Tagging;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Draws the text laid out in fallback fonts. PDFsharp cannot embed the installed CJK face (CFF
/// outlines in a collection) nor draw the emoji face (colour bitmaps), so once the document's
/// characters are all known this makes a TrueType face holding just the CJK glyphs it uses, and a
/// text-only twin of the emoji face whose glyphs are empty: emoji are drawn as the font's own
/// pictures, with that invisible text under them so they copy and search as text. Every face it
/// makes has a name of its own, by which <see cref="ToUnicodeWriter"/> finds its PDF font again.
/// </summary>
internal sealed class FallbackTextWriter(PdfFonts fonts, DocumentMap map, StructureTagger tags)
{
    // Faces that do not depend on the document (the emoji text twin, renamed copies of the body font), made once per process.
    private static readonly ConcurrentDictionary<string, Lazy<MadeFont>> Shared = new(StringComparer.Ordinal);

    private readonly Dictionary<int, List<FallbackRun>> byPage = [];
    private readonly Dictionary<(string, double), XFont> xfonts = [];
    private readonly Dictionary<string, (CharacterMap Map, SortedSet<int> CodePoints)> drawn = new(StringComparer.Ordinal);
    private int seen;
    private MadeFont? cjk;
    private EmojiPictures? pictures;

    /// <summary>What was drawn in each made face, by the name its PDF font carries.</summary>
    public IReadOnlyDictionary<string, (CharacterMap Map, SortedSet<int> CodePoints)> Drawn => drawn;

    /// <summary>Makes the CJK face for every run laid out so far and for <paramref name="more"/> (text drawn later, such as the running header).</summary>
    public void Prepare(IEnumerable<string> more)
    {
        if (fonts.Fallback.Cjk is not { } face)
        {
            return;
        }

        var glyphs = new SortedSet<int>();
        foreach (var text in map.FallbackRuns.Where(r => r.Choice == FontChoice.Cjk).Select(r => r.Text).Concat(more))
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (face.Map.Glyph(rune.Value) is var glyph and > 0)
                {
                    glyphs.Add(glyph);
                }
            }
        }

        if (glyphs.Count > 0)
        {
            var name = NameFor(face.Face.FamilyName(), string.Join(',', glyphs));
            cjk = new MadeFont(FontRegistry.Register(TrueTypeBuilder.Build(face.Face, glyphs, name)), name, face.Map);
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
            // Drawn after layout, but content of the element it was laid out in, not an artifact.
            if (run.Node >= 0)
            {
                tags.Resume(tags.Nodes[run.Node]);
                tags.Mark(graphics);
            }

            switch (run.Choice)
            {
                case FontChoice.Cjk when cjk is not null:
                    DrawText(graphics, cjk, run.Text, run.Size, run.X, run.Baseline, run.Brush);
                    break;
                case FontChoice.Emoji when fonts.Fallback.Emoji is not null:
                    DrawEmoji(graphics, run);
                    break;
                case FontChoice.Supplementary:
                    DrawText(graphics, Supplementary(run.Face), run.Text, run.Size, run.X, run.Baseline, run.Brush);
                    break;
            }

            if (run.Node >= 0)
            {
                tags.End();
            }
        }
    }

    // A made name: the original family, squeezed, and a hash of what makes this face differ.
    private static string NameFor(string family, string content)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(family + "\n" + content)), 0, 4);
        return new string([.. family.Where(char.IsAsciiLetterOrDigit)]) + "-EV" + hash;
    }

    private MadeFont Supplementary(FontFace face)
    {
        var (path, characters) = fonts.Fallback.Primary(face);
        return Shared.GetOrAdd("copy:" + path, _ => new Lazy<MadeFont>(() =>
        {
            var source = SfntFace.Open(File.ReadAllBytes(path));
            var name = NameFor(source.FamilyName(), "copy of " + Path.GetFileName(path));
            return new MadeFont(FontRegistry.Register(TrueTypeBuilder.Renamed(source, name)), name, characters!);
        })).Value;
    }

    private static MadeFont EmojiText(FallbackFont emoji) =>
        Shared.GetOrAdd("emoji:" + emoji.Path, _ => new Lazy<MadeFont>(() =>
        {
            var name = NameFor(emoji.Face.FamilyName(), "text");
            return new MadeFont(FontRegistry.Register(TrueTypeBuilder.Build(emoji.Face, outlines: null, name)), name, emoji.Map);
        })).Value;

    private void DrawText(XGraphics graphics, MadeFont font, string text, double size, double x, double baseline, XBrush brush)
    {
        graphics.DrawString(text, Font(font.Family, size), brush, new XRect(x, baseline, 0, 0), XStringFormats.BaseLineLeft);
        if (!drawn.TryGetValue(font.Name, out var record))
        {
            drawn[font.Name] = record = (font.Map, []);
        }

        foreach (var rune in text.EnumerateRunes())
        {
            record.CodePoints.Add(rune.Value);
        }
    }

    // Each emoji or sequence at the place it was laid out: its picture, and its text, invisible,
    // under it and scaled to its width, so copying gives back the characters written.
    private void DrawEmoji(XGraphics graphics, FallbackRun run)
    {
        var emoji = fonts.Fallback.Emoji!;
        var text = EmojiText(emoji);
        pictures ??= new EmojiPictures(emoji);
        var x = run.X;
        for (var i = 0; i < run.Text.Length;)
        {
            var (glyph, length) = fonts.Fallback.EmojiSequence(run.Text.AsSpan(i));
            double width = 0;
            for (var k = i; k < i + length; k++)
            {
                width += run.Widths[k];
            }

            // At the run's own size, squeezed to the picture's width: readers that extract text keep it on the line.
            var sequence = run.Text.Substring(i, length);
            var natural = sequence.EnumerateRunes().Sum(r => emoji.Width(r.Value)) * run.Size;
            if (width > 0 && natural > 0)
            {
                var state = graphics.Save();
                graphics.TranslateTransform(x, run.Baseline);
                graphics.ScaleTransform(width / natural, 1);
                DrawText(graphics, text, sequence, run.Size, 0, 0, XBrushes.Black);
                graphics.Restore(state);
            }

            if (pictures.Glyph(glyph) is { } picture && width > 0)
            {
                // Like a capital with a little descent: 82 % of the picture above the baseline.
                var height = width * picture.PixelHeight / picture.PixelWidth;
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

    /// <summary>A face made in memory: the family PDFsharp knows it by, the name its PDF font carries, its character map.</summary>
    private sealed record MadeFont(string Family, string Name, CharacterMap Map);
}
