namespace Evidence.Testing.SampleRun;

/// <summary>
/// What AWS Config records in each account and Region of the Acme boundary. prod-phi runs the platform in
/// us-east-1 with a warm standby in us-west-2; shared-services holds the organization trail, logs and CI.
/// IAM is global: Config records it only in us-east-1.
/// </summary>
internal static class AwsInventory
{
    public const string Prod = "210987654321";
    public const string Shared = "345678901234";
    public const string East = "us-east-1";
    public const string West = "us-west-2";

    private static readonly Dictionary<(string, string), IReadOnlyList<AwsResource>> ByLocation = new()
    {
        [(Prod, East)] = ProdEast(),
        [(Prod, West)] = ProdWest(),
        [(Shared, East)] = SharedEast(),
        [(Shared, West)] = SharedWest(),
    };

    public static IReadOnlyList<AwsResource> In(string account, string region) => ByLocation.GetValueOrDefault((account, region)) ?? [];

    /// <summary>Every resource of the boundary with the account and Region it lives in.</summary>
    public static IEnumerable<(string Account, string Region, AwsResource Resource)> All() =>
        ByLocation.SelectMany(pair => pair.Value.Select(r => (pair.Key.Item1, pair.Key.Item2, r)));

    private static IReadOnlyList<AwsResource> ProdEast()
    {
        var b = new AwsInventoryBuilder(Prod, East).Account("prod-phi")
            .Buckets("phi", "shared", "acme-care-documents-prod", "acme-care-attachments-prod", "acme-care-referrals-inbound-prod",
                "acme-care-tenant-exports-prod", "acme-care-backups-prod")
            .Buckets("phi", null, SampleScenario.PublicBucket)
            .Buckets("internal", "shared", "acme-care-app-logs-prod", "acme-care-alb-logs-prod", "acme-care-static-prod");
        foreach (var tenant in Tenants.WithExportBuckets)
        {
            b.Buckets("phi", tenant, Tenants.ExportBucket(tenant));
        }

        AddTenantTables(b);
        b.Add("AWS::RDS::DBCluster", "acme-care-db-prod-cluster", "acme-care-db-prod-cluster", AwsInventoryBuilder.Tags("phi", "shared"))
            .Add("AWS::RDS::DBInstance", "acme-care-db-prod", "acme-care-db-prod", AwsInventoryBuilder.Tags("phi", "shared"))
            .Add("AWS::RDS::DBInstance", "acme-care-db-prod-reader-1", "acme-care-db-prod-reader-1", AwsInventoryBuilder.Tags("phi", "shared"))
            .Named("AWS::RDS::DBClusterSnapshot", "acme-care-db-prod-pre-upgrade-2026-10-14")
            .Instance("acme-care-hl7-bridge-1").Instance("acme-care-hl7-bridge-2").Instance("acme-care-clamav-1")
            .Named("AWS::AutoScaling::AutoScalingGroup", "acme-care-hl7-bridge-asg", "acme-care-clamav-asg")
            .Network("acme-care-prod-vpc", ["public-a", "public-b", "app-a", "app-b", "data-a", "data-b"], ["public", "app-a", "app-b", "data"])
            .SecurityGroup("acme-care-alb").SecurityGroup("acme-care-ecs-tasks").SecurityGroup("acme-care-db").SecurityGroup("acme-care-hl7-bridge")
            .SecurityGroup("acme-care-clamav").SecurityGroup("acme-care-vpc-endpoints").SecurityGroup(SampleScenario.OpenSecurityGroupName, SampleScenario.OpenSecurityGroup)
            .LoadBalancers("acme-care-web-alb", "acme-care-fhir-alb")
            .Named("AWS::ElasticLoadBalancing::LoadBalancer", "acme-care-hl7-elb")
            .Certificates("app.acme-care.example", "fhir.acme-care.example", "hl7.acme-care.example")
            .MultiRegionKeys("acme-care-phi-data", "acme-care-s3", "acme-care-dynamodb").Keys("acme-care-backup", "acme-care-logs", "acme-care-secrets")
            .Named("AWS::Lambda::Function", "acme-care-thumbnailer", "acme-care-fax-ingest", "acme-care-export-packager", "acme-care-audit-forwarder",
                "acme-care-tenant-onboarding")
            .Add("AWS::ApiGateway::Stage", AwsIds.ApiStage(East, "acme-care-fhir-api", "prod"), "acme-care-fhir-api/prod")
            .Secrets("acme-care/db/app-user", "acme-care/db/migrations", "acme-care/fhir/partner-client-secrets", "acme-care/fax/provider-api-key")
            .Topics("acme-care-alerts", "acme-care-fax-events")
            .Add("AWS::OpenSearch::Domain", AwsIds.SearchDomain(Prod, "acme-care-search"), "acme-care-search")
            .Backups("acme-care-vault", ["acme-care-daily-35d", "acme-care-monthly-7y"],
                "acme-care-db-prod-2026-11-19", "acme-care-documents-prod-2026-11-19", "acme-care-hl7-bridge-1-root-2026-11-19")
            .Named("AWS::CloudWatch::Alarm", "acme-care-web-5xx-rate", "acme-care-api-latency-p99", "acme-care-db-cpu-high",
                "acme-care-db-freeable-memory-low", "acme-care-hl7-queue-depth", "acme-care-fax-ingest-errors")
            .TaskDefinitions("acme-care-web:412", "acme-care-api:388", "acme-care-worker:205", "acme-care-scheduler:97")
            .Named("AWS::Kinesis::Stream", "acme-care-audit-stream")
            .Named("AWS::SSM::Document", "AcmeCare-HL7BridgeRotateLogs", "AcmeCare-ClamAvUpdateSignatures")
            .Named("AWS::WAFv2::WebACL", "acme-care-web-acl", "acme-care-fhir-acl")
            .Named("AWS::IAM::User", "break-glass-admin", SampleScenario.UserWithoutMfa)
            .Named("AWS::IAM::Group", "acme-break-glass", "acme-contractors")
            .Named("AWS::IAM::Role", "OrganizationAccountAccessRole", "acme-care-ecs-task-web", "acme-care-ecs-task-api", "acme-care-ecs-task-worker",
                "acme-care-lambda-fax-ingest", "AWSReservedSSO_PlatformEngineer_3f9a1c2b7d4e5f60")
            .Named("AWS::IAM::Policy", "acme-care-ecs-task-web-policy", "acme-care-ecs-task-api-policy", "acme-care-worker-policy", "acme-care-break-glass-boundary");
        return b.Resources;
    }

