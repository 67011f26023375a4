using System.Text;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// Keeps the pages of one scope's bulk answers (its summary, its non-compliant states) exactly as received,
/// once each, under names of their own rather than an item's: every item the page answers lists it.
/// </summary>
internal sealed class SharedPages(EvidenceRunWriter writer, string scope)
{
    private readonly string _prefix = "azure-" + Safe(scope);

    /// <summary>Keeps a response (a page of <paramref name="kind"/>, numbered from 1); null when it had no body to keep.</summary>
    public StoredFile? Keep(string kind, int page, ArmResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Body.Length == 0 ? null : writer.WriteRaw($"{_prefix}-{kind}", page, response.Body, response.Extension);
    }

    /// <summary>A file name part for a scope: its last segment, with anything but lower-case letters, digits, '-' and '.' made '-' (and then a hash of the scope, to keep it apart).</summary>
    private static string Safe(string scope)
    {
        var parts = scope.Trim('/').Split('/');
        var name = parts.Length >= 2 && parts[^2].Equals("managementGroups", StringComparison.OrdinalIgnoreCase) ? "mg-" + parts[^1] : parts[^1];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' ? c : '-');
        }

        // Two groups whose names differ only in characters made '-' must not share files.
        return safe.ToString() == name ? name : safe + "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..8];
    }
}
