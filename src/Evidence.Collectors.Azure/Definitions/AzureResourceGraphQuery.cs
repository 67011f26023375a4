using Evidence.Core.Queries;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>An Azure Resource Graph query (Kusto over the <c>resources</c> table) in each subscription or management group in scope.</summary>
public sealed record AzureResourceGraphQuery(string Id, string Title, string Query) : EvidenceQuery, IRowQuery
{
    public override QueryKind Kind => AzureResourceGraphKind.Instance;

    public override string Key => $"azure-resource-graph/{Id}";

    /// <inheritdoc />
    public RowAssertion FailWhen { get; init; } = RowAssertion.AnyRow;

    /// <summary>Subscription ids or management-group names; empty means the boundary.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public override string ShortName => Title;

    public override string Describe() => $"Azure Resource Graph query: {Title}";
}
