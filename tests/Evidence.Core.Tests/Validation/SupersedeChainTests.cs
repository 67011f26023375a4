using Evidence.Core.Attestations;
using Evidence.Core.Evaluation;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>A correction is a new record that supersedes the one before; the chain stays on file and its newest record counts.</summary>
public sealed class SupersedeChainTests
{
    private const string First = "attestations/2026-Q3/164-312-a-2-iii.yaml";
    private const string Second = "attestations/2026-Q3/164-312-a-2-iii.2.yaml";
    private const string Third = "attestations/2026-Q3/164-312-a-2-iii.3.yaml";

    [Fact]
    public void AChainOfCorrectionsIsValidAndItsNewestRecordIsTheOneInForce()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("partially-implemented", "2026-10-08T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"))
            .Write(Third, Record("not-implemented", "2026-10-09T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.2.yaml"));

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        var latest = AttestationJudge.Latest("164.312(a)(2)(iii)", loaded.Attestations, DateTimeOffset.Parse("2026-11-21T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(AttestationResult.NotImplemented, latest!.Result);
        Assert.Equal(
            ["2026-Q3/164-312-a-2-iii.3.yaml", "2026-Q3/164-312-a-2-iii.2.yaml", "2026-Q3/164-312-a-2-iii.yaml"],
            AttestationChain.History(latest, loaded.Attestations).Select(a => a.RecordPath));
    }

    [Fact]
    public void BeforeTheCorrectionWasMadeTheEarlierRecordStillCounts()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("not-implemented", "2026-10-08T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"));

        var latest = AttestationJudge.Latest("164.312(a)(2)(iii)", workspace.Load().Attestations, DateTimeOffset.Parse("2026-10-07T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(AttestationResult.Implemented, latest!.Result);
    }

    [Fact]
    public void SupersedingARecordThatDoesNotExistIsAnErrorWithADidYouMean()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("not-implemented", "2026-10-08T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-ii.yaml"));

        var errors = workspace.Load().Diagnostics;

        var error = Assert.Single(errors, d => d.Message.Contains("which is not a record under attestations/", StringComparison.Ordinal));
        Assert.Contains("(did you mean '2026-Q3/164-312-a-2-iii.yaml'?)", error.Message);
        Assert.Equal(workspace.Locate(Second, "\"2026-Q3/164-312-a-2-ii.yaml\""), error.Location);
    }

    [Fact]
    public void ARecordSupersededTwiceIsAnErrorAtTheSecondLink()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("partially-implemented", "2026-10-08T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"))
            .Write(Third, Record("not-implemented", "2026-10-09T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"));

        var errors = workspace.Load().Diagnostics;

        Assert.Contains(errors, d => d.Message.Contains("'2026-Q3/164-312-a-2-iii.yaml' is already superseded by 2026-Q3/164-312-a-2-iii.2.yaml; supersede the latest record of the chain instead", StringComparison.Ordinal)
            && d.Location == workspace.Locate(Third, "\"2026-Q3/164-312-a-2-iii.yaml\""));
    }

    [Fact]
    public void ACorrectionForAnotherPeriodIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("attestations/2026-Q2/164-312-a-2-iii.yaml", Record("implemented", "2026-07-06T15:04:00Z", period: "2026-Q2"))
            .Write(Second, Record("not-implemented", "2026-10-08T09:00:00Z", supersedes: "2026-Q2/164-312-a-2-iii.yaml"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("a correction replaces a record of the same control and period (164.312(a)(2)(iii) 2026-Q3)", error.Message);
    }

    [Fact]
    public void ACorrectionMadeBeforeWhatItCorrectsIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("not-implemented", "2026-10-05T09:00:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("is before the record it supersedes (2026-10-06T15:04:00Z)", error.Message);
        Assert.Equal(workspace.Locate(Second, "2026-10-05T09:00:00Z"), error.Location);
    }

    [Fact]
    public void ALoopOfSupersedesIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z", supersedes: "2026-Q3/164-312-a-2-iii.2.yaml"))
            .Write(Second, Record("not-implemented", "2026-10-06T15:04:00Z", supersedes: "2026-Q3/164-312-a-2-iii.yaml"));

        var errors = workspace.Load().Diagnostics;

        Assert.Contains(errors, d => d.Message.Contains("loops back to it", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoRecordsInForceForOnePeriodAskForSupersedes()
    {
        using var workspace = new WorkspaceBuilder()
            .Write(First, Record("implemented", "2026-10-06T15:04:00Z"))
            .Write(Second, Record("not-implemented", "2026-10-08T09:00:00Z"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("or make this one a correction with 'supersedes:' naming the earlier record", error.Message);
    }

    private static string Record(string result, string at, string? supersedes = null, string period = "2026-Q3") => $"""
        control: "164.312(a)(2)(iii)"
        period: {period}
        attested_by: dana
        attested_at: {at}
        result: {result}
        comment: Checked the idle timeout.
        {(supersedes is null ? string.Empty : $"supersedes: \"{supersedes}\"")}
        """;
}
