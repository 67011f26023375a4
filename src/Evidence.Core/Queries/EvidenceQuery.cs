using Evidence.Core.Diagnostics;

namespace Evidence.Core.Queries;

/// <summary>
/// A request for evidence. Its <see cref="Key"/> names the evidence in the store, so a rule or
/// policy that supports several controls is collected once and judged for each of them.
/// </summary>
public abstract record EvidenceQuery
{
    public abstract QueryKind Kind { get; }

    /// <summary>The stable name of this query's evidence, such as <c>aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED</c>.</summary>
    public abstract string Key { get; }

    /// <summary>Overrides the control's maximum evidence age.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The query applies only when the system is multi-tenant.</summary>
    public bool MultiTenantOnly { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>A human name for the query, such as the policy's display name, when the catalog knows one.</summary>
    public string? DisplayName { get; init; }

    /// <summary>True for queries answered by a cloud API (and so collected into evidence runs).</summary>
    public bool IsCloud => Kind is QueryKind.AwsConfig or QueryKind.AwsConfigQuery or QueryKind.AzurePolicy;

    /// <summary>One line for people: what this query looks at.</summary>
    public abstract string Describe();
}
