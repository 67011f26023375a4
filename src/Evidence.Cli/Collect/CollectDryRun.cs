using System.Globalization;
using Evidence.Cli.Output;
using Evidence.Core.Collection;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Collect;

/// <summary>
/// <c>collect --dry-run</c>: what the plan would cost, before a single call. Tasks stream through (an
/// organisation's millions are never held), and each cloud's are planned once, for its collector: another
/// cloud's collector, or the count of tasks no collector takes, does not walk them again. A cloud answered per task prints each task's calls, as always;
/// a cloud answered in bulk prints its calls by operation. It ends with the calls the plan needs at most and
/// the time they take at the configured rates (clouds go at once, so the slower cloud's time), and where
/// the figures for data-dependent calls came from. <c>--json</c> gives <c>estimated_calls</c> and
/// <c>estimated_seconds</c>, in all and per cloud.
/// </summary>
internal static class CollectDryRun
{
    /// <summary>A per-task collector's time is priced at this rate: the one the clouds' limiters start near.</summary>
    private const double PerTaskRate = 10;

    public static void Write(
        CliContext context, LoadedWorkspace loaded, CollectionFilter filter, CollectorSet collectors, DetailLevel detail, Func<string, EstimateBasis> basis, bool json)
    {
        IEnumerable<CollectionTask> TasksOf(string cloud) => filter.Within(cloud) is { } within ? CollectionPlanner.Stream(loaded, within) : [];

        var estimates = new List<CallEstimate>();
        var queries = 0L;
        foreach (var collector in collectors.Collectors)
        {
            var own = TasksOf(collector.Service).Where(t => collectors.For(t.Query) == collector);
            if (collector is IBulkEvidenceCollector bulk && own.FirstOrDefault() is { Boundary: { } boundary })
            {
                var estimate = bulk.Estimate(own, detail, basis(bulk.Service));
                if (bulk.AnswersInBulk(boundary, estimate.Detail))
                {
                    estimates.Add(estimate);
                    queries += estimate.Tasks;
                    continue;
                }
            }

            var (count, calls) = Describe(context, own, collector, json);
            if (count > 0)
            {
                queries += count;
                estimates.Add(new CallEstimate
                {
                    Cloud = collector.Service, CallsByOperation = [KeyValuePair.Create("described calls", calls)], Seconds = CallEstimate.SecondsAt(calls, PerTaskRate, 1),
                    Tasks = count, Detail = DetailLevel.All,
                });
            }
        }

        queries += OrphanClouds(loaded, collectors).Sum(cloud => TasksOf(cloud).LongCount(t => collectors.For(t.Query) is null));
        var total = estimates.Sum(e => e.Calls);
        var seconds = estimates.Select(e => e.Seconds).DefaultIfEmpty(0).Max();
        if (json)
        {
            WriteJson(context, queries, total, seconds, estimates);
            return;
        }

        foreach (var estimate in estimates)
        {
            var operations = string.Join(", ", estimate.CallsByOperation.Select(o => $"{o.Key} {o.Value:N0}"));
            context.Out.WriteLine($"{estimate.Cloud}: {Words.Plural(estimate.Tasks, "query", "queries")}, at most {estimate.Calls:N0} calls ({operations}), about {Duration(estimate.Seconds)}; detail: {Words.Of(estimate.Detail)}");
            if (estimate.Basis is { } from)
            {
                context.Out.WriteLine($"  data-dependent calls {from}");
            }
        }

        context.Out.WriteLine($"Dry run: {queries:N0} queries, at most {total:N0} calls, about {Duration(seconds)} at the configured rates; nothing was sent and no run was written.");
    }

    /// <summary>The clouds with a query no collector takes: only their tasks are walked again, to be counted.</summary>
    private static IEnumerable<string> OrphanClouds(LoadedWorkspace loaded, CollectorSet collectors) => loaded.Controls
        .SelectMany(c => c.Queries)
        .Where(q => q.Kind.Cloud is not null && collectors.For(q) is null)
        .Select(q => q.Kind.Cloud!.Name)
        .Distinct(StringComparer.Ordinal);

    /// <summary>Each task and the calls it makes, one line each (not under <c>--json</c>); returns the tasks and calls counted.</summary>
    private static (long Tasks, long Calls) Describe(CliContext context, IEnumerable<CollectionTask> tasks, IEvidenceCollector collector, bool json)
    {
        long count = 0, calls = 0;
        foreach (var task in tasks)
        {
            count++;
            if (!json)
            {
                context.Out.WriteLine($"{task.ItemId}  {task.Query.Key}  {task.Source}");
            }

            foreach (var line in collector.Describe(task))
            {
                calls++;
                if (!json)
                {
                    context.Out.WriteLine($"  {line}");
                }
            }
        }

        return (count, calls);
    }

    private static void WriteJson(CliContext context, long queries, long calls, double seconds, List<CallEstimate> estimates) => JsonOutput.Write(context.Out, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("queries", queries);
        w.WriteNumber("estimated_calls", calls);
        w.WriteNumber("estimated_seconds", Math.Round(seconds, 1));
        w.WriteStartArray("clouds");
        foreach (var estimate in estimates)
        {
            w.WriteStartObject();
            w.WriteString("cloud", estimate.Cloud);
            w.WriteNumber("queries", estimate.Tasks);
            w.WriteString("detail", EnumNames.ToKebab(estimate.Detail));
            w.WriteNumber("estimated_calls", estimate.Calls);
            w.WriteNumber("estimated_seconds", Math.Round(estimate.Seconds, 1));
            w.WriteStartObject("calls_by_operation");
            foreach (var (operation, count) in estimate.CallsByOperation)
            {
                w.WriteNumber(operation, count);
            }

            w.WriteEndObject();
            if (estimate.Basis is { } basis)
            {
                w.WriteString("basis", basis);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Duration(double seconds) => seconds switch
    {
        double.PositiveInfinity => "an unknown time",
        >= 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} hours ({seconds:N0} s)"),
        >= 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.0} minutes ({seconds:N0} s)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
    };
}
