namespace Evidence.Rendering.Model;

/// <summary>
/// Everything a template sees, built from an evaluated workspace and the as-of instant (never the clock).
/// Templates read it with snake_case names: <c>system.name</c>, <c>families[0].standards</c>, <c>controls</c>.
/// </summary>
public sealed record TemplateModel
{
    public required SystemModel System { get; init; }

    /// <summary>The as-of instant, <c>2026-11-21T09:00:00Z</c>.</summary>
    public required string AsOf { get; init; }

    /// <summary>The as-of instant for people: <c>2026-11-21 09:00 UTC</c>.</summary>
    public required string AsOfText { get; init; }

    /// <summary>The as-of date, <c>2026-11-21</c>.</summary>
    public required string AsOfDate { get; init; }

    /// <summary>The stamp in file names, <c>20261121T090000Z</c>.</summary>
    public required string Stamp { get; init; }

    /// <summary>The tool that built the documents: <c>Evidence 0.1.0</c>.</summary>
    public required string Generator { get; init; }

    public required DocumentControlModel DocumentControl { get; init; }

    /// <summary>The SSP's own sections: approval, revisions, interconnections, business associates, responsibilities.</summary>
    public PlanModel Plan { get; init; } = new();

    public required IReadOnlyDictionary<string, object?> Boundary { get; init; }

    public IReadOnlyList<PersonModel> People { get; init; } = [];

    public IReadOnlyList<RoleModel> Roles { get; init; } = [];

    public required SummaryModel Summary { get; init; }

    /// <summary>Families in section order; each holds its standards, each standard its specifications.</summary>
    public IReadOnlyList<FamilyModel> Families { get; init; } = [];

    /// <summary>Every control in citation order (standards and specifications).</summary>
    public IReadOnlyList<ControlModel> Controls { get; init; } = [];

    /// <summary>The findings register, most urgent first (at most <see cref="TemplateModelBuilder.ListedFindings"/>): the plan of action and milestones.</summary>
    public IReadOnlyList<FindingModel> Findings { get; init; } = [];

    public FindingsSummaryModel FindingsSummary { get; init; } = new();

    /// <summary>What changed since the end of the previous period; null when no run predates it.</summary>
    public ChangesModel? Changes { get; init; }

    /// <summary>The evidence runs whose items the documents use, oldest first.</summary>
    public IReadOnlyList<RunModel> Runs { get; init; } = [];

    /// <summary>Every manual document the controls use, by path, with its SHA-256 computed at build.</summary>
    public IReadOnlyList<ArtifactModel> Artifacts { get; init; } = [];

    /// <summary>The binder's appendix: every file of the runs used and every manual document, with hash and attachment name.</summary>
    public IReadOnlyList<IndexEntryModel> EvidenceIndex { get; init; } = [];

    /// <summary>
    /// True when the evidence comes from more sources than a grid can show as columns (an organisation): the
    /// binder then counts passing evidence per rule and account, groups failures by rule, and its index by account.
    /// </summary>
    public bool Compact { get; init; }

    /// <summary>At organisation scale, the evidence index account by account; empty otherwise.</summary>
    public IReadOnlyList<AccountIndexModel> Accounts { get; init; } = [];

    /// <summary>
    /// The attached files of <see cref="EvidenceIndex"/> sorted by SHA-256, so that the 12-digit hash a table
    /// prints is found like a word in a dictionary.
    /// </summary>
    public IReadOnlyList<IndexEntryModel> AttachedByHash =>
        [.. EvidenceIndex.Where(e => e.File.Attachment is not null).OrderBy(e => e.File.Sha256, StringComparer.Ordinal).ThenBy(e => e.File.Attachment, StringComparer.Ordinal)];
}
