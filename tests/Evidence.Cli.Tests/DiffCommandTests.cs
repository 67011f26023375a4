using System.Text.Json;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>
/// <c>evidence diff</c> on hand-made run pairs whose answers are known: which findings open, resolve and
/// reopen, which control changes status and why, what goes stale, which attestations are added, superseded
/// or fall overdue, and which query newly fails to collect. (A workspace holds one attestation per control
/// and period until attestations can name the record they supersede, so "superseded" is not crafted here.)
/// </summary>
public sealed class DiffCommandTests
{
    private const string Rule = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private const string Trail = "aws-config/CLOUD_TRAIL_ENABLED";
    private const string Versioning = "aws-config/S3_BUCKET_VERSIONING_ENABLED";
    private const string Logoff = "164.312(a)(2)(iii)";
    private const string Authentication = "164.312(d)";
    private const string First = "20261005T060000Z";
    private const string Second = "20261102T060000Z";
    private const string Third = "20261109T060000Z";

    /// <summary>
    /// Automatic logoff is judged on the trail rule (60 days), bucket versioning (7 days) and the owner's
    /// attestation. The first run has both rules passing and the Q2 attestation current; by the second the
    /// trail rule fails to collect, versioning (not collected again) is stale and Q3's attestation is overdue.
    /// Meanwhile the public-bucket rule sees buckets a and b, then b and c, then a, b and c.
    /// </summary>
    private static WorkspaceBuilder History()
    {
        var workspace = new WorkspaceBuilder()
            .Write("controls/overlays.yaml", $"""
                controls:
                  - control: "{Logoff}"
                    replace_default_evidence: true
                    evidence:
                      - kind: aws-config
                        rule: CLOUD_TRAIL_ENABLED
                        max_age: 60d
                      - kind: aws-config
                        rule: S3_BUCKET_VERSIONING_ENABLED
                        max_age: 7d
                """)
            .Write("attestations/2026-Q2/logoff.yaml", Attestation(Logoff, "2026-Q2", "2026-07-01T10:00:00Z"))
            .Write("attestations/2026-Q3/authentication.yaml", Attestation(Authentication, "2026-Q3", "2026-10-10T10:00:00Z"));
        new RunBuilder(workspace.Root, Utc(First))
            .Collected(Rule, ["bucket-a", "bucket-b"], compliant: 3).Collected(Trail, compliant: 2).Collected(Versioning, compliant: 4).Write();
        new RunBuilder(workspace.Root, Utc(Second))
            .Collected(Rule, ["bucket-b", "bucket-c"], compliant: 3).Failed(Trail).Write();
        return workspace;
    }

    [Fact]
    public void TheTwoLatestRunsShowWhatOpenedResolvedWentStaleAndFailed()
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal($"run {First}", root.GetProperty("from").GetProperty("label").GetString());
        Assert.Equal($"run {Second}", root.GetProperty("to").GetProperty("label").GetString());
        Assert.Equal(["bucket-c"], Resources(root, "opened"));
        Assert.Equal(["bucket-a"], Resources(root, "resolved"));
        Assert.Empty(Resources(root, "reopened"));
        var stale = Assert.Single(root.GetProperty("went_stale").EnumerateArray());
        Assert.Equal(Versioning, stale.GetProperty("subject").GetString());
        Assert.Equal("2026-10-12T06:01:00Z", stale.GetProperty("since").GetString());
        Assert.Contains(Logoff, stale.GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        var failed = Assert.Single(root.GetProperty("newly_not_collected").EnumerateArray());
        Assert.Equal(Trail, failed.GetProperty("subject").GetString());
        Assert.Equal($"aws {WorkspaceBuilder.Account}/{WorkspaceBuilder.Region}", failed.GetProperty("source").GetString());
    }

