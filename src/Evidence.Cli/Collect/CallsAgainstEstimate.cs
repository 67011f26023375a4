using System.Globalization;
using Evidence.Cli.Output;
using Evidence.Core.Collection;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Collect;

/// <summary>
/// The end of a live collection: per cloud, the calls it made next to the calls its plan was estimated to
/// need at most (a bulk collector's <see cref="CallEstimate"/>, else the calls its tasks describe, as the dry
/// run prints them). A plan that made more calls than estimated says so, since the estimate is what an
/// organisation budgets its API rate by.
/// </summary>
internal static class CallsAgainstEstimate
{
    /// <summary>One cloud's calls made and estimated.</summary>
    public sealed record Row(string Cloud, long Calls, long Estimated, double EstimatedSeconds);

    /// <summary>Per cloud, the calls <paramref name="counters"/> counted against <paramref name="result"/>'s estimates, or <paramref name="described"/> (the calls each per-task cloud's tasks describe) for a cloud with none.</summary>
    public static IReadOnlyList<Row> Of(CollectionCounters counters, CollectionResult result, IReadOnlyDictionary<string, long> described)
    {
        var rows = new List<Row>();
        foreach (var estimate in result.Estimates)
        {
            rows.Add(new Row(estimate.Cloud, Interlocked.Read(ref counters.For(estimate.Cloud).Calls), estimate.Calls, estimate.Seconds));
        }

        foreach (var (cloud, calls) in described.Where(d => result.Estimates.All(e => e.Cloud != d.Key)))
        {
            rows.Add(new Row(cloud, Interlocked.Read(ref counters.For(cloud).Calls), calls, double.NaN));
        }

        return [.. rows.OrderBy(r => r.Cloud, StringComparer.Ordinal)];
    }

    public static void WriteLines(TextWriter output, IReadOnlyList<Row> rows)
    {
        foreach (var row in rows)
        {
            var over = row.Calls > row.Estimated ? $", {row.Calls - row.Estimated:N0} more than estimated" : string.Empty;
            var seconds = double.IsFinite(row.EstimatedSeconds) ? string.Create(CultureInfo.InvariantCulture, $", about {row.EstimatedSeconds:0.#} s at the configured rate") : string.Empty;
            output.WriteLine($"  {row.Cloud}: {row.Calls:N0} calls made against an estimate of at most {row.Estimated:N0}{seconds}{over}");
        }
    }

    /// <summary>The whole run's end as JSON (<c>collect --json</c>): its state, items, and per cloud the calls made against the estimate.</summary>
    public static void WriteJson(TextWriter output, string runDisplay, CollectionResult result, CollectionCounters counters, IReadOnlyList<Row> rows) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("run", runDisplay);
        w.WriteString("state", result.Complete ? "complete" : "incomplete");
        w.WriteNumber("collected", result.Collected);
        w.WriteNumber("failed", result.Failed);
        w.WriteNumber("not_reached", result.NotReached.Count);
        w.WriteNumber("calls", rows.Sum(r => r.Calls));
        w.WriteNumber("estimated_calls", rows.Sum(r => r.Estimated));
        w.WriteStartArray("clouds");
        foreach (var row in rows)
        {
            var c = counters.For(row.Cloud);
            w.WriteStartObject();
            w.WriteString("cloud", row.Cloud);
            w.WriteNumber("calls", row.Calls);
            w.WriteNumber("estimated_calls", row.Estimated);
            if (double.IsFinite(row.EstimatedSeconds))
            {
                w.WriteNumber("estimated_seconds", Math.Round(row.EstimatedSeconds, 1));
            }

            if (result.Estimates.FirstOrDefault(e => e.Cloud == row.Cloud) is { } estimate)
            {
                w.WriteString("detail", EnumNames.ToKebab(estimate.Detail));
            }

            w.WriteNumber("pages", Interlocked.Read(ref c.Pages));
            w.WriteNumber("rows", Interlocked.Read(ref c.Rows));
            w.WriteNumber("throttled", Interlocked.Read(ref c.Throttled));
            w.WriteNumber("retried", Interlocked.Read(ref c.Retried));
            w.WriteNumber("failed", Interlocked.Read(ref c.Failed));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
