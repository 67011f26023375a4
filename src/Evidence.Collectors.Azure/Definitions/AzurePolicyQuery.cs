using Evidence.Core.Queries;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>Per-resource Azure Policy compliance states for a definition, set definition or assignment.</summary>
public sealed record AzurePolicyQuery(AzurePolicyTarget Target, string Id) : EvidenceQuery
{
    public override QueryKind Kind => AzurePolicyKind.Instance;

    /// <summary>A policy definition group within a set definition.</summary>
    public string? Group { get; init; }

    /// <summary>Subscription ids or management-group resource ids; empty means the boundary.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The last segment of the resource id, lower-cased as Azure returns it.</summary>
    public string Name => Id.TrimEnd('/').Split('/')[^1].ToLowerInvariant();

    public override string Key =>
        $"azure-policy/{EnumNames.ToKebab(Target)}/{Name}" + (Group is null ? string.Empty : $"/{Group}");

    public override string Describe() =>
        DisplayName is null ? $"Azure Policy {EnumNames.ToKebab(Target).Replace('-', ' ')} {Name}" : $"Azure Policy '{DisplayName}'";
}
