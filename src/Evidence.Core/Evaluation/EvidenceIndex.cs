using Evidence.Core.Store;

namespace Evidence.Core.Evaluation;

/// <summary>The newest evidence item for each query and source, among items collected by the as-of instant.</summary>
internal sealed class EvidenceIndex
{
    private readonly Dictionary<(string Query, EvidenceSource Source), EvidenceItem> _latest = [];

    public EvidenceIndex(IEnumerable<EvidenceRun> runs, DateTimeOffset asOf)
    {
        foreach (var item in runs.SelectMany(r => r.Items).Where(i => i.CollectedAt <= asOf))
        {
            var key = (item.QueryKey, Normalize(item.Source));
            if (!_latest.TryGetValue(key, out var current) || item.CollectedAt > current.CollectedAt)
            {
                _latest[key] = item;
            }
        }
    }

    public EvidenceItem? Latest(string queryKey, EvidenceSource source) =>
        _latest.GetValueOrDefault((queryKey, Normalize(source)));

    private static EvidenceSource Normalize(EvidenceSource source) =>
        source with { Subscription = source.Subscription?.ToLowerInvariant() };
}
