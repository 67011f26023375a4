using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// The story the sample run tells. Nearly everything is compliant; the exceptions are deliberate:
/// a public legacy S3 bucket, an unencrypted RDS snapshot in the standby Region, a security group open
/// to the internet on PostgreSQL's port, a contractor without MFA, and an Azure storage account open
/// to all networks (recorded as a false positive) that also holds ePHI extracts without a tenant tag.
/// One query failed to collect and one rule's last evaluation is weeks old.
/// </summary>
public static class SampleScenario
{
    public const string RunId = "20261120T060000Z";

    public const string PublicBucket = "acme-legacy-exports";
    public const string UnencryptedSnapshot = "acme-reporting-legacy-final-2025-12";
    public const string OpenSecurityGroup = "sg-0a1b2c3d4e5f60718";
    public const string OpenSecurityGroupName = "acme-care-db-migration-temp";
    public const string UserWithoutMfa = "contractor-jlee";
    public const string OpenStorageAccount = "acmeanalyticsexport";
    public const string ExemptStorageAccount = "acmeanalyticsdiag";
    public const string OpenNetworkPolicy = "34c877ad-507e-4c82-993e-3452a6e0ad3c";
    public const string VnetEndpointPolicy = "60d21c4f-21a3-4d94-85f4-b924e6aeeda4";

    /// <summary>Not deployed in shared-services us-west-2, so collecting it fails.</summary>
    public const string FailedRule = "CLOUDTRAIL_S3_DATAEVENTS_ENABLED";
    public const string FailedCode = "NoSuchConfigRuleException";

    /// <summary>Last evaluated when the Config recorder in shared-services us-west-2 stopped.</summary>
    public const string StaleRule = "VPC_FLOW_LOGS_ENABLED";

    public static DateTimeOffset StartedAt { get; } = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Two earlier collections of a few controls, so the findings have history: on 2026-09-21 the public
    /// bucket, the contractor without MFA, the open security group and an unencrypted EBS volume fail; by
    /// 2026-10-20 the volume was replaced (resolved) and the temporary security group rule removed; on
    /// 2026-11-20 the rule is back for another migration window (reopened).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> EarlierRuns { get; } =
        [new(2026, 9, 21, 6, 0, 0, TimeSpan.Zero), new(2026, 10, 20, 6, 0, 0, TimeSpan.Zero)];

    /// <summary>What the earlier runs collected (<c>collect --only</c>): access control and encryption at rest.</summary>
    public static IReadOnlyList<string> EarlierRunControls { get; } = ["164.312(a)(1)", "164.312(a)(2)(iv)"];

    /// <summary>The root volume of the ClamAV host, unencrypted until it was replaced in October.</summary>
    public const string UnencryptedVolumeName = "acme-care-clamav-1-root";

    private static readonly DateTimeOffset VolumeReplaced = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecurityGroupClosed = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecurityGroupReopened = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset StaleEvaluation { get; } = new(2026, 10, 1, 4, 12, 0, TimeSpan.Zero);

    /// <summary>Where the failed and the stale items come from.</summary>
    public static EvidenceSource FailedSource { get; } = AwsCloud.Source(AwsInventory.Shared, AwsInventory.West);

    public static EvidenceSource StaleSource { get; } = AwsCloud.Source(AwsInventory.Shared, AwsInventory.West);

    /// <summary>The suffix the conformance-pack deployment gave rule names in each account and Region.</summary>
    public static string PackSuffix(string account, string region) => (account, region) switch
    {
        (AwsInventory.Prod, AwsInventory.East) => "k7m2p9",
        (AwsInventory.Prod, AwsInventory.West) => "q4w8e1",
        (AwsInventory.Shared, AwsInventory.East) => "h3j6n0",
        (AwsInventory.Shared, AwsInventory.West) => "x1y2z3",
        _ => StableHash.Alphanumeric(6, "pack", account, region),
    };

