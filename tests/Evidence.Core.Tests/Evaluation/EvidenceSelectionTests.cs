using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Which queries a control is judged on: the catalog's defaults for the clouds in the boundary, less
/// exclusions, plus the overlay's own; conditional queries only for multi-tenant systems.
/// </summary>
public sealed class EvidenceSelectionTests
{
    private const string UniqueIds = "164.312(a)(2)(i)";
    private const string RootKeyRule = "aws-config/IAM_ROOT_ACCESS_KEY_CHECK";
    private const string GuestAccountsPolicy = "azure-policy/definition/ee984370-154a-4ee8-9726-19d900e56fc0";

    [Fact]
    public void AControlIsJudgedOnItsMappedRulesAndPoliciesByDefault()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations();

        var subjects = CloudSubjects(workspace, UniqueIds);

        Assert.Equal([RootKeyRule, GuestAccountsPolicy], subjects);
    }

    [Fact]
    public void QueriesForACloudOutsideTheBoundaryAreDropped()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithoutAzure();

        var subjects = CloudSubjects(workspace, UniqueIds);

        Assert.Equal([RootKeyRule], subjects);
    }

    [Fact]
    public void AnExcludedDefaultQueryIsNotJudged()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
              - control: "164.312(a)(2)(i)"
                exclude_evidence:
                  - query: aws-config/IAM_ROOT_ACCESS_KEY_CHECK
                    reason: An SCP forbids root access keys in every account.
            """);

        var subjects = CloudSubjects(workspace, UniqueIds);

        Assert.Equal([GuestAccountsPolicy], subjects);
    }

    [Fact]
    public void ReplacingTheDefaultsLeavesOnlyTheOverlaysQueries()
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().WithOverlays("""
              - control: "164.312(a)(2)(i)"
                replace_default_evidence: true
                evidence:
                  - kind: aws-config
                    rule: IAM_USER_MFA_ENABLED
            """);

        var result = workspace.Evaluate(UniqueIds);

        Assert.Equal(["aws-config/IAM_USER_MFA_ENABLED"], result.Reasons.Select(f => f.Subject));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheCatalogsTenantIsolationQueryAppliesOnlyToAMultiTenantSystem(bool multiTenant)
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().MultiTenant(multiTenant);

        var subjects = CloudSubjects(workspace, "164.312(a)(1)");

        Assert.Equal(multiTenant, subjects.Contains("aws-config-query/phi-stores-without-tenant"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnOverlayQueryForMultiTenantSystemsAppliesOnlyToOne(bool multiTenant)
    {
        using var workspace = new WorkspaceBuilder().WithoutAttestations().MultiTenant(multiTenant).WithOverlays("""
              - control: "164.312(a)(2)(iii)"
                replace_default_evidence: true
                evidence:
                  - kind: aws-config
                    rule: DYNAMODB_TABLE_TENANT_TAGGED
                    when: multi-tenant
            """);

        var subjects = CloudSubjects(workspace, Logoff);

        Assert.Equal(multiTenant ? ["aws-config/DYNAMODB_TABLE_TENANT_TAGGED"] : [], subjects);
    }

    private static List<string?> CloudSubjects(WorkspaceBuilder workspace, string control) =>
        workspace.Evaluate(control).CloudReasons.Select(f => f.Subject).ToList();
}
