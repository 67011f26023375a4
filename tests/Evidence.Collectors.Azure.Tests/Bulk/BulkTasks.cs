using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.Bulk;

/// <summary>The tasks a workspace would plan over a <see cref="FakeAzureTenant"/>: every kind of Azure Policy target, in every subscription.</summary>
internal static class BulkTasks
{
    public const string Unassigned = "99999999-0000-4000-8000-000000000999";

    public static IReadOnlyList<CollectionTask> For(FakeAzureTenant tenant, IEnumerable<string>? subscriptions = null)
    {
        var queries = tenant.Definitions.Select(d => Query(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/{d}"))
            .Append(Query(AzurePolicyTarget.SetDefinition, $"/providers/Microsoft.Authorization/policySetDefinitions/{FakeAzureTenant.Initiative}"))
            .Append(Query(AzurePolicyTarget.SetDefinition, $"/providers/Microsoft.Authorization/policySetDefinitions/{FakeAzureTenant.Initiative}", FakeAzureTenant.GroupOf(1)))
            .Append(Query(AzurePolicyTarget.Assignment, $"/providers/Microsoft.Authorization/policyAssignments/{FakeAzureTenant.DirectAssignment}"))
            .Append(Query(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/{Unassigned}"))
            .ToList();
        var tasks = new List<CollectionTask>();
        foreach (var query in queries)
        {
            foreach (var subscription in subscriptions ?? tenant.Subscriptions)
            {
                tasks.Add(new CollectionTask($"azure-{tasks.Count + 1:D4}", query, AzureCloud.Subscription(subscription)));
            }
        }

        return tasks;
    }
}
