using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Evaluation;
using Evidence.Core.Store;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Cloud evidence: the newest item per query and source, collected by the as-of instant, judged for
/// compliance and age. The control is judged on one AWS Config rule and nothing else.
/// </summary>
public sealed class CloudEvidenceTests
{
    private const string Rule = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";

    private const string JudgedOnTheRule = """
          - control: "164.312(a)(2)(iii)"
            replace_default_evidence: true
            evidence:
              - kind: aws-config
                rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                max_age: 7d
        """;

    [Fact]
    public void CompliantEvidenceSatisfiesTheControl()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, compliant: 3));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.Compliant, reason.Kind);
        Assert.Equal(Rule, reason.Subject);
        Assert.Equal(RunBuilder.DefaultSource, reason.Source);
        Assert.Contains("3 compliant", reason.Message);
    }

    [Fact]
    public void NonCompliantResourcesAreCountedInTheFinding()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, compliant: 3, nonCompliant: 2));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.NonCompliant, reason.Kind);
        Assert.Contains("2 of 5 resources non-compliant", reason.Message);
        Assert.Equal(2, result.NonCompliantResources);
    }

    [Fact]
    public void NonCompliantEvidenceBesideCompliantEvidenceIsPartiallySatisfied()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations()
            .WithOverlays("""
                  - control: "164.312(a)(2)(iii)"
                    replace_default_evidence: true
                    evidence:
                      - kind: aws-config
                        rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                      - kind: aws-config
                        rule: RDS_SNAPSHOT_ENCRYPTED
                """)
            .Run("2026-11-19T06:00:00Z", run => run
                .Collected(Rule, compliant: 4)
                .Collected("aws-config/RDS_SNAPSHOT_ENCRYPTED", compliant: 1, nonCompliant: 1));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.PartiallySatisfied, result.Status);
        Assert.Equal([ReasonKind.Compliant, ReasonKind.NonCompliant], result.Reasons.Select(f => f.Kind));
        Assert.Contains("1 of 2 resources non-compliant", result.Reasons[1].Message);
    }

    [Fact]
    public void AFailedQueryIsNotCollectedAndLeavesTheControlNotSatisfied()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Failed(Rule));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.NotCollected, reason.Kind);
        Assert.Equal(Outcome.Fail, reason.Outcome);
        Assert.Contains("could not be collected on 2026-11-19 06:01 UTC (AccessDeniedException:", reason.Message);
        Assert.Equal(ItemStatus.Failed, reason.Item?.Status);
    }

    [Fact]
    public void ACloudErrorMessageIsMaskedInTheReason()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Failed(
            Rule, new Evidence.Core.Store.ItemError("AccessDeniedException", "user with key AKIAIOSFODNN7EXAMPLE is not authorized")));

        var reason = Assert.Single(workspace.Evaluate(Logoff).Reasons);

        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", reason.Message, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryNeverCollectedIsNotCollectedAndLeavesTheControlNotSatisfied()
    {
        using var workspace = Given();

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.NotCollected, reason.Kind);
        Assert.Contains("never collected", reason.Message);
        Assert.Null(reason.Item);
    }

    [Fact]
    public void EvidenceEvaluatedLongerAgoThanMaxAgeIsStaleSinceEvaluationPlusMaxAge()
    {
        // Given the rule was collected yesterday, but AWS Config last evaluated it ten days ago.
        var evaluated = Utc("2026-11-10T05:41:27Z");
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, compliant: 3, evaluatedAt: evaluated));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.NotSatisfied, result.Status);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.Stale, reason.Kind);
        Assert.Equal(evaluated + TimeSpan.FromDays(7), reason.Since);
        Assert.Contains("stale since 2026-11-17 05:41 UTC (evidence from 2026-11-10 05:41 UTC, maximum age 7d)", reason.Message);
    }

    [Fact]
    public void EvidenceJustInsideMaxAgeIsNotStale()
    {
        using var workspace = Given().Run("2026-11-13T12:00:00Z", run => run.Collected(Rule, evaluatedAt: Utc("2026-11-13T12:00:00Z")));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ReasonKind.Compliant, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void EvidenceCollectedAfterTheAsOfInstantIsIgnored()
    {
        using var workspace = Given()
            .Run("2026-11-18T06:00:00Z", run => run.Collected(Rule, compliant: 3))
            .Run("2026-11-21T06:00:00Z", run => run.Collected(Rule, compliant: 1, nonCompliant: 2));

        var result = workspace.Evaluate(Logoff);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(ReasonKind.Compliant, reason.Kind);
        Assert.Equal("20261118T060000Z", reason.Item?.RunId);
    }

    [Fact]
    public void TheNewestItemWinsAcrossRuns()
    {
        using var workspace = Given()
            .Run("2026-11-15T06:00:00Z", run => run.Collected(Rule, compliant: 1, nonCompliant: 2))
            .Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, compliant: 3));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        Assert.Equal("20261119T060000Z", Assert.Single(result.Reasons).Item?.RunId);
    }

    [Fact]
    public void AFailureAfterASuccessfulCollectionIsWhatCounts()
    {
        using var workspace = Given()
            .Run("2026-11-15T06:00:00Z", run => run.Collected(Rule, compliant: 3))
            .Run("2026-11-19T06:00:00Z", run => run.Failed(Rule));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ReasonKind.NotCollected, Assert.Single(result.Reasons).Kind);
    }

    [Fact]
    public void EvidenceFromASourceOutsideTheQueryDoesNotCount()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(Rule, source: AwsCloud.Source(WorkspaceBuilder.Account, "us-west-2")));

        var result = workspace.Evaluate(Logoff);

        Assert.Contains("never collected", Assert.Single(result.Reasons).Message);
    }

    [Fact]
    public void AnAzurePolicyIsJudgedOnEvidenceFromTheBoundarySubscription()
    {
        const string Definition = "/providers/Microsoft.Authorization/policyDefinitions/ee984370-154a-4ee8-9726-19d900e56fc0";
        using var workspace = new WorkspaceBuilder().WithoutAttestations()
            .WithOverlays($"""
                  - control: "164.312(a)(2)(iii)"
                    replace_default_evidence: true
                    evidence:
                      - kind: azure-policy
                        definition: {Definition}
                """)
            .Run("2026-11-19T06:00:00Z", run => run.Collected(
                "azure-policy/definition/ee984370-154a-4ee8-9726-19d900e56fc0", compliant: 2, source: AzureCloud.Subscription(WorkspaceBuilder.Subscription)));

        var result = workspace.Evaluate(Logoff);

        Assert.Equal(ControlStatus.Satisfied, result.Status);
        Assert.Equal(AzureCloud.Subscription(WorkspaceBuilder.Subscription), Assert.Single(result.Reasons).Source);
    }

    private static WorkspaceBuilder Given() => new WorkspaceBuilder().WithoutAttestations().WithOverlays(JudgedOnTheRule);
}
