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
        var counted = runs.Where(r => r.StartedAt <= asOf).ToList();
        var at = counted.Select(r => LeftAt(r, asOf)).ToArray();
        var open = new int[at.Length];
        var failing = new int[at.Length];
        // Finding by finding and span by span: a finding's spans never overlap, so it counts at most once per run, and
        // a register of 200,000 findings over a hundred runs is a few tens of millions of comparisons.
        foreach (var finding in findings)
        {
            foreach (var span in finding.Failing)
            {
                for (var i = 0; i < at.Length; i++)
                {
                    if (span.Covers(at[i]))
                    {
                        failing[i]++;
                        open[i] += finding.IsExcusedAt(at[i]) ? 0 : 1;
                    }
                }
            }
        }

        return counted.Select((run, i) => new RunFindingCount(run, at[i], open[i], failing[i])).ToList();
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
