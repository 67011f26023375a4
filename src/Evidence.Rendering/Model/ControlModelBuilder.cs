using Evidence.Core.Attestations;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>Builds the model of one control from its evaluation: owner, implementation, decision, status and evidence.</summary>
internal sealed class ControlModelBuilder(LoadedWorkspace loaded, DateTimeOffset asOf, EvidenceItemModelBuilder items, EvidenceFiles files)
{
    /// <summary>Where attestation records live in a workspace; their record paths are relative to it.</summary>
    private const string AttestationFolder = "attestations/";

    private readonly Workspace _workspace = loaded.Workspace!;
    private readonly PlainReasons _plain = new(loaded.Catalog, items.SourceText);

    public ControlModel Build(ControlEvaluation evaluation, IReadOnlyList<ControlModel> specifications)
    {
        var resolved = evaluation.Control;
        var control = resolved.Control;
        var cloud = evaluation.CloudReasons
            .Select(f => items.Build(evaluation, f))
            .ToList();
        var documents = Documents(resolved, evaluation.Reasons).ToList();
        var attestation = Attestation(evaluation);
        return new ControlModel
        {
            Id = control.Id,
            Title = control.Title,
            Anchor = Anchors.Control(control.Id),
            Family = control.Family,
            Section = control.Section,
            Kind = Texts.Kebab(control.Kind),
            Parent = control.Parent,
            Designation = control.Designation is { } d ? Texts.Sentence(d) : null,
            IsLeaf = resolved.IsLeaf,
            Summary = control.Summary,
            AssessorFocus = control.AssessorFocus,
            Owner = Owner(resolved),
            Implementation = resolved.Status is { } s ? Texts.Kebab(s) : null,
            ImplementationText = resolved.Status switch
            {
                null => "Not stated",
                ImplementationStatus.Alternative => "Alternative measure",
                { } status => Texts.Sentence(status),
            },
            Statement = resolved.Overlay?.Statement,
            Decision = Decision(resolved.Overlay?.Decision),
            Status = Texts.Kebab(evaluation.Status),
            StatusText = Texts.Sentence(evaluation.Status),
            Evidence = Summary(resolved, cloud, documents),
            CloudEvidence = cloud,
            EvidenceGrids = EvidenceGridBuilder.Build(cloud),
            SupportingEvidence = cloud.Where(c => c.Role == "supporting")
                .GroupBy(c => c.QueryText, StringComparer.Ordinal)
                .Select(g => new SupportingEvidenceModel(g.Key, g.First().RoleNote))
                .ToList(),
            Documents = documents,
            Attestation = attestation,
            Problems = evaluation.Reasons.Where(f => f.IsProblem).Select(f => Redactor.Redact(f.Message)!).ToList(),
            PlainProblems = _plain.Explain(evaluation, attestation),
            Specifications = specifications,
        };
    }

    private OwnerModel Owner(ResolvedControl control)
    {
        var role = loaded.Catalog.Roles.FirstOrDefault(r => r.Id == control.OwnerRef);
        var people = control.Owners.Select(p => p.Name).ToList();
        var names = people.Count == 0 ? $"nobody holds {control.OwnerRef}" : string.Join(", ", people);
        return new OwnerModel
        {
            Ref = control.OwnerRef,
            Role = role?.Title,
            People = people,
            Text = role is null ? names : $"{names} ({role.Title})",
        };
    }

    private DecisionModel? Decision(AddressableDecision? decision) => decision is null ? null : new DecisionModel
    {
        Alternative = decision.Alternative,
        Rationale = decision.Rationale,
        DecidedBy = decision.DecidedBy is { } by ? _workspace.FindPerson(by.Value)?.Name ?? by.Value : null,
        DecidedOn = decision.DecidedOn is { } on ? Texts.Date(on) : null,
    };

