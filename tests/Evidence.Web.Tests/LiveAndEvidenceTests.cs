using System.Net;

namespace Evidence.Web.Tests;

/// <summary>The raw evidence view (tamper check, masking), the pages for a control and family, and the live feed.</summary>
public sealed class LiveAndEvidenceTests : IDisposable
{
    private const string Run = "20261120T060000Z";

    private readonly ServeFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEvidenceItemShowsItsManifestEntryAndIsIntact()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync(new Uri($"/evidence/{Run}/aws-0001", UriKind.Relative), Cancel);

        Assert.Contains("Intact: SHA-256", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tampered", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedRawFileShowsAsTamperedAndSecretsInItAreMasked()
    {
        var raw = _factory.Sample.PathOf($"evidence/runs/{Run}/raw/aws-0001-1.json");
        File.WriteAllText(raw, "{\"note\": \"AKIAABCDEFGHIJKLMNOP belongs to jane@example.org\"}");
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync(new Uri($"/evidence/{Run}/aws-0001", UriKind.Relative), Cancel);

        Assert.Contains("Tampered: the file&#x27;s SHA-256", page, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAABCDEFGHIJKLMNOP", page, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.org", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAsOfTheDashboardIsJudgedAgainOnceItsSnapshotIsAMinuteOld()
    {
        using var factory = new ServeFactory(clockDriven: true);
        using var client = factory.CreateClient();

        var first = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var soon = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Contains("Judged as of 2026-12-01T08:00:00Z", first, StringComparison.Ordinal);
        Assert.Contains("Judged as of 2026-12-01T08:00:00Z", soon, StringComparison.Ordinal);
        Assert.Contains("Judged as of 2026-12-01T08:01:01Z", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImplementationStatementIsMaskedOnItsControlPage()
    {
        var overlay = _factory.Sample.PathOf("controls/administrative.yaml");
        File.WriteAllText(overlay, File.ReadAllText(overlay).Replace(
            "The security management process runs as one yearly cycle",
            "Escalations reach patient SSN 078-05-1120. The security management process runs as one yearly cycle",
            StringComparison.Ordinal));
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync(new Uri("/controls/164.308(a)(1)(i)", UriKind.Relative), Cancel);

        Assert.Contains("The security management process runs as one yearly cycle", page, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/controls/164.308(a)(3)(ii)(B)", "Workforce clearance procedure")]
    [InlineData("/families/physical", "Physical safeguards")]
    [InlineData("/reminders", "Attestation reminders")]
    public async Task EachPageAnswers(string path, string heading)
    {
        using var client = _factory.CreateClient();

        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Contains(heading, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/controls/164.999(z)")]
    [InlineData("/families/nowhere")]
    [InlineData("/evidence/19990101T000000Z/aws-0001")]
    public async Task WhatDoesNotExistIs404(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnInvalidWorkspaceServesItsErrorsInsteadOfCrashing()
    {
        File.AppendAllText(_factory.Sample.PathOf("evidence.yaml"), "\nnot_a_key: 1\n");
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Matches("evidence\\.yaml:\\d+:\\d+: ", page);
    }

    [Fact]
    public async Task AChangeOnDiskIsAnnouncedOnTheEventStreamAndTheControlPageShowsIt()
    {
        using var client = _factory.CreateClient();
        var before = await client.GetStringAsync(new Uri("/controls/164.308(a)(3)(ii)(B)", UriKind.Relative), Cancel);
        using var events = await client.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(Cancel));
        Assert.Equal("event: hello", await reader.ReadLineAsync(Cancel));

        Directory.CreateDirectory(_factory.Sample.PathOf("attestations/2026-Q4"));
        File.WriteAllText(_factory.Sample.PathOf("attestations/2026-Q4/164-308-a-3-ii-B.yaml"), """
            control: "164.308(a)(3)(ii)(B)"
            period: "2026-Q4"
            attested_by: rachel-okafor
            attested_at: 2026-11-20T10:00:00Z
            result: implemented
            comment: "Written by another tool while the page was open."

            """);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) != "event: change")
        {
            Assert.NotNull(line);
        }

        var after = await client.GetStringAsync(new Uri("/controls/164.308(a)(3)(ii)(B)", UriKind.Relative), Cancel);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Written by another tool", before, StringComparison.Ordinal);
        Assert.Contains("Written by another tool", after, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
