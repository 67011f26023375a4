using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>Workspace-wide settings.</summary>
public sealed record WorkspaceSettings(AttestationSettings? Attestations, TimeSpan? MaxAge)
{
    /// <summary>A folder of template overrides (<c>settings.templates</c>), relative to the workspace; null for the built-in templates only.</summary>
    public string? Templates { get; init; }

    public SourceLocation TemplatesLocation { get; init; }

    /// <summary>A TrueType font file for rendered documents (<c>settings.font</c>), relative to the workspace.</summary>
    public string? Font { get; init; }

    public SourceLocation FontLocation { get; init; }

    /// <summary>How long findings of each severity may stay open (<c>settings.remediation</c>); null for the defaults.</summary>
    public Findings.RemediationDeadlines? Remediation { get; init; }

    /// <summary>People who may attest for another person or a role (<c>settings.delegates</c>).</summary>
    public IReadOnlyList<Delegation> Delegates { get; init; } = [];
}

/// <summary>When attestations are due. Absent settings mean attestations are not required.</summary>
public sealed record AttestationSettings(AttestationCadence Cadence, TimeSpan Grace)
{
    /// <summary>What applies to a control that asks for attestation (kind: attestation) when the workspace sets no cadence.</summary>
    public static AttestationSettings Default { get; } = new(AttestationCadence.Quarterly, TimeSpan.FromDays(14));
}
