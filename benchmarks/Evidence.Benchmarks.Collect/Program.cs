using System.Diagnostics;
using System.Globalization;
using Evidence.Benchmarks.Collect;
using Evidence.Collectors.Aws;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Collectors.Azure;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;
using Evidence.Testing.Fakes.Azure;

// Collects every rule of a synthetic organization through an aggregator from the loopback fake AWS
// Config, which accepts R requests a second and throttles the rest, and compares the wall time with
// the lower bound (calls ÷ R). With --azure-definitions it collects a fake Azure subscription at its
// own limit in the same run, and compares the wall time with the slower cloud's bound. See
// benchmarks/README.md. Exit code 0 when every target is met.
if (args is ["workspace" or "serve", ..])
{
    return await OrganizationBench.RunAsync(args);
}

TestClouds.Register();
if (args.Length > 0 && args[0] == "azure")
{
    return await AzureTenantBenchmark.RunAsync(args[1..]);
}

var settings = BenchmarkSettings.Parse(args);
await using var server = await FakeAwsConfigServer.StartAsync();
var organization = SyntheticOrganization.Deploy(server.Data, settings);
await using var azureServer = settings.AzureDefinitions > 0 ? await FakeAzureServer.StartAsync() : null;
using var azure = azureServer is null ? null : SyntheticSubscription.Deploy(azureServer, settings);

// The fake has one bucket for all requests. Through an aggregator every call goes to the aggregator's
// region, so the collector's limiter (per service and region) has that one bucket to find: R is the
// limit of the one region all calls share.
server.RateLimit = new FakeRateLimit(settings.Rate, settings.ServerBurst);

// Sporadic throttles come whatever the rate: a fixed seed makes runs comparable.
if (settings.Sporadic > 0)
{
    var dice = new Random(12);
    server.Faults.Enqueue(new FakeFault(FakeFaultKind.Throttle, when: _ => dice.NextDouble() < settings.Sporadic));
}

var defaults = new AdaptiveRateOptions();
var options = new AwsConfigOptions
{
    Credentials = new StaticAwsCredentialSource(new AwsCredentials(FakeAwsCredential.Default.AccessKeyId, FakeAwsCredential.Default.SecretAccessKey)),
    Environment = name => name == AwsEndpointResolver.ServiceVariable ? server.Endpoint.ToString() : null,
    Rate = defaults with
    {
        InitialRate = settings.InitialRate ?? defaults.InitialRate,
        MaxRate = settings.MaxRate ?? defaults.MaxRate,
    },
};

