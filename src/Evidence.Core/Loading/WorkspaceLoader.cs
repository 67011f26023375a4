using Evidence.Core.Attestations;
using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Files;
using Evidence.Core.Findings;
using Evidence.Core.Store;
using Evidence.Core.Validation;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Reads a workspace folder and checks it with every registered validator.</summary>
public static class WorkspaceLoader
{
    public const string WorkspaceFile = "evidence.yaml";

    /// <summary>Loads the workspace at <paramref name="path"/>; problems are in the result's diagnostics, never thrown.</summary>
    public static LoadedWorkspace Load(string path, bool verifyHashes = true) => Load(path, verifyHashes, historyAsOf: null);

    /// <summary>
    /// As <see cref="Load(string, bool)"/>; given <paramref name="historyAsOf"/>, the workspace will be judged
    /// as of that instant only, so older runs may stand in the folded history of <see cref="HistoryCache"/>
    /// instead of being read (and the cache is brought up to date). Commands that show or render the whole
    /// history (documents, diff, findings) read every run.
    /// </summary>
    public static LoadedWorkspace Load(string path, bool verifyHashes, DateTimeOffset? historyAsOf)
    {
        var diagnostics = new DiagnosticBag();
        var display = NormalizeDisplay(path);
        var root = Path.GetFullPath(path);
        var workspaceFile = Path.Combine(root, WorkspaceFile);
        if (!File.Exists(workspaceFile))
        {
            var message = Directory.Exists(root)
                ? $"no {WorkspaceFile} in this folder; run 'evidence init {path}' to create a workspace"
                : "the workspace folder does not exist";
            diagnostics.Error(SourceLocation.OfFile(Directory.Exists(root) ? DisplayPath(display, WorkspaceFile) : display), message);
            return new LoadedWorkspace { Root = root, DisplayRoot = display, Catalog = LoadBuiltinCatalog(diagnostics), Diagnostics = diagnostics.Sorted() };
        }

        var rootNode = YamlFile.Load(workspaceFile, DisplayPath(display, WorkspaceFile), diagnostics);
        var workspace = rootNode is null ? null : WorkspaceFileReader.Read(rootNode, root, DisplayPath(display, WorkspaceFile), diagnostics);
        var catalog = LoadCatalog(workspace, root, display, diagnostics);
        var overlays = ReadAll(root, display, "controls", "*.yaml", diagnostics, (node, file, _) => OverlayReader.Read(node, file, diagnostics));
        var attestations = ReadAll(root, display, "attestations", "*.yaml", diagnostics, (node, file, record) => Single(AttestationReader.Read(node, file, record, diagnostics)));
        var findingRecords = ReadFindings(root, display, diagnostics);
        diagnostics.DefaultCategory = DiagnosticCategory.Evidence;
        var (runs, history) = ReadRuns(root, display, diagnostics, historyAsOf);
        diagnostics.DefaultCategory = DiagnosticCategory.Workspace;

        var loaded = new LoadedWorkspace
        {
            Root = root, DisplayRoot = display, Catalog = catalog, Workspace = workspace, Overlays = overlays,
            Attestations = attestations, Runs = runs, FindingRecords = findingRecords, History = history,
        };
        if (workspace is not null)
        {
            foreach (var validator in Validators.All(verifyHashes))
            {
                diagnostics.AddRange(validator.Validate(loaded));
            }
        }

        loaded.Diagnostics = diagnostics.Sorted();
        if (historyAsOf is { } asOf)
        {
            HistoryCache.Refresh(loaded, asOf);
        }

        return loaded;
    }

    /// <summary>The runs to load: all of them, or, when a folded history can stand for the older ones, the rest.</summary>
    private static (IReadOnlyList<EvidenceRun> Runs, HistoryCheckpoint? History) ReadRuns(string root, string display, DiagnosticBag diagnostics, DateTimeOffset? asOf)
    {
        if (asOf is { } instant && HistoryCache.Usable(root, instant) is { } checkpoint)
        {
            var folded = checkpoint.Runs.Select(r => r.Folder).ToHashSet(StringComparer.Ordinal);
            var newest = checkpoint.Newest.ToHashSet(StringComparer.Ordinal);
            var partial = new DiagnosticBag { DefaultCategory = DiagnosticCategory.Evidence };
            var runs = EvidenceStoreReader.ReadRuns(root, display, partial, strict: false, folder => !folded.Contains(folder) || newest.Contains(folder));
            // The history goes on only from runs collected after it; a run slipped in between is read with the rest.
            var later = runs.Where(r => !checkpoint.Covers(r)).SelectMany(r => r.Items);
            if (!later.Any(i => i.CollectedAt <= checkpoint.Through))
            {
                diagnostics.AddRange(partial.Sorted());
                return (runs, checkpoint);
            }
        }

        return (EvidenceStoreReader.ReadRuns(root, display, diagnostics, strict: false), null);
    }

