namespace Evidence.Rendering.Model;

/// <summary>
/// Words for people who do not read rule ids: what kind of resource a rule checks, what a cloud error
/// code means, and "1 of 14 storage buckets" instead of "1 of 14 resources".
/// </summary>
internal static class PlainLanguage
{
    /// <summary>Rule id prefixes (AWS Config managed rules) and the resources they evaluate, longest prefix first.</summary>
    private static readonly (string Prefix, string One, string Many)[] Nouns =
    [
        ("MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", "IAM user", "IAM users"),
        ("S3_ACCOUNT_LEVEL", "account", "accounts"),
        ("S3_BUCKET", "storage bucket", "storage buckets"),
        ("RDS_SNAPSHOT", "database snapshot", "database snapshots"),
        ("RDS_", "database", "databases"),
        ("DYNAMODB_", "DynamoDB table", "DynamoDB tables"),
        ("IAM_USER", "IAM user", "IAM users"),
        ("IAM_", "IAM setting", "IAM settings"),
        ("VPC_SG", "security group", "security groups"),
        ("VPC_FLOW_LOGS", "network (VPC)", "networks (VPCs)"),
        ("EC2_EBS", "disk volume", "disk volumes"),
        ("ENCRYPTED_VOLUMES", "disk volume", "disk volumes"),
        ("EC2_", "virtual machine", "virtual machines"),
        ("CLOUDTRAIL", "audit trail", "audit trails"),
        ("CLOUD_TRAIL", "audit trail", "audit trails"),
        ("ELB_", "load balancer", "load balancers"),
        ("ALB_", "load balancer", "load balancers"),
        ("API_GW", "API gateway stage", "API gateway stages"),
        ("KMS_", "encryption key", "encryption keys"),
        ("LAMBDA_", "function", "functions"),
        ("OPENSEARCH", "search domain", "search domains"),
    ];

    /// <summary>"1 storage bucket", "14 storage buckets"; "resources" when the rule's kind is not known.</summary>
    public static string Count(int count, string? ruleId)
    {
        var (one, many) = ("resource", "resources");
        foreach (var noun in Nouns)
        {
            if (ruleId is not null && ruleId.StartsWith(noun.Prefix, StringComparison.Ordinal))
            {
                (one, many) = (noun.One, noun.Many);
                break;
            }
        }

        return $"{count:N0} {(count == 1 ? one : many)}";
    }

    /// <summary>What a collection error code means, in words; null for a code we have no words for.</summary>
    public static string? ExplainError(string code) => code switch
    {
        "NoSuchConfigRuleException" => "the rule is not deployed in this account and region",
        "NoSuchConfigurationAggregatorException" => "the AWS Config aggregator named in evidence.yaml does not exist",
        "AccessDenied" or "AccessDeniedException" or "AuthorizationFailed" or "Authorization" =>
            "the credentials Evidence used were not allowed to read it",
        "InvalidAccessKeyId" or "InvalidAccessKeyIdException" or "InvalidClientTokenId" or "InvalidClientTokenIdException"
            or "InvalidSignature" or "InvalidSignatureException" or "InvalidToken" => "the cloud rejected the credentials Evidence used",
        "Throttling" or "ThrottlingException" or "ThrottledException" or "TooManyRequests" =>
            "the cloud kept asking Evidence to slow down until it gave up",
        "Timeout" or "RequestTimeout" => "the cloud did not answer in time",
        "EndpointUnreachableException" => "the cloud's endpoint could not be reached from where Evidence ran",
        "InvalidDataException" => "the cloud's answer could not be read",
        "PolicyAssignmentNotFound" or "PolicyDefinitionNotFound" => "the policy is not assigned in this subscription",
        "SubscriptionNotFound" => "the subscription does not exist or Evidence cannot see it",
        _ => null,
    };

    /// <summary>The first sentence of a longer text: a rule's note says what it checks in its first sentence.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        while (end > 0 && (text[..end].EndsWith("i.e", StringComparison.Ordinal) || text[..end].EndsWith("e.g", StringComparison.Ordinal)))
        {
            end = text.IndexOf(". ", end + 2, StringComparison.Ordinal);
        }

        return (end < 0 ? text : text[..(end + 1)]).Trim();
    }
}
