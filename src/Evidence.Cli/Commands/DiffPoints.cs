using Evidence.Core.Attestations;
using Evidence.Core.Changes;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Cli.Commands;

/// <summary>
/// Reads <c>--from</c> and <c>--to</c>: a run id (its folder name under evidence/runs/, judged as of the end
/// of that run) or a period (2026-Q3, 2026-11, 2026-H2, 2026; judged as of the period's last second).
/// Without them, the two latest runs.
/// </summary>
internal static class DiffPoints
{
    public static (DiffPoint From, DiffPoint To) Resolve(LoadedWorkspace loaded, string? from, string? to)
    {
        var runs = loaded.Runs;
        var toPoint = to is null ? Latest(runs, "--to") : Parse(to, "--to", runs);
        var fromPoint = from is null ? Before(runs, toPoint) : Parse(from, "--from", runs);
        return fromPoint.AsOf < toPoint.AsOf
            ? (fromPoint, toPoint)
            : throw UserException.Usage($"--from {fromPoint.Label} is not before --to {toPoint.Label}; name the earlier run or period first");
    }

    /// <summary>The state a run left: every item it holds, as of the last of them.</summary>
    public static DiffPoint OfRun(EvidenceRun run) =>
        new($"run {run.RunId}", run.Items.Select(i => i.CollectedAt).Append(run.CompletedAt ?? run.StartedAt).Append(run.StartedAt).Max());

    private static DiffPoint Latest(IReadOnlyList<EvidenceRun> runs, string option) =>
        runs.Count > 0 ? OfRun(runs[^1]) : throw UserException.Usage($"{option}: the workspace has no evidence runs to compare; run 'evidence collect' first");

    private static DiffPoint Before(IReadOnlyList<EvidenceRun> runs, DiffPoint to)
    {
        var earlier = runs.Select(OfRun).Where(p => p.AsOf < to.AsOf).ToList();
        return earlier.Count > 0
            ? earlier[^1]
            : throw UserException.Usage($"there is no run before {to.Label} to compare it with; collect another run, or name one with --from");
    }

    private static DiffPoint Parse(string text, string option, IReadOnlyList<EvidenceRun> runs)
    {
        if (runs.FirstOrDefault(r => r.RunId == text) is { } run)
        {
            return OfRun(run);
        }

        if (AttestationPeriod.TryParse(text, out var period))
        {
            return new DiffPoint($"period {period}", period.End.AddSeconds(-1));
        }

        var ids = runs.Select(r => r.RunId).ToList();
        throw UserException.Usage(
            $"{option} '{text}' is neither a run nor a period{Suggestions.DidYouMean(text, ids)}; runs: {(ids.Count == 0 ? "none" : string.Join(", ", ids))}; periods look like 2026-Q3, 2026-11, 2026-H2 or 2026");
    }
}
