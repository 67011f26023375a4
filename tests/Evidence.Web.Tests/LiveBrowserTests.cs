using Evidence.Cli;
using Microsoft.Playwright;

namespace Evidence.Web.Tests;

/// <summary>
/// The dashboard open in headless Chromium updates by itself (Server-Sent Events from the file watcher) when
/// 'evidence attest' records an attestation and when 'evidence collect --offline' writes a new run in the same
/// workspace: no reload, no navigation. Skipped, saying why, where chromium or Playwright's driver is missing.
/// </summary>
public sealed class LiveBrowserTests
{
    private const string AsOf = "2026-11-21T09:00:00Z";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOpenDashboardShowsANewAttestationAndANewRunWithoutAReload()
    {
        using var playwright = await BrowserTests.StartPlaywright();
        await using var browser = await BrowserTests.Launch(playwright);
        await using var serve = await KestrelServe.Start(Cancel, withRecordings: true);
        var (page, problems) = await BrowserPage.Open(browser, warningsAreProblems: false);
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await page.GotoAsync(serve.Url.ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue attestations (3)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("from 3 evidence runs; latest: 20261120T060000Z")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.stillThisPage = true; }");
        await WaitForLiveFeed(page);

        Assert.Equal(0, Cli("attest", "164.312(e)(2)(i)", "--by", "priya-raman", "--result", "implemented", "--period", "2026-Q3",
            "--comment", "Checked object-lock and checksum settings on every PHI bucket.", "-w", serve.Sample.Root, "--as-of", AsOf));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue attestations (2)" })).ToBeVisibleAsync();

        Assert.Equal(0, Cli("collect", serve.Sample.Root, "--offline", "--as-of", "2026-11-21T08:00:00Z"));
        await Assertions.Expect(page.GetByText("from 4 evidence runs; latest: 20261121T080000Z")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#trend-desc")).ToContainTextAsync("4 runs from 2026-09-21 to 2026-11-21");

        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"), "the page was reloaded instead of updated in place");
        Assert.Equal(1, navigations);
        await BrowserTests.Screenshot(page, "dashboard.png");
        Assert.Empty(problems);
    }

    /// <summary>The page has opened its event stream (a change made before that would not be announced to it).</summary>
    private static async Task WaitForLiveFeed(IPage page)
    {
        await Assertions.Expect(page.Locator("html[data-live=open]")).ToHaveCountAsync(1);
        // The server subscribes the stream as it sends the first bytes; a moment more and no change can slip past.
        await Task.Delay(500, Cancel);
    }

    private static int Cli(params string[] args) =>
        EvidenceApp.Run(args, new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, IsTerminal = false });
}
