namespace Evidence.Rendering.Model;

/// <summary>Groups a control's failing results by rule or policy and kind of failure, for the organisation form of the binder.</summary>
internal static class FailureGroupBuilder
{
    /// <summary>
    /// The most sources a group that is not non-compliant lists one by one; past it, the accounts are counted, those
    /// alike on one line (a rule gone stale in every region of a thousand accounts would otherwise fill hundreds of
    /// pages per control, and a line per account still some pages per rule and control).
    /// </summary>
    public const int MaxListedSources = 20;

    public static List<FailureGroupModel> Build(IEnumerable<EvidenceItemModel> failing) =>
        failing
            .GroupBy(i => (i.Query, i.State))
            .Select(g =>
            {
                var items = g.ToList();
                var shown = items.Where(i => i.FailingRows is { ShownHere: true }).ToList();
                var elsewhere = items.FirstOrDefault(i => i.FailingRows is { ShownHere: false })?.FailingRows;
                return new FailureGroupModel
                {
                    Query = g.Key.Query,
                    QueryText = items[0].QueryText,
                    State = g.Key.State,
                    StateText = items[0].StateText,
                    MethodText = string.Join("; ", items.Where(i => i.Run is not null).Select(i => i.MethodText).Distinct(StringComparer.Ordinal).DefaultIfEmpty("never collected")),
                    Items = items,
                    Accounts = items.Select(i => i.Account).Distinct(StringComparer.Ordinal).Count(),
                    NonCompliantResources = items.Sum(i => i.Counts.NonCompliant),
                    EvaluatedFrom = items.Select(i => i.EvaluatedAt).OfType<string>().Min(StringComparer.Ordinal),
                    EvaluatedTo = items.Select(i => i.EvaluatedAt).OfType<string>().Max(StringComparer.Ordinal),
                    RowSets = shown
                        .GroupBy(i => i.Run!, StringComparer.Ordinal)
                        .Select(r => new FailingRowSetModel(r.Key, string.Join(' ', r.Select(i => i.Item)), r.First().FailingRows!.Columns))
                        .ToList(),
                    ShownIn = shown.Count == 0 ? elsewhere?.ShownIn : null,
                    AccountRows = g.Key.State != "non-compliant" && items.Count > MaxListedSources ? AccountRows(items) : [],
                    Anchor = (shown.FirstOrDefault() ?? items.FirstOrDefault(i => i.FailingRows is not null))?.FailingRows?.Anchor,
                };
            })
            .ToList();

    /// <summary>
    /// One line per kind of account: what happened in each account (counted by source) and when it was last collected,
    /// with the accounts alike in both named on one line; lines with the most accounts first.
    /// </summary>
    private static List<FailureAccountModel> AccountRows(List<EvidenceItemModel> items) =>
        items
            .GroupBy(i => i.Account, StringComparer.Ordinal)
            .Select(a => (
                Account: a.Key,
                Sources: a.Count(),
                CollectedAt: a.Select(i => i.CollectedAt).OfType<string>().Max(StringComparer.Ordinal),
                What: string.Join("; ", a.GroupBy(What, StringComparer.Ordinal).Select(Counted))))
            .GroupBy(a => (a.What, a.CollectedAt))
            .Select(alike => new FailureAccountModel(
                [.. alike.Select(a => a.Account)], alike.Sum(a => a.Sources), alike.Key.CollectedAt, alike.Key.What))
            .OrderByDescending(r => r.Accounts.Count)
            .ThenBy(r => r.Accounts[0], StringComparer.Ordinal)
            .ToList();

    /// <summary>"stale in 17 sources, the earliest since 2026-12-20 05:13 UTC"; "could not be collected (AccessDenied) in 1 source".</summary>
    private static string Counted(IGrouping<string, EvidenceItemModel> what)
    {
        var sources = $"{what.Key} in {what.Count():N0} {(what.Count() == 1 ? "source" : "sources")}";
        var since = what.Select(i => i.StaleSince).OfType<string>().Min(StringComparer.Ordinal);
        return since is null ? sources : what.Count() == 1 ? $"{sources}, since {since}" : $"{sources}, the earliest since {since}";
    }

    private static string What(EvidenceItemModel item) => item.State switch
    {
        "stale" => "stale",
        "no-resources-expected" => "no resources found",
        _ when item.Error is { } error => $"could not be collected ({error.Code})",
        _ when item.Run is null => "never collected",
        _ => "not collected",
    };
}