    private static IReadOnlyList<AwsResource> ProdWest()
    {
        var b = new AwsInventoryBuilder(Prod, West).Account("prod-phi")
            .Buckets("phi", "shared", "acme-care-documents-prod-usw2", "acme-care-attachments-prod-usw2", "acme-care-backups-prod-usw2")
            .Buckets("internal", "shared", "acme-care-app-logs-prod-usw2", "acme-care-alb-logs-prod-usw2");
        AddTenantTables(b);
        return b.Add("AWS::RDS::DBCluster", "acme-care-db-prod-usw2-cluster", "acme-care-db-prod-usw2-cluster", AwsInventoryBuilder.Tags("phi", "shared"))
            .Add("AWS::RDS::DBInstance", "acme-care-db-prod-usw2", "acme-care-db-prod-usw2", AwsInventoryBuilder.Tags("phi", "shared"))
            .Named("AWS::RDS::DBSnapshot", SampleScenario.UnencryptedSnapshot)
            .Named("AWS::RDS::DBClusterSnapshot", "acme-care-db-prod-weekly-2026-11-15")
            .Network("acme-care-dr-vpc", ["public-a", "public-b", "app-a", "data-a"], ["public", "app", "data"])
            .SecurityGroup("acme-care-alb").SecurityGroup("acme-care-ecs-tasks").SecurityGroup("acme-care-db").SecurityGroup("acme-care-vpc-endpoints")
            .LoadBalancers("acme-care-web-alb-usw2")
            .Certificates("app.acme-care.example")
            .MultiRegionKeys("acme-care-phi-data", "acme-care-s3", "acme-care-dynamodb").Keys("acme-care-backup-usw2")
            .Named("AWS::Lambda::Function", "acme-care-thumbnailer")
            .Secrets("acme-care/db/app-user")
            .Topics("acme-care-alerts")
            .Backups("acme-care-vault-usw2", [], "acme-care-db-prod-2026-11-19-copy", "acme-care-documents-prod-2026-11-19-copy")
            .Named("AWS::CloudWatch::Alarm", "acme-care-dr-replication-lag")
            .TaskDefinitions("acme-care-web:412", "acme-care-api:388")
            .Named("AWS::WAFv2::WebACL", "acme-care-web-acl-usw2")
            .Resources;
    }

