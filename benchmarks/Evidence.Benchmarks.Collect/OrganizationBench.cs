using System.Globalization;
using System.Text;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Loading;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Benchmarks.Collect;

/// <summary>
/// The organisation benchmark's two helpers (benchmarks/organization.sh drives them):
/// <c>workspace</c> copies the sample with its AWS boundary widened to N accounts × R regions of
/// <see cref="FakeOrganization"/> (no runs, so estimates go by the stated assumption), and <c>serve</c> starts
/// the loopback fake AWS Config holding that organisation, rate-limited, until it is stopped.
/// </summary>
internal static class OrganizationBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args[1..]);
        var accounts = int.Parse(options.GetValueOrDefault("--accounts", "100"), CultureInfo.InvariantCulture);
        var regions = int.Parse(options.GetValueOrDefault("--regions", "17"), CultureInfo.InvariantCulture);
        switch (args[0])
        {
            case "workspace":
                Workspace(options["--from"], options["--to"], accounts, regions);
                return 0;
            case "serve":
                return await ServeAsync(options["--workspace"], accounts, regions,
                    double.Parse(options.GetValueOrDefault("--rate", "10"), CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("--burst", "20"), CultureInfo.InvariantCulture));
            default:
                Console.Error.WriteLine("use: workspace --from SAMPLE --to DIR [--accounts N --regions R] | serve --workspace DIR [--accounts N --regions R --rate 10 --burst 20]");
                return 2;
        }
    }

    private static void Workspace(string from, string to, int accounts, int regions)
    {
        var runs = Path.Combine(from, "evidence", "runs") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(runs, StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var yaml = Path.Combine(to, "evidence.yaml");
        var text = File.ReadAllText(yaml);
        var start = text.IndexOf("    accounts:\n", StringComparison.Ordinal);
        var end = text.IndexOf("  azure:\n", start, StringComparison.Ordinal);
        var list = new StringBuilder("    accounts:\n");
        var names = string.Join(", ", FakeOrganization.RegionNames.Take(regions));
        for (var a = 0; a < accounts; a++)
        {
            list.Append(CultureInfo.InvariantCulture, $"      - id: \"{FakeOrganization.AccountId(a)}\"\n        name: member-{a:D4}\n        regions: [{names}]\n");
        }

        File.WriteAllText(yaml, text[..start] + list + text[end..]);
        Console.WriteLine($"workspace {to}: {accounts} accounts x {regions} regions");
    }

    private static async Task<int> ServeAsync(string workspace, int accounts, int regions, double rate, int burst)
    {
        TestClouds.Register();
        var loaded = WorkspaceLoader.Load(workspace, verifyHashes: false);
        var boundary = loaded.Workspace!.Boundary.Aws!.Aggregator!;
        var rules = loaded.Controls.SelectMany(c => c.Queries).OfType<AwsConfigRuleQuery>().Select(q => q.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(r => (r, r.Any(char.IsLower) ? r : r.ToLowerInvariant().Replace('_', '-'))).ToList();
        var organization = new FakeOrganization(accounts, regions, rules);
        await using var server = await FakeAwsConfigServer.StartAsync();
        server.Data.Organization = organization;
        server.Data.Aggregators.Add(new FakeAggregator(boundary.Name, FakeAwsCredential.Default.Account, boundary.Region));
        server.RateLimit = new FakeRateLimit(rate, burst);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"organization {accounts} accounts x {regions} regions, {rules.Count} rules, {organization.Resources} resources, {organization.NonCompliantResources} non-compliant, {organization.FailingRuleResults} failing rule results (each account and region's non-compliant rows in all: {NonCompliantRows(organization)})"));
        Console.WriteLine($"endpoint {server.Endpoint}");
        Console.Out.Flush();

        // Serves until the script ends it (SIGTERM, which Kestrel's host would take for itself and leave Main
        // waiting for ever, or Ctrl+C); then says how many requests came.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"requests {server.Requests.Count}");
        }

        return 0;
    }

    /// <summary>Non-compliant (rule, resource) rows: what the run must store, one per failing resource of each rule.</summary>
    private static long NonCompliantRows(FakeOrganization organization) =>
        Enumerable.Range(0, organization.NonCompliantResources).Sum(n => (long)organization.RulesOf(organization.NonCompliant(n).Resource).Count);

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
