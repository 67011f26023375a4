using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Testing;

namespace Evidence.Core.Tests.Catalog;

/// <summary>
/// The catalog says, control by control and citation by citation, what cloud evidence can prove: a
/// process is proven by documents and attestations, and a rule counts as primary only for a
/// specification it really tests.
/// </summary>
public sealed class EvidenceRoleTests
{
    private static readonly ControlCatalog Catalog = WorkspaceLoader.LoadBuiltinCatalog(new DiagnosticBag());

    /// <summary>Specifications and standards that are processes people carry out: no cloud setting shows they happened.</summary>
    public static TheoryData<string> ProcessControls() =>
    [
        "164.308(a)(1)(i)", "164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(B)", "164.308(a)(1)(ii)(C)", "164.308(a)(1)(ii)(D)",
        "164.308(a)(2)", "164.308(a)(3)(ii)(B)", "164.308(a)(3)(ii)(C)", "164.308(a)(4)(ii)(A)",
        "164.308(a)(5)(i)", "164.308(a)(5)(ii)(A)", "164.308(a)(6)(i)", "164.308(a)(6)(ii)",
        "164.308(a)(7)(i)", "164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)", "164.308(a)(7)(ii)(D)", "164.308(a)(7)(ii)(E)",
        "164.308(a)(8)", "164.308(b)(1)", "164.308(b)(3)",
        "164.310(a)(2)(ii)", "164.310(d)(2)(i)", "164.310(d)(2)(iv)",
        "164.314(a)(2)(i)", "164.316(a)", "164.316(b)(2)(iii)",
    ];

    /// <summary>AWS rules that check encryption at rest and nothing about transmission.</summary>
    private static readonly string[] AtRestRules =
    [
        "BACKUP_RECOVERY_POINT_ENCRYPTED", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CMK_BACKING_KEY_ROTATION_ENABLED", "EC2_EBS_ENCRYPTION_BY_DEFAULT",
        "EFS_ENCRYPTED_CHECK", "ELASTICSEARCH_ENCRYPTED_AT_REST", "ENCRYPTED_VOLUMES", "KINESIS_STREAM_ENCRYPTED", "OPENSEARCH_ENCRYPTED_AT_REST",
        "RDS_SNAPSHOT_ENCRYPTED", "RDS_STORAGE_ENCRYPTED", "REDSHIFT_CLUSTER_CONFIGURATION_CHECK", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        "S3_DEFAULT_ENCRYPTION_KMS", "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED", "SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED",
        "SECRETSMANAGER_USING_CMK", "SNS_ENCRYPTED_KMS",
    ];

    /// <summary>AWS rules that check TLS or certificates and nothing about how data is stored.</summary>
    private static readonly string[] TlsRules =
    [
        "ACM_CERTIFICATE_EXPIRATION_CHECK", "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "API_GW_SSL_ENABLED", "ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK",
        "ELBV2_ACM_CERTIFICATE_REQUIRED", "ELB_ACM_CERTIFICATE_REQUIRED", "ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK", "ELB_TLS_HTTPS_LISTENERS_ONLY",
        "OPENSEARCH_HTTPS_REQUIRED", "OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", "REDSHIFT_REQUIRE_TLS_SSL", "S3_BUCKET_SSL_REQUESTS_ONLY",
    ];

    [Fact]
    public void EveryControlSaysWhatItsCloudEvidenceProvesAndWhySupportingEvidenceOnlySupports()
    {
        // Written in the catalog, not left to the loader's default: a reader sees the choice on every control.
        var written = Directory.GetFiles(RepositoryPaths.Catalog, "164.3*.yaml")
            .Sum(f => File.ReadAllText(f).Split("\n    cloud_evidence_role: ").Length - 1);
        Assert.Equal(Catalog.Controls.Count, written);
        Assert.All(Catalog.Controls.Where(c => c.CloudEvidenceRole == EvidenceRole.Supporting),
            c => Assert.False(string.IsNullOrWhiteSpace(c.CloudEvidenceNote), $"{c.Id} needs a cloud_evidence_note"));
    }

    [Theory]
    [MemberData(nameof(ProcessControls))]
    public void AProcessIsProvenByItsDocumentsAndAttestationsNeverByACloudSetting(string citation)
    {
        var control = Catalog.Find(citation)!;

        Assert.Equal(EvidenceRole.Supporting, control.CloudEvidenceRole);
        Assert.All(Catalog.MappingsFor(citation), m => Assert.NotEqual(EvidenceRole.Primary, m.For(citation)!.Role));
        Assert.All(control.Evidence.Where(q => q.IsCloud), q => Assert.NotEqual(EvidenceRole.Primary, q.Role));
        if (Catalog.IsLeaf(control))
        {
            Assert.NotEmpty(control.ExpectedArtifacts);
        }
    }

