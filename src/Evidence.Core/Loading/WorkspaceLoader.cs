using Evidence.Core.Attestations;
using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
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
    public static LoadedWorkspace Load(string path, bool verifyHashes = true)
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
        var runs = EvidenceStoreReader.ReadRuns(root, display, diagnostics, strict: false);
        diagnostics.DefaultCategory = DiagnosticCategory.Workspace;

        var loaded = new LoadedWorkspace
        {
            Root = root, DisplayRoot = display, Catalog = catalog, Workspace = workspace, Overlays = overlays,
            Attestations = attestations, Runs = runs, FindingRecords = findingRecords,
        };
        if (workspace is not null)
        {
            foreach (var validator in Validators.All(verifyHashes))
            {
                diagnostics.AddRange(validator.Validate(loaded));
            }
        }

        loaded.Diagnostics = diagnostics.Sorted();
        return loaded;
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
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(workspace.Location, $"catalog folder '{workspace.Catalog}' does not exist; use 'builtin' for the catalog shipped with Evidence");
            return LoadBuiltinCatalog(diagnostics);
        }

        return CatalogLoader.Load(CatalogFile.FromDirectory(folder, DisplayPath(display, workspace.Catalog.TrimEnd('/'))), diagnostics);
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
        return YamlFile.Load(file, shown, diagnostics) is { } node ? FindingsReader.Read(node, shown, diagnostics).ToList() : [];
    }

    private static IEnumerable<Attestation> Single(Attestation? attestation) =>
        attestation is null ? [] : [attestation];
}
