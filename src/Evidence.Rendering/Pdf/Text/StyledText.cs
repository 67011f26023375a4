namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// Inline content flattened into one character buffer with spans of faces and links, at one font
/// size, and the width of every character. Reused from cell to cell, so a table of 200,000 rows
/// does not allocate per cell.
/// </summary>
internal sealed class StyledText
{
    private char[] chars = new char[256];
    private float[] widths = new float[256];
    private FontChoice[] choices = new FontChoice[256];

    public int Length { get; private set; }

    public double Size { get; private set; }

    /// <summary>Whether spaces and line feeds are kept as written (code) rather than collapsed into spaces.</summary>
    public bool Preformatted { get; private set; }

    public List<TextSpan> Spans { get; } = [];

    public List<string> Links { get; } = [];

    public ReadOnlySpan<char> Chars => chars.AsSpan(0, Length);

    /// <summary>Each character's width in points, after <see cref="Measure"/>.</summary>
    public ReadOnlySpan<float> Widths => widths.AsSpan(0, Length);

    /// <summary>Which font draws each character, after <see cref="Measure"/> (a pair's low surrogate follows its high one).</summary>
    public ReadOnlySpan<FontChoice> Choices => choices.AsSpan(0, Length);

    public void Reset(double size, bool preformatted = false)
    {
        Length = 0;
        Size = size;
        Preformatted = preformatted;
        Spans.Clear();
        Links.Clear();
    }

    public int AddLink(string target)
    {
        Links.Add(target);
        return Links.Count - 1;
    }

    /// <summary>Appends text, turning tabs and control characters into spaces (line feeds too, unless preformatted).</summary>
    public void Append(ReadOnlySpan<char> text, FontFace face, int link = -1)
    {
        EnsureCapacity(Length + (text.Length * 4));
        var start = Length;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\u00AD':
                    break;
                case '\n' when Preformatted:
                    chars[Length++] = '\n';
                    break;
                case '\t' when Preformatted:
                    chars.AsSpan(Length, 4).Fill(' ');
                    Length += 4;
                    break;
                case < ' ':
                    chars[Length++] = ' ';
                    break;
                default:
                    chars[Length++] = c;
                    break;
            }
        }

        AddSpan(start, face, link);
    }

    /// <summary>A hard line break.</summary>
    public void AppendLineBreak(FontFace face)
    {
        EnsureCapacity(Length + 1);
        var start = Length;
        chars[Length++] = '\n';
        AddSpan(start, face, -1);
    }

    public void Measure(PdfFonts fonts)
    {
        foreach (var span in Spans)
        {
            var glyphs = fonts.Widths(span.Face);
            for (var i = span.Start; i < span.End; i++)
            {
                var c = chars[i];
                if (c < 0x80)
                {
                    // Most of a binder's text, which FontFallback.Choose always gives the face's own font: measured without asking.
                    choices[i] = FontChoice.Primary;
                    widths[i] = (float)(glyphs[c] * Size);
                    continue;
                }

                var pair = char.IsHighSurrogate(c) && i + 1 < span.End && char.IsLowSurrogate(chars[i + 1]);
                var choice = fonts.Fallback.Choose(span.Face, pair ? char.ConvertToUtf32(c, chars[i + 1]) : c);
                choices[i] = choice;
                if (choice == FontChoice.Emoji)
                {
                    // A whole sequence (flag, ZWJ family) takes the width of the one picture that stands for it.
                    var (glyph, length) = fonts.Fallback.EmojiSequence(chars.AsSpan(i, span.End - i));
                    widths[i] = (float)(fonts.Fallback.Emoji!.GlyphWidth(glyph) * Size);
                    for (var k = 1; k < length; k++)
                    {
                        (widths[i + k], choices[i + k]) = (0, choice);
                    }

                    i += length - 1;
                }
                else if (choice == FontChoice.Missing)
                {
                    // Measured as PDFsharp draws it, one empty box per character, so what follows stays in place.
                    widths[i] = (float)(fonts.Fallback.NotdefWidth(span.Face) * Size);
                    if (pair)
                    {
                        (widths[i + 1], choices[i + 1]) = (0, choice);
                        i++;
                    }
                }
                else if (choice is not (FontChoice.Primary or FontChoice.Supplementary))
                {
                    widths[i] = (float)(fonts.FallbackWidth(choice, pair ? char.ConvertToUtf32(c, chars[i + 1]) : c) * Size);
                    if (pair)
                    {
                        (widths[i + 1], choices[i + 1]) = (0, choice);
                        i++;
                    }
                }
                else if (pair)
                {
                    widths[i] = (float)(glyphs.Pair(c, chars[i + 1]) * Size);
                    (widths[++i], choices[i]) = (0, choice);
                }
                else
                {
                    widths[i] = (float)(glyphs[c] * Size);
                }
            }
        }
    }

    /// <summary>The widest single line the text would take unbroken (its preferred width).</summary>
    public double NaturalWidth()
    {
        double widest = 0, current = 0;
        for (var i = 0; i < Length; i++)
        {
            if (chars[i] == '\n')
            {
                widest = Math.Max(widest, current);
                current = 0;
            }
            else
            {
                current += widths[i];
            }
        }

        return Math.Max(widest, current);
    }

    /// <summary>
    /// The widest stretch the line breaker would rather not break: between spaces, and inside a
    /// token between the punctuation it breaks after (how narrow the text can get gracefully).
    /// </summary>
    public double LongestUnbreakable()
    {
        double longest = 0, current = 0;
        for (var i = 0; i < Length; i++)
        {
            var c = chars[i];
            if (c is ' ' or '\n')
            {
                longest = Math.Max(longest, current);
                current = 0;
                continue;
            }

            current += widths[i];
            if (LineBreaker.BreaksAfter(c))
            {
                longest = Math.Max(longest, current);
                current = 0;
            }
        }

        return Math.Max(longest, current);
    }

    private void AddSpan(int start, FontFace face, int link)
    {
        if (Length == start)
        {
            return;
        }

        if (Spans.Count > 0 && Spans[^1] is { } last && last.Face == face && last.Link == link && last.End == start)
        {
            Spans[^1] = last with { Length = last.Length + (Length - start) };
        }
        else
        {
            Spans.Add(new TextSpan(start, Length - start, face, link));
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= chars.Length)
        {
            return;
        }

        var size = Math.Max(needed, chars.Length * 2);
        Array.Resize(ref chars, size);
        Array.Resize(ref widths, size);
        Array.Resize(ref choices, size);
    }
}
