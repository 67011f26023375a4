using System.Text.Json;
using Evidence.Collectors.Aws.Client;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Builds one evidence item: saves each response page exactly as received (raw/&lt;item&gt;-&lt;n&gt;.json,
/// or .txt when the body is not JSON), remembers the server's time, and writes the result rows.
/// The item's collection time is the Date of its last response (the cloud's clock), else our clock.
/// </summary>
internal sealed class ItemRecorder(CollectionTask task, EvidenceRunWriter writer, TimeProvider time)
{
    private readonly List<StoredFile> _raw = [];
    private DateTimeOffset? _answeredAt;

    public DateTimeOffset CollectedAt => AwsTimestamp.Whole(_answeredAt ?? time.GetUtcNow());

    public void Save(AwsConfigResponse response)
    {
        _answeredAt = response.Date ?? _answeredAt;
        if (response.Body.Length == 0 && response.StatusCode == 0)
        {
            return;
        }

        // A parsed page is JSON; only an error or a broken body needs a look.
        var json = response.Json is not null || IsJson(response.Body);
        _raw.Add(writer.WriteRaw(task.ItemId, _raw.Count + 1, response.Body, json ? "json" : "txt"));
    }

    public EvidenceItem Failed(string code, string message) => Item(ItemStatus.Failed) with { Error = new ItemError(code, message) };

    public EvidenceItem Collected(IReadOnlyList<ResultRow> rows, DateTimeOffset? evaluatedAt)
    {
        var (file, count, counts) = writer.WriteResults(task.ItemId, rows);
        return Item(ItemStatus.Collected) with { EvaluatedAt = evaluatedAt, Results = file, Rows = count, Counts = counts };
    }

    private EvidenceItem Item(ItemStatus status) => task.ItemIn(writer.RunId, status, CollectedAt) with { Raw = [.. _raw] };

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
