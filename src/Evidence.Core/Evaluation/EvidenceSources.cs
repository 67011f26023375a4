using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>
/// Where a cloud query's evidence must come from, as its kind says (each AWS account and region, the
/// organization aggregator, each Azure subscription or management group). Collection and judgment both
/// use this, so what is collected is exactly what is judged.
/// </summary>
internal static class EvidenceSources
{
    /// <summary>The sources <paramref name="query"/> must have evidence from; none for documents and attestations.</summary>
    public static IEnumerable<EvidenceSource> For(EvidenceQuery query, Boundary boundary)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(boundary);
        return query.Kind.Sources(query, boundary);
    }
}
