using Evidence.Collectors.Azure.ResourceManager;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// <c>POST {scope}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize</c>: one call that
/// counts a subscription's or management group's latest states per assignment, per policy definition in
/// it and per group. It has no pages: <c>$top</c> caps the assignments it lists, and an answer with as
/// many assignments as <c>$top</c> may have left some out (see <see cref="PolicySummary.MayBeCut"/>).
/// </summary>
internal sealed record PolicySummaryRequest(string Scope, int Top)
{
    private const string Operation = "/providers/Microsoft.PolicyInsights/policyStates/latest/summarize";

    /// <summary>The Resource Manager throttling bucket this request draws on: the same as the scope's queryResults.</summary>
    public string ThrottlingScope => Scope.ToLowerInvariant();

    public Uri Url(ResourceManagerEndpoint endpoint) => new(Path(endpoint) + "?api-version=" + PolicyStatesRequest.ApiVersion + FormattableString.Invariant($"&$top={Top}"));

    /// <summary>The request as a person reads it, for <c>--dry-run</c>.</summary>
    public string Describe(ResourceManagerEndpoint endpoint) => "POST " + Url(endpoint);

    private string Path(ResourceManagerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.BaseUri.AbsoluteUri.TrimEnd('/') + Scope + Operation;
    }
}
