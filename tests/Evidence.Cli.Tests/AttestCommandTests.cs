using System.Text.Json;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary><c>evidence attest</c>: records, corrections and their display, who may attest, and what is pending.</summary>
public sealed class AttestCommandTests
{
    private const string Control = "164.312(a)(2)(iii)";
    private const string Early = "2026-10-05T09:00:00Z";
    private const string Later = "2026-10-08T10:30:00Z";

    [Fact]
    public void AnAttestationIsWrittenAsOneRecordForTheLatestEndedPeriod()
    {
        using var workspace = new WorkspaceBuilder();

        var result = Attest(workspace, "dana", "implemented", Early, "--evidence", "artifacts/session-standard.md", "--evidence", "JIRA-12");

        Assert.True(result.ExitCode == 0, result.Error);
        var record = File.ReadAllText(workspace.PathOf("attestations/2026-Q3/164-312-a-2-iii.yaml"));
        Assert.Equal("""
            control: "164.312(a)(2)(iii)"
            period: "2026-Q3"
            attested_by: dana
            attested_at: 2026-10-05T09:00:00Z
            result: implemented
            comment: "Checked the idle timeout: 15 \"minutes\"."
            evidence:
              - "artifacts/session-standard.md"
              - "JIRA-12"

            """.ReplaceLineEndings("\n"), record);
        Assert.Empty(workspace.Load().Diagnostics);
        Assert.Empty(Directory.GetFiles(workspace.PathOf("attestations/2026-Q3"), ".*"));
    }

