using Evidence.Core.Attestations;
using Evidence.Core.Evaluation;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// The owner's attestation, quarterly with 14 days' grace: on 2026-11-20 the attestation for 2026-Q3
/// (due 2026-10-15) is the one that counts. The control asks for nothing else here.
/// </summary>
public sealed class AttestationJudgementTests
{
    [Fact]
    public void NoAttestationOnRecordIsMissingSinceTheDueDate()
    {
        using var workspace = Given();

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.AttestationMissing, reason.Kind);
        Assert.Equal(Utc("2026-10-15T00:00:00Z"), reason.Since);
        Assert.Contains("no attestation on record; 2026-Q3 was due by 2026-10-15", reason.Message);
    }

    [Fact]
    public void AnAttestationForAnEarlierPeriodIsOverdueOnceTheGraceHasPassed()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q2", "2026-07-03T10:00:00Z");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.AttestationOverdue, reason.Kind);
        Assert.Equal(Utc("2026-10-15T00:00:00Z"), reason.Since);
        Assert.Contains("attestation overdue: last attested for 2026-Q2; 2026-Q3 was due by 2026-10-15", reason.Message);
    }

    [Fact]
    public void AnAttestationForTheDuePeriodIsCurrent()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.AttestationCurrent, reason.Kind);
        Assert.Contains("dana attested implemented for 2026-Q3 on 2026-10-06", reason.Message);
        Assert.Equal(new AttestationPeriod(Workspaces.AttestationCadence.Quarterly, 2026, 3), result.LatestAttestation?.Period);
    }

    [Fact]
    public void ThePreviousPeriodIsStillAcceptableWithinTheGrace()
    {
        // On 2026-10-10 the 2026-Q3 attestation is not due until 2026-10-15, so 2026-Q2 still counts.
        using var workspace = Given().Attest(Logoff, "2026-Q2", "2026-07-03T10:00:00Z");

        var result = workspace.Evaluate(Logoff, Utc("2026-10-10T12:00:00Z"));

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        Assert.Equal(ReasonKind.AttestationCurrent, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void ThePreviousPeriodIsOverdueTheMomentTheGraceEnds()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q2", "2026-07-03T10:00:00Z");

        var result = workspace.Evaluate(Logoff, Utc("2026-10-15T00:00:00Z"));

        Assert.Equal(ReasonKind.AttestationOverdue, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void AnAttestationOfPartialImplementationMakesTheControlPartiallySatisfied()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z", result: "partially-implemented");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.PartiallySatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.AttestationCurrent, reason.Kind);
        Assert.Equal(Outcome.Partial, reason.Outcome);
    }

    [Fact]
    public void AnAttestationOfNoImplementationLeavesTheControlNotSatisfied()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z", result: "not-implemented");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        Assert.Equal(Outcome.Fail, Assert.Single(result.Reasons).Outcome);
    }

    [Fact]
    public void AnAttestationMadeAfterTheAsOfInstantIsIgnored()
    {
        using var workspace = Given().Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z");

        var result = workspace.Evaluate(Logoff, Utc("2026-10-05T12:00:00Z"));

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.AttestationMissing, reason.Kind);
        Assert.Contains("2026-Q2 was due by 2026-07-15", reason.Message);
    }

    [Fact]
    public void ControlsAreNotAttestedWhenTheWorkspaceSetsNoCadence()
    {
        using var workspace = Given().WithoutAttestations();

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotAssessed, result.Status);
        Assert.Empty(result.Reasons);
    }

    private static WorkspaceBuilder Given() => new WorkspaceBuilder().WithOverlays("""
          - control: "164.312(a)(2)(iii)"
            replace_default_evidence: true
        """);
}
