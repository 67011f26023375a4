using Evidence.Core.Clouds;

namespace Evidence.Core.Queries;

/// <summary>Every kind of query: each registered cloud's kinds, then documents and attestations.</summary>
public static class QueryKinds
{
    public static IReadOnlyList<QueryKind> All => [.. CloudRegistry.All.SelectMany(c => c.QueryKinds), ManualKind.Instance, AttestationKind.Instance];

    /// <summary>The names written as <c>kind:</c>, for messages.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(k => k.Name)];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static QueryKind? Find(string? name) =>
        CloudRegistry.All.SelectMany(c => c.QueryKinds).FirstOrDefault(k => k.Name == name) ??
        (name == ManualKind.Instance.Name ? ManualKind.Instance : name == AttestationKind.Instance.Name ? AttestationKind.Instance : null);
}
