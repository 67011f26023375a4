using System.Globalization;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// One resource's latest state under one policy, as the fake Policy Insights serves it. Ids are
/// lower-cased and the resource type has no leading slash, as the real service returns them.
/// </summary>
public sealed record FakePolicyState(string SubscriptionId, string ResourceId, string ResourceType, string ComplianceState, DateTimeOffset Timestamp)
{
    public string PolicyDefinitionName { get; init; } = string.Empty;

    public string PolicySetDefinitionName { get; init; } = string.Empty;

    public string PolicyAssignmentName { get; init; } = string.Empty;

    /// <summary>Where the assignment is made: a management group's or subscription's resource id; the resource's subscription unless set.</summary>
    public string? PolicyAssignmentScope { get; init; }

    /// <summary>The assignment's resource id.</summary>
    public string PolicyAssignmentId =>
        $"{PolicyAssignmentScope ?? $"/subscriptions/{SubscriptionId}"}/providers/microsoft.authorization/policyassignments/{PolicyAssignmentName}";

    public IReadOnlyList<string> PolicyDefinitionGroupNames { get; init; } = [];

    /// <summary>The definition's reference id within its set definition; empty for a definition assigned alone.</summary>
    public string PolicyDefinitionReferenceId { get; init; } = string.Empty;

    public string PolicyDefinitionAction { get; init; } = "audit";

    public string ComplianceReasonCode { get; init; } = string.Empty;

    public string ResourceGroup { get; init; } = "rg-fake";

    public string ResourceLocation { get; init; } = "eastus2";

    /// <summary>
    /// <paramref name="count"/> storage accounts in <paramref name="subscription"/> evaluated by
    /// <paramref name="definition"/>: every seventh non-compliant, every eleventh exempt, the rest
    /// compliant; each evaluated a second after the one before, starting at <paramref name="firstEvaluated"/>.
    /// </summary>
    public static IReadOnlyList<FakePolicyState> StorageAccounts(string subscription, string definition, int count, DateTimeOffset firstEvaluated)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var s = subscription.ToLowerInvariant();
        return Enumerable.Range(1, count).Select(i =>
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"stfake{i:D6}");
            var compliance = i % 7 == 0 ? "NonCompliant" : i % 11 == 0 ? "Exempt" : "Compliant";
            return new FakePolicyState(
                s, $"/subscriptions/{s}/resourcegroups/rg-fake/providers/microsoft.storage/storageaccounts/{name}",
                "Microsoft.Storage/storageAccounts", compliance, firstEvaluated.AddSeconds(i - 1))
            {
                PolicyDefinitionName = definition.ToLowerInvariant(),
                PolicyAssignmentName = "fake-assignment",
            };
        }).ToList();
    }
}
