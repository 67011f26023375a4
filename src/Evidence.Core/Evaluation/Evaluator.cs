using Evidence.Core.Attestations;
using Evidence.Core.Loading;
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
            return new ControlEvaluation(control, ControlStatus.NotApplicable, [new Finding(FindingKind.ImplementationGap, Outcome.Pass, $"not applicable: {why}")]);
        }

        var findings = new List<Finding>();
        foreach (var query in control.Queries.Where(q => q.IsCloud))
        {
            findings.AddRange(CloudEvidenceJudge.Judge(query, workspace.Boundary, index, control.MaxAge, asOf));
        }

        findings.AddRange(DocumentJudge.Judge(control, asOf));
        Attestation? latest = null;
        if (control.RequiresAttestation)
        {
            var settings = workspace.Settings.Attestations ?? AttestationSettings.Default;
            findings.Add(AttestationJudge.Judge(control.Id, attestations, settings, asOf, out latest));
        }

        if (!control.IsLeaf)
        {
            findings.AddRange(SpecificationFindings(control, done));
            if (findings.Count == 0)
            {
                return new ControlEvaluation(control, ControlStatus.NotApplicable, findings);
            }
        }

        var status = Combine(findings);
        status = ApplyDeclaredStatus(control, status, findings);
        return new ControlEvaluation(control, status, findings) { LatestAttestation = latest };
    }

    private static IEnumerable<Finding> SpecificationFindings(ResolvedControl standard, Dictionary<string, ControlEvaluation> done)
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
                yield return new Finding(FindingKind.Specification, o, $"{spec.Id} {spec.Control.Control.Title}: {EnumNames.ToKebab(spec.Status).Replace('-', ' ')}") { Subject = spec.Id };
            }
        }
    }

    /// <summary>All pass: satisfied. None pass: not satisfied. Otherwise partially. Nothing to judge: not assessed.</summary>
    public static ControlStatus Combine(IReadOnlyCollection<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return ControlStatus.NotAssessed;
        }

        if (findings.All(f => f.Outcome == Outcome.Pass))
        {
            return ControlStatus.Satisfied;
        }

        return findings.All(f => f.Outcome == Outcome.Fail) ? ControlStatus.NotSatisfied : ControlStatus.PartiallySatisfied;
    }

    private static ControlStatus ApplyDeclaredStatus(ResolvedControl control, ControlStatus status, List<Finding> findings)
    {
        switch (control.Status)
        {
            case ImplementationStatus.Planned or ImplementationStatus.NotImplemented:
                findings.Insert(0, new Finding(FindingKind.ImplementationGap, Outcome.Fail, $"the owner reports the control as {EnumNames.ToKebab(control.Status.Value)}"));
                return ControlStatus.NotSatisfied;
            case ImplementationStatus.PartiallyImplemented:
                findings.Insert(0, new Finding(FindingKind.ImplementationGap, Outcome.Partial, "the owner reports the control as partially implemented"));
                return status is ControlStatus.Satisfied or ControlStatus.NotAssessed ? ControlStatus.PartiallySatisfied : status;
            default:
                return status;
        }
    }
}
