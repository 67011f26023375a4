using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>People, accounts and role mappings in evidence.yaml are unique, refer to each other, and leave no control unowned.</summary>
public sealed class PeopleAndRolesTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void APersonIdUsedTwiceIsReportedAtTheSecond()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "- id: lee", "- id: dana");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("person id 'dana' is used twice (first at ", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "dana\n    name: Lee Park"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAwsAccountListedTwiceIsReportedAtTheSecond()
    {
        using var workspace = new WorkspaceBuilder().Replace(
            "evidence.yaml",
            "        regions: [us-east-1]\n",
            "        regions: [us-east-1]\n      - id: \"111122223333\"\n        name: prod-again\n        regions: [us-west-2]\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("AWS account 111122223333 is listed twice (first at ", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "\"111122223333\"", occurrence: 2), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnUnknownPersonInARoleNamesTheNearestPerson()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "security-officer: [dana]", "security-officer: [dana, lea]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown person 'lea' in role 'security-officer' (did you mean 'lee'?); add them under 'people'", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "lea]"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnUnknownRoleKeyNamesTheNearestCatalogRole()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  compliance: [dana]\n", "  compliance: [dana]\n  complience: [lee]\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown role 'complience' (did you mean 'compliance'?); the catalog's roles are: security-officer", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "complience"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ARoleLeftUnmappedIsReportedAtRolesNamingTheRoleAndItsControls()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  compliance: [dana]\n", string.Empty);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("no one owns 164.316(a), 164.316(b)(1), 164.316(b)(2)(i), 164.316(b)(2)(ii) and 1 more", error.Message);
        Assert.Contains("map role 'compliance' to at least one person under 'roles'", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "roles:"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ARoleMappedToNobodyIsReportedAtThatRole()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "facilities: [dana]", "facilities: []");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("no one owns 164.310(a)(1), 164.310(a)(2)(i)", error.Message);
        Assert.Contains("map role 'facilities' to at least one person", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "facilities"), error.Location);
    }

    [Fact]
    public void AnOverlayOwnerThatIsNeitherPersonNorRoleNamesTheNearest()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                owner: dnaa
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("owner 'dnaa' is neither a person nor a role (did you mean 'dana'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "dnaa"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnOverlayOwnedByARoleThatNobodyHoldsIsReportedAtTheOwner()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "facilities: [dana]", "facilities: []")
            .Write(Overlay, """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    owner: facilities
                """);

        var errors = workspace.Load().Diagnostics;

        var error = Assert.Single(errors, d => d.Location.File == workspace.Shown(Overlay));
        Assert.Contains("no one owns 164.312(a)(2)(iii): role 'facilities' is mapped to no person", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "facilities"), error.Location);
    }
}
