using Evidence.Core.Evaluation;
using Evidence.Core.Store;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Evidence from a cloud's compliance summary (issue #13): judged like detail, but saying only what the
/// cloud reported, never a count of compliant resources nobody fetched.
/// </summary>
public sealed class SummaryEvidenceTests
{
    private const string Rule = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";

    [Fact]
    public void ARuleTheSummaryReportsCompliantSatisfiesTheControlAndSaysWhoReportedIt()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Summarized(Rule, evaluatedAt: Utc("2026-11-19T05:30:00Z")));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.Compliant, reason.Kind);
        Assert.EndsWith("AWS Config reported this rule compliant at 2026-11-19 05:30 UTC", reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("compliant,", reason.Message, StringComparison.Ordinal);
        Assert.Null(reason.Item!.Counts.Compliant);
    }

    [Fact]
    public void NonCompliantResourcesOfASummaryAreCountedButNotSetAgainstAnUncountedTotal()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Summarized(Rule, ["bucket-a", "bucket-b"]));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.NonCompliant, reason.Kind);
        Assert.Contains("2 resources non-compliant (AWS Config reported this rule non-compliant", reason.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" of ", reason.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.NonCompliantResources);
    }

    [Fact]
    public void ASummaryAndDetailOfTheSameDataComeToTheSameJudgment()
    {
        using var summarized = Given().Run("2026-11-19T06:00:00Z", run => run.Summarized(Rule, ["bucket-a"]));
        using var detailed = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, ["bucket-a"], compliant: 5));

        var (bulk, perRule) = (summarized.Evaluate(Logoff), detailed.Evaluate(Logoff));

        Assert.Equal(perRule.Status, bulk.Status);
        Assert.Equal(perRule.Reasons.Select(r => (r.Kind, r.Outcome)), bulk.Reasons.Select(r => (r.Kind, r.Outcome)));
    }

    private static WorkspaceBuilder Given() => new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
          - control: "164.312(a)(2)(iii)"
            replace_default_evidence: true
            evidence:
              - kind: aws-config
                rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                max_age: 7d
        """);
}
