using Evidence.Core.Queries;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>An AWS Config advanced query (SQL over the configuration inventory).</summary>
public sealed record AwsConfigAdvancedQuery(string Id, string Title, string Expression) : EvidenceQuery, IRowQuery
{
    public override QueryKind Kind => AwsConfigQueryKind.Instance;

    public override string Key => $"aws-config-query/{Id}";

    /// <inheritdoc />
    public RowAssertion FailWhen { get; init; } = RowAssertion.AnyRow;

    public string? Aggregator { get; init; }

    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public override string ShortName => Title;

    public override string Describe() => $"AWS Config advanced query: {Title}";
}
