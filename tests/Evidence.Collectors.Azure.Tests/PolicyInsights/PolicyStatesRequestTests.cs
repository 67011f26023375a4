using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.PolicyInsights;

public sealed class PolicyStatesRequestTests
{
    [Fact]
    public void ADefinitionIsQueriedAtSubscriptionScopeByItsName()
    {
        var request = PolicyStatesRequest.For(DefinitionTask("azure-0001"));

        Assert.Equal(
            $"https://management.azure.com/subscriptions/{Subscription}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults" +
            $"?api-version=2019-10-01&$top=1000&$filter=PolicyDefinitionName%20eq%20%27{Definition}%27",
            request.FirstPage(ResourceManagerEndpoint.AzureCloud, 1000).AbsoluteUri);
    }

    [Theory]
    [InlineData("acme-root")]
    [InlineData("/providers/Microsoft.Management/managementGroups/acme-root")]
    public void AManagementGroupIsQueriedAtItsScopeWhetherNamedOrGivenAsAnId(string group)
    {
        var task = DefinitionTask("azure-0001") with { Source = AzureCloud.ManagementGroup(group) };

        var request = PolicyStatesRequest.For(task);

        Assert.Equal("/providers/Microsoft.Management/managementGroups/acme-root", request.Scope);
    }

    [Fact]
    public void ASetDefinitionWithAGroupFiltersOnBoth()
    {
        var task = new CollectionTask("azure-0001",
            Query(AzurePolicyTarget.SetDefinition, "/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab", "hipaa-1202.09aa1System.1-09.aa"),
            AzureCloud.Subscription(Subscription));

        Assert.Equal(
            "PolicySetDefinitionName eq 'a169a624-5599-4385-a696-c8d643089fab' and 'hipaa-1202.09aa1System.1-09.aa' IN PolicyDefinitionGroupNames",
            PolicyStatesRequest.For(task).Filter);
    }

    [Fact]
    public void AnAssignmentKeepsTheCaseItWasWrittenInAndQuotesAreDoubled()
    {
        var task = new CollectionTask("azure-0001",
            Query(AzurePolicyTarget.Assignment, $"/subscriptions/{Subscription}/providers/Microsoft.Authorization/policyAssignments/HIPAA Dana's"),
            AzureCloud.Subscription(Subscription));

        Assert.Equal("PolicyAssignmentName eq 'HIPAA Dana''s'", PolicyStatesRequest.For(task).Filter);
    }

    [Fact]
    public void ASmallerPageSizeReplacesTheOneAskedForAndKeepsTheSkipToken()
    {
        var next = new Uri("https://management.azure.com/subscriptions/x/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&%24skipToken=tZE_bw%2BA&%24top=1000");

        var smaller = PolicyStatesRequest.WithTop(next, 250);

        Assert.Equal("?api-version=2019-10-01&%24skipToken=tZE_bw%2BA&$top=250", smaller.Query);
    }
}
