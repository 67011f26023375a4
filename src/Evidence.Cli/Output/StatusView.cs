using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>The status table, then what stands between each control and "satisfied".</summary>
internal static class StatusView
{
    public static void Write(CliContext context, WorkspaceEvaluation evaluation, IReadOnlyList<ControlEvaluation> controls, IReadOnlyList<Finding> findings)
    {
        var table = new TextTable("Control", "Title", "Status", "Owner", "Evidence", "Non-compliant", "Freshness", "Attestation");
        foreach (var control in controls)
        {
            table.Add(
                control.Id,
                Words.Truncate(control.Control.Control.Title, 38),
                Words.Of(control.Status),
                string.Join(", ", control.Control.Owners.Select(o => o.Id).DefaultIfEmpty(control.Control.OwnerRef)),
                EvidenceCell(control),
                control.NonCompliantResources == 0 ? "-" : control.NonCompliantResources.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FreshnessCell(control),
                AttestationCell(control));
        }

        table.Write(context);
        context.Out.WriteLine();
        context.Out.WriteLine(Summary(evaluation, controls));
        WriteFindings(context, findings);
        WriteProblems(context, controls);
    }

    public static string Summary(WorkspaceEvaluation evaluation, IReadOnlyList<ControlEvaluation> controls)
    {
        var parts = Enum.GetValues<ControlStatus>()
            .Select(s => (Status: s, Count: controls.Count(c => c.Status == s)))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {Words.Of(x.Status)}");
        return $"{Words.Plural(controls.Count, "control")} as of {Timestamps.Format(evaluation.AsOf)}: {string.Join(", ", parts)}.";
    }

    /// <summary>One line for the register: root causes (resources), not repeats, and what is late.</summary>
    private static void WriteFindings(CliContext context, IReadOnlyList<Finding> findings)
    {
        var counts = FindingCounts.Of(findings);
        if (counts.Open == 0)
        {
            return;
        }

        var late = new List<string>();
        if (counts[FindingState.Overdue] > 0)
        {
            late.Add($"{counts[FindingState.Overdue]} overdue");
        }

        if (counts[FindingState.AcceptanceExpired] > 0)
        {
            late.Add($"{counts[FindingState.AcceptanceExpired]} with an expired risk acceptance");
        }

        context.Out.WriteLine($"Findings: {Words.Plural(counts.Open, "open finding")} on {Words.Plural(counts.OpenRootCauses, "resource")}" +
            (late.Count > 0 ? $" ({string.Join(", ", late)})" : string.Empty) + "; 'evidence findings' lists them with owners and target dates.");
    }

    private static string EvidenceCell(ControlEvaluation control)
    {
        var judged = control.Reasons
            .Where(f => f.Kind is not (ReasonKind.Specification or ReasonKind.ImplementationGap) && f.Outcome != Outcome.Neutral && !IsAttestation(f))
            .ToList();
        return judged.Count == 0 ? "-" : $"{judged.Count(f => f.Outcome == Outcome.Pass)}/{judged.Count} ok";
    }

    private static string FreshnessCell(ControlEvaluation control)
    {
        var stale = control.Reasons.Count(f => f.Kind is ReasonKind.Stale or ReasonKind.ArtifactStale);
        var missing = control.Reasons.Count(f => f.Kind == ReasonKind.NotCollected);
        var parts = new List<string>();
        if (stale > 0)
        {
            parts.Add($"{stale} stale");
        }

        if (missing > 0)
        {
            parts.Add($"{missing} not collected");
        }

        if (parts.Count > 0)
        {
            return string.Join(", ", parts);
        }

        return control.OldestEvidence is { } oldest ? $"since {oldest:yyyy-MM-dd}" : "-";
    }

    private static string AttestationCell(ControlEvaluation control)
    {
        var reason = control.Reasons.FirstOrDefault(IsAttestation);
        return reason?.Kind switch
        {
            null => "-",
            ReasonKind.AttestationMissing => "missing",
            ReasonKind.AttestationOverdue => $"overdue ({control.LatestAttestation?.Period})",
            _ => $"{control.LatestAttestation?.Period} {Words.Of(control.LatestAttestation!.Result)}{(control.LatestAttestation.Supersedes is null ? string.Empty : " (corrected)")}",
        };
    }

    private static bool IsAttestation(Reason f) =>
        f.Kind is ReasonKind.AttestationCurrent or ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue;

    private static void WriteProblems(CliContext context, IReadOnlyList<ControlEvaluation> controls)
    {
        var failing = controls.Where(c => c.Status is ControlStatus.NotSatisfied or ControlStatus.PartiallySatisfied).ToList();
        if (failing.Count == 0)
        {
            return;
        }

        context.Out.WriteLine();
        context.Out.WriteLine("What stands between these controls and satisfied:");
        foreach (var control in failing)
        {
            context.Out.WriteLine($"  {control.Id} {control.Control.Control.Title}");
            foreach (var reason in control.Reasons.Where(f => f.IsProblem || f.Kind == ReasonKind.NoPrimaryEvidence))
            {
                context.Out.WriteLine($"    - {reason.Message}");
            }
        }
    }
}
