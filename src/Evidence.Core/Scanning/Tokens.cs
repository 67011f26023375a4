using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>Tokens and passwords: private keys, JWTs, bearer tokens, GitHub and Slack tokens, password assignments and passwords in URLs.</summary>
internal static partial class Tokens
{
    private static readonly string[] Placeholders = ["null", "none", "true", "false", "required", "redacted", "changeme", "example", "xxxx", "****", "password", "string", "secret"];

    public static void PrivateKey(string text, int at, ScanState state) =>
        KeywordDetectors.Add(PemBlock(), text, at, SensitiveKinds.PrivateKey, state.Found);

    public static void Jwt(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at) && (at == 0 || !char.IsAsciiDigit(text[at - 1])))
        {
            KeywordDetectors.Add(JwtShape(), text, at, SensitiveKinds.Jwt, state.Found, IsJwt);
        }
    }

    public static void Bearer(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(BearerToken(), text, at, SensitiveKinds.BearerToken, state.Found, v => v.AsSpan().ContainsAnyInRange('0', '9'));
        }
    }

    public static void GitHub(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(GitHubToken(), text, at, SensitiveKinds.GitHubToken, state.Found);
        }
    }

    public static void Slack(string text, int at, ScanState state)
    {
        if (KeywordDetectors.StartsWord(text, at))
        {
            KeywordDetectors.Add(SlackToken(), text, at, SensitiveKinds.SlackToken, state.Found);
        }
    }

    public static void Password(string text, int at, ScanState state) =>
        KeywordDetectors.Add(PasswordAssignment(), text, at, SensitiveKinds.Password, state.Found, IsPassword);

    public static void UrlPassword(string text, int at, ScanState state) =>
        KeywordDetectors.Add(UrlUserInfo(), text, at, SensitiveKinds.Password, state.Found, IsPassword);

    /// <summary>A credential in a URL's query (<c>?access_token=…</c>, <c>&amp;api_key=…</c>): the keyword starts a query parameter.</summary>
    public static void UrlToken(string text, int at, ScanState state)
    {
        var start = at;
        while (start > 0 && (char.IsAsciiLetter(text[start - 1]) || text[start - 1] is '_' or '-'))
        {
            start--;
        }

        if (start > 0 && text[start - 1] is '?' or '&' or ';')
        {
            KeywordDetectors.Add(QueryToken(), text, start, SensitiveKinds.UrlToken, state.Found, v => v.AsSpan().ContainsAnyInRange('0', '9') && IsPassword(v));
        }
    }

    /// <summary>A value, not a placeholder, a template variable or a mask.</summary>
    private static bool IsPassword(string value) =>
        value.Length >= 4
        && !Placeholders.Any(p => value.Equals(p, StringComparison.OrdinalIgnoreCase))
        && !value.StartsWith("${", StringComparison.Ordinal) && !value.StartsWith("{{", StringComparison.Ordinal)
        && !value.StartsWith('<') && !value.StartsWith('%') && !value.StartsWith("[REDACTED", StringComparison.OrdinalIgnoreCase)
        && value.AsSpan().ContainsAnyExcept('*');

    /// <summary>A JWT whose header decodes to JSON naming its algorithm or type.</summary>
    private static bool IsJwt(string value)
    {
        var header = value.AsSpan(0, value.IndexOf('.'));
        var bytes = new byte[Base64Url.GetMaxDecodedLength(header.Length)];
        if (Base64Url.DecodeFromChars(header, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var json = Encoding.UTF8.GetString(bytes, 0, written);
        return json.StartsWith('{') && (json.Contains("\"alg\"", StringComparison.Ordinal) || json.Contains("\"typ\"", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\G-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:[\s\S]{0,16000}?-----END \1PRIVATE KEY-----|(?:\\n|\s|[A-Za-z0-9+/=:,-])*)")]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"\GeyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex JwtShape();

    [GeneratedRegex(@"\G(?i:bearer)\s+(?<value>[A-Za-z0-9\-._~+/]{20,}=*)")]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\G(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\Gxox[abposr]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\G(?i:password|passwd|pwd)[""']?\s*[:=]\s*[""']?(?<value>[^\s""';,&<>]+)")]
    private static partial Regex PasswordAssignment();

    [GeneratedRegex(@"\G(?i:[a-z_-]*token|api_?key|access_key|code)=(?<value>[A-Za-z0-9._~+/%-]{16,}={0,2})")]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"\G://[^\s/:@""']+:(?<value>[^\s/@""']+)@[A-Za-z0-9.-]+")]
    private static partial Regex UrlUserInfo();
}
