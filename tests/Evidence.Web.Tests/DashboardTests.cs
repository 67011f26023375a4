using System.Net;

namespace Evidence.Web.Tests;

/// <summary>The dashboard's pages over the sample workspace.</summary>
public sealed class DashboardTests : IClassFixture<ServeFactoryFixture>
{
    private readonly ServeFactory _factory;

    public DashboardTests(ServeFactoryFixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task TheDashboardShowsStatusCountsFamiliesAndWhatIsOverdue()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Compliance dashboard</h1>", page, StringComparison.Ordinal);
        Assert.Contains("latest: 20261120T060000Z", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"n not-satisfied\">1</span>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/families/administrative\"", page, StringComparison.Ordinal);
        Assert.Matches("Overdue findings \\([1-9]", page);
        Assert.Matches("Overdue attestations \\([1-9]", page);
    }

    [Fact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
