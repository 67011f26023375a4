using Evidence.Core.Clouds;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Model;

/// <summary>
/// Builds what templates see from a loaded workspace and its evaluation. It reads no clock: every
/// "now" is the evaluation's as-of instant. It reads the disk only to hash manual documents and
/// run manifests, whose hashes no manifest records.
/// </summary>
public static class TemplateModelBuilder
{
    public static TemplateModel Build(LoadedWorkspace loaded, WorkspaceEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(evaluation);
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Build needs a workspace whose evidence.yaml loaded.");
        var files = new EvidenceFiles(loaded.Root);
        var organisation = EvidenceScale.IsOrganisation(evaluation);
        var items = new EvidenceItemModelBuilder(workspace, loaded.Runs, files) { RowsOnlyWhenNonCompliant = organisation };
        // At organisation scale passing evidence is counted per rule and account while the controls are built, never held per source.
        var accounts = organisation ? new AccountIndexBuilder(items, files) : null;
        var controls = new ControlModelBuilder(loaded, evaluation.AsOf, items, files, accounts);

        var timer = new PhaseTimer("model");
        var register = FindingsRegister.Build(loaded, evaluation.AsOf);
        timer.Lap("findings");
        var titles = loaded.Catalog.Controls.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var findingModels = new FindingModelBuilder(workspace, id => titles.GetValueOrDefault(id), items.SourceText);
        var findings = register.Take(ListedFindings).Select(findingModels.Build).ToList();
        var byControl = register
            .SelectMany(f => f.Citations.Select(c => (Control: c, Finding: f)))
            .ToLookup(x => x.Control, x => x.Finding, StringComparer.Ordinal);

        // Citation order, so that an item's failing resources are listed under the first control that uses it.
        var flat = evaluation.Controls
            .Select(c => controls.Build(c, []) with
            {
                Findings = byControl[c.Id].Take(ListedPerControl).Select(findingModels.Build).ToList(),
                FindingCount = byControl[c.Id].Count(),
                OpenFindingCount = byControl[c.Id].Count(f => f.IsOpen),
            })
            .ToList();
        var tree = flat
            .Select(c => c.Kind == "standard" ? c with { Specifications = flat.Where(s => s.Parent == c.Id).ToList() } : c)
            .ToList();
        timer.Lap("controls");
        var runs = Runs(loaded, items, files);
        var artifacts = Artifacts(flat);
        var families = Families(evaluation);
        return new TemplateModel
        {
            System = System(workspace.System),
            AsOf = Timestamps.Format(evaluation.AsOf),
            AsOfText = Texts.Instant(evaluation.AsOf),
            AsOfDate = Texts.Date(evaluation.AsOf),
            Stamp = Timestamps.Compact(evaluation.AsOf),
            Generator = Generator,
            DocumentControl = DocumentControl(loaded, workspace, runs, evaluation.AsOf),
            Plan = PlanModelBuilder.Build(workspace, loaded.Catalog),
            Boundary = Boundary(workspace.Boundary),
            People = People(loaded, workspace, evaluation),
            Roles = Roles(loaded, workspace),
            Summary = new SummaryModel
            {
                Total = Counts(evaluation.Controls),
                Families = families.Select(f => new FamilySummaryModel(f.Name, f.Section, f.Anchor, f.Counts)).ToList(),
            },
            Families = families.Select(f => f with
            {
                Standards = tree.Where(c => c.Family == f.Name && c.Kind == "standard").ToList(),
            }).ToList(),
            Controls = tree,
            Findings = findings,
            FindingsSummary = FindingModelBuilder.Summary(register),
            Changes = ChangesModelBuilder.Build(loaded, workspace, evaluation.AsOf, findingModels),
            Runs = runs,
            Artifacts = artifacts,
            EvidenceIndex = Index(runs, items, files, artifacts, flat),
            Compact = accounts is not null,
            Accounts = accounts?.Build() ?? [],
        };
    }

    /// <summary>
    /// The findings the documents list, most urgent first. Every failing resource is also listed under its
    /// controls in the binder, and <c>evidence findings</c> lists every one; the documents say how many more.
    /// </summary>
    public const int ListedFindings = 1000;

    /// <summary>The findings a control names, most urgent first; it says how many more.</summary>
    public const int ListedPerControl = 10;

    /// <summary>"Evidence 0.1.0": the version without the source revision, so a commit does not change the documents.</summary>
    public static string Generator { get; } =
        $"Evidence {typeof(TemplateModelBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    private static SystemModel System(SystemProfile system) => new()
    {
        Id = system.Id, Name = system.Name, Organization = system.Organization, Version = system.Version,
        Description = system.Description, Phi = system.Phi, MultiTenant = system.MultiTenant,
    };

    private static DocumentControlModel DocumentControl(LoadedWorkspace loaded, Workspace workspace, IReadOnlyList<RunModel> runs, DateTimeOffset asOf)
    {
        var attestations = loaded.Attestations.Where(a => a.AttestedAt <= asOf).ToList();
        return new DocumentControlModel
        {
            Version = workspace.System.Version ?? "unversioned",
            Organization = workspace.System.Organization,
            Owners = (workspace.FindRole("security-officer")?.People ?? [])
                .Select(p => workspace.FindPerson(p.Value))
                .OfType<Person>()
                .Select(p => p.Title is null ? p.Name : $"{p.Name}, {p.Title}")
                .ToList(),
            RunIds = runs.Select(r => r.Id).ToList(),
            Attestations = attestations.Count,
            LatestAttestation = attestations.Count == 0 ? null : Texts.Date(attestations.Max(a => a.AttestedAt)),
        };
    }

