using System.Diagnostics;

namespace Evidence.Rendering;

/// <summary>
/// With <c>EVIDENCE_TIMING=1</c> in the environment, writes to standard error how long each phase of a build
/// (loading, judging, each template, each layout, each write and the phases of writing a PDF) took, how long the garbage collector
/// stopped it for, and how much memory the process held after it: how benchmarks/render.sh's figures are taken apart. Silent otherwise.
/// </summary>
public sealed class PhaseTimer(string scope)
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("EVIDENCE_TIMING") == "1";

    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan cpu = Enabled ? Process.GetCurrentProcess().TotalProcessorTime : TimeSpan.Zero;
    private TimeSpan paused = Enabled ? GC.GetTotalPauseDuration() : TimeSpan.Zero;

    /// <summary>Writes the phase just finished (since the timer started or the last lap) and starts the next.</summary>
    public void Lap(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var process = Process.GetCurrentProcess();
        var nowCpu = process.TotalProcessorTime;
        var nowPaused = GC.GetTotalPauseDuration();
        Console.Error.WriteLine(System.FormattableString.Invariant(
            $"timing {scope,-6} {phase,-16} wall {watch.Elapsed.TotalSeconds,6:F2} s  cpu {(nowCpu - cpu).TotalSeconds,6:F2} s  gc pauses {(nowPaused - paused).TotalSeconds,5:F2} s (collections so far {GC.CollectionCount(0),4}/{GC.CollectionCount(1),3}/{GC.CollectionCount(2),3})  managed {GC.GetTotalMemory(false) / 1048576,5} MB  rss {process.WorkingSet64 / 1048576,5} MB  peak {process.PeakWorkingSet64 / 1048576,5} MB"));
        cpu = nowCpu;
        paused = nowPaused;
        watch.Restart();
    }
}
