using Evidence.Core.Evaluation;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>How reasons, the owner's declared status and applicability combine into a control's status.</summary>
public sealed class ControlStatusTests
{
    [Fact]
    public void AControlWithCompliantEvidenceCurrentDocumentsAndACurrentAttestationIsSatisfied()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("artifacts/session-timeout-standard.md", "# Session timeout standard\n")
            .Write("artifacts/session-timeout-configuration.json", "{}\n")
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    status: implemented
                    evidence:
                      - kind: aws-config
                        rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                      - kind: manual
                        artifact: session-timeout-standard
                        path: artifacts/session-timeout-standard.md
                        date: 2026-06-01
                      - kind: manual
                        artifact: session-timeout-configuration
                        path: artifacts/session-timeout-configuration.json
                        date: 2026-10-01
                """)
            .Run("2026-11-19T06:00:00Z", run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 4))
            .Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        Assert.Equal(
            [ReasonKind.Compliant, ReasonKind.ArtifactCurrent, ReasonKind.ArtifactCurrent, ReasonKind.AttestationCurrent],
            result.Reasons.Select(f => f.Kind));
    }

    [Fact]
    public void AControlTheOwnerReportsAsPlannedIsNotSatisfiedWhateverTheEvidence()
    {
        using var workspace = new WorkspaceBuilder()
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    status: planned
                    replace_default_evidence: true
                """)
            .Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        Assert.Equal([ReasonKind.ImplementationGap, ReasonKind.AttestationCurrent], result.Reasons.Select(f => f.Kind));
        Assert.Contains("the owner reports the control as planned", result.Reasons[0].Message);
    }

    [Fact]
    public void AControlTheOwnerReportsAsPartiallyImplementedIsAtBestPartiallySatisfied()
    {
        using var workspace = new WorkspaceBuilder()
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    status: partially-implemented
                    replace_default_evidence: true
                """)
            .Attest(Logoff, "2026-Q3", "2026-10-06T15:04:00Z");

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.PartiallySatisfied, result.Status);
    }

    [Fact]
    public void AControlDecidedNotApplicableIsNotApplicableWithItsRationale()
    {
        using var workspace = new WorkspaceBuilder().WithOverlays(NotApplicable("164.312(a)(2)(iii)"));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotApplicable, result.Status);
        Assert.Contains("not applicable: Nothing in scope.", Assert.Single(result.Reasons).Message);
    }

    [Fact]
    public void ASpecificationInheritsNotApplicableFromItsStandard()
    {
        using var workspace = new WorkspaceBuilder().WithOverlays(NotApplicable("164.314(b)(1)"));

        var evaluation = workspace.EvaluateAll();

        Assert.Equal(ControlStatus.NotApplicable, evaluation.Find("164.314(b)(1)")?.Status);
        var spec = evaluation.Find("164.314(b)(2)(i)")!;
        Assert.Equal(ControlStatus.NotApplicable, spec.Status);
        Assert.Contains("its standard does not apply", Assert.Single(spec.Reasons).Message);
    }

    [Fact]
    public void AStandardWhoseSpecificationsAreAllSatisfiedIsSatisfied()
    {
        using var workspace = WithBusinessAssociateSpecs()
            .Attest("164.314(a)(2)(i)", "2026-Q3", "2026-10-06T15:04:00Z")
            .Attest("164.314(a)(2)(ii)", "2026-Q3", "2026-10-06T15:04:00Z")
            .Attest("164.314(a)(2)(iii)", "2026-Q3", "2026-10-06T15:04:00Z");

        var standard = workspace.Evaluate("164.314(a)(1)");

        Assert.Equal(ControlStatus.Satisfied, standard.Status);
        Assert.Equal(["164.314(a)(2)(i)", "164.314(a)(2)(ii)", "164.314(a)(2)(iii)"], standard.Reasons.Select(f => f.Subject));
        Assert.All(standard.Reasons, f => Assert.Equal(ReasonKind.Specification, f.Kind));
    }

    [Fact]
    public void AStandardWithSatisfiedAndUnsatisfiedSpecificationsIsPartiallySatisfied()
    {
        using var workspace = WithBusinessAssociateSpecs()
            .Attest("164.314(a)(2)(i)", "2026-Q3", "2026-10-06T15:04:00Z")
            .Attest("164.314(a)(2)(iii)", "2026-Q3", "2026-10-06T15:04:00Z");

        var standard = workspace.Evaluate("164.314(a)(1)");

        Assert.Equal(ControlStatus.PartiallySatisfied, standard.Status);
        Assert.Equal([Outcome.Pass, Outcome.Fail, Outcome.Pass], standard.Reasons.Select(f => f.Outcome));
    }

    [Fact]
    public void AStandardWhoseSpecificationsAllDoNotApplyIsNotApplicable()
    {
        using var workspace = new WorkspaceBuilder().WithOverlays(
            NotApplicable("164.314(a)(2)(i)") + NotApplicable("164.314(a)(2)(ii)") + NotApplicable("164.314(a)(2)(iii)"));

        var standard = workspace.Evaluate("164.314(a)(1)");

        Assert.Equal(ControlStatus.NotApplicable, standard.Status);
        Assert.Empty(standard.Reasons);
    }

    private static WorkspaceBuilder WithBusinessAssociateSpecs() => new WorkspaceBuilder().WithOverlays("""
          - control: "164.314(a)(2)(i)"
            replace_default_evidence: true
          - control: "164.314(a)(2)(ii)"
            replace_default_evidence: true
          - control: "164.314(a)(2)(iii)"
            replace_default_evidence: true
        """);

    private static string NotApplicable(string control) => $"""
          - control: "{control}"
            status: not-applicable
            decision:
              rationale: Nothing in scope.
              decided_by: dana
              decided_on: 2026-03-02

        """;
}
