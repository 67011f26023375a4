using System.Net;
using Evidence.Testing.Fakes;
using Evidence.Web.Reminders;
using Evidence.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Tests;

/// <summary>
/// The compliance lead's page: every owner, reminders by SMTP (a fake relay on 127.0.0.1), and revoking one
/// link. Leads are the sample's 'compliance' role here (Marcus Oyelaran, Elena Petrova).
/// </summary>
public sealed class LeadTests : IAsyncLifetime
{
    private const string Lead = "marcus-oyelaran";
    private readonly FakeSmtpServer _smtp = new();
    private ServeFactory _factory = null!;
    private PortalClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new ServeFactory(leadRoles: ["compliance"], smtp: new SmtpSettings("127.0.0.1", _smtp.Port, "compliance@acme-health.example") { StartTls = false });
        _client = new PortalClient(_factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task ALeadSeesEveryOwnerWithAttestedDueOverdueAndReminders()
    {
        await _client.SignIn(_client.Invite(Lead));

        var response = await _client.Http.GetAsync(new Uri("/lead", UriKind.Relative), Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var owner in new[] { "Dana Whitfield", "Priya Raman", "Lena Fischer", "Rachel Okafor", "Hannah Cole" })
        {
            Assert.Contains($"<td>{owner}</td>", page, StringComparison.Ordinal);
        }

        // Priya owes 3 (1 overdue, 2 due this quarter), attested none for the current period.
        Assert.Contains("<td>Priya Raman</td><td>3</td><td>0</td><td>2</td><td class=\"overdue\">1</td>", page, StringComparison.Ordinal);
        Assert.Contains("Mail a reminder to the", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOwnerWhoIsNoLeadIsRefusedTheLeadPageAndItsActions()
    {
        await _client.SignIn(_client.Invite("rachel-okafor"));
        var page = await _client.Get("/portal");

        var view = await _client.Http.GetAsync(new Uri("/lead", UriKind.Relative), Cancel);
        var remind = await _client.Post("/lead/remind", page, []);
        var revoke = await _client.Post("/lead/revoke", page, [new("id", "000000000000")]);

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remind.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task WithoutASessionTheLeadPageAsksForSignInEvenOnLoopback()
    {
        var response = await _client.Http.GetAsync(new Uri("/lead", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindingWhileTheWorkspaceFailsToLoadShowsItsErrorsAndSendsNothing()
    {
        await _client.SignIn(_client.Invite(Lead));
        var page = await _client.Get("/lead");
        File.AppendAllText(_factory.Sample.PathOf("evidence.yaml"), "\nnot_a_key: 1\n");
        _factory.Services.GetRequiredService<WorkspaceState>().Invalidate();

        var remind = await _client.Post("/lead/remind", page, []);
        var body = await remind.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, remind.StatusCode);
        Assert.Matches("evidence\\.yaml:\\d+:\\d+: ", body);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task ALeadMailsRemindersToOwnersWithOverdueAttestationsAndEachSendIsAudited()
    {
        await _client.SignIn(_client.Invite(Lead));
        var page = await _client.Get("/lead");

        var sent = await _client.Post("/lead/remind", page, []);
        var after = await _client.Get(sent.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var messages = _smtp.Received.ToList();
        Assert.Contains(messages, m => m.To.SequenceEqual(["priya.raman@acme-health.example"]));
        Assert.Contains(messages, m => m.To.SequenceEqual(["lena.fischer@acme-health.example"]));
        Assert.DoesNotContain(messages, m => m.To.Contains("dana.whitfield@acme-health.example"));
        Assert.All(messages, m => Assert.Equal("compliance@acme-health.example", m.From));
        var priya = messages.Single(m => m.To[0].StartsWith("priya", StringComparison.Ordinal)).Text;
        Assert.Contains("164.312(e)(2)(i) Integrity controls: overdue since 2026-10-15 (2026-Q3)", priya, StringComparison.Ordinal);
        Assert.Contains("http://localhost/portal", priya, StringComparison.Ordinal);
        Assert.Contains($"Sent {messages.Count} of {messages.Count} reminder(s).", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        var audit = File.ReadAllLines(_factory.Sample.PathOf(".evidence/audit.jsonl"));
        Assert.Equal(messages.Count, audit.Count(l => l.Contains($"\"who\":\"{Lead}\",\"what\":\"reminder sent", StringComparison.Ordinal)));
        Assert.Contains(audit, l => l.Contains("\"to\":\"priya-raman\"", StringComparison.Ordinal));
        Assert.Contains("<td>Priya Raman</td><td>3</td><td>0</td><td>2</td><td class=\"overdue\">1</td><td>", after, StringComparison.Ordinal);
        Assert.Contains("<td>1, last 2026-12-01</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemindersTextHoldsNoFindingResourceOrCommentOnlyCatalogTitlesAndDates()
    {
        await _client.SignIn(_client.Invite(Lead));
        var page = await _client.Get("/lead");

        await _client.Post("/lead/remind", page, []);

        Assert.NotEmpty(_smtp.Received);
        foreach (var message in _smtp.Received)
        {
            Assert.DoesNotContain("arn:", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("/subscriptions/", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("F-", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("[REDACTED", message.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALeadRevokesOneLinkWhichThenSignsNobodyInWhileOtherLinksStillWork()
    {
        await _client.SignIn(_client.Invite(Lead));
        var revoked = _client.Invite("rachel-okafor");
        var kept = _client.Invite("hannah-cole");
        var page = await _client.Get("/lead");
        var id = LinkId(page, "Rachel Okafor");

        var revoke = await _client.Post("/lead/revoke", page, [new("id", id)]);
        using var rachel = new PortalClient(_factory);
        using var hannah = new PortalClient(_factory);
        var refused = await rachel.SignIn(revoked);
        var signedIn = await hannah.SignIn(kept);

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("was revoked", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain($"Revoke {id}", await _client.Get("/lead"), StringComparison.Ordinal);
        Assert.Contains($"revoked sign-in link {id}", File.ReadAllText(_factory.Sample.PathOf(".evidence/audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingAUsedLinkEndsTheSessionItBegan()
    {
        using var rachel = new PortalClient(_factory);
        await rachel.SignIn(rachel.Invite("rachel-okafor"));
        Assert.Contains("Signed in as Rachel Okafor", await rachel.Get("/portal"), StringComparison.Ordinal);
        await _client.SignIn(_client.Invite(Lead));
        var page = await _client.Get("/lead");

        await _client.Post("/lead/revoke", page, [new("id", LinkId(page, "Rachel Okafor"))]);
        var after = await rachel.Http.GetAsync(new Uri("/portal", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The id in the lead page's row of the link that signs in <paramref name="name"/>.</summary>
    private static string LinkId(string page, string name)
    {
        var row = System.Text.RegularExpressions.Regex.Match(page, "<td class=\"mono\">(?<id>[0-9a-f]{12})</td><td>" + name + "</td>");
        Assert.True(row.Success, $"the lead page lists no link for {name}");
        return row.Groups["id"].Value;
    }
}
