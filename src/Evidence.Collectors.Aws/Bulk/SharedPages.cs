using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Saves the pages of a bulk call once, as <c>raw/&lt;prefix&gt;-&lt;n&gt;.json</c>, for every item they answer
/// to list. Safe to call from several threads.
/// </summary>
internal sealed class SharedPages(EvidenceRunWriter writer, string prefix)
{
    private int _count;

    public StoredFile Save(AwsConfigResponse response) =>
        writer.WriteRaw(prefix, Interlocked.Increment(ref _count), response.Body, response.Json is null ? "txt" : "json");

    public int Count => _count;

    /// <summary>When the cloud answered, to the second, or <paramref name="fallback"/> when it did not say.</summary>
    public static DateTimeOffset AnsweredAt(AwsConfigResponse response, DateTimeOffset fallback) => AwsTimestamp.Whole(response.Date ?? fallback);
}
