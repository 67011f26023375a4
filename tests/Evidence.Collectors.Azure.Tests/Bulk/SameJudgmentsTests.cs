using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Collection;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Collectors.Azure.Tests.Bulk;

/// <summary>
/// The same cloud data collected by the summary plan (from Policy Insights or Resource Graph) and query by query must judge the same: every
/// control's status and reasons, and every finding. The workspace asks for the shipped catalog's Azure
/// policies in three subscriptions of a tenant whose initiative holds exactly those policies.
/// </summary>
public sealed class SameJudgmentsTests
{
    [Theory]
    [InlineData(AzureBulkSource.PolicyInsights)]
    [InlineData(AzureBulkSource.ResourceGraph)]
    public async Task TheSummaryPlanAndTheQueryByQueryPlanJudgeEveryControlAndFindingAlike(AzureBulkSource source)
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Clock = () => AzureHarness.Start;
        using var perQuery = Workspace();
        using var summarized = Workspace();
        var catalog = perQuery.Load();
        var definitions = catalog.Catalog.MappingsOf(AzureCloud.Instance).Select(m => ((AzurePolicyQuery)m.Query).Name).Distinct().ToList();
        var tenant = new FakeAzureTenant { SubscriptionCount = 3, DefinitionNames = definitions, MaxResources = 12 };
        tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(o => o with { BulkSource = source }));

        var asked = await CollectAsync(h, collector, perQuery, DetailLevel.All);
        var summaryCalls = h.Server.Requests.Count;
        await CollectAsync(h, collector, summarized, DetailLevel.NonCompliant);
        summaryCalls = h.Server.Requests.Count - summaryCalls;

        var asOf = AzureHarness.Start.AddHours(1);
        var (expected, actual) = (perQuery.Load(), summarized.Load());
        Assert.Equal(Judgments(expected, asOf), Judgments(actual, asOf));
        Assert.Equal(Findings(expected, asOf), Findings(actual, asOf));
        Assert.Contains(Judgments(actual, asOf), j => j.Contains(" NonCompliant Fail ", StringComparison.Ordinal));
        Assert.Contains(Judgments(actual, asOf), j => j.Contains(" Compliant Pass ", StringComparison.Ordinal));
        Assert.Equal(source == AzureBulkSource.ResourceGraph, h.Server.Graph.Bodies.Any(b => b.Contains("policyresources", StringComparison.Ordinal)));
        Assert.True(summaryCalls * 5 < asked, $"{asked} tasks query by query, {summaryCalls} calls summarized");
    }

    private static WorkspaceBuilder Workspace() => new WorkspaceBuilder().Replace("evidence.yaml", """
              - id: 0b1f6471-1bf0-4dda-aec3-cb9272f09590
                name: prod
        """, string.Concat(new FakeAzureTenant { SubscriptionCount = 3 }.Subscriptions.Select(s => $"      - id: {s}\n")));

    private static async Task<int> CollectAsync(AzureHarness h, AzurePolicyCollector collector, WorkspaceBuilder workspace, DetailLevel detail)
    {
        var loaded = workspace.Load();
        var tasks = CollectionPlanner.Plan(loaded, new CollectionFilter(new HashSet<string>(StringComparer.Ordinal) { "azure" }, []));
        var writer = EvidenceRunWriter.Start(workspace.Root, AzureHarness.Start, "test-system", "evidence-tests");
        var result = await new CollectionRunner([collector], h.Time) { Detail = detail }.RunAsync(tasks, writer, h.Progress, TestContext.Current.CancellationToken);
        Assert.True(result.Complete);
        Assert.Equal(0, result.Failed);
        Assert.Equal(detail == DetailLevel.All, writer.Items.All(i => i.Method == EvidenceMethod.Detail));
        return tasks.Count;
    }

    private static List<string> Judgments(LoadedWorkspace loaded, DateTimeOffset asOf) =>
        [.. Evaluator.Evaluate(loaded, asOf).Controls.SelectMany(c => c.Reasons.Select(r => $"{c.Id} {c.Status} {r.Kind} {r.Outcome} {r.Message}"))];

    private static List<string> Findings(LoadedWorkspace loaded, DateTimeOffset asOf) =>
        [.. FindingsRegister.Build(loaded, asOf).Select(f => $"{f.Key} {f.ResourceType} {f.Source}").Order(StringComparer.Ordinal)];
}
