using System.Text;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.PolicyInsights;

public sealed class PolicyStatesCountTests
{
    [Theory]
    [InlineData("""{"@odata.count":1,"value":[{"@odata.id":null,"NumberOfRecords":2500}]}""", 2500)]
    [InlineData("""{"@odata.count":0,"value":[]}""", 0)]
    public void TheCountIsTheOneRecordsNumberOfRecords(string body, long count) =>
        Assert.Equal(count, PolicyStatesCount.Parse(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("""{"value":[{"NumberOfRecords":"many"}]}""", "the record has no whole, non-negative 'NumberOfRecords'")]
    [InlineData("""{"value":[{"NumberOfRecords":-1}]}""", "the record has no whole, non-negative 'NumberOfRecords'")]
    [InlineData("""{"count":3}""", "the response has no 'value' array")]
    [InlineData("""{"value":[""", "the response is not valid JSON")]
    public void AnythingElseSaysWhatIsWrong(string body, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => PolicyStatesCount.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCountAsksForTheSameFilterAggregated()
    {
        var request = PolicyStatesRequest.For(DefinitionTask("azure-0001"));

        Assert.Equal(
            $"https://management.azure.com/subscriptions/{Subscription}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults" +
            $"?api-version=2019-10-01&$filter=PolicyDefinitionName%20eq%20%27{Definition}%27&$apply=aggregate%28%24count%20as%20NumberOfRecords%29",
            request.Count(ResourceManagerEndpoint.AzureCloud).AbsoluteUri);
    }
}
