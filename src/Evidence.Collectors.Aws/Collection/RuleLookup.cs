using Evidence.Collectors.Aws.Client;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// The rules deployed in one account and region (or seen through an aggregator for one), with the
/// response pages that said so, or the error that stopped the lookup.
/// </summary>
internal sealed record RuleLookup(IReadOnlyList<DeployedRule> Rules, IReadOnlyList<AwsConfigResponse> Pages, AwsConfigError? Error)
{
    /// <summary>A failure worth asking again about (throttled past the budget, a server error), so not to be cached.</summary>
    public bool IsTransient => Error?.Kind is AwsErrorKind.Throttling or AwsErrorKind.Transient;
}
