using Evidence.Rendering;
using Spectre.Console;

namespace Evidence.Cli.Output;

/// <summary>Shows files being written: a progress bar per file on a terminal, one plain line per file otherwise.</summary>
internal static class BuildProgress
{
    /// <summary>One file to write: what to show, how much work it is (blocks plus table rows), and how to write it.</summary>
    public sealed record Job(string Display, long Work, Action<IProgress<RenderProgress>> Write);

    public static void Run(CliContext context, IReadOnlyList<Job> jobs)
    {
        if (!context.IsTerminal)
        {
            foreach (var job in jobs)
            {
                var last = default(RenderProgress);
                job.Write(new Reporter(p => last = p));
                context.Out.WriteLine($"Wrote {job.Display} ({Words.Plural(last.Blocks, "block")}, {Words.Plural(last.Rows, "table row")}).");
            }

            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                foreach (var job in jobs)
                {
                    var task = progress.AddTask(Markup.Escape(job.Display), maxValue: Math.Max(1, job.Work));
                    job.Write(new Reporter(p => task.Value = Math.Min(task.MaxValue, p.Blocks + p.Rows)));
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });

        // The bars vanish with the terminal's scrollback; the file names should not.
        foreach (var job in jobs)
        {
            context.Out.WriteLine($"Wrote {job.Display}.");
        }
    }

    /// <summary>Reports on the writer's own thread, at once (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }
}
