using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>A workspace may bring its own catalog folder; problems in it are in the Catalog category.</summary>
public sealed class CatalogTests
{
    private const string Technical = "catalog/164.312-technical.yaml";

    [Fact]
    public void ACopyOfTheShippedCatalogLoadsWithoutDiagnostics()
    {
        using var workspace = WithOwnCatalog();

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void AnUnknownKeyInACatalogControlIsACatalogError()
    {
        using var workspace = WithOwnCatalog().Replace(Technical, "    title: Automatic logoff\n", "    title: Automatic logoff\n    maxage: 7d\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'maxage' in a catalog control (did you mean 'max_age'?)", error.Message);
        Assert.Equal(workspace.Locate(Technical, "maxage"), error.Location);
        Assert.Equal(DiagnosticCategory.Catalog, error.Category);
    }

    [Fact]
    public void AMappingThatCitesAControlNotInTheCatalogIsACatalogError()
    {
        const string Mappings = "catalog/mappings/aws-config.yaml";
        using var workspace = WithOwnCatalog().Replace(Mappings, "\"164.312(a)(1)\", \"164.312(a)(2)(i)\"]", "\"164.312(a)(1)\", \"164.312(a)(2)(v)\"]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("AWS Config rule IAM_ROOT_ACCESS_KEY_CHECK cites 164.312(a)(2)(v), which is not in the catalog (did you mean", error.Message);
        Assert.Equal(workspace.Locate(Mappings, "\"164.312(a)(2)(v)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Catalog, error.Category);
    }

    internal static WorkspaceBuilder WithOwnCatalog()
    {
        var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "catalog: builtin", "catalog: catalog");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Catalog, "*.yaml", SearchOption.AllDirectories))
        {
            workspace.Write(Path.Combine("catalog", Path.GetRelativePath(RepositoryPaths.Catalog, file)), File.ReadAllText(file));
        }

        return workspace;
    }
}
