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

    public void Save(AwsConfigResponse response) => Save(response.Body, response.Date, response.StatusCode);

    public void Save(byte[] body, DateTimeOffset? date, int status)
    {
        _answeredAt = date ?? _answeredAt;
        if (body.Length == 0 && status == 0)
        {
            return;
        }

        _raw.Add(writer.WriteRaw(task.ItemId, _raw.Count + 1, body, IsJson(body) ? "json" : "txt"));
    }

    public EvidenceItem Failed(string code, string message) => Item(ItemStatus.Failed) with { Error = new ItemError(code, message) };

    public EvidenceItem Collected(IReadOnlyList<ResultRow> rows, DateTimeOffset? evaluatedAt)
    {
        var (file, count, counts) = writer.WriteResults(task.ItemId, rows);
        return Item(ItemStatus.Collected) with { EvaluatedAt = evaluatedAt, Results = file, Rows = count, Counts = counts };
    }

    private EvidenceItem Item(ItemStatus status) => new()
    {
        Id = task.ItemId, RunId = writer.RunId, QueryKey = task.Query.Key, Source = task.Source, Status = status,
        CollectedAt = CollectedAt, Raw = [.. _raw], Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
    };

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
