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
                return new EvidenceGridModel { Cloud = cloud.Key, Sources = sources, Rows = rows };
            })
            .ToList();
}