    private IEnumerable<DocumentModel> Documents(ResolvedControl control, IReadOnlyList<Reason> reasons)
    {
        var manual = control.Queries.OfType<ManualQuery>().ToList();
        foreach (var reason in reasons.Where(f => f.Kind is ReasonKind.ArtifactCurrent or ReasonKind.ArtifactStale or ReasonKind.ArtifactMissing))
        {
            if (reason.Kind == ReasonKind.ArtifactMissing)
            {
                var expected = control.ExpectedArtifacts.FirstOrDefault(a => a.Id == reason.Subject);
                yield return new DocumentModel
                {
                    Title = expected?.Title ?? reason.Subject ?? "expected document",
                    Artifact = reason.Subject,
                    State = "missing",
                    StateText = "Missing",
                    Message = reason.Message,
                };
                continue;
            }

            var query = manual.First(q => q.Key == reason.Subject);
            var title = control.Control.ExpectedArtifacts.FirstOrDefault(a => a.Id == query.Artifact)?.Title ?? query.Title ?? query.Path;
            var stale = reason.Kind == ReasonKind.ArtifactStale;
            yield return new DocumentModel
            {
                Title = title,
                Artifact = query.Artifact,
                State = stale ? "stale" : "current",
                StateText = stale ? "Stale" : "Current",
                Message = reason.Message,
                File = files.Document(query.Path),
                Date = Texts.Date(query.Date),
                StaleSince = Texts.Instant(reason.Since),
            };
        }
    }

    private static EvidenceSummaryModel Summary(ResolvedControl control, List<EvidenceItemModel> cloud, List<DocumentModel> documents)
    {
        var stale = cloud.Count(c => c.State == "stale");
        var notCollected = cloud.Count(c => c.State == "not-collected");
        var oldest = cloud.Where(c => c.EvaluatedAt is not null || c.CollectedAt is not null)
            .Select(c => c.EvaluatedAt ?? c.CollectedAt!)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        var problems = new List<string>();
        if (stale > 0)
        {
            problems.Add($"{stale} stale");
        }

        if (notCollected > 0)
        {
            problems.Add($"{notCollected} not collected");
        }

        var freshness = problems.Count > 0 ? string.Join(", ", problems)
            : oldest is not null ? $"current (evidence from {oldest[..10]})"
            : "no cloud evidence";
        return new EvidenceSummaryModel
        {
            Queries = control.Queries.Count(q => q.IsCloud),
            Items = cloud.Count,
            Sources = cloud.Select(c => c.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            CompliantItems = cloud.Count(c => c.State == "compliant"),
            EmptyItems = cloud.Count(c => c.State == "no-resources"),
            NonCompliantItems = cloud.Count(c => c.State == "non-compliant"),
            NotCollected = notCollected,
            Stale = stale,
            // Resources counted: a summary item's compliant resources were not, so they are not in these sums.
            Resources = cloud.Sum(c => c.Counts.Total ?? c.Counts.NonCompliant),
            CompliantResources = cloud.Sum(c => c.Counts.Compliant ?? 0),
            NonCompliantResources = cloud.Sum(c => c.Counts.NonCompliant),
            Oldest = oldest,
            Freshness = freshness,
            DocumentsCurrent = documents.Count(d => d.State == "current"),
            DocumentsStale = documents.Count(d => d.State == "stale"),
            DocumentsMissing = documents.Count(d => d.State == "missing"),
        };
    }

    private AttestationModel Attestation(ControlEvaluation evaluation)
    {
        var reason = evaluation.Reasons.FirstOrDefault(f => f.Kind is ReasonKind.AttestationCurrent or ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue);
        // Controls that need no attestation may still have one on file: show the latest.
        var latest = evaluation.LatestAttestation ?? AttestationJudge.Latest(evaluation.Id, loaded.Attestations, asOf);
        var (state, text) = reason?.Kind switch
        {
            ReasonKind.AttestationCurrent => ("current", "Current"),
            ReasonKind.AttestationOverdue => ("overdue", "Overdue"),
            ReasonKind.AttestationMissing => ("missing", "Missing"),
            _ => ("not-required", "Not required"),
        };
        return new AttestationModel
        {
            State = state,
            StateText = text,
            Message = reason?.Message,
            Period = latest?.Period.ToString(),
            Result = latest is null ? null : Texts.Sentence(latest.Result),
            AttestedBy = latest is null ? null : _workspace.FindPerson(latest.AttestedBy.Value)?.Name ?? latest.AttestedBy.Value,
            AttestedAt = latest is null ? null : Texts.Date(latest.AttestedAt),
            Comment = latest?.Comment,
            Record = latest?.RecordPath,
            File = latest is null ? null : files.Document(AttestationFolder + latest.RecordPath),
            Supersedes = latest is null ? []
                : AttestationChain.History(latest, loaded.Attestations.Where(a => a.AttestedAt <= asOf)).Skip(1)
                    .Select(a => $"{Texts.Sentence(a.Result)}, by {_workspace.FindPerson(a.AttestedBy.Value)?.Name ?? a.AttestedBy.Value} on {Texts.Date(a.AttestedAt)} ({a.RecordPath})")
                    .ToList(),
        };
    }
}
