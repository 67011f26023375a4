using System.Diagnostics;
using System.Globalization;
using Evidence.Benchmarks.Collect;
using Evidence.Collectors.Aws;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

// Collects every rule of a synthetic organization through an aggregator from the loopback fake AWS
// Config, which accepts R requests a second and throttles the rest, and compares the wall time with
// the lower bound (calls ÷ R). See benchmarks/README.md. Exit code 0 when every target is met.
TestClouds.Register();
if (args.Length > 0 && args[0] == "azure")
{
    return await AzureTenantBenchmark.RunAsync(args[1..]);
}

var settings = BenchmarkSettings.Parse(args);
await using var server = await FakeAwsConfigServer.StartAsync();
var organization = SyntheticOrganization.Deploy(server.Data, settings);

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
    var progress = new CountingProgress();
    var writer = EvidenceRunWriter.Start(root.FullName, DateTimeOffset.UtcNow, "benchmark", "evidence-benchmarks-collect");
    var runner = new CollectionRunner([collector], TimeProvider.System);

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
    var result = await runner.RunAsync(organization.Tasks, writer, progress, CancellationToken.None);
    stopwatch.Stop();
    await sampling.CancelAsync();
    await sampler.ContinueWith(_ => { }, TaskScheduler.Default);

    var calls = server.Requests.Count;
    var accepted = calls - progress.ThrottledCount;
    var written = Directory.EnumerateFiles(Path.Combine(writer.Directory, "results"), "*.jsonl").Sum(f => File.ReadLines(f).Count());
    var expectedCalls = organization.Listings + organization.Pages;
    var wall = stopwatch.Elapsed.TotalSeconds;
    // The fastest possible is every call at the fake's limit or the collector's ceiling, whichever is lower.
    var lowerBound = calls / settings.Bound;
    var ratio = wall / lowerBound;
    var strictRatio = wall / (accepted / settings.Bound);
    var throttled = 100.0 * progress.ThrottledCount / calls;
    var met = ratio <= 1.25 && (throttled < 5 || settings.Sporadic > 0) && written == organization.Rows && result.Complete && result.Failed == 0;

    string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine(Line($"calls          {calls} ({accepted} accepted, {expectedCalls} needed: {organization.Listings} listings + {organization.Pages} pages)"));
    Console.WriteLine(Line($"lower bound    {lowerBound:F1} s (calls / {settings.Bound}/s); {accepted / settings.Bound:F1} s (accepted calls / {settings.Bound}/s)"));
    Console.WriteLine(Line($"wall           {wall:F1} s"));
    Console.WriteLine(Line($"ratio          {ratio:F3} (target <= 1.25); {strictRatio:F3} against accepted calls"));
    Console.WriteLine(Line($"throttled      {progress.ThrottledCount} ({throttled:F2}%, target < 5%), retried {progress.RetriedCount}"));
    Console.WriteLine(Line($"pages          {progress.Pages - organization.Listings} of {organization.Pages} expected"));
    Console.WriteLine(Line($"rows           {written} written of {organization.Rows} expected ({progress.Rows} parsed)"));
    Console.WriteLine(Line($"items          {result.Collected} collected, {result.Failed} failed, complete: {result.Complete}"));
    Console.WriteLine(Line($"limiter rate   every 5 s: {string.Join(' ', rates.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}"));
    Console.WriteLine(met ? "targets: met" : "targets: MISSED");
    return met ? 0 : 1;
}
finally
{
    root.Delete(recursive: true);
}
