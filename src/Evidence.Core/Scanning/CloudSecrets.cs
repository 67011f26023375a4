using System.Text.RegularExpressions;

namespace Evidence.Core.Scanning;

/// <summary>Cloud credentials: access key ids and their secret keys, session tokens, storage account keys and SAS signatures.</summary>
internal static partial class CloudSecrets
{
    /// <summary>How far after an access key id its secret key is looked for, unlabelled.</summary>
    private const int PairDistance = 300;

    public static void AccessKey(string text, int at, ScanState state)
    {
        if (!KeywordDetectors.StartsWord(text, at) || (at > 0 && char.IsAsciiDigit(text[at - 1])) || !KeywordDetectors.Add(AccessKeyId(), text, at, SensitiveKinds.AccessKeyId, state.Found))
        {
            return;
        }

        // An unlabelled secret key shortly after its key id (a CSV of credentials, a pasted pair) is the other half of the pair.
        var window = text.AsSpan(at + 20, Math.Min(PairDistance, text.Length - at - 20));
        foreach (var match in Base64Forty().EnumerateMatches(window))
        {
            var value = window.Slice(match.Index, match.Length);
            if (LooksRandom(value))
            {
                state.Found.Add(new Candidate(SensitiveKinds.SecretKey, at + 20 + match.Index, match.Length));
                return;
            }
        }
    }

    public static void SecretKey(string text, int at, ScanState state) =>
        KeywordDetectors.Add(LabelledSecretKey(), text, at, SensitiveKinds.SecretKey, state.Found, v => LooksRandom(v));

    public static void SessionToken(string text, int at, ScanState state) =>
        KeywordDetectors.Add(LabelledSessionToken(), text, at, SensitiveKinds.SessionToken, state.Found);

    public static void StorageKey(string text, int at, ScanState state) =>
        KeywordDetectors.Add(AccountKey(), text, at, SensitiveKinds.StorageKey, state.Found);

    public static void Sas(string text, int at, ScanState state)
    {
        // A signature is a SAS one when the token's other fields are next to it: sv= (version) or se= (expiry).
        var around = text.AsSpan(Math.Max(0, at - 300), Math.Min(at, 300));
        if (around.Contains("sv=", StringComparison.Ordinal) || around.Contains("se=", StringComparison.Ordinal) || text.AsSpan(at, Math.Min(300, text.Length - at)).Contains("&sv=", StringComparison.Ordinal))
        {
            KeywordDetectors.Add(Signature(), text, at, SensitiveKinds.SasToken, state.Found);
        }
    }

    /// <summary>Upper case, lower case and digits together: a generated key, not a hex hash or a word.</summary>
    private static bool LooksRandom(ReadOnlySpan<char> value) =>
        value.ContainsAnyInRange('A', 'Z') && value.ContainsAnyInRange('a', 'z') && value.ContainsAnyInRange('0', '9');

    [GeneratedRegex(@"\G(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex Base64Forty();

    [GeneratedRegex(@"\G(?i:secret)\w{0,20}[""']?\s*[:=]\s*[""']?(?<value>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")]
    private static partial Regex LabelledSecretKey();

    [GeneratedRegex(@"\G(?i:session_?token|security_token)[""']?\s*[:=]\s*[""']?(?<value>[A-Za-z0-9/+]{100,}=*)")]
    private static partial Regex LabelledSessionToken();

    [GeneratedRegex(@"\G(?:AccountKey|SharedAccessKey)=(?<value>[A-Za-z0-9+/]{40,}={0,2})")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"\Gsig=(?<value>(?:[A-Za-z0-9+/]|%2[BbFf]|%3[Dd]){30,}(?:=|%3[Dd]){0,2})")]
    private static partial Regex Signature();
}
