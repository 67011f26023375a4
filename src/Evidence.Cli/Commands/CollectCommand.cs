using System.CommandLine;
using Evidence.Cli.Collect;
using Evidence.Core.Clouds;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Commands;

/// <summary>
/// <c>evidence collect [workspace]</c>: answers every cloud query the workspace's controls need and
/// writes a new run, <c>evidence/runs/&lt;UTC&gt;/</c>. A query that fails is recorded as not collected
/// and the run still completes (exit 0); a run stopped by credentials or Ctrl-C stays incomplete
/// (exit <see cref="ExitCode.CollectionIncomplete"/>) with everything fetched so far.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = CommonOptions.Workspace();
        var clouds = CloudRegistry.All.Select(c => (Cloud: c, Option: new Option<bool>($"--{c.Name}") { Description = $"Collect {c.Title} evidence (with no cloud named, every cloud's)." })).ToList();
        var only = new Option<string[]>("--only") { Description = "Only the queries these controls need (citations, such as 164.312(b)).", AllowMultipleArgumentsPerToken = true };
        var offline = new Option<bool>("--offline") { Description = "Replay the responses recorded in the workspace's recordings/ folder: no network, no credentials." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the calls collection would make at most and how long they take, and make none." };
        var json = new Option<bool>("--json") { Description = "The estimate (with --dry-run) or the run's end (calls made against the estimate, per cloud) as JSON; progress goes to standard error." };
        var detail = new Option<string>("--detail")
        {
            Description = "Per-resource detail: all (every resource of every rule), non-compliant (each rule's compliance summary, resources only where they fail; through an aggregator), or auto (all while it is cheap).",
            DefaultValueFactory = _ => "auto",
        };
        detail.AcceptOnlyFromAmong([.. EnumNames.All<DetailLevel>()]);
        var profile = new Option<string?>("--aws-profile") { Description = "The AWS shared-config profile to use (default: the SDK's credential chain)." };
        var fips = new Option<bool>("--fips") { Description = "Use AWS FIPS endpoints." };
        var awsRate = new Option<double?>("--aws-rate") { Description = "AWS Config requests per second to start at, per region (it adapts to throttling)." };
        var azureRate = new Option<double?>("--azure-rate") { Description = "Azure Policy Insights requests per second to start at, per subscription (it adapts to throttling)." };
        var asOf = new Option<string?>("--as-of") { Description = "The run's start time, and so its folder name (for reproducible offline replays); default now." };
        var record = new Option<string?>("--record") { Description = "Record every exchange into this folder (to make recordings for --offline).", Hidden = true };
        var command = new Command("collect", "Collect evidence from AWS Config and Azure Policy into a new evidence run.")
        {
            workspace,
        };
        foreach (var option in (IEnumerable<Option>)[.. clouds.Select(c => c.Option), only, offline, dryRun, json, detail, profile, fips, awsRate, azureRate, asOf, record])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var settings = new CollectSettings
            {
                Offline = parse.GetValue(offline),
                RecordTo = parse.GetValue(record),
                AwsProfile = parse.GetValue(profile),
                Fips = parse.GetValue(fips),
                AwsRate = Positive(parse.GetValue(awsRate), "--aws-rate"),
                AzureRate = Positive(parse.GetValue(azureRate), "--azure-rate"),
            };
            var asOfValue = parse.GetValue(asOf);
            var startedAt = asOfValue is null ? Seconds(context.Time.GetUtcNow()) : AsOf.Resolve(asOfValue, context);
            var loaded = WorkspaceSession.Load(parse.GetValue(workspace)!, context, out var exit, verifyHashes: false);
            if (loaded is null)
            {
                return (int)exit;
            }

            var citations = parse.GetValue(only) ?? [];
            CheckCitations(loaded, citations);
            var detailLevel = EnumNames.TryParse<DetailLevel>(parse.GetValue(detail)!, out var chosen) ? chosen : DetailLevel.Auto;
            var filter = new CollectionFilter(clouds.Where(c => parse.GetValue(c.Option)).Select(c => c.Cloud.Name).ToHashSet(StringComparer.Ordinal), citations);

            // A dry run streams the plan; an organisation's tasks are never all held.
            var stream = CollectionPlanner.Stream(loaded, filter);
            if (!stream.Any())
            {
                context.Out.WriteLine("Nothing to collect: no control in scope has an AWS Config or Azure Policy query.");
                return (int)ExitCode.Success;
            }

            // With --as-of, what the run records must not depend on when it ran: the runner's "now" is pinned,
            // and offline the collectors' too (live, they need the real time to sign requests).
            var runClock = asOfValue is null ? context.Time : new PinnedClock(startedAt, context.Time);
            var basis = EstimateBases.Of(loaded);
            var collectorContext = settings.Offline ? context.WithTime(runClock) : context;
            using var collectors = CollectorSet.Create(loaded, settings with { RecordTo = parse.GetValue(dryRun) ? null : settings.RecordTo }, collectorContext, context.CollectSeams, startedAt);
            if (parse.GetValue(dryRun))
            {
                CollectDryRun.Write(context, loaded, filter, collectors, detailLevel, basis, parse.GetValue(json));
                return (int)ExitCode.Success;
            }

            return (int)CollectRun.Run(context, runClock, loaded, startedAt, [.. stream], collectors, detailLevel, basis, parse.GetValue(json));
        });
        return command;
    }

    private static void CheckCitations(LoadedWorkspace loaded, IReadOnlyList<string> citations)
    {
        var known = loaded.Catalog.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var citation in citations.Where(c => !known.Contains(c)))
        {
            throw UserException.Usage($"--only {citation}: there is no control {citation} in the catalog{Suggestions.DidYouMean(citation, known)}");
        }
    }

    private static double? Positive(double? value, string option) =>
        value is null or (> 0 and < double.PositiveInfinity) ? value : throw UserException.Usage($"{option} must be a positive number of requests per second");

    private static DateTimeOffset Seconds(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
