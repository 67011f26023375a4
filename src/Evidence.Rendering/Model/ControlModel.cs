namespace Evidence.Rendering.Model;

/// <summary>A standard or specification: what it asks, who owns it, how it is implemented, how it stands and why.</summary>
public sealed record ControlModel
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The heading anchor, such as <c>control-164-312-a-2-iv</c>.</summary>
    public required string Anchor { get; init; }

    public required string Family { get; init; }

    public required string Section { get; init; }

    /// <summary><c>standard</c> or <c>specification</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The standard of a specification; null for a standard.</summary>
    public string? Parent { get; init; }

    /// <summary><c>Required</c> or <c>Addressable</c>; null for a standard that rolls up from its specifications.</summary>
    public string? Designation { get; init; }

    /// <summary>Judged on its own evidence rather than rolled up from specifications.</summary>
    public bool IsLeaf { get; init; }

    public required string Summary { get; init; }

    public required string AssessorFocus { get; init; }

    /// <summary>The assessor focus as a checklist, each item with what answers it on file, or "not answered".</summary>
    public IReadOnlyList<CheckModel> Checklist { get; init; } = [];

    public required OwnerModel Owner { get; init; }

    /// <summary>The owner's declared implementation status (<c>implemented</c>, <c>alternative</c>, ...); null when not stated.</summary>
    public string? Implementation { get; init; }

    /// <summary>The declared status for people: "Implemented", "Alternative measure", "Not stated".</summary>
    public required string ImplementationText { get; init; }

    /// <summary>The implementation statement; null when the workspace gives none.</summary>
    public string? Statement { get; init; }

    /// <summary>The documented decision (addressable alternative, or not applicable); null when none applies.</summary>
    public DecisionModel? Decision { get; init; }

    /// <summary>The judged status: <c>satisfied</c>, <c>partially-satisfied</c>, <c>not-satisfied</c>, <c>not-assessed</c>, <c>not-applicable</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The judged status for people: "Satisfied", "Partially satisfied", ...</summary>
    public required string StatusText { get; init; }

    public required EvidenceSummaryModel Evidence { get; init; }

    /// <summary>One entry per cloud query and source: compliant, non-compliant, not collected or stale.</summary>
    public IReadOnlyList<EvidenceItemModel> CloudEvidence { get; init; } = [];

    /// <summary>The same cloud evidence pivoted per cloud: a row per query, a column per source.</summary>
    public IReadOnlyList<EvidenceGridModel> EvidenceGrids { get; init; } = [];

    /// <summary>At organisation scale, the cloud results per rule or policy, counted over sources and accounts (the grids are then empty).</summary>
    public IReadOnlyList<RuleRollupModel> RuleRollups { get; init; } = [];

    /// <summary>At organisation scale, the failing results grouped by rule or policy and kind of failure.</summary>
    public IReadOnlyList<FailureGroupModel> FailureGroups { get; init; } = [];

    /// <summary>The queries that only support this control (they can show a gap, never satisfy it), with why.</summary>
    public IReadOnlyList<SupportingEvidenceModel> SupportingEvidence { get; init; } = [];

    /// <summary>The same queries grouped by the reason they only support, in the order first met.</summary>
    public IReadOnlyList<SupportingReasonModel> SupportingReasons =>
        SupportingEvidence.GroupBy(s => s.Note ?? string.Empty, StringComparer.Ordinal)
            .Select(g => new SupportingReasonModel(g.First().Note, g.Select(s => s.Query).ToList()))
            .ToList();

    /// <summary>The manual documents the control expects or lists: current, stale or missing.</summary>
    public IReadOnlyList<DocumentModel> Documents { get; init; } = [];

    public required AttestationModel Attestation { get; init; }

    /// <summary>What stands between the control and "satisfied", one line each; empty when satisfied.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The same problems as sentences for people: resources by kind, people by name, cloud errors explained, no rule ids.</summary>
    public IReadOnlyList<string> PlainProblems { get; init; } = [];

    /// <summary>The findings register's most urgent entries that affect this control (at most ten).</summary>
    public IReadOnlyList<FindingModel> Findings { get; init; } = [];

    /// <summary>How many findings affect this control in all.</summary>
    public int FindingCount { get; init; }

    /// <summary>How many of them are open (failing, neither accepted nor a false positive).</summary>
    public int OpenFindingCount { get; init; }

    /// <summary>A standard's specifications; empty for a specification.</summary>
    public IReadOnlyList<ControlModel> Specifications { get; init; } = [];
}
