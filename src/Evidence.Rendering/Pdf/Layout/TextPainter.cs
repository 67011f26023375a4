using Evidence.Rendering.Pdf.Tagging;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Draws broken lines of a <see cref="StyledText"/>, one string per face change, and records where links are.</summary>
internal sealed class TextPainter(PdfFonts fonts, Palette palette, DocumentMap map, StructureTagger tags)
{
    private static readonly XStringFormat Baseline = XStringFormats.BaseLineLeft;

    private readonly StyledText plain = new();

    public PdfFonts Fonts => fonts;

    public Palette Palette => palette;

    /// <summary>Draws <paramref name="line"/> with its left end at <paramref name="x"/> and its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(PageFlow flow, StyledText text, TextLine line, double x, double baseline, XBrush brush)
    {
        if (line.IsEmpty || flow.Canvas is not { } canvas)
        {
            return;
        }

        var chars = text.Chars;
        var widths = text.Widths;
        var cursor = x;
        foreach (var span in text.Spans)
        {
            var start = Math.Max(span.Start, line.Start);
            var end = Math.Min(span.End, line.End);
            if (start >= end)
            {
                continue;
            }

            double width = 0;
            for (var i = start; i < end; i++)
            {
                width += widths[i];
            }

            var linked = span.Link >= 0;
            if (linked && text.Links[span.Link] is var target && target.StartsWith(PageReference.Marker, StringComparison.Ordinal))
            {
                // Room for "(p. 42)": drawn when the document is finished, clickable like the link it follows.
                var anchor = target[PageReference.Marker.Length..];
                var ascentOfReference = fonts.Widths(span.Face).Ascent * text.Size;
                // Punctuation right after it on the line ("(p. 42).") is kept close: the number is then set to the right of its room.
                var closed = end < line.End && !char.IsWhiteSpace(chars[end]);
                map.PageReferences.Add(new PageReference(flow.PageIndex, cursor, baseline, span.Face, text.Size, anchor) { AlignEnd = closed });
                map.Links.Add(new LinkArea(flow.PageIndex, new XRect(cursor, baseline - ascentOfReference, width, text.Size * 1.2), anchor, flow.Tags.Owner?.Id ?? -1));
                cursor += width;
                continue;
            }

            // Linked text is a Link element of its own, inside the paragraph or cell, holding the words a reader hears.
            var link = linked && tags.Owner is { } owner ? tags.Begin("Link", holdsContent: true, owner) : null;
            if (linked)
            {
                var ascent = fonts.Widths(span.Face).Ascent * text.Size;
                var area = new XRect(cursor, baseline - ascent, width, text.Size * 1.2);
                map.Links.Add(new LinkArea(flow.PageIndex, area, text.Links[span.Link], link?.Id ?? -1));
            }

            tags.Mark(canvas);
            DrawRuns(flow.PageIndex, canvas, chars[start..end], text.Choices[start..end], widths[start..end], span.Face, text.Size, cursor, baseline, linked ? palette.Link : brush);
            if (link is not null)
            {
                tags.End();
            }

            cursor += width;
        }
    }

    /// <summary>
    /// Draws a plain string in one face (running header, markers, page numbers) on page <paramref name="pageIndex"/>;
    /// nothing without a canvas (a flow that only measures).
    /// </summary>
    public void DrawPlain(XGraphics? graphics, int pageIndex, string text, FontFace face, double size, double x, double baseline, XBrush brush)
    {
        if (graphics is null)
        {
            return;
        }

        tags.Mark(graphics);
        var plain = Plain(text, face, size);
        DrawRuns(pageIndex, graphics, plain.Chars, plain.Choices, plain.Widths, face, size, x, baseline, brush);
    }

    /// <summary>The width of a plain string in one face.</summary>
    public double Measure(string text, FontFace face, double size)
    {
        double sum = 0;
        foreach (var width in Plain(text, face, size).Widths)
        {
            sum += width;
        }

        return sum;
    }

    private StyledText Plain(string text, FontFace face, double size)
    {
        plain.Reset(size);
        plain.Append(text, face);
        plain.Measure(fonts);
        return plain;
    }

    // Stretches the face has are drawn now; stretches of a fallback font wait until the document's
    // glyphs are all known (see FallbackTextWriter).
    private void DrawRuns(int pageIndex, XGraphics graphics, ReadOnlySpan<char> chars, ReadOnlySpan<FontChoice> choices, ReadOnlySpan<float> widths, FontFace face, double size, double x, double baseline, XBrush brush)
    {
        var start = 0;
        while (start < chars.Length)
        {
            var choice = choices[start];
            var end = start + 1;
            double width = widths[start];
            while (end < chars.Length && choices[end] == choice)
            {
                width += widths[end++];
            }

            var run = new string(chars[start..end]);
            if (choice == FontChoice.Missing)
            {
                // One box per character at its measured place: PDFsharp's own advance for a missing pair differs.
                var at = x;
                for (var k = start; k < end; k++)
                {
                    if (!char.IsLowSurrogate(chars[k]))
                    {
                        var length = k + 1 < end && char.IsSurrogatePair(chars[k], chars[k + 1]) ? 2 : 1;
                        graphics.DrawString(new string(chars.Slice(k, length)), fonts.Font(face, size), brush, new XRect(at, baseline, 0, 0), Baseline);
                    }

                    at += widths[k];
                }
            }
            else if (choice == FontChoice.Primary)
            {
                graphics.DrawString(run, fonts.Font(face, size), brush, new XRect(x, baseline, 0, 0), Baseline);
            }
            else
            {
                map.FallbackRuns.Add(new FallbackRun(pageIndex, x, baseline, run, face, size, choice, brush, widths[start..end].ToArray(), tags.Owner?.Id ?? -1));
            }

            x += width;
            start = end;
        }
    }
}
