namespace Evidence.Core.Scanning;

/// <summary>E-mail addresses outside the workforce's domains (a patient's, a member's).</summary>
internal static class Emails
{
    /// <summary>What follows an @ in file names and package scopes, not in addresses.</summary>
    private static readonly string[] FileEndings = ["png", "jpg", "jpeg", "gif", "svg", "webp", "js", "css", "json", "yaml", "yml"];

    public static void Detect(string text, int at, ScanState state)
    {
        var start = at;
        while (start > 0 && IsLocal(text[start - 1]))
        {
            start--;
        }

        while (start < at && text[start] == '.')
        {
            start++;
        }

        var end = at + 1;
        var lastDot = -1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
        {
            lastDot = text[end] == '.' ? end : lastDot;
            end++;
        }

        while (end > at + 1 && text[end - 1] is '.' or '-')
        {
            end--;
            lastDot = text.LastIndexOf('.', end - 1, end - at - 1);
        }

        // user:password@host in a URL is a password (Tokens.UrlPassword), not an address.
        if (start == at || (start > 0 && text[start - 1] == ':') || lastDot < 0 || lastDot <= at + 1 || end - lastDot - 1 < 2 || !text.AsSpan(lastDot + 1, end - lastDot - 1).ContainsOnlyAsciiLetters())
        {
            return;
        }

        var domain = text[(at + 1)..end].ToLowerInvariant();
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        if (FileEndings.Contains(tld) || state.Settings.WorkforceDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal)))
        {
            return;
        }

        state.Found.Add(new Candidate(SensitiveKinds.Email, start, end - start));
    }

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
}
