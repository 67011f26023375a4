using System.Globalization;
using Evidence.Core.Attestations;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using Evidence.Rendering.Model;

namespace Evidence.Rendering.Forms;

/// <summary>Builds one owner's request form from the evaluated workspace and its findings register.</summary>
public static class AttestationFormBuilder
{
    /// <summary>At most this many findings are listed per control; the rest are counted.</summary>
    public const int FindingsPerControl = 10;

    public static AttestationForm Build(LoadedWorkspace loaded, WorkspaceEvaluation evaluation, IReadOnlyList<Finding> findings, Person owner, AttestationPeriod period, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(owner);
        var workspace = loaded.Workspace!;
        var controls = evaluation.Controls
            .Where(c => c.Control.RequiresAttestation && c.Control.Owners.Any(o => o.Id == owner.Id))
            .Select(c => Control(c, findings, loaded.Attestations, workspace, evaluation.AsOf))
            .ToList();
        return new AttestationForm
        {
            SystemId = workspace.System.Id,
            SystemName = workspace.System.Name,
            Organization = workspace.System.Organization,
            OwnerId = owner.Id,
            OwnerName = owner.Name,
            Period = period.ToString(),
            IssuedAt = Timestamps.Format(evaluation.AsOf),
            DueBy = Timestamps.Format(deadline.AddSeconds(-1)),
            Controls = controls,
        };
    }

    private static AttestationFormControl Control(ControlEvaluation evaluation, IReadOnlyList<Finding> findings, IReadOnlyList<Attestation> attestations, Workspace workspace, DateTimeOffset asOf)
    {
        var open = findings.Where(f => f.IsOpen && f.Citations.Contains(evaluation.Id)).ToList();
        var lines = open.Take(FindingsPerControl)
            .Select(f => Redactor.Redact($"{f.Id} {EnumNames.ToKebab(f.State)}, {EnumNames.ToKebab(f.Severity)}: {f.ResourceName} fails {f.RuleName} (first seen {Timestamps.FormatDate(f.FirstSeen)}, due {Timestamps.FormatDate(f.DueDate)})")!)
            .ToList();
        if (open.Count > FindingsPerControl)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"and {open.Count - FindingsPerControl} more (evidence findings --owner {evaluation.Control.OwnerRef})"));
        }

        var latest = AttestationJudge.Latest(evaluation.Id, attestations, asOf);
        return new AttestationFormControl
        {
            Citation = evaluation.Id,
            Title = evaluation.Control.Control.Title,
            Asks = evaluation.Control.Control.Summary.Trim(),
            Status = EnumNames.ToKebab(evaluation.Status).Replace('-', ' '),
            Evidence = EvidenceLines(evaluation),
            Findings = lines,
            LastAttested = latest is null ? null
                : $"{latest.Period}: {EnumNames.ToKebab(latest.Result).Replace('-', ' ')}, by {workspace.FindPerson(latest.AttestedBy.Value)?.Name ?? latest.AttestedBy.Value} on {Timestamps.FormatDate(latest.AttestedAt)}",
        };
    }

    /// <summary>
    /// What counts against the control, one line each (a missing or late attestation too: it alone can make a
    /// control partially satisfied), then how many other pieces pass: the owner attests to the gaps.
    /// </summary>
    private static List<string> EvidenceLines(ControlEvaluation evaluation)
    {
        var judged = evaluation.Reasons
            .Where(r => r.Kind is not (ReasonKind.AttestationCurrent or ReasonKind.Specification) && r.Outcome != Outcome.Neutral)
            .ToList();
        var lines = judged.Where(r => r.IsProblem).Select(r => Redactor.Redact($"{Words(r)}: {r.Message}")!).ToList();
        var passing = judged.Count(r => !r.IsProblem && r.Kind is not (ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue));
        if (passing > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{passing} other piece{(passing == 1 ? string.Empty : "s")} of evidence pass{(passing == 1 ? "es" : string.Empty)}"));
        }

        return lines;
    }

    private static string Words(Reason reason) => reason switch
    {
        { Kind: ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue } => "attestation",
        { Outcome: Outcome.Pass } => "passes",
        { Outcome: Outcome.Partial } => "partial",
        _ => "fails",
    };
}
