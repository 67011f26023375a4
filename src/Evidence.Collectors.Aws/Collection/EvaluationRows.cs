using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Turns EvaluationResults (and AggregateEvaluationResults, which add AccountId and AwsRegion) into
/// result rows dated by ResultRecordedTime, and tracks when the rule last ran: the newest
/// ConfigRuleInvokedTime (else ResultRecordedTime). That instant is the item's evaluation time, so a
/// rule whose recorder stopped shows up as old evidence.
/// </summary>
internal sealed class EvaluationRows(string? account, string? region) : IResultRows
{
    public List<ResultRow> Rows { get; } = [];

    public DateTimeOffset? LastInvoked { get; private set; }

    /// <summary>Adds one result; false when it lacks the resource or compliance a row needs.</summary>
    public bool Add(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("EvaluationResultIdentifier", out var identifier) || identifier.ValueKind != JsonValueKind.Object
            || !identifier.TryGetProperty("EvaluationResultQualifier", out var qualifier) || qualifier.ValueKind != JsonValueKind.Object
            || Text(qualifier, "ResourceType") is not { } type || Text(qualifier, "ResourceId") is not { } id
            || Text(result, "ComplianceType") is not { } compliance)
        {
            return false;
        }

        var recorded = AwsTimestamp.Read(result, "ResultRecordedTime");
        var invoked = AwsTimestamp.Read(result, "ConfigRuleInvokedTime") ?? recorded;
        if (invoked is { } i && (LastInvoked is null || i > LastInvoked))
        {
            LastInvoked = i;
        }

        Rows.Add(new ResultRow(type, id, compliance, Text(result, "AccountId") ?? account, Text(result, "AwsRegion") ?? region,
            Annotation: Text(result, "Annotation"), EvaluatedAt: recorded));
        return true;
    }

    private static string? Text(JsonElement element, string name) =>
        Core.Collection.JsonStrings.Property(element, name);
}