var root = Directory.CreateTempSubdirectory("evidence-bench-collect-");
try
{
    using var client = new AwsConfigClient(options);
    using var collector = new AwsConfigCollector(client);
    using var azureCollector = azure is null ? null : new AzurePolicyCollector(azure.Options);
    var progress = new CountingProgress();
    var writer = EvidenceRunWriter.Start(root.FullName, DateTimeOffset.UtcNow, "benchmark", "evidence-benchmarks-collect");
    var runner = new CollectionRunner(azureCollector is null ? [collector] : [collector, azureCollector], TimeProvider.System);
    var tasks = organization.Tasks.Concat(azure?.Tasks ?? []).ToList();

    if (azure is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"two clouds: {azure.Tasks.Count} Azure tasks ({settings.AzureDefinitions} policy definitions in 1 subscription, {azure.Pages} pages), fake Resource Manager limit {settings.AzureRate}/s"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{organization.Tasks.Count} tasks ({settings.Rules} rules x {settings.Accounts} accounts x {settings.Regions} regions), fake limit {settings.Rate}/s burst {settings.ServerBurst}, sporadic throttling {settings.Sporadic:P1}, collector start {options.Rate.InitialRate}/s ceiling {options.Rate.MaxRate}/s"));
    using var sampling = new CancellationTokenSource();
    var rates = new List<double>();
    var sampler = Task.Run(async () =>
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await tick.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
        {
            rates.Add(client.CurrentRate(SyntheticOrganization.AggregatorRegion));
        }
    });

    var stopwatch = Stopwatch.StartNew();
    var result = await runner.RunAsync(tasks, writer, progress, CancellationToken.None);
    stopwatch.Stop();
    await sampling.CancelAsync();
    await sampler.ContinueWith(_ => { }, TaskScheduler.Default);

    var calls = server.Requests.Count;
    var written = Directory.EnumerateFiles(Path.Combine(writer.Directory, "results"), "*.jsonl").Sum(f => File.ReadLines(f).Count());
    var expectedCalls = organization.Listings + organization.Pages;
    var wall = stopwatch.Elapsed.TotalSeconds;
    // The fastest possible is every call at the fake's limit or the collector's ceiling, whichever is lower.
    var lowerBound = calls / settings.Bound;
    var ratio = wall / lowerBound;

    // The progress counts both clouds' throttles; these lines are AWS's (Azure's 429s are printed with its calls).
    var awsThrottled = progress.ThrottledCount - (azureServer?.Requests.Count(r => r.Status == 429) ?? 0);
    var throttled = 100.0 * awsThrottled / calls;
    var accepted = calls - awsThrottled;
    var strictRatio = wall / (accepted / settings.Bound);
    var rowsExpected = organization.Rows + (azure?.Rows ?? 0);
    var met = ratio <= 1.25 && (throttled < 5 || settings.Sporadic > 0) && written == rowsExpected && result.Complete && result.Failed == 0;

    string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine(Line($"calls          {calls} ({accepted} accepted, {expectedCalls} needed: {organization.Listings} listings + {organization.Pages} pages)"));
    Console.WriteLine(Line($"lower bound    {lowerBound:F1} s (calls / {settings.Bound}/s); {accepted / settings.Bound:F1} s (accepted calls / {settings.Bound}/s)"));
    Console.WriteLine(Line($"wall           {wall:F1} s"));
    Console.WriteLine(Line($"ratio          {ratio:F3} (target <= 1.25); {strictRatio:F3} against accepted calls"));
    Console.WriteLine(Line($"throttled      {awsThrottled} ({throttled:F2}%, target < 5%), retried {progress.RetriedCount}"));
    Console.WriteLine(Line($"pages          {progress.Pages - organization.Listings} of {organization.Pages} expected"));
    Console.WriteLine(Line($"rows           {written} written of {rowsExpected} expected ({progress.Rows} parsed)"));
    Console.WriteLine(Line($"items          {result.Collected} collected, {result.Failed} failed, complete: {result.Complete}"));
    Console.WriteLine(Line($"limiter rate   every 5 s: {string.Join(' ', rates.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}"));
    if (azure is not null)
    {
        // Each cloud has its own pool and limiter: the run should take about as long as the slower cloud, not the sum.
        var azureCalls = azureServer!.Requests.Count;
        var azureThrottled = azureServer.Requests.Count(r => r.Status == 429);
        var awsBound = calls / settings.Bound;
        var azureBound = azureCalls / settings.AzureBound;
        var slower = Math.Max(awsBound, azureBound);
        var cloudsRatio = wall / slower;
        Console.WriteLine(Line($"azure calls    {azureCalls} ({azureThrottled} answered 429, {azure.Pages} pages needed)"));
        Console.WriteLine(Line($"bounds         AWS {awsBound:F1} s ({calls} calls / {settings.Bound}/s), Azure {azureBound:F1} s ({azureCalls} calls / {settings.AzureBound}/s)"));
        Console.WriteLine(Line($"two clouds     wall {wall:F1} s against the slower cloud's {slower:F1} s (ratio {cloudsRatio:F3}, target <= 1.25) and the sum {awsBound + azureBound:F1} s"));
        met = written == rowsExpected && result.Complete && result.Failed == 0 && cloudsRatio <= 1.25;
    }

    Console.WriteLine(met ? "targets: met" : "targets: MISSED");
    return met ? 0 : 1;
}
finally
{
    root.Delete(recursive: true);
}
