using Evidence.Collectors.Aws.Endpoints;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Tests.Endpoints;

/// <summary>AWS Config endpoints by partition and FIPS, and the standard endpoint overrides.</summary>
public sealed class AwsEndpointResolverTests
{
    [Theory]
    [InlineData("us-east-1", false, "https://config.us-east-1.amazonaws.com/")]
    [InlineData("us-east-1", true, "https://config-fips.us-east-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", false, "https://config.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", true, "https://config.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", false, "https://config.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-iso-east-1", false, "https://config.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", false, "https://config.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("eu-central-1", true, "https://config-fips.eu-central-1.amazonaws.com/")]
    public void TheRegionalEndpointFollowsThePartition(string region, bool fips, string expected)
    {
        var endpoint = new AwsEndpointResolver(_ => null, fips).Resolve(region);

        Assert.Equal((new Uri(expected), false), (endpoint.Url, endpoint.Overridden));
    }

    [Fact]
    public void TheServiceOverrideWinsOverTheGlobalOne()
    {
        var environment = new Dictionary<string, string>
        {
            [AwsEndpointResolver.ServiceVariable] = "http://localhost:4566",
            [AwsEndpointResolver.GlobalVariable] = "https://elsewhere.example",
        };

        var endpoint = new AwsEndpointResolver(environment.GetValueOrDefault, fips: false).Resolve("us-west-2");

        Assert.Equal((new Uri("http://localhost:4566/"), "localhost:4566", true), (endpoint.Url, endpoint.Host, endpoint.Overridden));
    }

    [Fact]
    public void TheGlobalOverrideAppliesWhenThereIsNoServiceOne()
    {
        var endpoint = new AwsEndpointResolver(n => n == AwsEndpointResolver.GlobalVariable ? "https://proxy.example:8443/" : null, fips: false).Resolve("us-west-2");

        Assert.Equal(("proxy.example:8443", true), (endpoint.Host, endpoint.Overridden));
    }

    [Fact]
    public void OverridesCanBeSwitchedOff()
    {
        var environment = new Dictionary<string, string>
        {
            [AwsEndpointResolver.GlobalVariable] = "http://localhost:4566",
            [AwsEndpointResolver.IgnoreVariable] = "true",
        };

        var endpoint = new AwsEndpointResolver(environment.GetValueOrDefault, fips: false).Resolve("us-west-2");

        Assert.Equal(new Uri("https://config.us-west-2.amazonaws.com/"), endpoint.Url);
    }

    [Theory]
    [InlineData("ftp://localhost:21", false, "not an http or https URL")]
    [InlineData("localhost:4566", false, "not an http or https URL")]
    [InlineData("http://localhost:4566", true, "FIPS endpoints and a custom endpoint")]
    public void ABadOverrideIsAConfigurationError(string value, bool fips, string message)
    {
        var resolver = new AwsEndpointResolver(n => n == AwsEndpointResolver.ServiceVariable ? value : null, fips);

        var e = Assert.Throws<CollectionAbortedException>(() => resolver.Resolve("us-east-1"));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1.evil.example/")]
    [InlineData("US-EAST-1")]
    [InlineData("")]
    public void ARegionThatIsNotARegionNameIsRefused(string region)
    {
        Assert.Throws<CollectionAbortedException>(() => new AwsEndpointResolver(_ => null, fips: false).Resolve(region));
    }
}
