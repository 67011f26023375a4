using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Testing;

namespace Evidence.Core.Tests.Catalog;

/// <summary>Every rule of the AWS HIPAA pack and every automated policy of the Azure initiative is mapped, defensibly.</summary>
public sealed class CloudMappingTests
{
    private static readonly ControlCatalog Catalog = WorkspaceLoader.LoadBuiltinCatalog(new DiagnosticBag());

    [Fact]
    public void EveryConformancePackRuleIsMappedByManagedRuleIdentifier()
    {
        var pack = FixtureCsv.Read("aws-config-hipaa-pack.csv").Select(r => r["rule"]).ToHashSet();
        var mapped = Catalog.MappingsOf(AwsCloud.Instance).Where(m => !m.Supplementary).Select(m => ((AwsConfigRuleQuery)m.Query).Rule).ToHashSet();

        Assert.Equal(130, pack.Count);
        Assert.Empty(pack.Except(mapped));
        Assert.Empty(mapped.Except(pack));
    }

    [Fact]
    public void RulesAwsMapsKeepAwssCitationsAndTheRestAreOurJudgmentWithANote()
    {
        foreach (var row in FixtureCsv.Read("aws-config-hipaa-pack.csv"))
        {
            var mapping = Catalog.MappingsOf(AwsCloud.Instance).Single(m => ((AwsConfigRuleQuery)m.Query).Rule == row["rule"]);
            var awsCitations = Split(row["aws_citations"]);
            if (awsCitations.Length == 0)
            {
                Assert.Equal(MappingProvenance.EvidenceTeam, mapping.Provenance);
                Assert.False(string.IsNullOrWhiteSpace(mapping.Note), $"{row["rule"]} needs a note");
            }
            else
            {
                Assert.Equal(MappingProvenance.Aws, mapping.Provenance);
                Assert.Equal(awsCitations.Order(StringComparer.Ordinal), mapping.Citations.Select(c => c.Citation.Value).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void EveryAutomatedPolicyOfTheAzureInitiativeIsMappedByDefinitionId()
    {
        var automated = FixtureCsv.Read("azure-hitrust-hipaa-automated-policies.csv")
            .Select(r => r["definition"].ToLowerInvariant())
            .ToHashSet();
        var mapped = Catalog.MappingsOf(AzureCloud.Instance).Where(m => !m.Supplementary).Select(m => ((AzurePolicyQuery)m.Query).Id.ToLowerInvariant()).ToHashSet();

        Assert.Equal(93, automated.Count);
        Assert.Empty(automated.Except(mapped));
        Assert.Empty(mapped.Except(automated));
    }

    [Fact]
    public void EveryMappingCitesOnlyControlsOfTheCatalogAndExplainsOurOwnJudgment()
    {
        foreach (var mapping in Catalog.Mappings)
        {
            Assert.NotEmpty(mapping.Citations);
            Assert.All(mapping.Citations, c => Assert.NotNull(Catalog.Find(c.Citation.Value)));
            if (mapping.Provenance == MappingProvenance.EvidenceTeam)
            {
                Assert.False(string.IsNullOrWhiteSpace(mapping.Note), $"{mapping.Query.Key} needs a note");
            }
        }
    }

    [Fact]
    public void SupplementaryRulesAndPoliciesAreReallyOutsideThePackAndTheInitiative()
    {
        var pack = FixtureCsv.Read("aws-config-hipaa-pack.csv").Select(r => r["rule"]).ToHashSet();
        var initiative = FixtureCsv.Read("azure-hitrust-hipaa-automated-policies.csv").Select(r => r["definition"].ToLowerInvariant()).ToHashSet();
        var rules = Catalog.MappingsOf(AwsCloud.Instance).Where(m => m.Supplementary).ToList();
        var policies = Catalog.MappingsOf(AzureCloud.Instance).Where(m => m.Supplementary).ToList();

        Assert.Contains(rules, m => ((AwsConfigRuleQuery)m.Query).Rule == "MACIE_STATUS_CHECK");
        Assert.Contains(policies, m => ((AzurePolicyQuery)m.Query).Name == "640d2586-54d2-465f-877f-9ffc1d2109f4");
        Assert.All(rules, m => Assert.DoesNotContain(((AwsConfigRuleQuery)m.Query).Rule, pack));
        Assert.All(rules, m => Assert.Equal(((AwsConfigRuleQuery)m.Query).Rule.Replace('_', '-').ToLowerInvariant(), m.Title));
        Assert.All(policies, m => Assert.DoesNotContain(((AzurePolicyQuery)m.Query).Id.ToLowerInvariant(), initiative));
        Assert.All(rules.Concat(policies), m => Assert.Equal(MappingProvenance.EvidenceTeam, m.Provenance));
    }

    [Theory]
    [InlineData("storage public-access blocks", "164.312(a)(1)", "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", "aws-config/S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "azure-policy/definition/4fa4b6c0-31ca-4c0d-b10d-24b96f62a751")]
    [InlineData("encryption at rest with customer keys", "164.312(a)(2)(iv)", "aws-config/S3_DEFAULT_ENCRYPTION_KMS", "aws-config/CMK_BACKING_KEY_ROTATION_ENABLED", "azure-policy/definition/6fac406b-40ca-413b-bf8e-0bf964659c25")]
    [InlineData("TLS-only access to storage", "164.312(e)(1)", "aws-config/S3_BUCKET_SSL_REQUESTS_ONLY", "azure-policy/definition/404c3081-a854-4457-ae30-26a93ef643f9")]
    [InlineData("least privilege and admin policies", "164.308(a)(4)(ii)(C)", "aws-config/IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS")]
    [InlineData("MFA for console users and root", "164.312(d)", "aws-config/MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", "aws-config/ROOT_ACCOUNT_MFA_ENABLED", "azure-policy/definition/e3e008c3-56b9-4133-8fd7-d3347377402a")]
    [InlineData("databases kept off the internet", "164.312(a)(1)", "aws-config/RDS_INSTANCE_PUBLIC_ACCESS_CHECK", "aws-config/RESTRICTED_INCOMING_TRAFFIC", "azure-policy/definition/1b8ca024-1d5c-4dec-8995-b1a932b41780")]
    [InlineData("audit trails in every region", "164.312(b)", "aws-config/MULTI_REGION_CLOUD_TRAIL_ENABLED", "aws-config/CW_LOGGROUP_RETENTION_PERIOD_CHECK", "azure-policy/definition/89099bee-89e0-4b26-a5f4-165451757743")]
    [InlineData("audit log validation", "164.312(c)(1)", "aws-config/CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED")]
    [InlineData("backup and recovery", "164.308(a)(7)(ii)(A)", "aws-config/DB_INSTANCE_BACKUP_ENABLED", "aws-config/DYNAMODB_PITR_ENABLED")]
    public void RequiredSafeguardsHaveEvidenceQueriesUnderTheRightCitation(string safeguard, string citation, params string[] queryKeys)
    {
        var control = Catalog.Find(citation)!;
        var keys = Catalog.DefaultQueries(control).Select(q => q.Key.ToLowerInvariant()).ToHashSet();

        Assert.All(queryKeys, k => Assert.True(keys.Contains(k.ToLowerInvariant()), $"{safeguard}: {k} is not a default query of {citation}"));
    }

    [Fact]
    public void MultiTenantSystemsGetTenantIsolationEvidence()
    {
        var query = Catalog.DefaultQueries(Catalog.Find("164.312(a)(1)")!).OfType<AwsConfigAdvancedQuery>().Single();

        Assert.True(query.MultiTenantOnly);
        Assert.StartsWith("SELECT", query.Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantIsolationIsCheckedOnBothClouds()
    {
        var query = Catalog.DefaultQueries(Catalog.Find("164.312(a)(1)")!).OfType<AzureResourceGraphQuery>().Single();

        Assert.True(query.MultiTenantOnly);
        Assert.Equal(RowAssertion.AnyRow, query.FailWhen);
        Assert.Equal("azure-resource-graph/phi-stores-without-tenant-azure", query.Key);
        Assert.StartsWith("resources", query.Query, StringComparison.Ordinal);
    }

    private static string[] Split(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
