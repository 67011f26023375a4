using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Findings;

/// <summary>
/// Open findings as each run left them: a finding counts in the runs it was failing in, from first seen to
/// resolved, again after it reopened, and not while a risk acceptance held it or once it was a false positive.
/// </summary>
public sealed class OpenFindingsByRunTests
{
    private const string PublicRead = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private static readonly DateTimeOffset SampleAsOf = Utc("2026-11-21T09:00:00Z");

    [Fact]
    public void TheSampleHasTenOpenInSeptemberSevenInOctoberAndNineInNovember()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth);
        var findings = FindingsRegister.Build(loaded, SampleAsOf);

        var counts = OpenFindingsByRun.Count(findings, loaded.Runs, SampleAsOf);

        // September: 12 failing, less the two under the account-level acceptance (in force until 2026-10-31).
        // October: the EBS volume and the security group resolved, the RDS snapshot accepted on 2026-10-02.
        // November: the group reopened, the account-level acceptance expired, the false positive recorded on 2026-11-18.
        Assert.Equal(
            [("20260921T060000Z", 10, 12), ("20261020T060000Z", 7, 10), ("20261120T060000Z", 9, 11)],
            counts.Select(c => (c.Run.RunId, c.Open, c.Failing)));
        Assert.Equal(findings.Count(f => f.IsOpen), counts[^1].Open);
    }

    [Fact]
    public void AReopenedFindingKeepsTheSpanItFailedOverBeforeItsResolution()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth);

        var findings = FindingsRegister.Build(loaded, SampleAsOf);
        var group = findings.Single(f => f.ResourceId == "sg-0a1b2c3d4e5f60718");
        var volume = findings.Single(f => f.ResourceId == "vol-09f4f5e5521e82e69");

        Assert.Equal(2, group.Failing.Count);
        Assert.Equal((group.FirstSeen, group.ReopenedAt, (DateTimeOffset?)null), (group.Failing[0].From, (DateTimeOffset?)group.Failing[1].From, group.Failing[1].To));
        Assert.True(group.Failing[0].To < group.ReopenedAt);
        Assert.False(group.FailingAt(group.Failing[0].To!.Value));
        Assert.Equal([new FailingSpan(volume.FirstSeen, volume.ResolvedAt)], volume.Failing);
    }

    [Fact]
    public void EveryFindingIsOpenAtTheRegistersInstantExactlyWhenItsStateIsOpen()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth);

        var findings = FindingsRegister.Build(loaded, SampleAsOf);

        Assert.All(findings, f => Assert.Equal(f.IsOpen, f.IsOpenAt(SampleAsOf)));
    }

    [Fact]
    public void AFindingCountsInTheRunsItFailedInAndNotWhileAnAcceptanceHeldIt()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations()
            .Run("2026-09-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "old-logs", "brochures"]))
            .Run("2026-10-01T06:00:00Z", run => run.Collected(PublicRead, ["old-logs", "brochures"]))
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "brochures"]))
            .Run("2026-11-15T06:00:00Z", run => run.Failed(PublicRead))
            .Write(FindingsReader.File, $"""
                findings:
                  - key: "{PublicRead}|*|brochures"
                    acceptance:
                      approved_by: dana
                      approved_on: 2026-09-15
                      rationale: The bucket holds published brochures.
                      expires: 2026-10-15
                """);
        var loaded = workspace.Load();
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        var asOf = Utc("2026-12-01T00:00:00Z");

        var counts = OpenFindingsByRun.Count(FindingsRegister.Build(loaded, asOf), loaded.Runs, asOf);

        // A run that could not collect says nothing new: what the run before left stands.
        Assert.Equal([(3, 3), (1, 2), (2, 2), (2, 2)], counts.Select(c => (c.Open, c.Failing)));
        Assert.Equal(Utc("2026-09-01T06:01:00Z"), counts[0].At);
    }

    [Fact]
    public void RunsAfterTheAsOfInstantAreLeftOut()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth);
        var asOf = Utc("2026-10-25T00:00:00Z");

        var counts = OpenFindingsByRun.Count(FindingsRegister.Build(loaded, asOf), loaded.Runs, asOf);

        Assert.Equal([10, 7], counts.Select(c => c.Open));
    }
}
