using System.Text.RegularExpressions;
using Evidence.Web.Pages.Sources;
using Evidence.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Tests;

/// <summary>The dashboard's heat map of controls × accounts with failing counts, its table, and how it folds an organisation.</summary>
public sealed partial class SourceHeatMapTests
{
    [Fact]
    public async Task TheHeatMapIsAnSvgWithTitleAndDescriptionAndATableOfTheSameFigures()
    {
        await using var factory = new ServeFactory();
        var page = await factory.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("<svg class=\"sourcemap\" aria-labelledby=\"sourcemap-title sourcemap-desc\"", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"sourcemap-title\">Failing resources by control and account</title>", page, StringComparison.Ordinal);
        Assert.Contains("34 controls with cloud evidence by 3 columns of accounts; 7 controls have failing resources, most at 164.312(a)(1) (10).", page, StringComparison.Ordinal);
        // prod-phi has the most failing resources (21), so it is the first column; its name is the heading.
        Assert.Contains("<title>AWS 210987654321 (prod-phi): 21 failing resources from 2 sources</title>prod-phi</text>", page, StringComparison.Ordinal);
        Assert.Equal(34, Rows().Count(page));
        Assert.Contains("<tr><th scope=\"row\"><a href=\"/controls/164.312%28a%29%281%29\">164.312(a)(1)</a></th>", page, StringComparison.Ordinal);
        Assert.Contains("34 controls judged on documents and attestations only have no row.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRowLinksToItsControlPage()
    {
        await using var factory = new ServeFactory();
        var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var link = Assert.Single(Regex.Matches(page, "<svg class=\"sourcemap\".*?<a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        var control = await client.GetAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, control.StatusCode);
        Assert.Equal("/controls/164.308%28a%29%281%29%28ii%29%28A%29", link);
    }

    [Fact]
    public async Task AccountsBeyondTheColumnsThereIsRoomForAddUpInOneColumnThatSaysSo()
    {
        await using var factory = new ServeFactory();
        _ = factory.CreateClient();
        var snapshot = factory.Services.GetRequiredService<WorkspaceState>().Current;

        var all = SourceGrid.Build(snapshot.Evaluation!.Controls, snapshot.Loaded.Workspace!.Boundary);
        var folded = SourceGrid.Build(snapshot.Evaluation!.Controls, snapshot.Loaded.Workspace!.Boundary, maxColumns: 2);

        Assert.Equal(3, all.Columns.Count);
        Assert.Null(all.Folded);
        Assert.Equal(2, folded.Columns.Count);
        Assert.Equal("prod-phi", folded.Columns[0].Label);
        Assert.Equal(2, folded.Folded!.Folded);
        Assert.Equal(all.Columns[1].Total.Add(all.Columns[2].Total), folded.Folded.Total);
        Assert.Equal(all.Rows.Count, folded.Rows.Count);
        Assert.Equal(all.Rows.Sum(r => r.Total.Failing), folded.Rows.Sum(r => r.Total.Failing));
        Assert.Equal(all.Rows.Max(r => r.Cells[0]?.Failing), folded.MaxFailing);
        Assert.Contains("1 of 3 accounts have a column (those with the most failing resources); the other 2 add up in the last (5 failing resources), shaded by their mean per account.", SourceHeatMap.Caption(folded), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 5000, 1)]
    [InlineData(5000, 5000, 4)]
    [InlineData(70, 5000, 2)]
    [InlineData(1, 1, 4)]
    public void ShadesStepOnALogScaleSoAFewFailingStillShow(int failing, int max, int shade) =>
        Assert.Equal(shade, SourceHeatMap.Shade(failing, max));

    [Theory]
    [InlineData(999, "999")]
    [InlineData(1234, "1.2k")]
    [InlineData(12345, "12k")]
    public void LargeCountsAreShortenedToFitACell(int count, string text) =>
        Assert.Equal(text, SourceHeatMap.Compact(count));

    [GeneratedRegex("<a href=\"/controls/[^\"]+\"><title>")]
    private static partial Regex Rows();
}