    [Fact]
    public void AControlThatChangedStatusSaysWhy()
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root, "--json");

        using var json = JsonDocument.Parse(result.Out);
        var logoff = json.RootElement.GetProperty("status_changes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == Logoff);
        Assert.Equal("satisfied", logoff.GetProperty("from").GetString());
        Assert.Equal("not-satisfied", logoff.GetProperty("to").GetString());
        var why = logoff.GetProperty("why").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(3, why.Count);
        Assert.Contains(why, w => w.StartsWith("now: ", StringComparison.Ordinal) && w.Contains("CLOUD_TRAIL_ENABLED", StringComparison.Ordinal) && w.Contains("could not be collected", StringComparison.Ordinal));
        Assert.Contains(why, w => w.StartsWith("now: ", StringComparison.Ordinal) && w.Contains("S3_BUCKET_VERSIONING_ENABLED", StringComparison.Ordinal) && w.Contains("stale since 2026-10-12", StringComparison.Ordinal));
        Assert.Contains(why, w => w.StartsWith("now: attestation overdue", StringComparison.Ordinal));
    }

    [Fact]
    public void AttestationsAddedAndNowOverdueAreListed()
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root, "--json");

        using var json = JsonDocument.Parse(result.Out);
        var changes = json.RootElement.GetProperty("attestations").EnumerateArray()
            .Select(a => (a.GetProperty("change").GetString(), a.GetProperty("control").GetString())).ToList();
        Assert.Equal([("added", Authentication), ("now-overdue", Logoff)], changes);
    }

    [Fact]
    public void AFindingSeenAgainAfterItWasResolvedIsReopened()
    {
        using var workspace = History();
        new RunBuilder(workspace.Root, Utc(Third)).Collected(Rule, ["bucket-a", "bucket-b", "bucket-c"], compliant: 3).Write();

        var result = CliRunner.Run("diff", workspace.Root, "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal($"run {Second}", json.RootElement.GetProperty("from").GetProperty("label").GetString());
        Assert.Equal(["bucket-a"], Resources(json.RootElement, "reopened"));
        Assert.Empty(Resources(json.RootElement, "opened"));
        Assert.Empty(Resources(json.RootElement, "resolved"));
    }

    [Fact]
    public void APeriodComparesTheStateAtItsEnd()
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root, "--from", "2026-Q3", "--to", Second, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("2026-09-30T23:59:59Z", json.RootElement.GetProperty("from").GetProperty("as_of").GetString());
        Assert.Equal(["bucket-a", "bucket-b", "bucket-c"], Resources(json.RootElement, "opened"));
        Assert.Equal(["bucket-a"], Resources(json.RootElement, "resolved"));
    }

    [Fact]
    public void TheTableNamesEverySection()
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Changes from run {First}", result.Out, StringComparison.Ordinal);
        foreach (var section in new[] { "Findings opened (1):", "Findings resolved (1):", "Findings reopened: none", "Controls whose status changed", "Evidence that went stale (1):", "Attestations (2):", "Queries that newly fail to collect (1):" })
        {
            Assert.Contains(section, result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--from", "20261005T060001Z", "did you mean '20261005T060000Z'")]
    [InlineData("--to", "last-week", "is neither a run nor a period")]
    public void AnUnknownRunIsAUsageErrorWithASuggestion(string option, string value, string message)
    {
        using var workspace = History();

        var result = CliRunner.Run("diff", workspace.Root, option, value);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ASingleRunHasNothingToCompareWith()
    {
        using var workspace = new WorkspaceBuilder();
        new RunBuilder(workspace.Root, Utc(First)).Collected(Rule).Write();

        var result = CliRunner.Run("diff", workspace.Root);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("there is no run before", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleShowsTheMigrationSecurityGroupReopenedInNovember()
    {
        var result = CliRunner.Run("diff", CliRunner.Sample, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("run 20261020T060000Z", json.RootElement.GetProperty("from").GetProperty("label").GetString());
        Assert.Equal(["sg-0a1b2c3d4e5f60718"], Resources(json.RootElement, "reopened"));
        Snapshot.Match(CliRunner.Run("diff", CliRunner.Sample).Out, "sample-diff");
    }

    private static List<string> Resources(JsonElement root, string change) =>
        root.GetProperty("findings").GetProperty(change).EnumerateArray().Select(f => f.GetProperty("resource").GetString()!).Order(StringComparer.Ordinal).ToList();

    private static string Attestation(string control, string period, string at) => $"""
        control: "{control}"
        period: {period}
        attested_by: dana
        attested_at: {at}
        result: implemented
        """;

    private static DateTimeOffset Utc(string runId) =>
        DateTimeOffset.ParseExact(runId, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
