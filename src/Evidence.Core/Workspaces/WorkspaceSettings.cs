namespace Evidence.Core.Workspaces;

/// <summary>Workspace-wide settings.</summary>
public sealed record WorkspaceSettings(AttestationSettings? Attestations, TimeSpan? MaxAge);

/// <summary>When attestations are due. Absent settings mean attestations are not required.</summary>
public sealed record AttestationSettings(AttestationCadence Cadence, TimeSpan Grace);
