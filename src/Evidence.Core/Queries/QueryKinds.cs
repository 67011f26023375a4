using Evidence.Core.Clouds;

namespace Evidence.Core.Queries;

/// <summary>Every kind of query: documents, attestations, and each registered cloud's kinds.</summary>
public static class QueryKinds
{
    public static IReadOnlyList<QueryKind> All { get; } =
        [.. CloudRegistry.All.SelectMany(c => c.QueryKinds), ManualKind.Instance, AttestationKind.Instance];

    /// <summary>The names written as <c>kind:</c>, for messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static QueryKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
