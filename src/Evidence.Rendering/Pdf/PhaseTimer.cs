using System.Diagnostics;

namespace Evidence.Rendering.Pdf;

/// <summary>
/// With <c>EVIDENCE_PDF_TIMING=1</c> in the environment, writes to standard error how long each phase of
/// writing a PDF took and how much memory the process held after it: how benchmarks/render.sh's figures
/// are taken apart. Silent otherwise.
/// </summary>
internal sealed class PhaseTimer
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly bool enabled = Environment.GetEnvironmentVariable("EVIDENCE_PDF_TIMING") == "1";
    private TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public void Lap(string phase)
    {
        if (!enabled)
        {
            return;
        }

        var process = Process.GetCurrentProcess();
        var nowCpu = process.TotalProcessorTime;
        Console.Error.WriteLine(System.FormattableString.Invariant(
            $"pdf-timing {phase,-14} wall {watch.Elapsed.TotalSeconds,6:F2} s  cpu {(nowCpu - cpu).TotalSeconds,6:F2} s  managed {GC.GetTotalMemory(false) / 1048576,5} MB  rss {process.WorkingSet64 / 1048576,5} MB  peak {process.PeakWorkingSet64 / 1048576,5} MB"));
        cpu = nowCpu;
        watch.Restart();
    }
}
