using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// Replays the answers to one query from one source, oldest first, and keeps for each failing resource
/// when it was first and last seen, when a later answer no longer had it (resolved) and when it came back
/// (reopened). Only answers that were collected count: a failed collection says nothing about a resource.
/// </summary>
internal sealed class FindingHistory(Func<string, string> normalize)
{
    private readonly Dictionary<string, Sighting> _resources = new(StringComparer.Ordinal);

    /// <summary>Goes on from a history folded earlier (<see cref="HistoryCheckpoint"/>), keyed by normalized resource id.</summary>
    public FindingHistory(Func<string, string> normalize, IReadOnlyDictionary<string, Sighting> folded)
        : this(normalize)
    {
        foreach (var (id, sighting) in folded)
        {
            _resources[id] = sighting.Copy();
        }
    }

    public IEnumerable<Sighting> Sightings => _resources.Values;

    /// <summary>Each sighting with the normalized resource id it is known by.</summary>
    public IReadOnlyDictionary<string, Sighting> ByResource => _resources;

    /// <summary>Adds one collected answer: the failing rows it held.</summary>
    public void Add(EvidenceItem item, IEnumerable<ResultRow> failing)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in failing)
        {
            var id = normalize(row.ResourceId);
            if (!seen.Add(id))
            {
                continue;
            }

            if (_resources.TryGetValue(id, out var sighting))
            {
                if (sighting.ResolvedAt is { } resolved)
                {
                    sighting.Earlier.Add(new FailingSpan(sighting.ReopenedAt ?? sighting.FirstSeen, resolved));
                    sighting.ReopenedAt = item.CollectedAt;
                    sighting.ResolvedAt = null;
                }

                sighting.LastSeen = item.CollectedAt;
                sighting.LastItem = ItemReference.Of(item);
                sighting.Row = row;
            }
            else
            {
                _resources[id] = new Sighting(row, ItemReference.Of(item), item.CollectedAt);
            }
        }

        foreach (var sighting in _resources.Values.Where(s => s.ResolvedAt is null && !seen.Contains(normalize(s.Row.ResourceId))))
        {
            sighting.ResolvedAt = item.CollectedAt;
        }
    }

    /// <summary>What is known of one failing resource so far.</summary>
    internal sealed class Sighting(ResultRow row, ItemReference item, DateTimeOffset firstSeen)
    {
        public ResultRow Row { get; set; } = row;

        public ItemReference LastItem { get; set; } = item;

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public DateTimeOffset LastSeen { get; set; } = firstSeen;

        public DateTimeOffset? ResolvedAt { get; set; }

        public DateTimeOffset? ReopenedAt { get; set; }

        /// <summary>The spans that ended before the latest reopening, oldest first; empty for a finding that never came back.</summary>
        public List<FailingSpan> Earlier { get; init; } = [];

        /// <summary>Every span it was failing over, oldest first: the earlier ones, then the latest (open while unresolved).</summary>
        public IReadOnlyList<FailingSpan> Spans => [.. Earlier, new FailingSpan(ReopenedAt ?? FirstSeen, ResolvedAt)];

        public Sighting Copy() => new(Row, LastItem, FirstSeen) { LastSeen = LastSeen, ResolvedAt = ResolvedAt, ReopenedAt = ReopenedAt, Earlier = [.. Earlier] };
    }
}
