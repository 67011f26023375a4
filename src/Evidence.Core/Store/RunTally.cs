namespace Evidence.Core.Store;

/// <summary>
/// What a run writer has recorded, in memory of its own size whatever the run's: how many items, collected
/// and failed, the latest collection time, and the first failed items by id (<see cref="ListedFailures"/>).
/// </summary>
public sealed class RunTally
{
    /// <summary>How many failed items are kept for the end of collection to list.</summary>
    public const int ListedFailures = 20;

    private readonly List<EvidenceItem> _failures = [];

    public int Items { get; private set; }

    public int Collected { get; private set; }

    public int Failed { get; private set; }

    /// <summary>The latest <see cref="EvidenceItem.CollectedAt"/>; null before the first item.</summary>
    public DateTimeOffset? LatestCollectedAt { get; private set; }

    /// <summary>The failed items with the smallest ids, at most <see cref="ListedFailures"/>, sorted by id.</summary>
    public IReadOnlyList<EvidenceItem> FirstFailures => _failures;

    internal void Add(EvidenceItem item)
    {
        Items++;
        if (LatestCollectedAt is null || item.CollectedAt > LatestCollectedAt)
        {
            LatestCollectedAt = item.CollectedAt;
        }

        if (item.Status == ItemStatus.Collected)
        {
            Collected++;
            return;
        }

        Failed++;
        var at = _failures.FindIndex(f => string.CompareOrdinal(f.Id, item.Id) > 0);
        if (at < 0)
        {
            at = _failures.Count;
        }

        if (at < ListedFailures)
        {
            _failures.Insert(at, item);
            if (_failures.Count > ListedFailures)
            {
                _failures.RemoveAt(ListedFailures);
            }
        }
    }
}
