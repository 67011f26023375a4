using System.Text;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Tests.PolicyInsights;

public sealed class PolicyStatesPageTests
{
    [Theory]
    [InlineData("\"complianceState\":\"Compliant\"", "COMPLIANT")]
    [InlineData("\"complianceState\":\"NonCompliant\"", "NON_COMPLIANT")]
    [InlineData("\"complianceState\":\"Exempt\"", "NOT_APPLICABLE")]
    [InlineData("\"complianceState\":\"Unknown\"", "INSUFFICIENT_DATA")]
    [InlineData("\"complianceState\":\"Conflicting\"", "INSUFFICIENT_DATA")]
    [InlineData("\"isCompliant\":true", "COMPLIANT")]
    [InlineData("\"isCompliant\":false", "NON_COMPLIANT")]
    [InlineData("\"complianceState\":null,\"isCompliant\":false", "NON_COMPLIANT")]
    [InlineData("\"resourceGroup\":\"rg\"", "INSUFFICIENT_DATA")]
    public void ComplianceIsMappedToTheStoresVocabulary(string fields, string compliance)
    {
        var page = Parse($$"""{"value":[{"resourceId":"/subscriptions/s/x",{{fields}}}]}""");

        Assert.Equal(compliance, Assert.Single(page.Rows).Compliance);
    }

    [Fact]
    public void ARecordBecomesARowAsTheServiceNamedIt()
    {
        var page = Parse("""
            {"@odata.nextLink":"https://management.azure.com/subscriptions/e78961ba-36fe-4739-9212-e3031b4c8db7/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&%24skipToken=tZE_bw","@odata.count":1,"value":[
             {"@odata.id":null,"timestamp":"2020-09-24T17:44:13.5311483Z","resourceId":"/subscriptions/e78961ba-36fe-4739-9212-e3031b4c8db7/resourcegroups/keyvault-amp-demo-rg/providers/microsoft.keyvault/vaults/keyvault1-amp-demo",
              "isCompliant":false,"subscriptionId":"e78961ba-36fe-4739-9212-e3031b4c8db7","resourceType":"/Microsoft.KeyVault/vaults","policyDefinitionAction":"audit","complianceState":"NonCompliant","complianceReasonCode":"AuditIfNotExistsNoMatchingResource"}]}
            """);

        Assert.Equal(
            new ResultRow("Microsoft.KeyVault/vaults", "/subscriptions/e78961ba-36fe-4739-9212-e3031b4c8db7/resourcegroups/keyvault-amp-demo-rg/providers/microsoft.keyvault/vaults/keyvault1-amp-demo",
                "NON_COMPLIANT", Subscription: "e78961ba-36fe-4739-9212-e3031b4c8db7", Annotation: "AuditIfNotExistsNoMatchingResource",
                EvaluatedAt: new DateTimeOffset(2020, 9, 24, 17, 44, 13, TimeSpan.Zero)),
            Assert.Single(page.Rows));
        Assert.Equal("tZE_bw", page.NextLink!.Query.Split("%24skipToken=")[1]);
    }

    [Fact]
    public void AnEmptyReasonCodeIsNoAnnotationAndANullNextLinkIsTheLastPage()
    {
        var page = Parse("""{"@odata.nextLink":null,"value":[{"resourceId":"/x","complianceState":"Compliant","complianceReasonCode":""}]}""");

        Assert.Null(Assert.Single(page.Rows).Annotation);
        Assert.Null(page.NextLink);
    }

    [Theory]
    [InlineData("[]", "the response has no 'value' array of policy states")]
    [InlineData("{\"value\":{}}", "the response has no 'value' array of policy states")]
    [InlineData("{\"value\":[{\"complianceState\":\"Compliant\"}]}", "policy state 1 has no resourceId")]
    [InlineData("{\"value\":[{\"resourceId\":\"/a\"}, 7]}", "policy state 2 is not an object")]
    [InlineData("{\"@odata.nextLink\":\"http://elsewhere/\",\"value\":[]}", "'@odata.nextLink' is not an https URL: http://elsewhere/")]
    public void AnythingButPolicyInsightsShapeIsMalformed(string body, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(body));

        Assert.Equal(message, e.Message);
    }

    private static PolicyStatesPage Parse(string json) => PolicyStatesPage.Parse(Encoding.UTF8.GetBytes(json));
}
