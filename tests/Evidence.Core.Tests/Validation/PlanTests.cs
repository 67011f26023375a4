using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>plan, interconnections and business_associates in evidence.yaml: strict keys, people who exist, agreements that exist.</summary>
public sealed class PlanTests
{
    private const string Plan = """
        plan:
          system_owner: dana
          approved_by: lee
          approved_on: 2026-11-14
          revisions:
            - version: "1.0"
              date: 2026-11-14
              author: dana
              summary: First plan.
        interconnections:
          - name: Partner feed
            other_party: Partner clinic
            direction: inbound
            data: Referrals
            protocol: SFTP over SSH
            agreement: artifacts/agreement.md
            owner: lee
        business_associates:
          - name: Cloud host
            service: Hosting
            phi: Everything
            baa_signed: 2025-01-02
            baa_document: artifacts/agreement.md
            owner: dana

        """;

    [Fact]
    public void AWellFormedPlanLoadsWithNoProblems()
    {
        using var workspace = WithPlan(Plan);

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal("dana", loaded.Workspace!.Plan!.SystemOwner!.Value.Value);
        Assert.Equal(new DateOnly(2026, 11, 14), loaded.Workspace.Plan.ApprovedOn);
        Assert.Single(loaded.Workspace.Interconnections);
        Assert.Equal(new DateOnly(2025, 1, 2), Assert.Single(loaded.Workspace.BusinessAssociates).BaaSigned);
    }

    [Fact]
    public void AnUnknownRevisionAuthorIsReportedAtTheAuthorWithTheNearestPerson()
    {
        using var workspace = WithPlan(Plan.Replace("author: dana", "author: dama", StringComparison.Ordinal));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal("the author of plan revision 1.0: unknown person 'dama' (did you mean 'dana'?); add them under 'people'", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "dama"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AMissingBaaDocumentIsReportedAtItsPath()
    {
        using var workspace = WithPlan(Plan.Replace("baa_document: artifacts/agreement.md", "baa_document: artifacts/baa.md", StringComparison.Ordinal));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("the BAA of business associate 'Cloud host': 'artifacts/baa.md' does not exist", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "artifacts/baa.md"), error.Location);
    }

    [Fact]
    public void AMistypedKeyAndAnUnknownDirectionAreBothReported()
    {
        using var workspace = WithPlan(Plan
            .Replace("other_party:", "other_partie:", StringComparison.Ordinal)
            .Replace("direction: inbound", "direction: incoming", StringComparison.Ordinal));

        var messages = workspace.Load().Diagnostics.Select(d => d.Message).ToList();

        Assert.Contains("unknown key 'other_partie' in an interconnection (did you mean 'other_party'?)", messages);
        Assert.Contains(messages, m => m.StartsWith("'incoming' is not a valid direction; use one of: inbound, outbound, bidirectional", StringComparison.Ordinal));
    }

    [Fact]
    public void ARevisionVersionGivenTwiceIsReportedAtTheSecond()
    {
        using var workspace = WithPlan(Plan.Replace(
            "      summary: First plan.\n",
            "      summary: First plan.\n    - version: \"1.0\"\n      date: 2026-11-15\n      author: lee\n      summary: Again.\n",
            StringComparison.Ordinal));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("plan revision 1.0 is listed twice (first at line ", error.Message);
    }

    private static WorkspaceBuilder WithPlan(string plan) => new WorkspaceBuilder()
        .Write("artifacts/agreement.md", "# Agreement\n")
        .Replace("evidence.yaml", "settings:\n", plan + "settings:\n");
}
