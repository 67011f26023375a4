using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Azure.Tests;

public sealed class ResourceManagerEndpointTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData(null, "https://management.azure.com/", "https://login.microsoftonline.com/", "https://management.azure.com/.default")]
    [InlineData("AzureCloud", "https://management.azure.com/", "https://login.microsoftonline.com/", "https://management.azure.com/.default")]
    [InlineData("AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://login.microsoftonline.us/", "https://management.usgovcloudapi.net/.default")]
    [InlineData("AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn/.default")]
    public void EachCloudHasItsEndpointAuthorityAndTokenScope(string? cloud, string endpoint, string authority, string scope)
    {
        var resolved = ResourceManagerEndpoint.Resolve(cloud, NoEnvironment);

        Assert.Equal((endpoint, authority, scope), (resolved.BaseUri.AbsoluteUri, resolved.AuthorityHost?.AbsoluteUri, resolved.TokenScope));
    }

    [Fact]
    public void AKnownCloudGivenAsAUrlIsThatCloud()
    {
        Assert.Same(ResourceManagerEndpoint.AzureUSGovernment, ResourceManagerEndpoint.Resolve("https://management.usgovcloudapi.net/", NoEnvironment));
    }

    [Fact]
    public void APrivateUrlLeavesTheAuthorityToTheCredential()
    {
        var resolved = ResourceManagerEndpoint.Resolve("https://arm.contoso.example:8443/", NoEnvironment);

        Assert.Equal(("https://arm.contoso.example:8443/", null, "https://arm.contoso.example:8443/.default"), (resolved.BaseUri.AbsoluteUri, resolved.AuthorityHost, resolved.TokenScope));
    }

    [Fact]
    public void TheEnvironmentOverridesTheWorkspace()
    {
        var resolved = ResourceManagerEndpoint.Resolve("AzureChinaCloud", name => name == "EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT" ? "https://127.0.0.1:5443" : null);

        Assert.Equal("https://127.0.0.1:5443/", resolved.BaseUri.AbsoluteUri);
    }

    [Theory]
    [InlineData("AzureGermanCloud")]
    [InlineData("http://management.azure.com")]
    public void AnythingElseStopsTheCollectionSayingWhatIsAccepted(string cloud)
    {
        var e = Assert.Throws<CollectionAbortedException>(() => ResourceManagerEndpoint.Resolve(cloud, NoEnvironment));

        Assert.Equal($"boundary.azure.cloud is '{cloud}', which is neither AzureCloud, AzureUSGovernment, AzureChinaCloud nor an https:// Resource Manager URL", e.Message);
    }
}
