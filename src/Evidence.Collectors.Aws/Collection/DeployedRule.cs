namespace Evidence.Collectors.Aws.Collection;

/// <summary>A Config rule as deployed in an account and region: its name and, where the API tells, the managed-rule identifier and the account from its ARN.</summary>
internal sealed record DeployedRule(string Name, string? Identifier, string? Account)
{
    /// <summary>The rule's compliance as a summary reported it (COMPLIANT, NON_COMPLIANT, INSUFFICIENT_DATA); null when the listing does not say.</summary>
    public string? Compliance { get; init; }

    /// <summary>Non-compliant resources the summary counted, up to its cap (ComplianceContributorCount.CappedCount).</summary>
    public int NonCompliant { get; init; }

    /// <summary>True when there were more non-compliant resources than <see cref="NonCompliant"/> (CapExceeded).</summary>
    public bool MoreNonCompliant { get; init; }
}
