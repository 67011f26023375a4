namespace Evidence.Core.Workspaces;

/// <summary>Workspace-wide settings.</summary>
public sealed record WorkspaceSettings(AttestationSettings? Attestations, TimeSpan? MaxAge);

/// <summary>When attestations are due. Absent settings mean attestations are not required.</summary>
public sealed record AttestationSettings(AttestationCadence Cadence, TimeSpan Grace)
{
    /// <summary>What applies to a control that asks for attestation (kind: attestation) when the workspace sets no cadence.</summary>
    public static AttestationSettings Default { get; } = new(AttestationCadence.Quarterly, TimeSpan.FromDays(14));
}
