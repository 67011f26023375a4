namespace Evidence.Core.Scanning;

/// <summary>
/// The preview of a hit: enough of its shape to find it and tell it from another, nothing of its value.
/// Letters and digits become <c>*</c>; separators stay. Prefixes that only name the kind of token
/// (<c>AKIA</c>, <c>ghp_</c>, <c>eyJ</c>) stay, and an e-mail address keeps its domain (which says why it is not the workforce's).
/// </summary>
internal static class Masking
{
    private const int MaxLength = 24;

    public static string Preview(string kind, ReadOnlySpan<char> value)
    {
        if (kind == SensitiveKinds.PrivateKey)
        {
            return "-----BEGIN … PRIVATE KEY-----";
        }

        var keep = kind switch
        {
            SensitiveKinds.AccessKeyId => 4,
            SensitiveKinds.GitHubToken => value.IndexOf('_') + 1,
            SensitiveKinds.SlackToken => 5,
            SensitiveKinds.Jwt => 3,
            _ => 0,
        };
        if (kind == SensitiveKinds.Email)
        {
            return "***" + value[value.LastIndexOf('@')..].ToString();
        }

        var chars = new char[Math.Min(value.Length, MaxLength)];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = value[i];
            chars[i] = i < keep || !char.IsLetterOrDigit(c) ? c : '*';
        }

        var preview = new string(chars).ReplaceLineEndings(" ");
        return value.Length > MaxLength ? preview + "…" : preview;
    }
}
