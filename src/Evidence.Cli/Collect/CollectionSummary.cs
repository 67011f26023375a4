using System.Globalization;
using Evidence.Cli.Output;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Cli.Collect;

/// <summary>
/// The lines a collection ends with: per service and in total the calls, pages, rows, throttled and
/// retried requests and failed queries, the wall time, and the failed items (at most <see cref="MaxListed"/>).
/// </summary>
internal static class CollectionSummary
{
    public const int MaxListed = 20;

    public static void Write(TextWriter output, string runDisplay, CollectionCounters counters, CollectionResult result, RunTally tally, TimeSpan wallTime)
    {
        var state = result.Complete ? "complete" : "INCOMPLETE";
        output.WriteLine($"Run {runDisplay} ({state}): {Words.Plural(result.Collected, "item")} collected, {result.Failed} failed" +
                         (result.NotReached.Count > 0 ? $", {result.NotReached.Count} not reached" : string.Empty) + ".");
        var total = new ServiceCounters();
        foreach (var (service, c) in counters.Services)
        {
            output.WriteLine($"  {service}: {Line(c)}");
            total.Calls += c.Calls;
            total.Pages += c.Pages;
            total.Rows += c.Rows;
            total.Throttled += c.Throttled;
            total.Retried += c.Retried;
            total.Failed += c.Failed;
        }

        output.WriteLine($"  total: {Line(total)}; wall time {WallTime(wallTime)}");
        if (tally.Failed == 0)
        {
            return;
        }

        output.WriteLine("Failed queries (recorded as not collected):");
        foreach (var item in tally.FirstFailures.Take(MaxListed))
        {
            output.WriteLine($"  {item.Id}  {item.QueryKey}  {item.Source}  {item.Error?.Code}");
        }

        if (tally.Failed > MaxListed)
        {
            output.WriteLine($"  … and {tally.Failed - MaxListed} more; the run's manifest.json lists every one with its error.");
        }
    }

    public static string Line(ServiceCounters c) =>
        $"{Words.Plural(c.Calls, "call")}, {Words.Plural(c.Pages, "page")}, {Words.Plural(c.Rows, "row")}, {c.Throttled} throttled, {c.Retried} retried, " +
        $"{Words.Plural(c.Failed, "failed query", "failed queries")}";

    private static string WallTime(TimeSpan t) => t.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m {t.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0}s");
}
