using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// The stable name of a finding: <c>query-key|source|resource-id</c>, such as
/// <c>aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|210987654321/us-east-1|acme-legacy-exports</c> or
/// <c>azure-policy/definition/&lt;guid&gt;|&lt;subscription&gt;|/subscriptions/.../storageaccounts/x</c>.
/// The same failing resource under the same rule from the same source has the same key in every run,
/// whichever controls ask for it. Azure ids are lower-cased, as Azure compares them.
/// </summary>
public static class FindingKey
{
    public static string Of(string queryKey, EvidenceSource source, string resourceId) =>
        $"{queryKey}|{Source(source)}|{(source.Cloud == "azure" ? resourceId.ToLowerInvariant() : resourceId)}";

    /// <summary>The source part of a key: <c>account/region</c>, a subscription id, or <c>mg/name</c>.</summary>
    public static string Source(EvidenceSource source) => source switch
    {
        { Account: { } account, Region: { } region } => $"{account}/{region}",
        { Subscription: { } subscription } => subscription.ToLowerInvariant(),
        { ManagementGroup: { } group } => $"mg/{group}",
        _ => source.Cloud,
    };

    /// <summary>A short, stable id for people and links: <c>F-</c> and the first 8 hex digits of the key's SHA-256.</summary>
    public static string ShortId(string key) =>
        "F-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];

    /// <summary>True when <paramref name="key"/> matches <paramref name="pattern"/>, where <c>*</c> stands for any text.</summary>
    public static bool Matches(string pattern, string key) =>
        pattern.Contains('*', StringComparison.Ordinal)
            ? Regex.IsMatch(key, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : string.Equals(pattern, key, StringComparison.Ordinal);
}
