using System.Net;

namespace Evidence.Web.Tests;

/// <summary>The attestation portal: sign-in links, sessions, who may attest what, and antiforgery.</summary>
public sealed class PortalTests : IDisposable
{
    private const string Rachel = "rachel-okafor";
    private const string RachelsControl = "164.308(a)(3)(ii)(B)";
    private const string HannahsControl = "164.310(a)(2)(ii)";

    private readonly ServeFactory _factory = new();
    private readonly PortalClient _client;

    public PortalTests() => _client = new PortalClient(_factory);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutASessionThePortalRedirectsToSignIn()
    {
        var response = await _client.Http.GetAsync(new Uri("/portal", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInviteSignsTheOwnerInAndThePortalListsOnlyTheirControls()
    {
        var signIn = await _client.SignIn(_client.Invite(Rachel));
        var portal = await _client.Get("/portal");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/portal", signIn.Headers.Location!.OriginalString);
        Assert.Contains("Set-Cookie", signIn.Headers.Select(h => h.Key));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("evidence-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Signed in as Rachel Okafor", portal, StringComparison.Ordinal);
        Assert.Contains($"value=\"{RachelsControl}\"", portal, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{HannahsControl}\"", portal, StringComparison.Ordinal);
        Assert.Contains("\"what\":\"signed in\"", File.ReadAllText(_factory.Sample.PathOf(".evidence/audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkWorksOnceAndAReplayIsRefused()
    {
        var token = _client.Invite(Rachel);
        await _client.SignIn(token);
        using var other = new PortalClient(_factory);

        var replay = await other.SignIn(token);

        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredOrAlteredLinkIsRefused()
    {
        var token = _client.Invite(Rachel, TimeSpan.FromDays(1));
        _factory.Clock.Advance(TimeSpan.FromDays(1));

        var expired = await _client.SignIn(token);
        var altered = await _client.SignIn(_client.Invite(Rachel)[..^2] + "AA");

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, altered.StatusCode);
    }

    [Fact]
    public async Task AnAttestationIsWrittenAndShownOnTheControlPageAndASecondSupersedesIt()
    {
        await _client.SignIn(_client.Invite(Rachel));

        var first = await _client.Attest(await _client.Get("/portal"), RachelsControl, "implemented", "Checked the clearance log for Q4.");
        var second = await _client.Attest(await _client.Get("/portal"), RachelsControl, "partially-implemented", "Two clearances lacked a sign-off.");
        var control = await _client.Get("/controls/" + Uri.EscapeDataString(RachelsControl));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var record = File.ReadAllText(_factory.Sample.PathOf("attestations/2026-Q4/164-308-a-3-ii-B.yaml"));
        Assert.Contains("attested_by: rachel-okafor", record, StringComparison.Ordinal);
        Assert.Contains("attested_at: 2026-11-21T09:00:00Z", record, StringComparison.Ordinal);
        Assert.Contains("supersedes: \"2026-Q4/164-308-a-3-ii-B.yaml\"", File.ReadAllText(_factory.Sample.PathOf("attestations/2026-Q4/164-308-a-3-ii-B.2.yaml")), StringComparison.Ordinal);
        Assert.Contains("2026-Q4/164-308-a-3-ii-B.2.yaml, superseding 2026-Q4/164-308-a-3-ii-B.yaml", control, StringComparison.Ordinal);
        Assert.Contains("Two clearances lacked a sign-off.", control, StringComparison.Ordinal);
        Assert.DoesNotContain("Checked the clearance log", File.ReadAllText(_factory.Sample.PathOf(".evidence/audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOwnersControlIsRefusedWith403AndNothingIsWritten()
    {
        await _client.SignIn(_client.Invite(Rachel));

        var response = await _client.Attest(await _client.Get("/portal"), HannahsControl, "implemented", "Not mine to say.");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("rachel-okafor may not attest 164.310(a)(2)(ii)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_factory.Sample.PathOf("attestations/2026-Q4")) && Directory.GetFiles(_factory.Sample.PathOf("attestations/2026-Q4"), "164-310-a-2-ii*").Length > 0);
    }

    [Fact]
    public async Task APostWithoutItsAntiforgeryTokenIsRejectedWith400()
    {
        await _client.SignIn(_client.Invite(Rachel));

        var response = await _client.Post("/portal/attest", null, [new("control", RachelsControl), new("result", "implemented"), new("comment", "forged")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(_factory.Sample.PathOf("attestations/2026-Q4/164-308-a-3-ii-B.yaml")));
    }

    [Fact]
    public async Task SignInIsRateLimited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await _client.Http.GetAsync(new Uri("/signin/not-a-token", UriKind.Relative), Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