    /// <summary>
    /// Only <c>serve:</c> of the workspace's evidence.yaml, checked as a full load checks it: what <c>evidence serve</c>
    /// needs before it starts (sign-in is set up once), without reading the catalog or the evidence runs. The settings
    /// are null when the file could not be read at all (its syntax), so nothing is known of them.
    /// </summary>
    public static (ServeSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics) LoadServeSettings(string path)
    {
        var diagnostics = new DiagnosticBag();
        var file = DisplayPath(NormalizeDisplay(path), WorkspaceFile);
        var root = YamlFile.Load(Path.Combine(Path.GetFullPath(path), WorkspaceFile), file, diagnostics);
        var settings = root is null ? null : ServeSettingsReader.ReadSection(root, file, diagnostics);
        return (settings, diagnostics.Sorted());
    }

    /// <summary>
    /// Only the attestation records, read from disk now (unreadable ones left out): what a writer must see
    /// just before it supersedes one, when the workspace it loaded earlier may be out of date.
    /// </summary>
    public static IReadOnlyList<Attestation> LoadAttestations(string path)
    {
        var diagnostics = new DiagnosticBag();
        return ReadAll(Path.GetFullPath(path), NormalizeDisplay(path), "attestations", "*.yaml", diagnostics, (node, file, record) => Single(AttestationReader.Read(node, file, record, diagnostics)));
    }

    public static ControlCatalog LoadBuiltinCatalog(DiagnosticBag diagnostics) => CatalogLoader.Load(CatalogFile.Builtin(), diagnostics);

    public static string DisplayPath(string displayRoot, string relative) =>
        displayRoot is "." or "" ? relative : $"{displayRoot}/{relative.Replace('\\', '/')}";

    private static string NormalizeDisplay(string path)
    {
        var display = path.Replace('\\', '/').TrimEnd('/');
        return display.Length == 0 ? "." : display;
    }

    private static ControlCatalog LoadCatalog(Workspace? workspace, string root, string display, DiagnosticBag diagnostics)
    {
        if (workspace is null || workspace.Catalog == "builtin")
        {
            return LoadBuiltinCatalog(diagnostics);
        }

        var folder = Path.GetFullPath(Path.Combine(root, workspace.Catalog));
        if (ContainedPath.Within(root, workspace.Catalog) is null)
        {
            diagnostics.Error(workspace.Location, $"catalog folder '{workspace.Catalog}' leads outside the workspace (to {ContainedPath.Resolve(folder) ?? "a loop of links"}); keep a custom catalog in a folder of the workspace, or use 'builtin'");
            return LoadBuiltinCatalog(diagnostics);
        }

        if (!Directory.Exists(folder))
        {
            diagnostics.Error(workspace.Location, $"catalog folder '{workspace.Catalog}' does not exist; use 'builtin' for the catalog shipped with Evidence");
            return LoadBuiltinCatalog(diagnostics);
        }

        // A file of the catalog that is a link out of the workspace would put whatever it leads to into the plan.
        var escaping = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !Contained(root, f, DisplayPath(display, Path.GetRelativePath(root, f)), diagnostics))
            .ToList();
        return escaping.Count > 0
            ? LoadBuiltinCatalog(diagnostics)
            : CatalogLoader.Load(CatalogFile.FromDirectory(folder, DisplayPath(display, workspace.Catalog.TrimEnd('/'))), diagnostics);
    }

    private static List<T> ReadAll<T>(
        string root, string display, string folder, string pattern, DiagnosticBag diagnostics,
        Func<YamlDotNet.RepresentationModel.YamlNode, string, string, IEnumerable<T>> read)
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var results = new List<T>();
        var files = Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var shown = DisplayPath(display, Path.GetRelativePath(root, file));
            if (!Contained(root, file, shown, diagnostics))
            {
                continue;
            }

            if (YamlFile.Load(file, shown, diagnostics) is { } node)
            {
                results.AddRange(read(node, shown, Path.GetRelativePath(directory, file).Replace('\\', '/')));
            }
        }

        return results;
    }

    private static List<FindingRecord> ReadFindings(string root, string display, DiagnosticBag diagnostics)
    {
        var file = Path.Combine(root, FindingsReader.File);
        if (!File.Exists(file))
        {
            return [];
        }

        var shown = DisplayPath(display, FindingsReader.File);
        return Contained(root, file, shown, diagnostics) && YamlFile.Load(file, shown, diagnostics) is { } node
            ? FindingsReader.Read(node, shown, diagnostics).ToList()
            : [];
    }

    /// <summary>
    /// True when <paramref name="file"/>, with every link on its way followed, stays inside the workspace;
    /// otherwise an error at the file: a linked overlay, attestation or findings file would put whatever it
    /// leads to into the documents.
    /// </summary>
    private static bool Contained(string root, string file, string shown, DiagnosticBag diagnostics)
    {
        if (ContainedPath.Within(root, file) is not null)
        {
            return true;
        }

        diagnostics.Error(
            SourceLocation.OfFile(shown),
            $"this file leads outside the workspace through a link (to {ContainedPath.Resolve(file) ?? "a loop of links"}); keep workspace files as plain files inside the workspace folder");
        return false;
    }

    private static IEnumerable<Attestation> Single(Attestation? attestation) =>
        attestation is null ? [] : [attestation];
}
