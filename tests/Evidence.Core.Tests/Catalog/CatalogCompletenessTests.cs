using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Testing;

namespace Evidence.Core.Tests.Catalog;

/// <summary>The shipped catalog holds the whole Security Rule, exactly as 45 CFR 164 Subpart C states it.</summary>
public sealed class CatalogCompletenessTests
{
    private static readonly ControlCatalog Catalog = LoadCatalog();
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Rule = FixtureCsv.Read("hipaa-security-rule.csv");

    [Fact]
    public void TheBuiltinCatalogLoadsWithoutDiagnostics()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = WorkspaceLoader.LoadBuiltinCatalog(diagnostics);

        Assert.Empty(diagnostics.Sorted().Select(d => d.ToString()));
        Assert.Empty(CatalogProblems(catalog));
    }

    [Fact]
    public void EveryCitationOfTheSecurityRuleIsInTheCatalogAndNothingElse()
    {
        Assert.Equal(68, Rule.Count);
        Assert.Equal(Rule.Select(r => r["citation"]).Order(StringComparer.Ordinal), Catalog.Controls.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(22, Catalog.Controls.Count(c => c.Kind == ControlKind.Standard));
        Assert.Equal(46, Catalog.Controls.Count(c => c.Kind == ControlKind.Specification));
    }

    [Fact]
    public void EachControlHasTheRegulationsTitleKindParentFamilyAndDesignation()
    {
        foreach (var row in Rule)
        {
            var control = Catalog.Find(row["citation"])!;
            Assert.Equal(row["title"], control.Title);
            Assert.Equal(row["kind"] == "standard" ? ControlKind.Standard : ControlKind.Specification, control.Kind);
            Assert.Equal(NullIfEmpty(row["parent"]), control.Parent);
            Assert.Equal(row["family"], control.Family);
            Designation? expected = row["designation"] switch
            {
                "R" => Designation.Required,
                "A" => Designation.Addressable,
                _ => null,
            };
            Assert.True(expected == control.Designation, $"{control.Id}: designation {control.Designation}, the regulation says {row["designation"]}");
        }
    }

    [Fact]
    public void EveryControlHasItsOwnSummaryAssessorFocusOwnerAndMaximumAge()
    {
        foreach (var control in Catalog.Controls)
        {
            Assert.True(control.Summary.Length >= 80, $"{control.Id} summary is too thin");
            Assert.True(control.AssessorFocus.Length >= 80, $"{control.Id} assessor focus is too thin");
            Assert.Contains(Catalog.Roles, r => r.Id == control.OwnerRole);
            Assert.True(control.MaxAge > TimeSpan.Zero);
            Assert.DoesNotContain("TBD", control.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("TODO", control.AssessorFocus, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void EveryJudgedControlExpectsAtLeastOneDocument()
    {
        var without = Catalog.Controls.Where(c => Catalog.IsLeaf(c) && c.ExpectedArtifacts.Count == 0).Select(c => c.Id);

        Assert.Empty(without);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ControlCatalog LoadCatalog() => WorkspaceLoader.LoadBuiltinCatalog(new DiagnosticBag());

    private static IEnumerable<string> CatalogProblems(ControlCatalog catalog) =>
        new Core.Validation.CatalogIntegrityValidator()
            .Validate(new LoadedWorkspace { Root = ".", DisplayRoot = ".", Catalog = catalog })
            .Select(d => d.ToString());
}
