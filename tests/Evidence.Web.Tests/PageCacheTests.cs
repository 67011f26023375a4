using System.Net;
using Evidence.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Tests;

/// <summary>Pages are drawn once per workspace snapshot and per reader, and drawn again from the next snapshot.</summary>
public sealed class PageCacheTests
{
    [Fact]
    public async Task APageIsDrawnOncePerSnapshotAndAgainAfterTheWorkspaceChanges()
    {
        await using var factory = new ServeFactory();
        using var client = factory.CreateClient();
        var state = factory.Services.GetRequiredService<WorkspaceState>();

        var first = await client.GetStringAsync(new Uri("/controls/164.312(a)(1)", UriKind.Relative), TestContext.Current.CancellationToken);
        var before = state.Current;
        Assert.Equal(first, Assert.Single(before.Pages).Value);

        state.Invalidate();
        var again = await client.GetStringAsync(new Uri("/controls/164.312(a)(1)", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotSame(before, state.Current);
        Assert.Equal(first, again);
        Assert.Single(state.Current.Pages);
    }

    [Fact]
    public async Task AnAddressThatFindsNothingIsNotKept()
    {
        await using var factory = new ServeFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/controls/no-such-control", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(factory.Services.GetRequiredService<WorkspaceState>().Current.Pages);
    }
}
