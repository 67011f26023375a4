namespace Evidence.Rendering.Model;

/// <summary>Groups a control's failing results by rule or policy and kind of failure, for the organisation form of the binder.</summary>
internal static class FailureGroupBuilder
{
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
                    Anchor = (shown.FirstOrDefault() ?? items.FirstOrDefault(i => i.FailingRows is not null))?.FailingRows?.Anchor,
                };
            })
            .ToList();
}
