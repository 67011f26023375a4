using Evidence.Core.Attestations;
using Evidence.Web.Portal;
using Microsoft.Playwright;

namespace Evidence.Web.Tests;

/// <summary>
/// A control owner's whole round in headless Chromium against a real Kestrel: open the invite link, sign in, attest
/// from the portal, and find the attestation on the control's dashboard page, with no script error or CSP
/// violation on the way. Skipped, saying why, where Debian's chromium or Playwright's driver is missing.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Rachel = "rachel-okafor";
    private const string RachelsControl = "164.308(a)(3)(ii)(B)";
    private const string HannahsControl = "164.310(a)(2)(ii)";
    private const string Comment = "Checked the clearance log for Q4: every new hire cleared before access.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOwnerSignsInWithAnInviteAttestsAndTheControlPageShowsIt()
    {
        using var playwright = await StartPlaywright();
        await using var browser = await Launch(playwright);
        await using var serve = await KestrelServe.Start(Cancel);
        var (page, problems) = await BrowserPage.Open(browser, warningsAreProblems: true);

        // What 'evidence serve invite rachel-okafor --url URL' prints.
        var token = new InviteTokens(new DataFolder(serve.Sample.Root), TimeProvider.System).Issue(Rachel, TimeSpan.FromDays(7));
        await page.GotoAsync(new Uri(serve.Url, "signin/" + token).ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByText("This link signs in Rachel Okafor. It works once.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Rachel Okafor" }).ClickAsync();

        await page.WaitForURLAsync(new Uri(serve.Url, "portal").ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My attestations", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Signed in as Rachel Okafor")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = RachelsControl, Level = 2 })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = HannahsControl }).CountAsync());
        await Assertions.Expect(page.GetByText("0 overdue and 1 due of the 1 controls you attest.")).ToBeVisibleAsync();

        var form = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = RachelsControl, Level = 2 }) });
        await form.GetByLabel("Result").SelectOptionAsync(new SelectOptionValue { Label = "Implemented" });
        await form.GetByLabel("What you checked this period").FillAsync(Comment);
        await Screenshot(page, "portal.png");
        await form.GetByRole(AriaRole.Button, new() { Name = "Attest " + RachelsControl }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Recorded your attestation for {RachelsControl}. Thank you.");
        var record = File.ReadAllText(serve.Sample.PathOf($"attestations/2026-Q4/{AttestationStore.Slug(RachelsControl)}.yaml"));
        Assert.Contains("attested_by: rachel-okafor", record, StringComparison.Ordinal);
        Assert.Contains("result: implemented", record, StringComparison.Ordinal);
        Assert.Contains(Comment, record, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(serve.Url, "controls/" + Uri.EscapeDataString(RachelsControl)).ToString(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(RachelsControl);
        await Assertions.Expect(page.GetByText($"2026-Q4/{AttestationStore.Slug(RachelsControl)}.yaml").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Comment)).ToBeVisibleAsync();

        Assert.Empty(problems);
    }

    /// <summary>Playwright's driver (the node process it ships); skips the test when it cannot start here.</summary>
    internal static async Task<IPlaywright> StartPlaywright()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is missing: install Debian's chromium (.ci/run does) to run the browser tests.");
        }

        try
        {
            return await Playwright.CreateAsync();
        }
        catch (Exception e) when (e is PlaywrightException or IOException or System.ComponentModel.Win32Exception)
        {
            Assert.Skip($"Playwright's driver cannot start: {e.Message}");
            throw;
        }
    }

    /// <summary>Debian's chromium, headless; Playwright cannot download its own browsers here. Root needs --no-sandbox.</summary>
    internal static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });

    /// <summary>With EVIDENCE_SCREENSHOTS=folder set, saves the page there to look at (docs/screenshots holds the reviewed ones).</summary>
    internal static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EVIDENCE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
