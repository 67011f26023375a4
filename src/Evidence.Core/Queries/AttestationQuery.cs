namespace Evidence.Core.Queries;

/// <summary>The control owner's periodic attestation.</summary>
public sealed record AttestationQuery : EvidenceQuery
{
    public override QueryKind Kind => AttestationKind.Instance;

    public override string Key => "attestation";

    public override string Describe() => "owner attestation";
}
