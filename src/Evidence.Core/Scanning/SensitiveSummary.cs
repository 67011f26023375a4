namespace Evidence.Core.Scanning;

/// <summary>
/// What a stored evidence file holds that looks like personal data or secrets, as its run manifest records it
/// (<c>"sensitive": {"hits": 2, "kinds": ["email", "ssn"]}</c>): counts and kinds only, never a value. The
/// store keeps the cloud's answer as it came; the flag says that documents built from it need <c>--redact</c>.
/// </summary>
public sealed record SensitiveSummary(int Hits, IReadOnlyList<string> Kinds)
{
    /// <summary>The summary of <paramref name="bytes"/> (UTF-8 text; nothing for binary), or null when it has no hits.</summary>
    public static SensitiveSummary? Of(Scanner scanner, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        if (bytes.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var hits = scanner.Scan(System.Text.Encoding.UTF8.GetString(bytes));
        return hits.Count == 0 ? null : new SensitiveSummary(hits.Count, [.. hits.Select(h => h.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
