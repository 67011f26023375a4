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

    /// <summary>The query as people name it in tables: the display name when known, else what the kind says (a rule's identifier, a query's title).</summary>
    public virtual string ShortName => DisplayName ?? Key;

    /// <summary>
    /// What the evidence can prove for the control that asks for it. Null where the file does not say:
    /// the control's default then applies (documents and attestations are primary; cloud evidence
    /// takes the specification's <c>cloud_evidence</c> role).
    /// </summary>
    public EvidenceRole? Role { get; init; }


    /// <summary>Why the evidence only supports the control, when the catalog or overlay says.</summary>
    public string? RoleNote { get; init; }

    /// <summary>
    /// The query must find resources (<c>expect_resources: true</c>): an empty answer fails, as for
    /// CloudTrail trails, Config recorders or KMS keys, which every account in scope must have.
    /// </summary>
    public bool ExpectResources { get; init; }

    /// <summary>The severity of a finding this query raises (a failing resource or row); null for the default (medium).</summary>
    public Findings.Severity? Severity { get; init; }

    /// <summary>True for queries answered by a cloud API (and so collected into evidence runs).</summary>
    public bool IsCloud => Kind.Cloud is not null;

    /// <summary>One line for people: what this query looks at.</summary>
    public abstract string Describe();
}
