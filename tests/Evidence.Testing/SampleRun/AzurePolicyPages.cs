using System.Globalization;
using System.Text.Json;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Policy Insights <c>policyStates/latest/queryResults</c> responses for one definition in one subscription,
/// through the HITRUST/HIPAA initiative's subscription assignment: pages of at most 1000 states chained by
/// <c>@odata.nextLink</c>, every record with the service's full set of columns.
/// </summary>
internal static class AzurePolicyPages
{
    public const int PageSize = 1000;
    public const string Initiative = "a169a624-5599-4385-a696-c8d643089fab";
    private const string Management = "https://management.azure.com";

    /// <summary>The assignment's generated name, as the portal would have made it.</summary>
    public static string AssignmentName(string subscription) => StableHash.Hex(24, "assignment", subscription);

    public static IReadOnlyList<byte[]> QueryResults(string itemId, string subscription, string definition, IReadOnlyList<AzurePolicyState> states)
    {
        var profile = AzurePolicyProfiles.Of(definition);
        var context = $"{Management}/subscriptions/{subscription}/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest";
        var pages = SampleJson.Pages(states, PageSize);
        return pages.Select((page, index) => SampleJson.Write(w =>
        {
            w.WriteStartObject();
            if (index + 1 < pages.Count)
            {
                var token = Uri.EscapeDataString(StableHash.Token(180, "skip", itemId, index.ToString(CultureInfo.InvariantCulture)));
                w.WriteString("@odata.nextLink",
                    $"{Management}/subscriptions/{subscription}/providers/Microsoft.Authorization/policyDefinitions/{definition}" +
                    $"/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&%24skipToken={token}");
            }

            w.WriteString("@odata.context", context);
            w.WriteNumber("@odata.count", page.Count);
            w.WriteStartArray("value");
            foreach (var state in page)
            {
                WriteState(w, context, subscription, definition, profile, state);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        })).ToList();
    }

    private static void WriteState(Utf8JsonWriter w, string context, string subscription, string definition, AzurePolicyProfile profile, AzurePolicyState state)
    {
        var assignment = AssignmentName(subscription);
        w.WriteStartObject();
        w.WriteNull("@odata.id");
        w.WriteString("@odata.context", context + "/$entity");
        w.WriteString("timestamp", state.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("resourceId", state.Resource.Id);
        w.WriteString("policyAssignmentId", $"/subscriptions/{subscription}/providers/microsoft.authorization/policyassignments/{assignment}");
        w.WriteString("policyDefinitionId", $"/providers/microsoft.authorization/policydefinitions/{definition}");
        w.WriteString("effectiveParameters", string.Empty);
        w.WriteBoolean("isCompliant", state.ComplianceState is "Compliant" or "Exempt");
        w.WriteString("subscriptionId", subscription);
        w.WriteString("resourceType", state.Resource.Type);
        w.WriteString("resourceLocation", state.Resource.Location);
        w.WriteString("resourceGroup", state.Resource.ResourceGroup);
        w.WriteString("resourceTags", "tbd");
        w.WriteString("policyAssignmentName", assignment);
        w.WriteString("policyAssignmentOwner", "tbd");
        w.WriteString("policyAssignmentParameters", string.Empty);
        w.WriteString("policyAssignmentScope", $"/subscriptions/{subscription}");
        w.WriteString("policyDefinitionName", definition);
        w.WriteString("policyDefinitionAction", profile.Action);
        w.WriteString("policyDefinitionCategory", "tbd");
        w.WriteString("policySetDefinitionId", $"/providers/microsoft.authorization/policysetdefinitions/{Initiative}");
        w.WriteString("policySetDefinitionName", Initiative);
        w.WriteString("policySetDefinitionOwner", string.Empty);
        w.WriteString("policySetDefinitionCategory", string.Empty);
        w.WriteString("policySetDefinitionParameters", string.Empty);
        w.WriteString("managementGroupIds", $"acme-root,{StableHash.Uuid("tenant", "acme-health")}");
        w.WriteString("policyDefinitionReferenceId", profile.ReferenceId);
        w.WriteString("complianceState", state.ComplianceState);
        w.WriteStartArray("policyDefinitionGroupNames");
        w.WriteStringValue(profile.Group);
        w.WriteEndArray();
        w.WriteString("policyDefinitionVersion", profile.Version);
        w.WriteString("policySetDefinitionVersion", string.Empty);
        w.WriteString("policyAssignmentVersion", string.Empty);
        w.WriteString("complianceReasonCode", string.Empty);
        w.WriteEndObject();
    }
}
