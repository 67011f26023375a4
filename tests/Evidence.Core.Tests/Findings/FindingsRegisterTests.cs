using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Findings;

/// <summary>
/// The findings register: one finding per failing resource, rule and source, however many controls use the
/// rule; its history across runs; and the decisions findings.yaml records for it.
/// </summary>
public sealed class FindingsRegisterTests
{
    private const string PublicRead = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private const string BucketKey = PublicRead + "|111122223333/us-east-1|legacy-exports";

    private static WorkspaceBuilder Given() => new WorkspaceBuilder().WithoutAttestations();

    private static IReadOnlyList<Finding> Register(WorkspaceBuilder workspace, string asOf)
    {
        var loaded = workspace.Load();
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        return FindingsRegister.Build(loaded, Utc(asOf));
    }

    [Fact]
    public void AFailingResourceIsOneFindingListingEveryControlThatUsesTheRule()
    {
        using var workspace = Given().Run("2026-11-19T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"], compliant: 4));

        var finding = Assert.Single(Register(workspace, "2026-11-20T12:00:00Z"));

        Assert.Equal(BucketKey, finding.Key);
        Assert.True(finding.Citations.Count > 1, "S3_BUCKET_PUBLIC_READ_PROHIBITED is mapped to several citations");
        Assert.Equal(finding.Citations.Order(Evidence.Core.Catalog.CitationComparer.Instance), finding.Citations);
        Assert.Equal(FindingState.Open, finding.State);
        Assert.Equal(Utc("2026-11-19T06:01:00Z"), finding.FirstSeen);
    }

    [Fact]
    public void FirstSeenResolutionAndReopeningComeFromTheRunHistory()
    {
        using var workspace = Given()
            .Run("2026-09-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "old-logs"]))
            .Run("2026-10-01T06:00:00Z", run => run.Collected(PublicRead, ["old-logs"]))
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]));

        var findings = Register(workspace, "2026-11-02T00:00:00Z").ToDictionary(f => f.ResourceId);

        var bucket = findings["legacy-exports"];
        Assert.Equal((Utc("2026-09-01T06:01:00Z"), Utc("2026-11-01T06:01:00Z")), (bucket.FirstSeen, bucket.ReopenedAt!.Value));
        Assert.Null(bucket.ResolvedAt);
        Assert.Equal(FindingState.Reopened, bucket.State);
        var logs = findings["old-logs"];
        Assert.Equal(FindingState.Resolved, logs.State);
        Assert.Equal((Utc("2026-10-01T06:01:00Z"), Utc("2026-11-01T06:01:00Z")), (logs.LastSeen, logs.ResolvedAt!.Value));
        Assert.Equal(TimeSpan.FromDays(61), logs.Age);
    }

    [Fact]
    public void AQueryThatFailedToCollectSaysNothingAboutItsResources()
    {
        using var workspace = Given()
            .Run("2026-10-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]))
            .Run("2026-11-01T06:00:00Z", run => run.Failed(PublicRead));

        var finding = Assert.Single(Register(workspace, "2026-11-02T00:00:00Z"));

        Assert.Null(finding.ResolvedAt);
        Assert.NotEqual(FindingState.Resolved, finding.State);
        Assert.Equal(Utc("2026-10-01T06:01:00Z"), finding.LastSeen);
    }

    [Fact]
    public void KeysAreStableAcrossRunsAndNameTheCloudSourceOfEachFinding()
    {
        const string Policy = "azure-policy/definition/34c877ad-507e-4c82-993e-3452a6e0ad3c";
        var azure = AzureCloud.Subscription(WorkspaceBuilder.Subscription);
        var storage = $"/subscriptions/{WorkspaceBuilder.Subscription}/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/Export";
        using var first = Given().Run("2026-10-01T06:00:00Z", run => run
            .Collected(PublicRead, ["legacy-exports"])
            .Collected(Policy, [storage], source: azure));
        using var second = Given().Run("2026-11-01T06:00:00Z", run => run
            .Collected(Policy, [storage.ToUpperInvariant()], source: azure)
            .Collected(PublicRead, ["legacy-exports"], compliant: 9));

        var before = Register(first, "2026-11-02T00:00:00Z").Select(f => f.Key).Order(StringComparer.Ordinal);
        var after = Register(second, "2026-11-02T00:00:00Z").Select(f => f.Key).Order(StringComparer.Ordinal);

        Assert.Equal(before, after);
        Assert.Equal([BucketKey, $"{Policy}|{WorkspaceBuilder.Subscription}|{storage.ToLowerInvariant()}"], before);
        Assert.Equal(FindingKey.ShortId(BucketKey), Register(second, "2026-11-02T00:00:00Z").Single(f => f.Key == BucketKey).Id);
    }

    [Theory]
    [InlineData("2026-11-15T00:00:00Z", FindingState.Open)]
    [InlineData("2026-12-02T00:00:00Z", FindingState.Overdue)]
    public void AFindingIsOverdueWhenItsSeverityDeadlinePasses(string asOf, FindingState expected)
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "settings:\n  attestations:\n    cadence: quarterly\n    grace: 14d", "settings:\n  remediation:\n    critical: 30d")
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]));

        var finding = Assert.Single(Register(workspace, asOf));

        Assert.Equal(expected, finding.State);
        Assert.Equal(new DateOnly(2026, 12, 1), finding.DueDate);
    }

    [Theory]
    [InlineData("2026-11-20T00:00:00Z", FindingState.Accepted)]
    [InlineData("2027-02-01T00:00:00Z", FindingState.AcceptanceExpired)]
    public void ARiskAcceptanceHoldsUntilItExpires(string asOf, FindingState expected)
    {
        using var workspace = Given()
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]))
            .Write(FindingsReader.File, $"""
                findings:
                  - key: "{PublicRead}|*|legacy-*"
                    acceptance:
                      approved_by: dana
                      approved_on: 2026-11-05
                      rationale: The bucket holds published brochures; a move is scheduled with the website rebuild.
                      expires: 2027-01-31
                """);

        var finding = Assert.Single(Register(workspace, asOf));

        Assert.Equal(expected, finding.State);
        Assert.Equal("dana", finding.Record!.Acceptance!.ApprovedBy.Value);
    }

    [Fact]
    public void APlanSetsTheTargetDateOwnerAndTicketAndAFalsePositiveIsNotOpen()
    {
        using var workspace = Given()
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "web-assets"]))
            .Write(FindingsReader.File, $"""
                findings:
                  - key: "{BucketKey}"
                    remediation:
                      owner: lee
                      ticket: PLAT-101
                      target_date: 2026-11-10
                      milestones:
                        - description: Move the exports to a private bucket
                          due: 2026-11-08
                  - key: "{PublicRead}|111122223333/us-east-1|web-assets"
                    false_positive:
                      reason: The CDN origin bucket is public by design and holds no ePHI.
                      by: dana
                """);

        var findings = Register(workspace, "2026-11-12T00:00:00Z").ToDictionary(f => f.ResourceId);

        var planned = findings["legacy-exports"];
        Assert.Equal((FindingState.Overdue, "lee", "PLAT-101", new DateOnly(2026, 11, 10)), (planned.State, planned.Owner, planned.Ticket, planned.DueDate));
        Assert.Equal(FindingState.FalsePositive, findings["web-assets"].State);
        Assert.False(findings["web-assets"].IsOpen);
    }

    [Fact]
    public void AnAzureResourceReportedInAnotherCaseIsTheSameFinding()
    {
        const string Policy = "azure-policy/definition/34c877ad-507e-4c82-993e-3452a6e0ad3c";
        var azure = AzureCloud.Subscription(WorkspaceBuilder.Subscription);
        var storage = $"/subscriptions/{WorkspaceBuilder.Subscription}/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/Export";
        using var workspace = Given()
            .Run("2026-10-01T06:00:00Z", run => run.Collected(Policy, [storage], source: azure))
            .Run("2026-11-01T06:00:00Z", run => run.Collected(Policy, [storage.ToLowerInvariant()], source: azure));

        var finding = Assert.Single(Register(workspace, "2026-11-02T00:00:00Z"));

        Assert.Equal((Utc("2026-10-01T06:01:00Z"), (DateTimeOffset?)null), (finding.FirstSeen, finding.ResolvedAt));
    }

    [Fact]
    public void ADecisionCountsOnlyFromTheDayItWasMadeAndFarFutureDatesDoNotOverflow()
    {
        using var workspace = Given()
            .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "web-assets"]))
            .Write(FindingsReader.File, $"""
                findings:
                  - key: "{BucketKey}"
                    acceptance:
                      approved_by: dana
                      approved_on: 2026-11-10
                      rationale: Brochures only.
                      expires: 9999-12-31
                  - key: "*a*a*a*a*a*a*a*a*a*a*a*a*|*|*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"
                    remediation:
                      owner: lee
                      target_date: 9999-12-31
                """);

        var loaded = workspace.Load();
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Evidence.Core.Diagnostics.DiagnosticSeverity.Error);
        var before = FindingsRegister.Build(loaded, Utc("2026-11-05T00:00:00Z")).Single(f => f.ResourceId == "legacy-exports");
        var after = FindingsRegister.Build(loaded, Utc("2026-11-11T00:00:00Z")).Single(f => f.ResourceId == "legacy-exports");

        Assert.NotEqual(FindingState.Accepted, before.State);
        Assert.Equal(FindingState.Accepted, after.State);
    }

    [Theory]
    [InlineData("aws-config/*|*|legacy-*", true)]
    [InlineData("*exports", true)]
    [InlineData("*|*|*|*", false)]
    [InlineData("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|111122223333/us-east-1|legacy-exports", true)]
    [InlineData("aws-config/S3*PUBLIC*READ*PROHIBITED|*", true)]
    [InlineData("aws-config/S3*WRITE*", false)]
    public void PatternsMatchWithStarsOnly(string pattern, bool matches) =>
        Assert.Equal(matches, FindingKey.Matches(pattern, BucketKey));
}
