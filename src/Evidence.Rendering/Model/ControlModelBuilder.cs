using Evidence.Core.Attestations;
using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>
/// Builds the model of one control from its evaluation: owner, implementation, decision, status and evidence.
/// At organisation scale (<paramref name="accounts"/> given) only failing results become item models; passing
/// ones are counted per rule and, for the evidence index, per account.
/// </summary>
internal sealed class ControlModelBuilder(LoadedWorkspace loaded, DateTimeOffset asOf, EvidenceItemModelBuilder items, EvidenceFiles files, AccountIndexBuilder? accounts = null)
{
    /// <summary>Where attestation records live in a workspace; their record paths are relative to it.</summary>
    private const string AttestationFolder = "attestations/";

    private readonly Workspace _workspace = loaded.Workspace!;
    private readonly PlainReasons _plain = new(loaded.Catalog, items.SourceText);

    public ControlModel Build(ControlEvaluation evaluation, IReadOnlyList<ControlModel> specifications)
    {
        var resolved = evaluation.Control;
        var control = resolved.Control;
        var (cloud, summary, rollups, tallies) = CloudEvidence(evaluation);
        var documents = Documents(resolved, evaluation.Reasons).ToList();
        var attestation = Attestation(evaluation);
        var problems = accounts is null ? null : ProblemGroups.Of(evaluation).ToList();
        var model = new ControlModel
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
            Evidence = summary.Build(resolved, documents),
            CloudEvidence = cloud,
            EvidenceGrids = rollups is null ? EvidenceGridBuilder.Build(cloud) : [],
            RuleRollups = rollups ?? [],
            FailureGroups = rollups is null ? [] : FailureGroupBuilder.Build(cloud),
            SupportingEvidence = cloud.Where(c => c.Role == "supporting")
                .GroupBy(c => c.QueryText, StringComparer.Ordinal)
                .Select(g => new SupportingEvidenceModel(g.Key, g.First().RoleNote))
                .ToList(),
            Documents = documents,
            Attestation = attestation,
            Problems = problems is null
                ? evaluation.Reasons.Where(f => f.IsProblem).Select(f => Redactor.Redact(f.Message)!).ToList()
                : problems.Select(g => ProblemGroups.Message(g, QueryText(resolved, g[0].Subject))).ToList(),
            PlainProblems = problems is null ? _plain.Explain(evaluation, attestation) : _plain.ExplainGrouped(problems, evaluation, attestation),
            Specifications = specifications,
        };
        return model with { Checklist = ChecklistBuilder.Build(control, model, tallies) };
    }

    /// <summary>The control's cloud results: every one as a model, or at organisation scale the failing ones as models and the rest as counts.</summary>
    private (List<EvidenceItemModel> Cloud, EvidenceSummaryBuilder Summary, List<RuleRollupModel>? Rollups, QueryTallies Tallies) CloudEvidence(ControlEvaluation evaluation)
    {
        var cloud = new List<EvidenceItemModel>();
        var summary = new EvidenceSummaryBuilder();
        var tallies = new QueryTallies();
        if (accounts is null)
        {
            foreach (var reason in evaluation.CloudReasons)
            {
                var item = items.Build(evaluation, reason);
                cloud.Add(item);
                summary.Add(item);
                tallies.Add(reason, item.State, item.QueryText);
            }

            return (cloud, summary, null, tallies);
        }

        var rollup = new RuleRollupBuilder();
        var texts = evaluation.Control.Queries.DistinctBy(q => q.Key).ToDictionary(q => q.Key, q => q.Describe(), StringComparer.Ordinal);
        foreach (var reason in evaluation.CloudReasons)
        {
            var (state, _) = EvidenceItemModelBuilder.State(reason);
            var queryText = texts.GetValueOrDefault(reason.Subject ?? string.Empty) ?? reason.Subject ?? string.Empty;
            rollup.Add(reason, state, queryText);
            accounts.Add(reason, state, queryText);
            tallies.Add(reason, state, queryText);
            if (state is "compliant" or "no-resources")
            {
                items.Use(reason);
                var it = reason.Item;
                var when = it is null ? null : Texts.Instant(reason.Kind == ReasonKind.NoResources ? it.CollectedAt : it.EvaluatedAt ?? it.CollectedAt);
                summary.Add(state, items.SourceText(reason.Source!), items.AccountText(reason.Source!), EvidenceItemModelBuilder.Counts(it), when);
                continue;
            }

            var failing = items.Build(evaluation, reason);
            cloud.Add(failing);
            summary.Add(failing);
        }

        return (cloud, summary, rollup.Build(), tallies);
    }

    private static string QueryText(ResolvedControl control, string? key) =>
        control.Queries.FirstOrDefault(q => q.Key == key)?.Describe() ?? key ?? string.Empty;

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
