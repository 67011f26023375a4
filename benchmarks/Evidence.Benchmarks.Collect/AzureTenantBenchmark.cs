using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Evidence.Collectors.Azure;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Benchmarks.Collect;

/// <summary>
/// Collects a synthetic tenant (<see cref="FakeAzureTenant"/>: subscriptions under management groups, an
/// initiative of policy definitions assigned at the root) from the loopback fake Resource Manager, which
/// accepts R requests a second per subscription (or R in all with <c>--global</c>), by the summary plan
/// or query by query, and compares the wall time with calls ÷ R. See benchmarks/README.md.
/// </summary>
internal static class AzureTenantBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = AzureBenchmarkSettings.Parse(args);
        await using var server = await FakeAzureServer.StartAsync();
        var tenant = new FakeAzureTenant { SubscriptionCount = settings.Subscriptions, DefinitionCount = settings.Definitions, MaxResources = settings.MaxResources };
        var (states, nonCompliant) = tenant.Deploy(server);
        server.RequestsPerSecond = settings.Rate;
        server.Burst = settings.Burst;
        server.RateLimitPerScope = !settings.Global;

        using var transport = new HttpClientTransport(server.CreateHandler());
        var options = new AzurePolicyCollectorOptions
        {
            Transport = transport,
            Environment = name => name == "EVIDENCE_AZURE_ACCESS_TOKEN" ? server.AccessToken : null,
            Endpoint = new ResourceManagerEndpoint(server.Endpoint, null),
            RateLimit = AzurePolicyCollectorOptions.DefaultRateLimit with { MaxRate = Math.Max(AzurePolicyCollectorOptions.DefaultRateLimit.MaxRate, settings.Rate) },
            BulkSource = settings.Plan == "graph" ? AzureBulkSource.ResourceGraph : AzureBulkSource.PolicyInsights,
        };
        var tasks = Tasks(tenant);
        var root = Directory.CreateTempSubdirectory("evidence-bench-azure-");
        try
        {
            using var collector = new AzurePolicyCollector(options);
            var progress = new CountingProgress();
            var writer = EvidenceRunWriter.Start(root.FullName, DateTimeOffset.UtcNow, "benchmark", "evidence-benchmarks-collect");
            Console.WriteLine(Line($"{tasks.Count} tasks ({settings.Definitions + 1} queries x {settings.Subscriptions} subscriptions), {states} policy states, {nonCompliant} non-compliant; plan {settings.Plan}; fake limit {settings.Rate}/s {(settings.Global ? "in all" : "per subscription")}, burst {settings.Burst?.ToString(CultureInfo.InvariantCulture) ?? "1 s"}"));

            var stopwatch = Stopwatch.StartNew();
            if (settings.Plan is "summary" or "graph")
            {
                await foreach (var item in collector.CollectAllAsync(tasks, DetailLevel.NonCompliant, writer, progress, CancellationToken.None))
                {
                    writer.Add(item);
                }

                writer.Complete(DateTimeOffset.UtcNow);
            }
            else
            {
                await new CollectionRunner([collector], TimeProvider.System).RunAsync(tasks, writer, progress, CancellationToken.None);
            }

            stopwatch.Stop();
            var items = writer.Items;
            var calls = server.Requests.Count;
            var busiest = server.Requests.GroupBy(r => r.Scope).Max(g => g.Count());
            var written = Directory.EnumerateFiles(Path.Combine(writer.Directory, "results"), "*.jsonl")
                .Sum(f => File.ReadLines(f).Count(l => l.Contains("\"NON_COMPLIANT\"", StringComparison.Ordinal)));
            var expected = ExpectedNonCompliantRows(tenant);
            var wall = stopwatch.Elapsed.TotalSeconds;
            var bound = settings.Global ? calls / settings.Rate : busiest / settings.Rate;
            var failed = items.Count(i => i.Status == ItemStatus.Failed);
            Console.WriteLine(Line($"calls          {calls} ({progress.ThrottledCount} throttled, {progress.RetriedCount} retried); busiest scope {busiest}"));
            Console.WriteLine(Line($"calls / rate   {calls / settings.Rate:F1} s (every call through one bucket of {settings.Rate}/s)"));
            Console.WriteLine(Line($"lower bound    {bound:F1} s ({(settings.Global ? "calls" : "the busiest scope's calls")} / {settings.Rate}/s)"));
            Console.WriteLine(Line($"wall           {wall:F1} s; ratio to calls / rate {wall / (calls / settings.Rate):F3}"));
            Console.WriteLine(Line($"rows           {written} non-compliant rows written of {expected} expected"));
            Console.WriteLine(Line($"items          {items.Count - failed} collected, {failed} failed of {tasks.Count}"));
            Console.WriteLine(Line($"peak memory    {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (working set, this process with the fake server)"));
            var met = written == expected && failed == 0 && items.Count == tasks.Count && wall <= 1.25 * Math.Max(bound, calls / settings.Rate);
            Console.WriteLine(met ? "targets: met" : "targets: MISSED");
            return met ? 0 : 1;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Every definition of the tenant, and its initiative, in every subscription.</summary>
    private static List<CollectionTask> Tasks(FakeAzureTenant tenant)
    {
        var at = SourceLocation.OfFile("controls.yaml");
        var queries = tenant.Definitions.Select(d => new AzurePolicyQuery(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/{d}") { Location = at })
            .Append(new AzurePolicyQuery(AzurePolicyTarget.SetDefinition, $"/providers/Microsoft.Authorization/policySetDefinitions/{FakeAzureTenant.Initiative}") { Location = at })
            .ToList();
        return [.. queries.SelectMany(q => tenant.Subscriptions.Select(s => (q, s))).Select((p, i) => new CollectionTask($"azure-{i + 1:D5}", p.q, AzureCloud.Subscription(p.s)))];
    }

    /// <summary>Each non-compliant state once for its definition's item and once for the initiative's.</summary>
    private static int ExpectedNonCompliantRows(FakeAzureTenant tenant) =>
        tenant.Subscriptions.SelectMany(tenant.StatesOf).Count(s => s.ComplianceState == "NonCompliant" && s.PolicySetDefinitionName.Length > 0) * 2
        + tenant.Subscriptions.SelectMany(tenant.StatesOf).Count(s => s.ComplianceState == "NonCompliant" && s.PolicySetDefinitionName.Length == 0);

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