    private static IReadOnlyList<AwsResource> SharedEast() =>
        new AwsInventoryBuilder(Shared, East).Account("shared-services")
            .Buckets("internal", null, "acme-org-cloudtrail-logs", "acme-org-config-history", "acme-org-log-archive", "acme-org-access-logs", "acme-org-terraform-state")
            .Table("acme-platform-terraform-locks", "internal", null)
            .Network("acme-shared-vpc", ["private-a", "private-b", "public-a", "public-b"], ["private", "public"])
            .SecurityGroup("acme-org-codebuild").SecurityGroup("acme-org-vpc-endpoints")
            .Keys("acme-org-cloudtrail", "acme-org-log-archive", "acme-org-terraform")
            .Named("AWS::Lambda::Function", "acme-org-guardduty-forwarder", "acme-org-securityhub-to-chat", "acme-org-config-export")
            .Topics("acme-org-security-alerts", "acme-org-config-notifications")
            .Named("AWS::CodeBuild::Project", "acme-care-web-build", "acme-care-api-build", "acme-platform-terraform-plan")
            .Named("AWS::CloudWatch::Alarm", "acme-org-root-login", "acme-org-unauthorized-api-calls", "acme-org-cloudtrail-config-change", "acme-org-console-login-no-mfa")
            .Secrets("acme-org/chat-webhook")
            .Named("AWS::SSM::Document", "AcmeOrg-SecurityBaseline")
            .Named("AWS::IAM::User", "break-glass-admin")
            .Named("AWS::IAM::Group", "acme-break-glass")
            .Named("AWS::IAM::Role", "OrganizationAccountAccessRole", "acme-org-codebuild-service", "acme-org-guardduty-forwarder",
                "AWSReservedSSO_SecurityAuditor_8b2e4d6f1a3c5e70")
            .Named("AWS::IAM::Policy", "acme-org-codebuild-policy", "acme-org-log-archive-read")
            .Resources;

    private static IReadOnlyList<AwsResource> SharedWest() =>
        new AwsInventoryBuilder(Shared, West).Account("shared-services")
            .Buckets("internal", null, "acme-org-log-archive-usw2")
            .Network("acme-shared-dr-vpc", ["private-a", "private-b"], ["private"])
            .Keys("acme-org-log-archive-usw2")
            .Topics("acme-org-security-alerts-usw2")
            .Resources;

    /// <summary>One table per tenant (global tables, so the standby Region holds a replica of each), plus two shared ones.</summary>
    private static void AddTenantTables(AwsInventoryBuilder b)
    {
        foreach (var tenant in Tenants.All)
        {
            b.Table(Tenants.MessagesTable(tenant), "phi", tenant);
        }

        b.Table("acme-care-sessions-prod", "internal", "shared").Table("acme-care-tenant-registry-prod", "internal", "shared");
    }
}
