namespace Evidence.Core.Scanning;

/// <summary>Character classes the detectors share.</summary>
internal static class Text
{
    /// <summary>A character that continues a word: a letter, a digit or an underscore.</summary>
    public static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));
}
