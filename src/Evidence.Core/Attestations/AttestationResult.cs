namespace Evidence.Core.Attestations;

/// <summary>What the owner attests about a control for a period.</summary>
public enum AttestationResult
{
    Implemented,
    PartiallyImplemented,
    NotImplemented,
}
