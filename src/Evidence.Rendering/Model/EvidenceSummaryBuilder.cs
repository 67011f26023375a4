using Evidence.Core.Resolution;

namespace Evidence.Rendering.Model;

/// <summary>
/// Adds up a control's cloud results into its <see cref="EvidenceSummaryModel"/> as they come, from full
/// item models or (at organisation scale, for passing results) from a state, a source and counts alone.
/// </summary>
internal sealed class EvidenceSummaryBuilder
{
    /// <summary>Past this many sources, people read "1,700 sources in 100 accounts" instead of the list.</summary>
    private const int ListedSources = 12;

    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
    private int _items, _compliant, _empty, _nonCompliant, _notCollected, _stale;
    private long _resources, _compliantResources, _nonCompliantResources;
    private string? _oldest;

    public void Add(EvidenceItemModel item) => Add(item.State, item.Source, item.Account, item.Counts, item.EvaluatedAt ?? item.CollectedAt);

    /// <summary>Adds one result without its model: its state, its source and account for people, its counts, and when it describes.</summary>
    /// <param name="state">As <see cref="EvidenceItemModel.State"/>.</param>
    /// <param name="source">The source for people.</param>
    /// <param name="account">The source's account or subscription for people.</param>
    /// <param name="counts">Its resources by state.</param>
    /// <param name="when">When the evidence describes, as <see cref="Texts.Instant(DateTimeOffset)"/> writes it (so text order is time order).</param>
    public void Add(string state, string source, string account, CountsModel counts, string? when)
    {
        _items++;
        _sources.Add(source);
        _accounts.Add(account);
        switch (state)
        {
            case "compliant": _compliant++; break;
            case "no-resources": _empty++; break;
            case "non-compliant": _nonCompliant++; break;
            case "not-collected": _notCollected++; break;
            case "stale": _stale++; break;
        }

        // A summary's compliant resources were reported, not counted: they are in neither sum.
        _resources += counts.Total ?? counts.NonCompliant;
        _compliantResources += counts.Compliant ?? 0;
        _nonCompliantResources += counts.NonCompliant;
        if (when is not null && (_oldest is null || string.CompareOrdinal(when, _oldest) < 0))
        {
            _oldest = when;
        }
    }

    public EvidenceSummaryModel Build(ResolvedControl control, List<DocumentModel> documents)
    {
        var problems = new List<string>();
        if (_stale > 0)
        {
            problems.Add($"{_stale} stale");
        }

        if (_notCollected > 0)
        {
            problems.Add($"{_notCollected} not collected");
        }

        var freshness = problems.Count > 0 ? string.Join(", ", problems)
            : _oldest is not null ? $"current (evidence from {_oldest[..10]})"
            : "no cloud evidence";
        var sources = _sources.Order(StringComparer.Ordinal).ToList();
        return new EvidenceSummaryModel
        {
            Queries = control.Queries.Count(q => q.IsCloud),
            Items = _items,
            Sources = sources,
            SourcesText = sources.Count <= ListedSources ? string.Join("; ", sources)
                : $"{sources.Count:N0} sources (accounts and regions, or subscriptions) in {_accounts.Count:N0} accounts or subscriptions; the binder's evidence index lists them account by account",
            CompliantItems = _compliant,
            EmptyItems = _empty,
            NonCompliantItems = _nonCompliant,
            NotCollected = _notCollected,
            Stale = _stale,
            Resources = _resources,
            CompliantResources = _compliantResources,
            NonCompliantResources = _nonCompliantResources,
            Oldest = _oldest,
            Freshness = freshness,
            DocumentsCurrent = documents.Count(d => d.State == "current"),
            DocumentsStale = documents.Count(d => d.State == "stale"),
            DocumentsMissing = documents.Count(d => d.State == "missing"),
        };
    }
}
