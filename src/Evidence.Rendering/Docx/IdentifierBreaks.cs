using System.Buffers;
using System.Text;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Lets Word break a long identifier where the PDF would, after <c>_ / : .</c>: Word and LibreOffice
/// break after a hyphen or a space only, so without help "S3_BUCKET_PUBLIC_READ_PROHIBITED" in a
/// narrow column is cut at whichever letter reaches the edge. A zero-width space, which both read as
/// a break opportunity and show as nothing, goes after each of those characters in a long token.
/// </summary>
internal static class IdentifierBreaks
{
    /// <summary>A token shorter than this fits any column the sizer makes; it is left alone.</summary>
    private const int LongToken = 16;

    private const char ZeroWidthSpace = '\u200B';

    private static readonly SearchValues<char> BreakAfter = SearchValues.Create("_/:.");

    /// <summary>The text with break opportunities in its long tokens; the same string when it has none.</summary>
    public static string Insert(string text)
    {
        if (text.Length < LongToken || text.AsSpan().IndexOfAny(BreakAfter) < 0)
        {
            return text;
        }

        StringBuilder? built = null;
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var token = text.AsSpan(start, end - start);
            if (token.Length >= LongToken && token.IndexOfAny(BreakAfter) >= 0)
            {
                built ??= new StringBuilder(text.Length + 8).Append(text, 0, start);
                for (var i = 0; i < token.Length; i++)
                {
                    built.Append(token[i]);
                    if (i < token.Length - 1 && BreakAfter.Contains(token[i]) && !BreakAfter.Contains(token[i + 1]))
                    {
                        built.Append(ZeroWidthSpace);
                    }
                }
            }
            else
            {
                built?.Append(token);
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            built?.Append(text, end, next - end);
            start = next;
        }

        return built?.ToString() ?? text;
    }
}
