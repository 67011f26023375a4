using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Evidence queries in overlays have a known kind, the fields that kind needs, and stay inside the boundary.</summary>
public sealed class QueryTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void AnUnknownQueryKindNamesTheNearestKindAndNothingElse()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-confg
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown evidence query kind 'aws-confg' (did you mean 'aws-config'?); use one of: aws-config, aws-config-query, azure-policy, azure-resource-graph, manual, attestation", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "aws-confg"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAwsConfigQueryWithoutARuleIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    max_age: 7d
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("an evidence query is missing the required key 'rule'", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "kind: aws-config"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAzurePolicyQueryWithTwoTargetsIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: azure-policy
                    definition: /providers/Microsoft.Authorization/policyDefinitions/ee984370-154a-4ee8-9726-19d900e56fc0
                    assignment: hipaa-hitrust
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("an azure-policy query needs exactly one of 'definition', 'set_definition' or 'assignment'", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "kind: azure-policy"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AResourceGraphQueryIsReadWithItsScopesAndSourcedPerSubscription()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: azure-resource-graph
                    id: untagged-stores
                    title: Storage accounts without a tenant tag
                    query: resources | where type =~ 'microsoft.storage/storageaccounts' | where isempty(tags['tenant'])
                    fail_when: any-row
                    scopes: [0b1f6471-1bf0-4dda-aec3-cb9272f09590]
            """);

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        var query = Assert.IsType<AzureResourceGraphQuery>(Assert.Single(Assert.Single(loaded.Overlays).Evidence));
        Assert.Equal("azure-resource-graph/untagged-stores", query.Key);
        Assert.True(query.IsCloud);
        Assert.Equal(["0b1f6471-1bf0-4dda-aec3-cb9272f09590"], query.Scopes);
        var source = Assert.Single(Core.Evaluation.EvidenceSources.For(query, loaded.Workspace!.Boundary));
        Assert.Equal("0b1f6471-1bf0-4dda-aec3-cb9272f09590", source.Subscription);
    }

    [Fact]
    public void AResourceGraphQueryMustSayWhatItsRowsMeanAndStayInTheBoundary()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: azure-resource-graph
                    id: untagged-stores
                    title: Storage accounts without a tenant tag
                    query: resources
                  - kind: azure-resource-graph
                    id: other-stores
                    title: Storage accounts elsewhere
                    query: resources
                    fail_when: no-rows
                    scopes: [6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f]
            """);

        var errors = workspace.Load().Diagnostics.Select(d => d.Message).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("an advanced query needs 'fail_when'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("subscription 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f is not in the boundary", StringComparison.Ordinal));
    }

    [Fact]
    public void AManualQueryWithoutADateIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("artifacts/session-timeout-standard.md", "# Session timeout standard\n")
            .Write(Overlay, """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    evidence:
                      - kind: manual
                        path: artifacts/session-timeout-standard.md
                """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("an evidence query is missing the required key 'date'", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "kind: manual"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAwsQueryForAnAccountOutsideTheBoundaryNamesTheNearestAccount()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                    accounts: ["111122224444"]
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("account 111122224444 is not in the boundary (did you mean '111122223333'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "kind: aws-config"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAwsQueryInAWorkspaceWithoutAwsIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "  aws:\n    accounts:\n      - id: \"111122223333\"\n        name: prod\n        regions: [us-east-1]\n", string.Empty)
            .Write(Overlay, """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    evidence:
                      - kind: aws-config
                        rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("AWS Config rule S3_BUCKET_PUBLIC_READ_PROHIBITED needs AWS in the boundary; add 'boundary.aws' to evidence.yaml", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "kind: aws-config"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AManualArtifactIdThatTheControlDoesNotExpectIsAnErrorAtTheArtifact()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("artifacts/session-timeout-standard.md", "# Session timeout standard\n")
            .Write(Overlay, """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    evidence:
                      - kind: manual
                        artifact: session-timeout-standrd
                        path: artifacts/session-timeout-standard.md
                        date: 2026-06-01
                """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'session-timeout-standrd' is not an expected artifact of 164.312(a)(2)(iii) (did you mean 'session-timeout-standard'?)", error.Message);
        Assert.Contains("it expects: session-timeout-standard, session-timeout-configuration", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "session-timeout-standrd"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AWhenConditionOtherThanMultiTenantIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: aws-config
                    rule: S3_BUCKET_PUBLIC_READ_PROHIBITED
                    when: single-tenant
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'when' must be 'multi-tenant'; 'single-tenant' is not a condition Evidence knows", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "single-tenant"), error.Location);
    }
}
