namespace Evidence.Testing.SampleRun;

/// <summary>The id AWS Config reports for each kind of fictional resource, derived from its name.</summary>
internal static class AwsIds
{
    /// <summary>EC2-style ids such as <c>i-0…</c>, <c>sg-0…</c>, <c>vpc-0…</c>: 17 hexadecimal digits after the prefix.</summary>
    public static string Ec2(string prefix, string account, string region, string name) =>
        $"{prefix}-0{StableHash.Hex(16, prefix, account, region, name)}";

    public static string KmsKey(string account, string region, string alias) => StableHash.Uuid("kms", account, region, alias);

    /// <summary>A multi-Region key: the same id in every Region it is replicated to.</summary>
    public static string MultiRegionKey(string account, string alias) => "mrk-" + StableHash.Hex(32, "mrk", account, alias);

    public static string LoadBalancerV2(string account, string region, string name) =>
        $"arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/app/{name}/{StableHash.Hex(16, "alb", account, region, name)}";

    public static string Certificate(string account, string region, string domain) =>
        $"arn:aws:acm:{region}:{account}:certificate/{StableHash.Uuid("acm", account, region, domain)}";

    public static string Secret(string account, string region, string name) =>
        $"arn:aws:secretsmanager:{region}:{account}:secret:{name}-{StableHash.Alphanumeric(6, "secret", account, region, name)}";

    public static string Topic(string account, string region, string name) => $"arn:aws:sns:{region}:{account}:{name}";

    public static string TaskDefinition(string account, string region, string familyAndRevision) =>
        $"arn:aws:ecs:{region}:{account}:task-definition/{familyAndRevision}";

    public static string ApiStage(string region, string api, string stage) =>
        $"arn:aws:apigateway:{region}::/restapis/{StableHash.Alphanumeric(10, "apigw", region, api)}/stages/{stage}";

    public static string RecoveryPoint(string account, string region, string name) =>
        $"arn:aws:backup:{region}:{account}:recovery-point:{StableHash.Uuid("rp", account, region, name)}";

    public static string BackupPlan(string account, string region, string name) => StableHash.Uuid("plan", account, region, name);

    /// <summary>OpenSearch reports a domain as <c>account/domain-name</c>.</summary>
    public static string SearchDomain(string account, string name) => $"{account}/{name}";
}
