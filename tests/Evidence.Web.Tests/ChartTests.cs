using System.Text.RegularExpressions;

namespace Evidence.Web.Tests;

/// <summary>The dashboard's server-drawn trends of findings over runs (the heat map of controls × accounts: <see cref="SourceHeatMapTests"/>).</summary>
public sealed class ChartTests
{
    [Fact]
    public async Task TheTrendDrawsOnePointPerRunWithTheRunsOwnCounts()
    {
        await using var factory = new ServeFactory();
        var page = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<title id=\"trend-title\">Failing resources and uncollected queries per evidence run</title>", page, StringComparison.Ordinal);
        Assert.Contains("3 runs from 2026-09-21 to 2026-11-20: failing resources went from 12 to 11, queries not collected from 0 to 1.", page, StringComparison.Ordinal);
        Assert.Equal(3, Dots("failing").Count(page));
        Assert.Contains("<tr><td class=\"mono\">20261120T060000Z</td><td>2026-11-20T06:00:00Z</td><td>11</td><td>1</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenFindingsAreChartedAsEachRunLeftThemWithATableOfEveryRun()
    {
        await using var factory = new ServeFactory();
        var page = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<h2>Open findings per run</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"open-title\">Open findings per evidence run</title>", page, StringComparison.Ordinal);
        Assert.Contains("open findings went from 10 to 9, failing findings (open, accepted or false positive) from 12 to 11.", page, StringComparison.Ordinal);
        Assert.Equal(3, Dots("open").Count(page));
        Assert.Equal(3, Dots("held").Count(page));
        // October: the EBS volume and the security group resolved, the RDS snapshot accepted; the group reopened in November.
        Assert.Contains("<summary>Open and failing findings per run, as a table</summary>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">20260921T060000Z</td><td>2026-09-21T06:00:00Z</td><td>10</td><td>12</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">20261020T060000Z</td><td>2026-10-20T06:00:00Z</td><td>7</td><td>10</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"mono\">20261120T060000Z</td><td>2026-11-20T06:00:00Z</td><td>9</td><td>11</td></tr>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunAfterTheAsOfInstantIsLeftOutOfTheTrend()
    {
        await using var factory = new ServeFactory(asOf: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var page = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("2 runs from 2026-09-21 to 2026-10-20", page, StringComparison.Ordinal);
        Assert.DoesNotContain("20261120T060000Z</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameWorkspaceAndInstantDrawTheSameDashboardByteForByte()
    {
        await using var one = new ServeFactory();
        await using var two = new ServeFactory();

        var first = await one.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await two.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    private static Regex Dots(string series) => new($"<circle [^>]*class=\"dot {series}\"");
}