    [Theory]
    [InlineData("2026-10-14T23:59:59Z", "2026-Q3")] // the grace window's last second: the quarter just ended is owed
    [InlineData("2026-10-15T00:00:00Z", "2026-Q4")] // after it, the current quarter
    [InlineData("2027-01-03T09:00:00Z", "2026-Q4")] // across the year end
    public void WithoutAPeriodTheOneOwedNowIsAttested(string asOf, string period)
    {
        using var workspace = new WorkspaceBuilder();

        var result = Attest(workspace, "dana", "implemented", asOf);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(workspace.PathOf($"attestations/{period}/164-312-a-2-iii.yaml")), result.Out);
    }

    [Fact]
    public void ACorrectionIsANewRecordThatSupersedesTheFirstAndBothAreShown()
    {
        using var workspace = new WorkspaceBuilder();
        Attest(workspace, "dana", "implemented", Early);

        var correction = Attest(workspace, "dana", "partially-implemented", Later);
        var third = Attest(workspace, "dana", "not-implemented", "2026-10-09T08:00:00Z");

        Assert.True(correction.ExitCode == 0, correction.Error);
        Assert.Contains("superseding 2026-Q3/164-312-a-2-iii.yaml", correction.Out, StringComparison.Ordinal);
        Assert.Contains("superseding 2026-Q3/164-312-a-2-iii.2.yaml", third.Out, StringComparison.Ordinal);
        Assert.Contains("implemented", File.ReadAllText(workspace.PathOf("attestations/2026-Q3/164-312-a-2-iii.yaml")), StringComparison.Ordinal);
        Assert.Contains("supersedes: \"2026-Q3/164-312-a-2-iii.yaml\"", File.ReadAllText(workspace.PathOf("attestations/2026-Q3/164-312-a-2-iii.2.yaml")), StringComparison.Ordinal);
        Assert.Empty(workspace.Load().Diagnostics);

        var show = CliRunner.Run("controls", "show", Control, "-w", workspace.Root);
        Assert.Contains("""
              Attestations (3 records on file):
                2026-Q3: not implemented, by dana on 2026-10-09 (2026-Q3/164-312-a-2-iii.3.yaml)
                  supersedes partially implemented, by dana on 2026-10-08 (2026-Q3/164-312-a-2-iii.2.yaml)
                  supersedes implemented, by dana on 2026-10-05 (2026-Q3/164-312-a-2-iii.yaml)
            """.ReplaceLineEndings(Environment.NewLine), show.Out, StringComparison.Ordinal);
        var status = CliRunner.Run("status", workspace.Root, "--as-of", "2026-11-21T09:00:00Z");
        Assert.Contains("2026-Q3 not implemented (corrected)", status.Out, StringComparison.Ordinal);

        // The JSON of status and controls show carries the same chain: the record in force, then what it corrects.
        foreach (var json in new[]
        {
            CliRunner.Run("controls", "show", Control, "-w", workspace.Root, "--json").Out,
            CliRunner.Run("status", workspace.Root, "--as-of", "2026-11-21T09:00:00Z", "--json").Out,
        })
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var control = document.RootElement.TryGetProperty("controls", out var controls)
                ? controls.EnumerateArray().Single(c => c.GetProperty("id").GetString() == Control)
                : document.RootElement;
            var head = Assert.Single(control.GetProperty("attestations").EnumerateArray());
            Assert.Equal(("2026-Q3", "not-implemented", "2026-Q3/164-312-a-2-iii.3.yaml"), (head.GetProperty("period").GetString(), head.GetProperty("result").GetString(), head.GetProperty("record").GetString()));
            Assert.Equal(
                ["2026-Q3/164-312-a-2-iii.2.yaml", "2026-Q3/164-312-a-2-iii.yaml"],
                head.GetProperty("supersedes").EnumerateArray().Select(e => e.GetProperty("record").GetString()));
        }
    }

    [Fact]
    public void TheBinderNamesTheRecordsACorrectionReplaced()
    {
        using var workspace = new WorkspaceBuilder();
        using var output = new TempDirectory();
        Attest(workspace, "dana", "implemented", Early);
        Attest(workspace, "dana", "partially-implemented", Later);

        var build = CliRunner.Run("build", workspace.Root, "--format", "md", "--only", "binder", "--output", output.Path, "--as-of", "2026-11-21T09:00:00Z");

        Assert.True(build.ExitCode == 0, build.Error);
        var binder = File.ReadAllText(Directory.GetFiles(output.Path, "*.md").Single());
        Assert.Contains("corrects earlier ones for the same period, kept on file:", binder, StringComparison.Ordinal);
        Assert.Contains("Implemented, by Dana Whitfield on 2026-10-05 (2026-Q3/164-312-a-2-iii.yaml)", binder.Replace("\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AStrangerIsRefusedWithItsOwnExitCodeAndNothingIsWritten()
    {
        using var workspace = new WorkspaceBuilder();

        var result = Attest(workspace, "lee", "implemented", Early);

        Assert.Equal((int)ExitCode.AttestationRefused, result.ExitCode);
        Assert.Equal(30, result.ExitCode);
        Assert.Contains("evidence: lee may not attest 164.312(a)(2)(iii): only a person in its owning role application-engineering (dana) or a delegate named in evidence.yaml", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("attestations")));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ADelegateNamedInEvidenceYamlMayAttest()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "    grace: 14d", "    grace: 14d\n  delegates:\n    - person: lee\n      for: dana");

        var result = Attest(workspace, "lee", "implemented", Early);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void TheOwnerNamedByAnOverlayMayAttestAndTheRoleNoLonger()
    {
        using var workspace = new WorkspaceBuilder().Write("controls/overlays.yaml", """
            controls:
              - control: "164.312(a)(2)(iii)"
                owner: lee
            """);

        Assert.Equal(0, Attest(workspace, "lee", "implemented", Early).ExitCode);
        Assert.Equal(30, Attest(workspace, "dana", "implemented", Later).ExitCode);
    }

    [Theory]
    [InlineData("--result", "implementd", "--result 'implementd' is not a result (did you mean 'implemented'?)")]
    [InlineData("--period", "2026-11", "--period '2026-11' does not fit the quarterly cadence")]
    [InlineData("--period", "2027-Q1", "--period 2027-Q1 has not begun (it starts 2027-01-01)")]
    [InlineData("--by", "dan", "--by 'dan' is not a person in evidence.yaml (did you mean 'dana'?)")]
    public void BadValuesAreUsageErrors(string option, string value, string message)
    {
        using var workspace = new WorkspaceBuilder();
        var args = new List<string> { "attest", Control, "-w", workspace.Root, "--as-of", Early, "--comment", "checked", "--by", "dana", "--result", "implemented" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = CliRunner.Run([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PendingListsPerOwnerWhatIsDueAndWhatIsOverdueSinceWhen()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("attestations/2026-Q2/164-312-a-2-iii.yaml", """
                control: "164.312(a)(2)(iii)"
                period: 2026-Q2
                attested_by: dana
                attested_at: 2026-07-03T10:00:00Z
                result: implemented
                comment: Checked.
                """);

        var result = CliRunner.Run("attest", "pending", "-w", workspace.Root, "--as-of", "2026-11-21T09:00:00Z", "--owner", "dana", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var owner = Assert.Single(json.RootElement.GetProperty("owners").EnumerateArray());
        Assert.Equal("dana", owner.GetProperty("id").GetString());
        var control = owner.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("control").GetString() == Control);
        Assert.Equal("2026-Q4", control.GetProperty("due").GetProperty("period").GetString());
        Assert.Equal("2027-01-14T23:59:59Z", control.GetProperty("due").GetProperty("due_by").GetString());
        Assert.Equal("2026-10-15T00:00:00Z", control.GetProperty("overdue").GetProperty("since").GetString());
        Assert.Equal("2026-Q2", control.GetProperty("last_attested").GetProperty("period").GetString());
        Assert.Equal("not-satisfied", control.GetProperty("status").GetString());
    }

    [Fact]
    public void PendingOnTheSampleShowsTheOverdueFacilityPlan()
    {
        var result = CliRunner.Run("attest", "pending", "-w", CliRunner.Sample, "--as-of", "2026-11-21T09:00:00Z", "--owner", "hannah-cole");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Hannah Cole (hannah-cole): 4 controls, 1 overdue, 4 due", result.Out, StringComparison.Ordinal);
        Assert.Contains("overdue since 2026-10-15 (2026-Q3); 2026-Q4 due by 2027-01-14T23:59:59Z", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void PendingForSomeoneWhoIsNotAnOwnerIsAUsageErrorWithADidYouMean()
    {
        var result = CliRunner.Run("attest", "pending", "-w", CliRunner.Sample, "--owner", "hanah-cole");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(did you mean 'hannah-cole'?)", result.Error, StringComparison.Ordinal);
    }

    private static CliResult Attest(WorkspaceBuilder workspace, string by, string result, string asOf, params string[] extra) =>
        CliRunner.Run(["attest", Control, "-w", workspace.Root, "--by", by, "--result", result, "--comment", "Checked the idle timeout: 15 \"minutes\".", "--as-of", asOf, .. extra]);
}
