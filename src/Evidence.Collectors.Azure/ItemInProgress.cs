using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure;

/// <summary>What one task has received so far: the raw pages kept, the rows parsed, the last response's date.</summary>
internal sealed class ItemInProgress(CollectionTask task, EvidenceRunWriter writer, TimeProvider time)
{
    private readonly List<StoredFile> _raw = [];
    private readonly List<ResultRow> _rows = [];
    private DateTimeOffset? _lastDate;

    public int Pages => _raw.Count;

    public int RowCount => _rows.Count;

    /// <summary>The evidence source, as requests are tagged with it.</summary>
    public string Source => task.Source.ToString();

    public void Received(ArmResponse response)
    {
        _lastDate = response.Date ?? _lastDate;
        if (response.Body.Length > 0)
        {
            _raw.Add(writer.WriteRaw(task.ItemId, _raw.Count + 1, response.Body, response.Extension));
        }
    }

    public void Add(IEnumerable<ResultRow> rows) =>
        _rows.AddRange(rows.Select(r => r.Subscription is null ? r with { Subscription = task.Source.Subscription } : r));

    /// <summary>Forgets the rows parsed so far (the pages stay kept), to ask for them again another way.</summary>
    public void DiscardRows() => _rows.Clear();

    public EvidenceItem Collected()
    {
        var (file, count, counts) = writer.WriteResults(task.ItemId, _rows);
        var evaluated = _rows.Select(r => r.EvaluatedAt).OfType<DateTimeOffset>().ToList();
        return Item(ItemStatus.Collected) with
        {
            // The evidence is as old as its oldest evaluation, as every collector of the store records it.
            EvaluatedAt = evaluated.Count == 0 ? null : evaluated.Min(),
            Results = file, Rows = count, Counts = counts,
        };
    }

    public EvidenceItem Failed(string code, string message) =>
        Item(ItemStatus.Failed) with { Error = new ItemError(code, message) };

    private EvidenceItem Item(ItemStatus status) => task.ItemIn(writer.RunId, status, _lastDate ?? time.GetUtcNow()) with { Raw = [.. _raw] };
}
