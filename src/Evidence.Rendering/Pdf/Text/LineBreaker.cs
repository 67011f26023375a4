namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// Greedy line breaking that never lets a line run past its width. Lines break at spaces; a token
/// wider than a whole line (an ARN, a resource id, a hash) fills the line and breaks after one of
/// / : - _ . and similar, and failing that between any two characters.
/// </summary>
internal static class LineBreaker
{
    /// <summary>Breaks <paramref name="text"/> into <paramref name="lines"/> no wider than <paramref name="maxWidth"/> (except a single character wider than it).</summary>
    public static void Break(ReadOnlySpan<char> text, ReadOnlySpan<float> widths, double maxWidth, List<TextLine> lines)
    {
        lines.Clear();
        var pos = 0;
        var hardStart = true;
        var lineStart = 0;
        var lineEnd = 0;
        double lineWidth = 0;
        while (true)
        {
            var spaceStart = pos;
            double spaceWidth = 0;
            while (pos < text.Length && text[pos] == ' ')
            {
                spaceWidth += widths[pos++];
            }

            if (pos >= text.Length || text[pos] == '\n')
            {
                lines.Add(new TextLine(lineStart, lineEnd, lineWidth));
                if (pos >= text.Length)
                {
                    return;
                }

                pos++;
                (lineStart, lineEnd, lineWidth, hardStart) = (pos, pos, 0, true);
                continue;
            }

            var wordStart = pos;
            double wordWidth = 0;
            while (pos < text.Length && text[pos] != ' ' && text[pos] != '\n')
            {
                wordWidth += widths[pos++];
            }

            if (lineEnd == lineStart)
            {
                // The line's first word keeps the indentation of a hard line (code); a wrapped line drops it.
                var segmentStart = hardStart ? spaceStart : wordStart;
                lineStart = segmentStart;
                lineWidth = hardStart ? spaceWidth : 0;
                Place(text, widths, maxWidth, lines, segmentStart, pos, ref lineStart, ref lineWidth);
            }
            else if (lineWidth + spaceWidth + wordWidth <= maxWidth)
            {
                lineWidth += spaceWidth + wordWidth;
            }
            else if (wordWidth <= maxWidth)
            {
                lines.Add(new TextLine(lineStart, lineEnd, lineWidth));
                (lineStart, lineWidth) = (wordStart, wordWidth);
            }
            else
            {
                // Too long for any line: start it on this line, after the space, and break it.
                lineWidth += spaceWidth;
                Place(text, widths, maxWidth, lines, wordStart, pos, ref lineStart, ref lineWidth);
            }

            lineEnd = pos;
            hardStart = false;
        }
    }

    /// <summary>Whether a line may break after <paramref name="c"/> inside a token.</summary>
    public static bool BreaksAfter(char c) => c is '/' or ':' or '-' or '_' or '.' or ',' or ';' or '=' or '&' or '?' or '|' or '\\' or '@' or '+' or ')' or ']' or '}';

    // Adds [start, end) to the current line, emitting full lines while it does not fit.
    private static void Place(
        ReadOnlySpan<char> text,
        ReadOnlySpan<float> widths,
        double maxWidth,
        List<TextLine> lines,
        int start,
        int end,
        ref int lineStart,
        ref double lineWidth)
    {
        // Where the line may break, preferring the latest opportunity: before the token, then after punctuation.
        var lastBreak = start > lineStart ? start : -1;
        for (var i = start; i < end; i++)
        {
            var width = widths[i];
            while (lineWidth + width > maxWidth && i > lineStart)
            {
                var breakAt = lastBreak > lineStart ? lastBreak : i;
                if (char.IsLowSurrogate(text[breakAt]) && breakAt - 1 > lineStart)
                {
                    breakAt--;
                }

                var lineEnd = breakAt;
                while (lineEnd > lineStart && text[lineEnd - 1] == ' ')
                {
                    lineEnd--;
                }

                lines.Add(new TextLine(lineStart, lineEnd, Sum(widths, lineStart, lineEnd)));
                lineStart = breakAt;
                lineWidth = Sum(widths, breakAt, i);
                lastBreak = -1;
            }

            lineWidth += width;
            if (BreaksAfter(text[i]) && i + 1 < end)
            {
                lastBreak = i + 1;
            }
        }
    }

    private static double Sum(ReadOnlySpan<float> widths, int start, int end)
    {
        double sum = 0;
        for (var i = start; i < end; i++)
        {
            sum += widths[i];
        }

        return sum;
    }
}
