using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.SampleRun;

namespace Evidence.Core.Tests;

/// <summary>
/// The Acme Health sample commits one evidence run, samples/acme-health/evidence/runs/20261120T060000Z/:
/// a replay of its recordings (samples/acme-health/recordings/). tests/Evidence.Cli.Tests/SampleRecordingsTests
/// checks that replaying the recordings writes the committed run byte for byte, and records them again
/// with EVIDENCE_REGENERATE_SAMPLE=1; these tests check the story the run tells.
/// </summary>
public sealed class SampleRunTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSampleWithItsRunLoadsWithoutDiagnosticsAndEveryHashMatches()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth, verifyHashes: true);

        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(3, loaded.Runs.Count);
        var run = loaded.Runs.Single(r => r.RunId == SampleScenario.RunId);
        Assert.Equal(RunState.Complete, run.State);
        Assert.Equal(SampleScenario.RunId, run.RunId);
        Assert.Single(run.Items, i => i.Status == ItemStatus.Failed);
        Assert.Contains(run.Items, i => i.Source.Cloud == "aws" && i.Raw.Count >= 2);
        Assert.All(run.Items, i => Assert.InRange(i.CollectedAt, run.StartedAt, run.CompletedAt!.Value));
    }

    [Fact]
    public void AsOfTheNextMorningTheSampleShowsTheIntendedMix()
    {
        var loaded = WorkspaceLoader.Load(RepositoryPaths.AcmeHealth, verifyHashes: false);
        Assert.Equal(3, loaded.Runs.Count);
        var run = loaded.Runs.Single(r => r.RunId == SampleScenario.RunId);
        var reasons = Evaluator.Evaluate(loaded, AsOf).Controls.SelectMany(c => c.CloudReasons).ToList();

        // Every query and source the controls need was collected: nothing is "never collected".
        Assert.DoesNotContain(reasons, f => f.Kind == ReasonKind.NotCollected && f.Item is null);

        // The five planted problems are non-compliant, each with the offending resource in its rows.
        AssertNonCompliant(run, reasons, "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", Aws("210987654321", "us-east-1"), SampleScenario.PublicBucket);
        AssertNonCompliant(run, reasons, "aws-config/RDS_SNAPSHOT_ENCRYPTED", Aws("210987654321", "us-west-2"), SampleScenario.UnencryptedSnapshot);
        var openPort = AssertNonCompliant(run, reasons, "aws-config/VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", Aws("210987654321", "us-east-1"), SampleScenario.OpenSecurityGroup);
        Assert.Contains("0.0.0.0/0", openPort.Annotation, StringComparison.Ordinal);
        Assert.Contains("5432", openPort.Annotation, StringComparison.Ordinal);
        AssertNonCompliant(run, reasons, "aws-config/MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", Aws("210987654321", "us-east-1"), SampleScenario.UserWithoutMfa);
        AssertNonCompliant(run, reasons, "aws-config/IAM_USER_MFA_ENABLED", Aws("210987654321", "us-east-1"), SampleScenario.UserWithoutMfa);
        var subscription = loaded.Workspace!.Boundary.Azure!.Subscriptions[0].Id;
        var storage = AssertNonCompliant(run, reasons, $"azure-policy/definition/{SampleScenario.OpenNetworkPolicy}", AzureCloud.Subscription(subscription), null);
        Assert.EndsWith("/providers/microsoft.storage/storageaccounts/" + SampleScenario.OpenStorageAccount, storage.ResourceId, StringComparison.Ordinal);

        // Exactly one item failed to collect (its query may count for several controls).
        var notCollected = reasons.Where(f => f.Kind == ReasonKind.NotCollected).Select(f => f.Item!).DistinctBy(i => i.Id).ToList();
        var failed = Assert.Single(notCollected);
        Assert.Equal(ItemStatus.Failed, failed.Status);
        Assert.Equal($"aws-config/{SampleScenario.FailedRule}", failed.QueryKey);
        Assert.Equal(SampleScenario.FailedSource, failed.Source);
        Assert.Equal(SampleScenario.FailedCode, failed.Error?.Code);

        // Exactly one query and source is stale: the rule last evaluated on 2026-10-01.
        var stale = Assert.Single(reasons.Where(f => f.Kind == ReasonKind.Stale).Select(f => (f.Subject, f.Source)).Distinct());
        Assert.Equal(($"aws-config/{SampleScenario.StaleRule}", SampleScenario.StaleSource), stale);
        Assert.Equal(SampleScenario.StaleEvaluation, reasons.First(f => f.Kind == ReasonKind.Stale).Item!.EvaluatedAt);

        // Mostly compliant, among the answers that evaluated something.
        var bySource = reasons.Where(f => f.Kind != ReasonKind.NoResources).DistinctBy(f => (f.Subject, f.Source)).ToList();
        Assert.True(bySource.Count(f => f.Kind == ReasonKind.Compliant) > 0.95 * bySource.Count, "the sample should be mostly compliant");
    }

    private static EvidenceSource Aws(string account, string region) => AwsCloud.Source(account, region);

    /// <summary>Asserts a NonCompliant reason for the query and source, and returns its NON_COMPLIANT row for the resource.</summary>
    private static ResultRow AssertNonCompliant(EvidenceRun run, List<Reason> reasons, string query, EvidenceSource source, string? resourceId)
    {
        var reason = reasons.FirstOrDefault(f => f.Kind == ReasonKind.NonCompliant && f.Subject == query && f.Source == source);
        Assert.True(reason is not null, $"no non-compliant reason for {query} in {source}");
        var rows = ResultRowFormat.Read(Path.Combine(run.Directory, reason.Item!.Results!.Path)).Where(r => r.Compliance == "NON_COMPLIANT").ToList();
        return resourceId is null ? Assert.Single(rows) : Assert.Single(rows, r => r.ResourceId == resourceId);
    }
}
