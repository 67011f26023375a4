using Evidence.Core.Evaluation;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Judgments an assessor accepts: an empty answer is not a pass, supporting evidence never satisfies a
/// control alone, and the primary evidence decides. The control is judged on two rules, one primary and
/// one supporting, and nothing else; each row gives what each rule's answer holds.
/// </summary>
public sealed class EvidenceRoleJudgmentTests
{
    private const string Primary = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private const string Supporting = "aws-config/RDS_SNAPSHOT_ENCRYPTED";

    private const string Overlay = """
          - control: "164.312(a)(2)(iii)"
            replace_default_evidence: true
            evidence:
              - kind: aws-config
                rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                max_age: 7d
              - kind: aws-config
                rule: RDS_SNAPSHOT_ENCRYPTED
                role: supporting
                note: Snapshot encryption shows data handling, not automatic logoff.
        """;

    /// <summary>What an answer holds: "pass" (compliant resources), "fail" (a failing resource), "empty", "stale", "missing" (no answer).</summary>
    [Theory]
    [InlineData("pass", "pass", ControlStatus.Satisfied)]
    [InlineData("pass", "fail", ControlStatus.PartiallySatisfied)]
    [InlineData("pass", "empty", ControlStatus.Satisfied)]
    [InlineData("fail", "pass", ControlStatus.NotSatisfied)]
    [InlineData("stale", "pass", ControlStatus.NotSatisfied)]
    [InlineData("empty", "pass", ControlStatus.NotAssessed)]
    [InlineData("empty", "empty", ControlStatus.NotAssessed)]
    [InlineData("empty", "fail", ControlStatus.NotSatisfied)]
    [InlineData("missing", "pass", ControlStatus.NotSatisfied)]
    public void ThePrimaryEvidenceDecidesAndSupportingEvidenceOnlyShowsGaps(string primary, string supporting, ControlStatus expected)
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays(Overlay)
            .Run("2026-11-19T06:00:00Z", run => Answer(Answer(run, Primary, primary), Supporting, supporting));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void AnEmptyAnswerIsShownAsNoResourcesInScopeWithoutAnEvaluationTime()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays(Overlay)
            .Run("2026-11-19T06:00:00Z", run => run.Collected(Primary, compliant: 0).Collected(Supporting, compliant: 1));

        var result = workspace.Evaluate(Logoff);

        var empty = result.Reasons.Single(r => r.Subject == Primary);
        Assert.Equal((ReasonKind.NoResources, Outcome.Neutral), (empty.Kind, empty.Outcome));
        Assert.Contains("no resources in scope", empty.Message, StringComparison.Ordinal);
        Assert.Contains(result.Reasons, r => r.Kind == ReasonKind.NoPrimaryEvidence);
        Assert.Equal(ControlStatus.NotAssessed, result.Status);
    }

    [Fact]
    public void AQueryThatExpectsResourcesFailsOnAnEmptyAnswer()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations()
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    replace_default_evidence: true
                    evidence:
                      - kind: aws-config
                        rule: CLOUD_TRAIL_ENABLED
                        expect_resources: true
                """)
            .Run("2026-11-19T06:00:00Z", run => run.Collected("aws-config/CLOUD_TRAIL_ENABLED", compliant: 0));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal((ReasonKind.NoResources, Outcome.Fail), (reason.Kind, reason.Outcome));
        Assert.Contains("expect_resources", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportingEvidenceNeedsANoteSayingWhy()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    rule: RDS_SNAPSHOT_ENCRYPTED
                    role: supporting
            """);

        var errors = workspace.Load().Diagnostics.Select(d => d.ToString());

        Assert.Contains($"{workspace.Locate(Overlays, "supporting")}: supporting evidence needs a 'note' saying why it does not prove the control on its own", errors);
    }

    [Fact]
    public void AnAdvancedQueryMustSayWhatItsRowsMean()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config-query
                    id: stores
                    title: Data stores
                    expression: SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'
            """);

        var errors = workspace.Load().Diagnostics.Select(d => d.ToString());

        Assert.Contains(errors, e => e.Contains("an advanced query needs 'fail_when'", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOverlayThatListsACatalogQueryAgainRestatesItsRoleForTheWorkspace()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
              - control: "164.312(a)(1)"
                evidence:
                  - kind: aws-config
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                    role: supporting
                    note: Our buckets hold no ePHI; the data lives in the database.
            """);

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        var control = loaded.Controls.Single(c => c.Id == "164.312(a)(1)");
        var query = Assert.Single(control.Queries, q => q.Key == Primary);
        Assert.Equal((Core.Queries.EvidenceRole.Supporting, "Our buckets hold no ePHI; the data lives in the database."), (query.Role!.Value, query.RoleNote));
    }

    private static RunBuilder Answer(RunBuilder run, string query, string holds) => holds switch
    {
        "pass" => run.Collected(query, compliant: 2),
        "fail" => run.Collected(query, compliant: 1, nonCompliant: 1),
        "empty" => run.Collected(query, compliant: 0),
        "stale" => run.Collected(query, compliant: 2, evaluatedAt: Utc("2026-10-01T00:00:00Z")),
        _ => run,
    };
}
