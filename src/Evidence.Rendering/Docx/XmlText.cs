using System.Buffers;
using System.Text;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Makes any string safe for XML 1.0. Evidence text comes from cloud APIs and may hold control
/// characters or broken surrogate pairs, which an XML writer refuses; they become U+FFFD rather
/// than failing a 200,000-row render at row 150,000.
/// </summary>
internal static class XmlText
{
    private const char Replacement = '\uFFFD';

    private static readonly SearchValues<char> Suspicious = SearchValues.Create(SuspiciousCharacters());

    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var length = ValidLengthAt(text, i);
            if (length == 0)
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(text, i, length);
                i += length - 1;
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        var start = 0;
        while (true)
        {
            var hit = text.AsSpan(start).IndexOfAny(Suspicious);
            if (hit < 0)
            {
                return -1;
            }

            var index = start + hit;
            var length = ValidLengthAt(text, index);
            if (length == 0)
            {
                return index;
            }

            start = index + length;
        }
    }

    /// <summary>How many chars form a valid XML character at <paramref name="index"/>: 1, 2 (a surrogate pair) or 0 (invalid).</summary>
    private static int ValidLengthAt(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 0;
        }

        if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF')
        {
            return 0;
        }

        return c >= ' ' || c is '\t' or '\n' or '\r' ? 1 : 0;
    }

    private static string SuspiciousCharacters()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                chars.Append(c);
            }
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            chars.Append(c);
        }

        return chars.Append('\uFFFE').Append('\uFFFF').ToString();
    }
}
