using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Tests.Validation;

namespace Evidence.Core.Tests.Catalog;

/// <summary>The shipped shared-responsibility matrix covers every citation once, with sources; a custom catalog's matrix is checked the same way.</summary>
public sealed class SharedResponsibilityTests
{
    private const string Matrix = "catalog/shared-responsibility.yaml";

    [Fact]
    public void TheShippedMatrixCoversEveryCitationOnceAndEachEntryNamesItsSources()
    {
        var diagnostics = new DiagnosticBag();
        var catalog = WorkspaceLoader.LoadBuiltinCatalog(diagnostics);

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(catalog.Controls.Select(c => c.Id), catalog.Responsibility.Entries.Select(e => e.Citation.Value));
        Assert.All(catalog.Responsibility.Entries, e => Assert.NotEmpty(e.Sources));
        Assert.All(catalog.Responsibility.Entries.Where(e => e.Split != ResponsibilitySplit.Customer), e => Assert.False(string.IsNullOrWhiteSpace(e.Provider)));
        Assert.Equal(ResponsibilitySplit.Shared, catalog.Responsibility.For("164.310(a)(1)")!.Split);
        Assert.Equal(ResponsibilitySplit.Customer, catalog.Responsibility.For("164.308(a)(2)")!.Split);
    }

    [Fact]
    public void AnEntryForACitationNotInTheCatalogIsReportedAndTheCitationItReplacedIsMissing()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Matrix, "citation: \"164.310(c)\"", "citation: \"164.310(e)\"");

        var messages = workspace.Load().Diagnostics.Select(d => (d.Message, d.Category)).ToList();

        Assert.Contains(messages, m => m.Message.StartsWith("164.310(e) is not a control in the catalog (did you mean", StringComparison.Ordinal) && m.Category == DiagnosticCategory.Catalog);
        Assert.Contains(messages, m => m.Message.StartsWith("164.310(c) (Workstation security) has no shared-responsibility entry", StringComparison.Ordinal));
    }

    [Fact]
    public void ASharedEntryWithoutWhatTheProviderCoversIsReportedAtItsSplit()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Matrix, "citation: \"164.308(a)(2)\"\n    split: customer", "citation: \"164.308(a)(2)\"\n    split: shared");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal("'split: shared' needs 'provider': what the cloud provider covers", error.Message);
        Assert.Equal(workspace.Locate(Matrix, "shared\n    customer: >-\n      Names its own"), error.Location);
    }

    [Fact]
    public void AnUnlistedSourceIsReportedWithTheNearestListedOne()
    {
        using var workspace = CatalogTests.WithOwnCatalog().Replace(Matrix, "citation: \"164.308(a)(2)\"\n    split: customer\n    customer: >-\n      Names its own security official; the provider's security staff are not the customer's.\n    sources: [hhs-cloud]", "citation: \"164.308(a)(2)\"\n    split: customer\n    customer: >-\n      Names its own security official; the provider's security staff are not the customer's.\n    sources: [hhs-clod]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal("source 'hhs-clod' is not listed under 'sources' (did you mean 'hhs-cloud'?)", error.Message);
    }
}
