namespace Evidence.Core.Scanning;

/// <summary>ReadOnlySpan helpers the e-mail detector needs.</summary>
internal static class SpanExtensions
{
    public static bool ContainsOnlyAsciiLetters(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
