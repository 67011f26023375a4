namespace Evidence.Rendering.Model;

/// <summary>Pivots a control's cloud evidence into one grid per cloud (rows: queries, columns: sources).</summary>
internal static class EvidenceGridBuilder
{
    public static List<EvidenceGridModel> Build(IReadOnlyList<EvidenceItemModel> items) =>
        items
            .GroupBy(i => i.Cloud, StringComparer.Ordinal)
            .Select(cloud =>
            {
                var sources = cloud.Select(i => i.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var rows = cloud
                    .GroupBy(i => (i.QueryText, i.Role))
                    .Select(q => new EvidenceGridRowModel(
                        q.Key.QueryText,
                        q.Key.Role,
                        sources.Select(s => q.FirstOrDefault(i => i.Source == s)).ToList()))
                    .ToList();
                var kind = SharedWords(rows.Select(r => r.QueryText).ToList());
                return new EvidenceGridModel
                {
                    Cloud = cloud.Key,
                    Sources = sources,
                    Kind = kind.Length == 0 ? null : kind.TrimEnd(' ', ':'),
                    Rows = rows.Select(r => r with { Label = r.QueryText[kind.Length..] }).ToList(),
                };
            })
            .ToList();

    /// <summary>The longest run of whole words (each followed by a space) that every text starts with, and that leaves each text something.</summary>
    private static string SharedWords(List<string> texts)
    {
        var shared = string.Empty;
        var first = texts[0];
        for (var end = first.IndexOf(' ', StringComparison.Ordinal); end > 0; end = first.IndexOf(' ', end + 1))
        {
            var candidate = first[..(end + 1)];
            if (!texts.All(t => t.Length > candidate.Length && t.StartsWith(candidate, StringComparison.Ordinal)))
            {
                break;
            }

            shared = candidate;
        }

        return shared;
    }
}
