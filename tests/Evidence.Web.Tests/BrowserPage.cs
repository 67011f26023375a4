using Microsoft.Playwright;

namespace Evidence.Web.Tests;

/// <summary>
/// A new page in the browser tests' Chromium with the suite's patient timeouts, and the console errors, content
/// security policy reports and page errors it logs collected for the test to assert empty.
/// </summary>
internal static class BrowserPage
{
    public static async Task<(IPage Page, List<string> Problems)> Open(IBrowser browser, bool warningsAreProblems)
    {
        var page = await browser.NewPageAsync();
        // The suite runs test assemblies side by side on small CI machines: a page may take far longer than
        // Playwright's 30 s default to load there, which says nothing about the server.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || (warningsAreProblems && message.Type is "warning") || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Add($"console {message.Type}: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        return (page, problems);
    }
}
