using System.Globalization;
using System.Text.Json;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>Writes a <c>queryResults</c> page in the service's shape: nextLink, context and count, then every state with its full set of columns.</summary>
internal static class FakePolicyStatesPage
{
    public static byte[] Write(Uri endpoint, string scope, IReadOnlyList<FakePolicyState> states, Uri? nextLink)
    {
        var context = $"{endpoint.GetLeftPart(UriPartial.Authority)}{scope}/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest";
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            if (nextLink is not null)
            {
                w.WriteString("@odata.nextLink", nextLink.AbsoluteUri);
            }

            w.WriteString("@odata.context", context);
            w.WriteNumber("@odata.count", states.Count);
            w.WriteStartArray("value");
            foreach (var state in states)
            {
                WriteState(w, context, state);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The answer to <c>$apply=aggregate($count as NumberOfRecords)</c>: one record with the count.</summary>
    public static byte[] WriteCount(Uri endpoint, string scope, int count)
    {
        var context = $"{endpoint.GetLeftPart(UriPartial.Authority)}{scope}/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest";
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            w.WriteNumber("@odata.count", 1);
            w.WriteStartArray("value");
            w.WriteStartObject();
            w.WriteNull("@odata.id");
            w.WriteString("@odata.context", context + "/$entity");
            w.WriteNumber("NumberOfRecords", count);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>One state's columns; with no <paramref name="context"/> (Resource Graph's <c>properties</c>), without the OData annotations.</summary>
    internal static void WriteState(Utf8JsonWriter w, string? context, FakePolicyState s)
    {
        var assignmentScope = s.PolicyAssignmentScope ?? $"/subscriptions/{s.SubscriptionId}";
        w.WriteStartObject();
        if (context is not null)
        {
            w.WriteNull("@odata.id");
            w.WriteString("@odata.context", context + "/$entity");
        }

        w.WriteString("timestamp", s.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("resourceId", s.ResourceId);
        w.WriteString("policyAssignmentId", s.PolicyAssignmentId);
        w.WriteString("policyDefinitionId", $"/providers/microsoft.authorization/policydefinitions/{s.PolicyDefinitionName}");
        w.WriteString("effectiveParameters", string.Empty);
        w.WriteBoolean("isCompliant", s.ComplianceState is "Compliant" or "Exempt");
        w.WriteString("subscriptionId", s.SubscriptionId);
        w.WriteString("resourceType", s.ResourceType);
        w.WriteString("resourceLocation", s.ResourceLocation);
        w.WriteString("resourceGroup", s.ResourceGroup);
        w.WriteString("resourceTags", "tbd");
        w.WriteString("policyAssignmentName", s.PolicyAssignmentName);
        w.WriteString("policyAssignmentOwner", "tbd");
        w.WriteString("policyAssignmentParameters", string.Empty);
        w.WriteString("policyAssignmentScope", assignmentScope);
        w.WriteString("policyDefinitionName", s.PolicyDefinitionName);
        w.WriteString("policyDefinitionAction", s.PolicyDefinitionAction);
        w.WriteString("policyDefinitionCategory", "tbd");
        w.WriteString("policySetDefinitionId", s.PolicySetDefinitionName.Length == 0 ? string.Empty : $"/providers/microsoft.authorization/policysetdefinitions/{s.PolicySetDefinitionName}");
        w.WriteString("policySetDefinitionName", s.PolicySetDefinitionName);
        w.WriteString("policySetDefinitionOwner", string.Empty);
        w.WriteString("policySetDefinitionCategory", string.Empty);
        w.WriteString("policySetDefinitionParameters", string.Empty);
        w.WriteString("managementGroupIds", "fake-root");
        w.WriteString("policyDefinitionReferenceId", s.PolicyDefinitionReferenceId);
        w.WriteString("complianceState", s.ComplianceState);
        w.WriteStartArray("policyDefinitionGroupNames");
        foreach (var group in s.PolicyDefinitionGroupNames.DefaultIfEmpty(string.Empty))
        {
            w.WriteStringValue(group);
        }

        w.WriteEndArray();
        w.WriteString("policyDefinitionVersion", "1.0.0");
        w.WriteString("policySetDefinitionVersion", string.Empty);
        w.WriteString("policyAssignmentVersion", string.Empty);
        w.WriteString("complianceReasonCode", s.ComplianceReasonCode);
        w.WriteEndObject();
    }
}
