using Evidence.Core.Attestations;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Evaluation;

/// <summary>
/// Judges every control. A pure function of (catalog, workspace, evidence runs, attestations, as-of):
/// it reads no clock and no file, so the same inputs always give the same statuses.
/// </summary>
public static class Evaluator
{
    public static WorkspaceEvaluation Evaluate(LoadedWorkspace loaded, DateTimeOffset asOf)
    {
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Evaluate needs a workspace whose evidence.yaml loaded.");
        var index = new EvidenceIndex(loaded.Runs, asOf);
        var resolved = loaded.Controls;
        var results = new Dictionary<string, ControlEvaluation>(StringComparer.Ordinal);

        // Specifications first, so that standards can roll up from them.
        foreach (var control in resolved.OrderBy(c => c.Control.IsStandard ? 1 : 0))
        {
            results[control.Id] = EvaluateControl(control, workspace, loaded.Attestations, index, asOf, results);
        }

        return new WorkspaceEvaluation(asOf, resolved.Select(c => results[c.Id]).ToList());
    }

    private static ControlEvaluation EvaluateControl(
        ResolvedControl control, Workspace workspace, IReadOnlyList<Attestation> attestations, EvidenceIndex index,
        DateTimeOffset asOf, Dictionary<string, ControlEvaluation> done)
    {
        if (control.Status == ImplementationStatus.NotApplicable)
        {
            var why = control.Overlay?.Decision?.Rationale ?? "its standard does not apply";
            return new ControlEvaluation(control, ControlStatus.NotApplicable, [new Reason(ReasonKind.ImplementationGap, Outcome.Pass, $"not applicable: {why}")]);
        }

        var reasons = new List<Reason>();
        foreach (var query in control.Queries.Where(q => q.IsCloud))
        {
            reasons.AddRange(CloudEvidenceJudge.Judge(query, workspace.Boundary, index, control.MaxAge, asOf));
        }

        reasons.AddRange(DocumentJudge.Judge(control, asOf));
        Attestation? latest = null;
        if (control.RequiresAttestation)
        {
            var settings = workspace.Settings.Attestations ?? AttestationSettings.Default;
            reasons.Add(AttestationJudge.Judge(control.Id, attestations, settings, asOf, out latest));
        }

        if (!control.IsLeaf)
        {
            reasons.AddRange(SpecificationReasons(control, done));
            if (reasons.Count == 0)
            {
                return new ControlEvaluation(control, ControlStatus.NotApplicable, reasons);
            }
        }

        var status = Combine(reasons);
        NoteMissingPrimary(reasons);
        status = ApplyDeclaredStatus(control, status, reasons);
        return new ControlEvaluation(control, status, reasons) { LatestAttestation = latest };
    }

    private static IEnumerable<Reason> SpecificationReasons(ResolvedControl standard, Dictionary<string, ControlEvaluation> done)
    {
        foreach (var spec in done.Values.Where(e => e.Control.Control.Parent == standard.Id).OrderBy(e => e.Id, Catalog.CitationComparer.Instance))
        {
            var outcome = spec.Status switch
            {
                ControlStatus.Satisfied => Outcome.Pass,
                ControlStatus.PartiallySatisfied => Outcome.Partial,
                ControlStatus.NotSatisfied => Outcome.Fail,
                _ => (Outcome?)null,
            };
            if (outcome is { } o)
            {
                yield return new Reason(ReasonKind.Specification, o, $"{spec.Id} {spec.Control.Control.Title}: {EnumNames.ToKebab(spec.Status).Replace('-', ' ')}") { Subject = spec.Id };
            }
        }
    }

    /// <summary>
    /// The primary evidence decides: all pass, satisfied; none pass, not satisfied; otherwise partially.
    /// Supporting evidence can only show a gap: a failure there makes a satisfied control partially
    /// satisfied, and with no primary evidence any failure makes it not satisfied while passing
    /// supporting evidence alone leaves it not assessed. Neutral reasons (no resources in scope) do not
    /// count. Nothing to judge: not assessed.
    /// </summary>
    public static ControlStatus Combine(IReadOnlyCollection<Reason> reasons)
    {
        var judged = reasons.Where(r => r.Outcome != Outcome.Neutral).ToList();
        var primary = judged.Where(r => r.Role == EvidenceRole.Primary).ToList();
        var supportingGap = judged.Any(r => r.Role == EvidenceRole.Supporting && r.IsProblem);
        if (primary.Count == 0)
        {
            return supportingGap ? ControlStatus.NotSatisfied : ControlStatus.NotAssessed;
        }

        if (primary.All(f => f.Outcome == Outcome.Pass))
        {
            return supportingGap ? ControlStatus.PartiallySatisfied : ControlStatus.Satisfied;
        }

        return primary.All(f => f.Outcome == Outcome.Fail) ? ControlStatus.NotSatisfied : ControlStatus.PartiallySatisfied;
    }

    /// <summary>Says so when nothing primary is left to judge but supporting evidence is, so no reader takes it for proof.</summary>
    private static void NoteMissingPrimary(List<Reason> reasons)
    {
        var judged = reasons.Where(r => r.Outcome != Outcome.Neutral).ToList();
        if (judged.Count > 0 && judged.All(r => r.Role == EvidenceRole.Supporting))
        {
            reasons.Add(new Reason(ReasonKind.NoPrimaryEvidence, Outcome.Neutral,
                "only supporting evidence is on record, and it cannot satisfy this control on its own: add the documents or attestation that prove it"));
        }
    }

    private static ControlStatus ApplyDeclaredStatus(ResolvedControl control, ControlStatus status, List<Reason> reasons)
    {
        switch (control.Status)
        {
            case ImplementationStatus.Planned or ImplementationStatus.NotImplemented:
                reasons.Insert(0, new Reason(ReasonKind.ImplementationGap, Outcome.Fail, $"the owner reports the control as {EnumNames.ToKebab(control.Status.Value)}"));
                return ControlStatus.NotSatisfied;
            case ImplementationStatus.PartiallyImplemented:
                reasons.Insert(0, new Reason(ReasonKind.ImplementationGap, Outcome.Partial, "the owner reports the control as partially implemented"));
                return status is ControlStatus.Satisfied or ControlStatus.NotAssessed ? ControlStatus.PartiallySatisfied : status;
            default:
                return status;
        }
    }
}
