using System.Text.RegularExpressions;

namespace Evidence.Rendering.Model;

/// <summary>
/// Keeps secrets and personal data that cloud evidence may carry out of rendered documents. Every
/// free-text value that comes from a cloud (rule annotations, error messages) passes through here
/// before a template sees it or a table cell is written. docs/templates.md lists what it replaces.
/// </summary>
public static partial class Redactor
{
    public const string AccessKey = "[redacted: AWS access key]";
    public const string Secret = "[redacted: secret]";
    public const string Token = "[redacted: token]";
    public const string Ssn = "[redacted: SSN]";
    public const string Email = "[redacted: email]";

    /// <summary>The text with every match replaced; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Tokens first: a JWT or bearer token may contain text that looks like the patterns below.
        var result = Jwt().Replace(text, Token);
        result = Bearer().Replace(result, m => m.Groups["scheme"].Value + Token);
        result = AwsAccessKey().Replace(result, AccessKey);
        result = SecretValue().Replace(result, m => m.Groups["label"].Value + Secret);
        result = SocialSecurityNumber().Replace(result, Ssn);
        return EmailAddress().Replace(result, Email);
    }

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<scheme>\b[Bb]earer\s+)[A-Za-z0-9\-._~+/]{8,}=*")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKey();

    /// <summary>A 40-character base64 value (the shape of an AWS secret access key) shortly after the word "secret".</summary>
    [GeneratedRegex(@"(?<label>(?i:secret)\w*[""']?\s*[:=]?\s*[""']?)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])")]
    private static partial Regex SocialSecurityNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