    [Theory]
    [InlineData("164.312(a)(2)(iv)")]
    [InlineData("164.312(b)")]
    [InlineData("164.312(d)")]
    [InlineData("164.312(e)(2)(ii)")]
    [InlineData("164.308(a)(7)(ii)(A)")]
    public void TechnicalSafeguardsThatCloudSettingsTestDirectlyStayPrimary(string citation) =>
        Assert.Equal(EvidenceRole.Primary, Catalog.Find(citation)!.CloudEvidenceRole);

    [Fact]
    public void NoAtRestRuleIsPrimaryEvidenceOfEncryptionInTransmission() =>
        Assert.Empty(PrimaryFor("164.312(e)(2)(ii)").Intersect(AtRestRules));

    [Fact]
    public void NoTlsRuleIsPrimaryEvidenceOfEncryptionAtRest() =>
        Assert.Empty(PrimaryFor("164.312(a)(2)(iv)").Intersect(TlsRules));

    [Fact]
    public void TheRulesThatStayPrimaryForEachEncryptionSpecificationTestIt()
    {
        Assert.Contains("S3_BUCKET_SSL_REQUESTS_ONLY", PrimaryFor("164.312(e)(2)(ii)"));
        Assert.Contains("RDS_STORAGE_ENCRYPTED", PrimaryFor("164.312(a)(2)(iv)"));
        Assert.DoesNotContain("RDS_STORAGE_ENCRYPTED", PrimaryFor("164.312(e)(2)(ii)"));
        Assert.DoesNotContain("S3_BUCKET_SSL_REQUESTS_ONLY", PrimaryFor("164.312(a)(2)(iv)"));
    }

    [Fact]
    public void EverySupportingCitationOfAMappingSaysWhyAndKeepsWhoMappedIt()
    {
        var supporting = Catalog.Mappings
            .SelectMany(m => m.Citations.Where(c => c.Role == EvidenceRole.Supporting).Select(c => (Mapping: m, Cited: c)))
            .ToList();

        Assert.NotEmpty(supporting);
        Assert.All(supporting, s => Assert.False(string.IsNullOrWhiteSpace(s.Cited.Note), $"{s.Mapping.Query.Key} {s.Cited.Citation.Value} needs a note"));
        Assert.Contains(supporting, s => s.Mapping.Provenance == MappingProvenance.Aws);
    }

    [Theory]
    [InlineData("EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK", "164.308(a)(5)(ii)(A)")]
    [InlineData("EC2_INSTANCE_MANAGED_BY_SSM", "164.308(a)(1)(ii)(A)")]
    [InlineData("S3_EVENT_NOTIFICATIONS_ENABLED", "164.312(b)")]
    [InlineData("RDS_SNAPSHOT_ENCRYPTED", "164.310(d)(2)(iv)")]
    public void TeamMappingsThatDidNotHoldAreGone(string rule, string citation) =>
        Assert.Null(Aws(rule).For(citation));

    [Theory]
    [InlineData("MACIE_STATUS_CHECK")]
    [InlineData("MACIE_AUTO_SENSITIVE_DATA_DISCOVERY_CHECK")]
    [InlineData("CLOUD_TRAIL_ENABLED")]
    [InlineData("ROOT_ACCOUNT_MFA_ENABLED")]
    public void AccountWideSafeguardsMustFindTheirAccount(string rule) =>
        Assert.True(Aws(rule).ExpectResources, $"{rule}: an empty answer must fail");

    private static CloudMapping Aws(string rule) => Catalog.MappingsOf(AwsCloud.Instance).Single(m => ((AwsConfigRuleQuery)m.Query).Rule == rule);

    /// <summary>The AWS rules whose role for <paramref name="citation"/> is primary (the mapping's, else the control's default).</summary>
    private static HashSet<string> PrimaryFor(string citation)
    {
        var control = Catalog.Find(citation)!;
        return Catalog.MappingsFor(citation)
            .Where(m => m.Query is AwsConfigRuleQuery && (m.For(citation)!.Role ?? control.CloudEvidenceRole) == EvidenceRole.Primary)
            .Select(m => ((AwsConfigRuleQuery)m.Query).Rule)
            .ToHashSet(StringComparer.Ordinal);
    }
}
