using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Changes;

/// <summary>
/// Compares a workspace's state at two instants: each side is judged by the same pure evaluation and
/// findings register (with only the evidence and attestations on record by then), and the differences are
/// what changed.
/// </summary>
public static class ChangeDetector
{
    private const int ListedPerKind = 3;

    public static ChangeSet Compare(LoadedWorkspace loaded, DiffPoint from, DiffPoint to)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = Evaluator.Evaluate(loaded, from.AsOf);
        var after = Evaluator.Evaluate(loaded, to.AsOf);
        var findings = FindingsRegister.Build(loaded, to.AsOf);
        return new ChangeSet(from, to)
        {
            Opened = findings.Where(f => f.FirstSeen > from.AsOf).ToList(),
            Resolved = findings.Where(f => f.ResolvedAt > from.AsOf).ToList(),
            Reopened = findings.Where(f => f.ReopenedAt > from.AsOf && f.ResolvedAt is null).ToList(),
            StatusChanges = StatusChanges(before, after),
            WentStale = Evidence(after, r => r.Kind is ReasonKind.Stale or ReasonKind.ArtifactStale && r.Since > from.AsOf),
            NewlyNotCollected = NewlyNotCollected(before, after),
            Attestations = Attestations(loaded, before, after, from, to),
        };
    }

    private static List<StatusChange> StatusChanges(WorkspaceEvaluation before, WorkspaceEvaluation after)
    {
        var old = before.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return after.Controls
            .Where(c => old.TryGetValue(c.Id, out var was) && was.Status != c.Status)
            .Select(c => new StatusChange(old[c.Id], c, Why(old[c.Id], c)))
            .ToList();
    }

    /// <summary>The problems the control gained ("now: ...") and lost ("no longer: ..."), matched by what they are about.</summary>
    private static List<string> Why(ControlEvaluation before, ControlEvaluation after)
    {
        var was = Problems(before);
        var now = Problems(after);
        var gained = now.Values.Where(r => !was.TryGetValue(KeyOf(r), out var old) || old.Kind != r.Kind);
        var lost = was.Values.Where(r => !now.ContainsKey(KeyOf(r)));
        var why = Summarize("now", gained).Concat(Summarize("no longer", lost)).ToList();
        return why.Count > 0 ? why : [$"was {EnumNames.ToKebab(before.Status)}, now {EnumNames.ToKebab(after.Status)}"];
    }

    /// <summary>Up to <see cref="ListedPerKind"/> reasons of a kind one by one; beyond that, a count and the first of them.</summary>
    private static IEnumerable<string> Summarize(string direction, IEnumerable<Reason> reasons)
    {
        foreach (var group in reasons.GroupBy(r => r.Kind))
        {
            var list = group.ToList();
            if (list.Count <= ListedPerKind)
            {
                foreach (var reason in list)
                {
                    yield return $"{direction}: {reason.Message}";
                }
            }
            else
            {
                yield return $"{direction} {EnumNames.ToKebab(group.Key).Replace('-', ' ')}: {list.Count} items, such as {list[0].Message}";
            }
        }
    }

    private static Dictionary<string, Reason> Problems(ControlEvaluation control)
    {
        var problems = new Dictionary<string, Reason>(StringComparer.Ordinal);
        foreach (var reason in control.Reasons.Where(r => r.IsProblem))
        {
            problems.TryAdd(KeyOf(reason), reason);
        }

        return problems;
    }

    private static string KeyOf(Reason reason) => $"{reason.Subject ?? EnumNames.ToKebab(reason.Kind)}|{reason.Source}";

    /// <summary>
    /// Queries a run after <paramref name="before"/> tried and failed to collect, that had not failed before:
    /// they answered, or were never asked (a query a narrower run left out has not failed, it is new).
    /// </summary>
    private static List<EvidenceChange> NewlyNotCollected(WorkspaceEvaluation before, WorkspaceEvaluation after)
    {
        var failedBefore = before.Controls.SelectMany(c => c.Reasons).Where(IsFailedAttempt).Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        return Evidence(after, r => IsFailedAttempt(r) && r.Item!.CollectedAt > before.AsOf && !failedBefore.Contains(KeyOf(r)));
    }

    private static bool IsFailedAttempt(Reason reason) => reason.Kind == ReasonKind.NotCollected && reason.Item is not null;

    /// <summary>The reasons that match, once per subject and source, with every control they count for.</summary>
    private static List<EvidenceChange> Evidence(WorkspaceEvaluation evaluation, Func<Reason, bool> matches) =>
        evaluation.Controls
            .SelectMany(c => c.Reasons.Where(matches).Select(r => (Control: c.Id, Reason: r)))
            .GroupBy(x => KeyOf(x.Reason), StringComparer.Ordinal)
            .Select(g => new EvidenceChange(
                g.First().Reason.Subject ?? string.Empty, g.First().Reason.Source, g.First().Reason.Message,
                g.Select(x => x.Control).Distinct().ToList(), g.First().Reason.Since))
            .OrderBy(c => c.Subject, StringComparer.Ordinal).ThenBy(c => c.Source?.ToString(), StringComparer.Ordinal)
            .ToList();

    private static List<AttestationChange> Attestations(
        LoadedWorkspace loaded, WorkspaceEvaluation before, WorkspaceEvaluation after, DiffPoint from, DiffPoint to)
    {
        var changes = new List<AttestationChange>();
        foreach (var attestation in loaded.Attestations.Where(a => a.AttestedAt > from.AsOf && a.AttestedAt <= to.AsOf).OrderBy(a => a.AttestedAt))
        {
            var control = attestation.Control.Value;
            var earlier = loaded.Attestations.Any(a => !ReferenceEquals(a, attestation) && a.Control.Value == control && a.Period == attestation.Period && a.AttestedAt <= attestation.AttestedAt);
            var what = $"{attestation.AttestedBy.Value} attested {EnumNames.ToKebab(attestation.Result)} for {attestation.Period} on {Timestamps.FormatDate(attestation.AttestedAt)}";
            changes.Add(earlier
                ? new AttestationChange(AttestationChangeKind.Superseded, control, $"{what}, replacing an earlier attestation for that period") { Attestation = attestation }
                : new AttestationChange(AttestationChangeKind.Added, control, what) { Attestation = attestation });
        }

        var overdueBefore = before.Controls.Where(c => c.Reasons.Any(IsOverdue)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var control in after.Controls.Where(c => !overdueBefore.Contains(c.Id)))
        {
            if (control.Reasons.FirstOrDefault(IsOverdue) is { } reason)
            {
                changes.Add(new AttestationChange(AttestationChangeKind.NowOverdue, control.Id, reason.Message));
            }
        }

        return changes.OrderBy(c => c.Kind).ThenBy(c => c.Control, Catalog.CitationComparer.Instance).ToList();
    }

    private static bool IsOverdue(Reason reason) => reason.Kind is ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue;
}
