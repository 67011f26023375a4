using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// How many findings were open as each evidence run left them: for every run up to the as-of instant, the findings
/// open (failing, neither accepted nor a false positive) and failing at the moment its last answer was collected.
/// A finding that was resolved and came back counts in the runs it failed in and not in those between, because
/// the register keeps every span it failed over (<see cref="Finding.Failing"/>).
/// </summary>
public static class OpenFindingsByRun
{
    /// <summary>
    /// One count per run of <paramref name="runs"/> (oldest first) started by <paramref name="asOf"/>, judged from
    /// <paramref name="findings"/>, a register built as of <paramref name="asOf"/> or later.
    /// </summary>
    public static IReadOnlyList<RunFindingCount> Count(IReadOnlyList<Finding> findings, IReadOnlyList<EvidenceRun> runs, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(runs);
        var counts = new List<RunFindingCount>();
        foreach (var run in runs.Where(r => r.StartedAt <= asOf))
        {
            var at = LeftAt(run, asOf);
            var open = 0;
            var failing = 0;
            foreach (var finding in findings)
            {
                if (finding.FailingAt(at))
                {
                    failing++;
                    open += finding.IsOpenAt(at) ? 1 : 0;
                }
            }

            counts.Add(new RunFindingCount(run, at, open, failing));
        }

        return counts;
    }

    /// <summary>The instant a run's answers are complete: its last collection (none later than as-of), else its start.</summary>
    private static DateTimeOffset LeftAt(EvidenceRun run, DateTimeOffset asOf)
    {
        var collected = run.Items.Select(i => i.CollectedAt).Where(c => c <= asOf).DefaultIfEmpty(run.StartedAt).Max();
        return collected < run.StartedAt ? run.StartedAt : collected;
    }
}

/// <summary>
/// One run's findings as it left them, at <see cref="At"/>: <see cref="Open"/> still to remediate, and
/// <see cref="Failing"/> failing at all (the open ones and those accepted or recorded as false positives).
/// </summary>
public sealed record RunFindingCount(EvidenceRun Run, DateTimeOffset At, int Open, int Failing);
