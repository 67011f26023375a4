namespace Evidence.Testing.SampleRun;

/// <summary>
/// The resource types each managed rule of the HIPAA conformance pack evaluates. Periodic rules that
/// check an account-wide setting report the account itself (<c>AWS::::Account</c>), the default for a
/// rule not listed here.
/// </summary>
internal static class AwsRuleScopes
{
    private const string Account = "AWS::::Account";
    private const string Bucket = "AWS::S3::Bucket";
    private const string Table = "AWS::DynamoDB::Table";
    private const string Instance = "AWS::EC2::Instance";
    private const string SecurityGroup = "AWS::EC2::SecurityGroup";
    private const string DbInstance = "AWS::RDS::DBInstance";
    private const string DbCluster = "AWS::RDS::DBCluster";
    private const string AlbV2 = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    private const string ClassicElb = "AWS::ElasticLoadBalancing::LoadBalancer";
    private const string User = "AWS::IAM::User";
    private const string Policy = "AWS::IAM::Policy";
    private const string Search = "AWS::OpenSearch::Domain";
    private const string LegacySearch = "AWS::Elasticsearch::Domain";
    private const string Stage = "AWS::ApiGateway::Stage";
    private const string TaskDefinition = "AWS::ECS::TaskDefinition";
    private const string Snapshot = "AWS::RDS::DBSnapshot";
    private const string ClusterSnapshot = "AWS::RDS::DBClusterSnapshot";
    private const string Redshift = "AWS::Redshift::Cluster";
    private const string Secret = "AWS::SecretsManager::Secret";
    private const string Volume = "AWS::EC2::Volume";

