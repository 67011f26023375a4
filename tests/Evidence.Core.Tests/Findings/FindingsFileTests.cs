using Evidence.Core.Loading;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Findings;

/// <summary>findings.yaml is read strictly: every mistake is an error at its file, line and column.</summary>
public sealed class FindingsFileTests
{
    private const string Key = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|111122223333/us-east-1|legacy-exports";

    private static WorkspaceBuilder Given(string findings) => new WorkspaceBuilder().WithoutAttestations()
        .Run("2026-11-01T06:00:00Z", run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", ["legacy-exports"]))
        .Write(FindingsReader.File, findings);

    private static string Errors(WorkspaceBuilder workspace) =>
        string.Join("\n", workspace.Load().Diagnostics.Select(d => d.ToString()));

    [Fact]
    public void AnUnknownKeyIsAnErrorWithADidYouMean()
    {
        using var workspace = Given($"""
            findings:
              - key: "{Key}"
                remediaton:
                  owner: dana
                  target_date: 2026-12-01
            """);

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(FindingsReader.File, "remediaton")}: unknown key 'remediaton' in a findings entry (did you mean 'remediation'?)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOrPatternThatMatchesNoFindingIsAWarning()
    {
        using var workspace = Given("""
            findings:
              - key: "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|111122223333/us-east-1|legacy-exprots"
                false_positive:
                  reason: typo
                  by: dana
              - key: "aws-config/RDS_SNAPSHOT_ENCRYPTED|*|*"
                false_positive:
                  reason: nothing matches
                  by: dana
            """);

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(FindingsReader.File, "\"aws-config/S3_BUCKET")}: warning: finding key 'aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|111122223333/us-east-1|legacy-exprots' matches no finding in the evidence runs (did you mean '{Key}'?)", errors, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Locate(FindingsReader.File, "\"aws-config/RDS")}: warning: finding pattern 'aws-config/RDS_SNAPSHOT_ENCRYPTED|*|*' matches no finding", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyThatIsNotAFindingKeyIsAnError()
    {
        using var workspace = Given("""
            findings:
              - key: legacy-exports
                false_positive:
                  reason: not a key
                  by: dana
            """);

        Assert.Contains($"{workspace.Locate(FindingsReader.File, "legacy-exports")}: 'legacy-exports' is not a finding key", Errors(workspace), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAcceptanceNeedsANamedApproverAndAnExpiryAfterItsApproval()
    {
        using var workspace = Given($"""
            findings:
              - key: "{Key}"
                acceptance:
                  approved_on: 2026-11-05
                  rationale: Brochures only.
                  expires: 2026-11-01
              - key: "{Key.Replace("legacy-exports", "*", StringComparison.Ordinal)}"
                acceptance:
                  approved_by: somebody
                  approved_on: 2026-11-05
                  rationale: Brochures only.
                  expires: 2027-01-01
            """);

        var errors = Errors(workspace);

        Assert.Contains($"{workspace.Locate(FindingsReader.File, "approved_on", 1)}: 'acceptance' is missing the required key 'approved_by'", errors, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Locate(FindingsReader.File, "2026-11-01")}: the acceptance expires on 2026-11-01, not after it was approved on 2026-11-05", errors, StringComparison.Ordinal);
        Assert.Contains($"{workspace.Locate(FindingsReader.File, "somebody")}: unknown approver 'somebody'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryTakesExactlyOneDecision()
    {
        using var workspace = Given($"""
            findings:
              - key: "{Key}"
                owner: lee
            """);

        Assert.Contains($"{workspace.Locate(FindingsReader.File, "key:")}: a findings entry needs one of 'remediation'", Errors(workspace), StringComparison.Ordinal);
    }
}