    /// <summary><c>boundary</c> for templates: its description and each registered cloud's part (null when out of scope).</summary>
    private static Dictionary<string, object?> Boundary(Boundary boundary)
    {
        var model = new Dictionary<string, object?> { ["description"] = boundary.Description };
        foreach (var cloud in CloudRegistry.All)
        {
            model[cloud.Name] = cloud.Part(boundary) is { } part ? cloud.TemplateModel(part) : null;
        }

        return model;
    }

    private static List<PersonModel> People(LoadedWorkspace loaded, Workspace workspace, WorkspaceEvaluation evaluation) =>
        workspace.People.Select(person => new PersonModel
        {
            Id = person.Id,
            Name = person.Name,
            Title = person.Title,
            Email = person.Email,
            Roles = workspace.Roles
                .Where(r => r.People.Any(p => p.Value == person.Id))
                .Select(r => loaded.Catalog.Roles.FirstOrDefault(c => c.Id == r.Role)?.Title ?? r.Role)
                .ToList(),
            Controls = evaluation.Controls
                .Where(c => c.Control.Owners.Any(o => o.Id == person.Id))
                .Select(c => new ControlRefModel(c.Id, c.Control.Control.Title, Anchors.Control(c.Id)))
                .ToList(),
        }).ToList();

    private static List<RoleModel> Roles(LoadedWorkspace loaded, Workspace workspace) =>
        loaded.Catalog.Roles.Select(role => new RoleModel
        {
            Id = role.Id,
            Title = role.Title,
            Description = role.Description,
            People = (workspace.FindRole(role.Id)?.People ?? [])
                .Select(p => workspace.FindPerson(p.Value)?.Name ?? p.Value)
                .ToList(),
        }).ToList();

    private static List<FamilyModel> Families(WorkspaceEvaluation evaluation) =>
        evaluation.Controls
            .GroupBy(c => (c.Control.Control.Family, c.Control.Control.Section))
            .Select(g => new FamilyModel
            {
                Name = g.Key.Family, Section = g.Key.Section, Anchor = Anchors.Family(g.Key.Family), Counts = Counts(g.ToList()),
            })
            .ToList();

    private static StatusCountsModel Counts(IReadOnlyCollection<ControlEvaluation> controls) => new(
        controls.Count,
        controls.Count(c => c.Status == ControlStatus.Satisfied),
        controls.Count(c => c.Status == ControlStatus.PartiallySatisfied),
        controls.Count(c => c.Status == ControlStatus.NotSatisfied),
        controls.Count(c => c.Status == ControlStatus.NotAssessed),
        controls.Count(c => c.Status == ControlStatus.NotApplicable));

    private static List<RunModel> Runs(LoadedWorkspace loaded, EvidenceItemModelBuilder items, EvidenceFiles files)
    {
        var used = items.Used.Select(i => i.RunId).ToHashSet(StringComparer.Ordinal);
        return loaded.Runs.Where(r => used.Contains(r.RunId)).Select(run => new RunModel
        {
            Id = run.RunId,
            StartedAt = Texts.Instant(run.StartedAt),
            CompletedAt = Texts.Instant(run.CompletedAt),
            State = Texts.Kebab(run.State),
            Tool = run.Tool,
            Items = run.Items.Count,
            Manifest = files.Manifest(run),
        }).ToList();
    }

    private static List<ArtifactModel> Artifacts(IReadOnlyList<ControlModel> controls) =>
        controls
            .SelectMany(c => c.Documents.Where(d => d.File is not null).Select(d => (Control: c.Id, Document: d)))
            .GroupBy(x => x.Document.File!.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ArtifactModel
            {
                Title = g.First().Document.Title,
                Date = g.First().Document.Date!,
                File = g.First().Document.File!,
                Controls = g.Select(x => x.Control).Distinct(StringComparer.Ordinal).ToList(),
            })
            .ToList();

    private static List<IndexEntryModel> Index(
        IReadOnlyList<RunModel> runs, EvidenceItemModelBuilder items, EvidenceFiles files, IReadOnlyList<ArtifactModel> artifacts, IReadOnlyList<ControlModel> controls)
    {
        var index = new List<IndexEntryModel>();
        foreach (var run in runs)
        {
            index.Add(new IndexEntryModel { Kind = "manifest", Run = run.Id, File = run.Manifest });
            var evidenceRun = items.Run(run.Id);
            // A raw response shared by many items (a summary of every rule in one account and region) is listed and attached once, under the first.
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.Used.Where(i => i.RunId == run.Id))
            {
                index.AddRange(item.Raw.Where(f => listed.Add(f.Path))
                    .Select(f => new IndexEntryModel { Kind = "raw", Run = run.Id, Item = item.Id, File = files.RunFile(evidenceRun, f, attached: true) }));
                if (item.Results is { } results)
                {
                    index.Add(new IndexEntryModel { Kind = "results", Run = run.Id, Item = item.Id, File = files.RunFile(evidenceRun, results, attached: false) });
                }
            }
        }

        index.AddRange(artifacts.Select(a => new IndexEntryModel { Kind = "document", File = a.File }));
        index.AddRange(controls
            .Select(c => c.Attestation.File)
            .OfType<FileModel>()
            .DistinctBy(f => f.Path, StringComparer.Ordinal)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new IndexEntryModel { Kind = "attestation", File = f }));
        return index;
    }
}
