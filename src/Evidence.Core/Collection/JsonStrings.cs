using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Evidence.Core.Collection;

/// <summary>
/// Reads a JSON string a cloud sent, even when it holds a lone surrogate (<c>"\ud800"</c>), which JSON allows
/// and .NET cannot turn into a string: the lone half becomes U+FFFD. Only the text shown and written to
/// result rows is repaired; the raw response keeps the bytes as they came.
/// </summary>
public static class JsonStrings
{
    /// <summary>The string value of <paramref name="element"/>, which must be a JSON string.</summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            return Repair(Unescape(element.GetRawText()));
        }
    }

    /// <summary>The string property <paramref name="name"/> of an object, or null when absent or not a string.</summary>
    public static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Read(value)
            : null;

    /// <summary>Replaces every surrogate that is not half of a pair with U+FFFD.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? repaired = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                repaired?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                repaired ??= new StringBuilder(text, 0, i, text.Length);
                repaired.Append('\uFFFD');
                continue;
            }

            repaired?.Append(c);
        }

        return repaired?.ToString() ?? text;
    }

    /// <summary>The text of a JSON string token (quotes included), escapes undone, lone surrogates kept.</summary>
    private static string Unescape(string token)
    {
        var text = new StringBuilder(token.Length);
        for (var i = 1; i < token.Length - 1; i++)
        {
            if (token[i] != '\\')
            {
                text.Append(token[i]);
                continue;
            }

            var escape = token[++i];
            if (escape == 'u')
            {
                text.Append((char)int.Parse(token.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }

            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape,
            });
        }

        return text.ToString();
    }
}
