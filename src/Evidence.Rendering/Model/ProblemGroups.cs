using Evidence.Core.Evaluation;

namespace Evidence.Rendering.Model;

/// <summary>
/// A control's problems at organisation scale: a query that fails the same way in many sources is one
/// problem ("non-compliant in 75 sources of 52 accounts"), not one line per source; the failures
/// themselves are listed in full under the control.
/// </summary>
internal static class ProblemGroups
{
    /// <summary>The problem reasons, a cloud query's same kind of failure across sources together, in the order they first appear.</summary>
    public static IEnumerable<IReadOnlyList<Reason>> Of(ControlEvaluation evaluation) =>
        evaluation.Reasons
            .Where(r => r.IsProblem)
            .GroupBy(r => r.Source is null ? ((string?)null, r.Kind, (Reason?)r) : (r.Subject, r.Kind, (Reason?)null))
            .Select(g => (IReadOnlyList<Reason>)g.ToList());

    /// <summary>"75 sources of 52 accounts".</summary>
    public static string Where(IReadOnlyList<Reason> group)
    {
        var accounts = group.Select(r => r.Source! with { Region = null }).Distinct().Count();
        return $"{group.Count:N0} sources of {accounts:N0} {(accounts == 1 ? "account" : "accounts")}";
    }

    /// <summary>One line for a group, in the engine's terms (the binder's "what stands between" list).</summary>
    public static string Message(IReadOnlyList<Reason> group, string queryText)
    {
        if (group.Count == 1)
        {
            return Redactor.Redact(group[0].Message)!;
        }

        var failing = group.Sum(r => (long)(r.Item?.Counts.NonCompliant ?? 0));
        return group[0].Kind switch
        {
            ReasonKind.NonCompliant => $"{queryText}: non-compliant in {Where(group)}, {failing:N0} failing resources (listed below)",
            ReasonKind.Stale => $"{queryText}: stale in {Where(group)}",
            ReasonKind.NoResources => $"{queryText}: no resources in {Where(group)}, although some are required",
            _ => $"{queryText}: not collected in {Where(group)}",
        };
    }
}
