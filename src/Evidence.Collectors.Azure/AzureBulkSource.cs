namespace Evidence.Collectors.Azure;

/// <summary>Which service answers Azure Policy tasks in bulk (at <c>--detail non-compliant</c>).</summary>
public enum AzureBulkSource
{
    /// <summary>Whichever asks fewer calls: Resource Graph once a tenant's subscriptions outnumber its graph requests, else Policy Insights.</summary>
    Auto,

    /// <summary>Policy Insights: a <c>summarize</c> per subscription or management group, then the non-compliant states, many queries a request.</summary>
    PolicyInsights,

    /// <summary>Resource Graph's <c>policyresources</c> table: state counts and non-compliant states for up to 1,000 subscriptions a request.</summary>
    ResourceGraph,
}