    /// <summary>How AWS Config judged one resource for one rule, with the annotation a rule would give.</summary>
    internal static (string Compliance, string? Annotation) Aws(string rule, string account, AwsResource resource, DateTimeOffset runAt)
    {
        var prod = account == AwsInventory.Prod;
        var groupOpen = runAt < SecurityGroupClosed || runAt >= SecurityGroupReopened;
        return (rule, resource.Type) switch
        {
            ("ENCRYPTED_VOLUMES", _) when resource.Name == UnencryptedVolumeName && runAt < VolumeReplaced =>
                ("NON_COMPLIANT", $"EBS volume {UnencryptedVolumeName} is not encrypted (Encrypted: false)."),
            ("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", _) when resource.Id == OpenSecurityGroup && !groupOpen => ("COMPLIANT", null),
            ("S3_BUCKET_PUBLIC_READ_PROHIBITED", _) when resource.Id == PublicBucket =>
                ("NON_COMPLIANT", $"Bucket {PublicBucket} allows public read access: its ACL grants READ to the AllUsers group."),
            ("S3_BUCKET_ACL_PROHIBITED", _) when resource.Id == PublicBucket =>
                ("NON_COMPLIANT", "Object Ownership is ObjectWriter and the bucket ACL grants READ to http://acs.amazonaws.com/groups/global/AllUsers."),
            ("S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", _) when prod =>
                ("NON_COMPLIANT", "Account-level S3 Block Public Access: IgnorePublicAcls and RestrictPublicBuckets are false."),
            ("RDS_SNAPSHOT_ENCRYPTED", _) when resource.Id == UnencryptedSnapshot =>
                ("NON_COMPLIANT", $"DB snapshot {UnencryptedSnapshot} is not encrypted (Encrypted: false)."),
            ("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", _) when resource.Id == OpenSecurityGroup =>
                ("NON_COMPLIANT", $"Security group {OpenSecurityGroupName} allows inbound traffic from 0.0.0.0/0 on TCP port 5432, which is not an authorized port."),
            ("MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", _) when resource.Id == UserWithoutMfa =>
                ("NON_COMPLIANT", $"IAM user {UserWithoutMfa} has a console password and no MFA device."),
            ("IAM_USER_MFA_ENABLED", _) when resource.Id == UserWithoutMfa =>
                ("NON_COMPLIANT", $"IAM user {UserWithoutMfa} has no MFA device."),
            ("VPC_DEFAULT_SECURITY_GROUP_CLOSED", _) when resource.Name != "default" => ("NOT_APPLICABLE", null),
            ("ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK", _) => ("NOT_APPLICABLE", null),
            // Prod is the Macie administrator account; the rule reports member accounts as not applicable.
            ("MACIE_AUTO_SENSITIVE_DATA_DISCOVERY_CHECK", _) when !prod => ("NOT_APPLICABLE", null),
            ("AWS_CONFIG_PROCESS_CHECK", _) => ("COMPLIANT", "Quarterly review of Config recorder coverage completed 2026-10-06 (SEC-2291)."),
            _ => ("COMPLIANT", null),
        };
    }

    /// <summary>Azure Policy's compliance state for one resource under one policy definition (by its GUID).</summary>
    internal static string Azure(string definition, AzureResource resource) => definition switch
    {
        OpenNetworkPolicy when resource.Name == OpenStorageAccount => "NonCompliant",
        VnetEndpointPolicy when resource.Name == ExemptStorageAccount => "Exempt",
        _ => "Compliant",
    };

    /// <summary>
    /// The tags of an Azure resource, as Resource Graph shows them: the analytics data stores hold ePHI
    /// pooled across tenants and say so (<c>tenant: pooled</c>), except the export account, which was
    /// created by hand for a one-off extract and never tagged with a tenant; diagnostics are internal.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> AzureTags(AzureResource resource) => resource switch
    {
        { Name: ExemptStorageAccount } => new Dictionary<string, string> { ["data-classification"] = "internal", ["owner"] = "platform" },
        { Name: OpenStorageAccount } => new Dictionary<string, string> { ["data-classification"] = "phi", ["owner"] = "analytics" },
        { Type: "Microsoft.Storage/storageAccounts" or "Microsoft.Sql/servers/databases" } =>
            new Dictionary<string, string> { ["data-classification"] = "phi", ["owner"] = "analytics", ["tenant"] = "pooled" },
        _ => new Dictionary<string, string> { ["owner"] = "analytics" },
    };

    internal static bool Fails(string rule, EvidenceSource source) => rule == FailedRule && source == FailedSource;

    internal static bool IsStale(string rule, EvidenceSource source, DateTimeOffset runAt) =>
        rule == StaleRule && source == StaleSource && runAt > StaleEvaluation;
}
