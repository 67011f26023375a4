namespace Evidence.Core.Workspaces;

/// <summary>How often owners attest their controls.</summary>
public enum AttestationCadence
{
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
}