    private static readonly Dictionary<string, string[]> Types = new(StringComparer.Ordinal)
    {
        ["ACCESS_KEYS_ROTATED"] = [User],
        ["ACM_CERTIFICATE_EXPIRATION_CHECK"] = ["AWS::ACM::Certificate"],
        ["ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK"] = [AlbV2],
        ["ALB_WAF_ENABLED"] = [AlbV2],
        ["API_GW_ASSOCIATED_WITH_WAF"] = [Stage],
        ["API_GW_EXECUTION_LOGGING_ENABLED"] = [Stage, "AWS::ApiGatewayV2::Stage"],
        ["API_GW_SSL_ENABLED"] = [Stage],
        ["AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN"] = [DbCluster],
        ["AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED"] = ["AWS::AutoScaling::AutoScalingGroup"],
        ["AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED"] = ["AWS::AutoScaling::LaunchConfiguration"],
        ["BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK"] = ["AWS::Backup::BackupPlan"],
        ["BACKUP_RECOVERY_POINT_ENCRYPTED"] = ["AWS::Backup::RecoveryPoint"],
        ["BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED"] = ["AWS::Backup::BackupVault"],
        ["CLOUDWATCH_ALARM_ACTION_CHECK"] = ["AWS::CloudWatch::Alarm"],
        ["CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"] = ["AWS::CodeBuild::Project"],
        ["CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK"] = ["AWS::CodeBuild::Project"],
        ["DB_INSTANCE_BACKUP_ENABLED"] = [DbInstance],
        ["DMS_REPLICATION_NOT_PUBLIC"] = ["AWS::DMS::ReplicationInstance"],
        ["DYNAMODB_AUTOSCALING_ENABLED"] = [Table],
        ["DYNAMODB_IN_BACKUP_PLAN"] = [Table],
        ["DYNAMODB_PITR_ENABLED"] = [Table],
        ["EBS_IN_BACKUP_PLAN"] = [Volume],
        ["EC2_IMDSV2_CHECK"] = [Instance],
        ["EC2_INSTANCE_MANAGED_BY_SSM"] = [Instance],
        ["EC2_INSTANCE_NO_PUBLIC_IP"] = [Instance],
        ["EC2_INSTANCE_PROFILE_ATTACHED"] = [Instance],
        ["EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK"] = ["AWS::SSM::AssociationCompliance"],
        ["EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK"] = ["AWS::SSM::PatchCompliance"],
        ["EC2_RESOURCES_PROTECTED_BY_BACKUP_PLAN"] = [Instance],
        ["EC2_STOPPED_INSTANCE"] = [Instance],
        ["ECS_CONTAINERS_READONLY_ACCESS"] = [TaskDefinition],
        ["ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK"] = [TaskDefinition],
        ["EFS_ENCRYPTED_CHECK"] = ["AWS::EFS::FileSystem"],
        ["EFS_IN_BACKUP_PLAN"] = ["AWS::EFS::FileSystem"],
        ["ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED"] = ["AWS::ElasticBeanstalk::Environment"],
        ["ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"] = ["AWS::ElastiCache::CacheCluster"],
        ["ELASTICSEARCH_ENCRYPTED_AT_REST"] = [LegacySearch],
        ["ELASTICSEARCH_IN_VPC_ONLY"] = [LegacySearch],
        ["ELASTICSEARCH_LOGS_TO_CLOUDWATCH"] = [LegacySearch],
        ["ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK"] = [LegacySearch],
        ["ELB_ACM_CERTIFICATE_REQUIRED"] = [ClassicElb],
        ["ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED"] = [ClassicElb],
        ["ELB_DELETION_PROTECTION_ENABLED"] = [AlbV2],
        ["ELB_LOGGING_ENABLED"] = [ClassicElb, AlbV2],
        ["ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK"] = [ClassicElb],
        ["ELB_TLS_HTTPS_LISTENERS_ONLY"] = [ClassicElb],
        ["ELBV2_ACM_CERTIFICATE_REQUIRED"] = [AlbV2],
        ["EMR_KERBEROS_ENABLED"] = ["AWS::EMR::Cluster"],
        ["EMR_MASTER_NO_PUBLIC_IP"] = ["AWS::EMR::Cluster"],
        ["ENCRYPTED_VOLUMES"] = [Volume],
        ["IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS"] = [Policy],
        ["IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS"] = ["AWS::IAM::Group", "AWS::IAM::Role", User],
        ["IAM_NO_INLINE_POLICY_CHECK"] = [User, "AWS::IAM::Role", "AWS::IAM::Group"],
        ["IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"] = [Policy],
        ["IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"] = [Policy],
        ["IAM_USER_MFA_ENABLED"] = [User],
        ["IAM_USER_NO_POLICIES_CHECK"] = [User],
        ["IAM_USER_UNUSED_CREDENTIALS_CHECK"] = [User],
        ["INCOMING_SSH_DISABLED"] = [SecurityGroup],
        ["INSTANCES_IN_VPC"] = [Instance],
        ["INTERNET_GATEWAY_AUTHORIZED_VPC_ONLY"] = ["AWS::EC2::InternetGateway"],
        ["KINESIS_STREAM_ENCRYPTED"] = ["AWS::Kinesis::Stream"],
        ["KMS_CMK_NOT_SCHEDULED_FOR_DELETION"] = ["AWS::KMS::Key"],
        ["LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"] = ["AWS::Lambda::Function"],
        ["MACIE_AUTO_SENSITIVE_DATA_DISCOVERY_CHECK"] = [Account],
        ["MACIE_STATUS_CHECK"] = [Account],
        ["MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS"] = [User],
        ["NO_UNRESTRICTED_ROUTE_TO_IGW"] = ["AWS::EC2::RouteTable"],
        ["OPENSEARCH_ENCRYPTED_AT_REST"] = [Search],
        ["OPENSEARCH_HTTPS_REQUIRED"] = [Search],
        ["OPENSEARCH_IN_VPC_ONLY"] = [Search],
        ["OPENSEARCH_LOGS_TO_CLOUDWATCH"] = [Search],
        ["OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK"] = [Search],
        ["RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"] = [DbInstance],
        ["RDS_CLUSTER_DELETION_PROTECTION_ENABLED"] = [DbCluster],
        ["RDS_CLUSTER_MULTI_AZ_ENABLED"] = [DbCluster],
        ["RDS_ENHANCED_MONITORING_ENABLED"] = [DbInstance],
        ["RDS_IN_BACKUP_PLAN"] = [DbInstance],
        ["RDS_INSTANCE_PUBLIC_ACCESS_CHECK"] = [DbInstance],
        ["RDS_LOGGING_ENABLED"] = [DbInstance],
        ["RDS_MULTI_AZ_SUPPORT"] = [DbInstance],
        ["RDS_SNAPSHOT_ENCRYPTED"] = [Snapshot, ClusterSnapshot],
        ["RDS_SNAPSHOTS_PUBLIC_PROHIBITED"] = [Snapshot, ClusterSnapshot],
        ["RDS_STORAGE_ENCRYPTED"] = [DbInstance],
        ["REDSHIFT_BACKUP_ENABLED"] = [Redshift],
        ["REDSHIFT_CLUSTER_CONFIGURATION_CHECK"] = [Redshift],
        ["REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK"] = [Redshift],
        ["REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK"] = [Redshift],
        ["REDSHIFT_REQUIRE_TLS_SSL"] = [Redshift],
        ["RESTRICTED_INCOMING_TRAFFIC"] = [SecurityGroup],
        ["SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED"] = ["AWS::SageMaker::EndpointConfig"],
        ["SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED"] = ["AWS::SageMaker::NotebookInstance"],
        ["SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS"] = ["AWS::SageMaker::NotebookInstance"],
        ["SECRETSMANAGER_ROTATION_ENABLED_CHECK"] = [Secret],
        ["SECRETSMANAGER_USING_CMK"] = [Secret],
        ["SNS_ENCRYPTED_KMS"] = ["AWS::SNS::Topic"],
        ["SSM_DOCUMENT_NOT_PUBLIC"] = ["AWS::SSM::Document"],
        ["SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED"] = ["AWS::EC2::Subnet"],
        ["VPC_DEFAULT_SECURITY_GROUP_CLOSED"] = [SecurityGroup],
        ["VPC_FLOW_LOGS_ENABLED"] = ["AWS::EC2::VPC"],
        ["VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS"] = [SecurityGroup],
        ["VPC_VPN_2_TUNNELS_UP"] = ["AWS::EC2::VPNConnection"],
        ["WAFV2_LOGGING_ENABLED"] = ["AWS::WAFv2::WebACL"],
    };

    /// <summary>The resource types <paramref name="rule"/> (a managed-rule identifier) evaluates.</summary>
    public static IReadOnlyList<string> Of(string rule) =>
        rule.StartsWith("S3_", StringComparison.Ordinal) && rule != "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC" ? [Bucket]
        : Types.GetValueOrDefault(rule) ?? [Account];
}
