using Evidence.Core.Collection;
using Spectre.Console;

namespace Evidence.Cli.Collect;

/// <summary>
/// Shows a collection as it runs: a live progress bar per service on a terminal (tasks done, calls,
/// pages, rows, throttled, failed), otherwise one plain line as each service finishes.
/// </summary>
internal static class CollectionDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    /// <param name="context">Where to draw, and whether it is a terminal.</param>
    /// <param name="counters">The counters the display reads and the summary later sums.</param>
    /// <param name="planned">How many tasks each service has, to know when it is done.</param>
    /// <param name="run">Runs the collection, reporting to the progress it is given.</param>
    public static async Task<CollectionResult> RunAsync(
        CliContext context, CollectionCounters counters, IReadOnlyDictionary<string, int> planned, Func<ICollectionProgress, Task<CollectionResult>> run)
    {
        if (!context.IsTerminal)
        {
            return await run(new PlainLines(context.Out, counters, planned)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        CollectionResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bars = planned.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(p => p.Key, p => progress.AddTask(p.Key, maxValue: Math.Max(1, p.Value)), StringComparer.Ordinal);
                var running = run(counters);
                while (!running.IsCompleted)
                {
                    Update(bars, counters);
                    await Task.WhenAny(running, Task.Delay(Refresh, context.Time)).ConfigureAwait(false);
                }

                Update(bars, counters);
                result = await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    private static void Update(Dictionary<string, ProgressTask> bars, CollectionCounters counters)
    {
        foreach (var (service, bar) in bars)
        {
            var c = counters.For(service);
            bar.Description = Markup.Escape($"{service}: {c.Calls} calls, {c.Pages} pages, {c.Rows} rows, {c.Throttled} throttled, {c.Failed} failed");
            bar.Value = Math.Min(bar.MaxValue, Interlocked.Read(ref c.Done));
        }
    }

    /// <summary>Counts as usual and writes a service's line once its last task is done.</summary>
    private sealed class PlainLines(TextWriter output, CollectionCounters counters, IReadOnlyDictionary<string, int> planned) : ICollectionProgress
    {
        private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

        public void Call(string service) => counters.Call(service);

        public void Page(string service, int rows) => counters.Page(service, rows);

        public void Throttled(string service) => counters.Throttled(service);

        public void Retried(string service) => counters.Retried(service);

        public void TaskDone(string service, bool failed)
        {
            counters.TaskDone(service, failed);
            var c = counters.For(service);
            if (Interlocked.Read(ref c.Done) == planned.GetValueOrDefault(service))
            {
                lock (_finished)
                {
                    if (_finished.Add(service))
                    {
                        output.WriteLine($"{service}: done, {CollectionSummary.Line(c)}");
                    }
                }
            }
        }
    }
}
