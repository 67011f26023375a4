using System.Security.Cryptography;
using System.Text;
using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// The stable name of a finding: <c>query-key|source|resource-id</c>, such as
/// <c>aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|210987654321/us-east-1|acme-legacy-exports</c> or
/// <c>azure-policy/definition/&lt;guid&gt;|&lt;subscription&gt;|/subscriptions/.../storageaccounts/x</c>.
/// The same failing resource under the same rule from the same source has the same key in every run,
/// whichever controls ask for it. Azure ids are lower-cased, as Azure compares them.
/// </summary>
internal static class FindingKey
{
    /// <summary>The key of the finding for <paramref name="resourceId"/> under a query from a source.</summary>
    public static string Of(string queryKey, EvidenceSource source, string resourceId) =>
        $"{queryKey}|{Source(source)}|{ResourceId(source, resourceId)}";

    /// <summary>A resource id as keys compare it, as its cloud says (Azure's lower-cased: Azure answers in varying case).</summary>
    public static string ResourceId(EvidenceSource source, string resourceId) =>
        Clouds.CloudRegistry.Of(source)?.ResourceKey(resourceId) ?? resourceId;

    /// <summary>The source part of a key: <c>account/region</c>, a subscription id, or <c>mg/name</c>.</summary>
    public static string Source(EvidenceSource source) => source switch
    {
        { Account: { } account, Region: { } region } => $"{account}/{region}",
        { Subscription: { } subscription } => subscription.ToLowerInvariant(),
        { ManagementGroup: { } group } => $"mg/{group}",
        _ => source.Cloud,
    };

    /// <summary>
    /// A short, stable id for people and links: <c>F-</c> and the first 12 hex digits of the key's SHA-256
    /// (48 bits: a collision among a million findings is about a one-in-500 chance).
    /// </summary>
    public static string ShortId(string key) =>
        "F-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    /// <summary>
    /// True when <paramref name="key"/> matches <paramref name="pattern"/>, where <c>*</c> stands for any text.
    /// A linear glob match (no regular expression), so a hostile pattern cannot make it backtrack.
    /// </summary>
    public static bool Matches(string pattern, string key)
    {
        var pieces = pattern.Split('*');
        if (pieces.Length == 1)
        {
            return string.Equals(pattern, key, StringComparison.Ordinal);
        }

        if (!key.StartsWith(pieces[0], StringComparison.Ordinal) || !key.EndsWith(pieces[^1], StringComparison.Ordinal) ||
            key.Length < pieces[0].Length + pieces[^1].Length)
        {
            return false;
        }

        var at = pieces[0].Length;
        var end = key.Length - pieces[^1].Length;
        for (var i = 1; i < pieces.Length - 1; i++)
        {
            var found = key.IndexOf(pieces[i], at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + pieces[i].Length;
        }

        return true;
    }
}
