using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>Collects one policy definition's latest states in one subscription and maps them to result rows.</summary>
internal static class AzurePolicyItem
{
    public static GeneratedItem Build(string itemId, string definition, EvidenceSource source)
    {
        var subscription = (source.Subscription ?? string.Empty).ToLowerInvariant();
        var kind = AzurePolicyProfiles.Of(definition).Kind;
        var states = (source.Subscription is null ? [] : AzureInventory.Of(kind, subscription))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new AzurePolicyState(r, SampleScenario.Azure(definition, r), SampleClock.PolicyEvaluated(definition, r.Id)))
            .ToList();
        var rows = states
            .Select(s => new ResultRow(s.Resource.Type, s.Resource.Id, Compliance(s.ComplianceState), Subscription: subscription, EvaluatedAt: SampleClock.Seconds(s.Timestamp)))
            .ToList();
        return GeneratedItem.Of(AzurePolicyPages.QueryResults(itemId, subscription, definition, states), rows);
    }

    /// <summary>Azure's compliance states in the store's vocabulary.</summary>
    public static string Compliance(string complianceState) => complianceState switch
    {
        "Compliant" => "COMPLIANT",
        "NonCompliant" => "NON_COMPLIANT",
        "Exempt" => "NOT_APPLICABLE",
        _ => "INSUFFICIENT_DATA",
    };
}
