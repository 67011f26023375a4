using System.Text.RegularExpressions;
using Evidence.Core.Clouds;
using Evidence.Core.Collection;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Tests.Evaluation;
using Evidence.Testing;

namespace Evidence.Core.Tests.Clouds;

/// <summary>A cloud lives in its own project plus one registration: Core reads, plans and judges whatever is registered.</summary>
public sealed partial class ThirdCloudTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void AThirdCloudIsOneDefinitionAndOneRegistration()
    {
        using var clouds = CloudRegistry.Use([.. TestClouds.All, LabCloud.Instance]);
        using var workspace = LabWorkspace();

        var loaded = workspace.Load();

        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
        var plan = CollectionPlanner.Plan(loaded, new CollectionFilter(new HashSet<string> { "lab" }, []));
        Assert.Equal(["lab-0001 lab site north", "lab-0002 lab site south"], plan.Select(t => $"{t.ItemId} {t.Source}"));
        Assert.All(plan, t => Assert.Equal("lab-inventory/badge-readers", t.Query.Key));
        var control = Assert.Single(loaded.Controls, c => c.Id == "164.310(a)(2)(iii)");
        Assert.Contains(control.Queries, q => q.IsCloud && q.Kind.Cloud == LabCloud.Instance);
    }

    [Fact]
    public void PlanningAnotherCloudDoesNotListThisOnesSources()
    {
        using var clouds = CloudRegistry.Use([.. TestClouds.All, LabCloud.Instance]);
        using var workspace = LabWorkspace();
        var loaded = workspace.Load();
        var before = LabInventoryKind.Instance.Listings;

        var aws = CollectionPlanner.Plan(loaded, new CollectionFilter(new HashSet<string> { "aws" }, []));
        var listedForAws = LabInventoryKind.Instance.Listings - before;
        var lab = CollectionPlanner.Plan(loaded, new CollectionFilter(new HashSet<string> { "lab" }, []));

        Assert.NotEmpty(aws);
        Assert.Equal(0, listedForAws);
        Assert.Equal(["lab-0001", "lab-0002"], lab.Select(t => t.ItemId));
    }

    [Fact]
    public void TheFindingsRegisterListsNoSourcesOfAQueryNoRunAnswered()
    {
        using var clouds = CloudRegistry.Use([.. TestClouds.All, LabCloud.Instance]);
        using var workspace = LabWorkspace().Run("2026-11-19T06:00:00Z", run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", ["legacy-exports"], compliant: 4));
        var loaded = workspace.Load();
        var before = LabInventoryKind.Instance.Listings;

        var findings = FindingsRegister.Build(loaded, DateTimeOffset.MaxValue);

        Assert.Equal(["legacy-exports"], findings.Select(f => f.ResourceId));
        Assert.Equal(before, LabInventoryKind.Instance.Listings);
    }

    [Fact]
    public void ACloudNobodyRegisteredIsAnUnknownKeyAndAnUnknownKind()
    {
        using var workspace = LabWorkspace();

        var errors = workspace.Load().Diagnostics.Select(d => d.Message).ToList();

        Assert.Contains(errors, m => m.Contains("'lab'", StringComparison.Ordinal) && m.Contains("boundary", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("unknown evidence query kind 'lab-inventory'", StringComparison.Ordinal));
    }

    [Fact]
    public void CoreCodeNamesNoCloud()
    {
        // Scanning/ is exempt: its detectors look for credentials by their vendors' names (aws-access-key-id,
        // azure-storage-key), which are what a person reads in a report, not a cloud that Core judges.
        var named = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Evidence.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Scanning{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Code: CodeOf(line))))
            .Where(l => CloudName().IsMatch(l.Code))
            .Select(l => $"{l.File}:{l.Line}: {l.Code.Trim()}")
            .ToList();

        Assert.Empty(named);
    }

    private static WorkspaceBuilder LabWorkspace() => new WorkspaceBuilder()
        .Replace("evidence.yaml", "boundary:\n", "boundary:\n  lab:\n    sites: [north, south]\n")
        .Write(Overlay, """
            controls:
              - control: "164.310(a)(2)(iii)"
                evidence:
                  - kind: lab-inventory
                    check: badge-readers
            """);

    /// <summary>The line without its comment (documentation may give examples such as <c>aws-config/…</c>).</summary>
    private static string CodeOf(string line) => line.Contains("//", StringComparison.Ordinal) ? line[..line.IndexOf("//", StringComparison.Ordinal)] : line;

    [GeneratedRegex(@"""(aws|azure)|\b(Aws|Azure)[A-Z]\w*")]
    private static partial Regex CloudName();
}
