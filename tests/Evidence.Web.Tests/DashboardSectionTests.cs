namespace Evidence.Web.Tests;

/// <summary>
/// The dashboard's sections the issue lists beyond status: findings by owner, severity and age, overdue first;
/// attestation progress per owner; evidence freshness; mean time to remediate over the run history.
/// </summary>
public sealed class DashboardSectionTests : IClassFixture<ServeFactoryFixture>
{
    private readonly ServeFactory _factory;

    public DashboardSectionTests(ServeFactoryFixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task OpenFindingsAreCountedPerOwnerBySeverityWithTheOwnersWithMostOverdueFirst()
    {
        var page = await Dashboard();

        // The sample's nine open findings: Priya Raman's three critical ones are overdue, as are two of Lena Fischer's six.
        Assert.Contains("<h2>Open findings by owner and severity (9)</h2>", page, StringComparison.Ordinal);
        var priya = page.IndexOf("<tr><th scope=\"row\">Priya Raman</th><td class=\"overdue\">3</td><td>3</td><td>0</td><td>0</td><td>0</td><td>61 days</td></tr>", StringComparison.Ordinal);
        var lena = page.IndexOf("<tr><th scope=\"row\">Lena Fischer</th><td class=\"overdue\">2</td><td>0</td><td>5</td><td>1</td><td>0</td><td>61 days</td></tr>", StringComparison.Ordinal);
        Assert.InRange(priya, 0, lena);
        Assert.Contains("<tr><th scope=\"row\">30 to 89 days</th><td>9</td><td>5</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachOwnersAttestationsThisPeriodShowAsABarAndFigures()
    {
        var page = await Dashboard();

        Assert.Contains("<h2>This period&#x27;s attestations per owner</h2>", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"0 attested, 8 due, 1 overdue of 9\"", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Lena Fischer</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidenceFreshnessCountsEachAnswerOnceByAge()
    {
        var page = await Dashboard();

        Assert.Contains("643 answers (one query from one source), by the age of what they describe", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">1 to 7 days</th><td>641</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">not collected</th><td class=\"overdue\">1</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeanTimeToRemediateIsDrawnPerRunFromTheFindingsResolvedByThen()
    {
        var page = await Dashboard();

        // One finding of the September run was gone in October, 29 days after it was first seen.
        Assert.Contains("Mean time to remediate: 29 days over 1 resolved finding.", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"mttr-title\">Mean days to remediate and findings resolved per evidence run</title>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">20261020T060000Z</td><td>2026-10-20T06:00:00Z</td><td>29</td><td>1</td></tr>", page, StringComparison.Ordinal);
        // The September run resolved nothing yet: it has no time to remediate, so the chart starts in October.
        Assert.DoesNotContain("<tr><td class=\"mono\">20260921T060000Z</td><td>2026-09-21T06:00:00Z</td><td>0</td><td>0</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("1 finding resolved over 2 runs", page, StringComparison.Ordinal);
    }

    private async Task<string> Dashboard()
    {
        using var client = _factory.CreateClient();
        return await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
    }
}
