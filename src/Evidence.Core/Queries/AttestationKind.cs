using Evidence.Core.Yaml;

namespace Evidence.Core.Queries;

/// <summary><c>kind: attestation</c>: the control owner's periodic attestation.</summary>
internal sealed class AttestationKind : QueryKind
{
    public static AttestationKind Instance { get; } = new();

    public override string Name => "attestation";

    internal override IReadOnlyList<string> Keys { get; } = [];

    internal override EvidenceQuery? Read(YamlMap map) => new AttestationQuery { Location = map.Location };
}
