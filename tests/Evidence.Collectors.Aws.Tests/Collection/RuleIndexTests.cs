using Evidence.Collectors.Aws.Collection;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>The bulk plan's indexed rule lookup answers what the scanning matcher answers, on every naming a deployment uses.</summary>
public sealed class RuleIndexTests
{
    private static readonly DeployedRule[] Deployed =
    [
        new("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "111111111111"),
        new("iam-user-mfa-enabled-conformance-pack-abc123", "IAM_USER_MFA_ENABLED", "111111111111"),
        new("my-own-rds-check", "RDS_SNAPSHOT_ENCRYPTED", "111111111111"),
        new("rds-snapshot-encrypted-conformance-pack-x-conformance-pack-y", null, "111111111111"),
        new("quarterly-access-review", "AWS_CONFIG_PROCESS_CHECK", "111111111111"),
        new("incident-drill", "AWS_CONFIG_PROCESS_CHECK", "111111111111"),
        new("Custom_Rule", null, null),
        new("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "222222222222"),
        new("ebs-snapshot-public-restorable-check-conformance-pack", "EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK", null),
    ];

    public static TheoryData<string, string?> Queries() => new()
    {
        { "S3_BUCKET_PUBLIC_READ_PROHIBITED", null },
        { "IAM_USER_MFA_ENABLED", null },
        { "IAM_USER_MFA_ENABLED", "iam-user-mfa-enabled" },
        { "RDS_SNAPSHOT_ENCRYPTED", null },
        { "RDS_SNAPSHOT_ENCRYPTED", "rds-snapshot-encrypted-conformance-pack-x" },
        { "AWS_CONFIG_PROCESS_CHECK", null },
        { "AWS_CONFIG_PROCESS_CHECK", "quarterly-access-review" },
        { "Custom_Rule", null },
        { "EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK", null },
        { "NOT_DEPLOYED_ANYWHERE", "nothing" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void TheIndexMatchesWhatTheScanMatches(string rule, string? packName)
    {
        var index = new RuleIndex(Deployed);

        var expected = RuleMatcher.Match(Deployed, rule, packName);

        Assert.Equal(expected, index.Match(rule, packName));
        Assert.Equal(Deployed.Where(r => expected.Contains(r.Name)), index.Matching(rule, packName));
    }

    [Fact]
    public void AProcessCheckWithANameMatchesThatNameAloneAndWithoutOneEveryProcessCheck()
    {
        var index = new RuleIndex(Deployed);

        Assert.Equal(["quarterly-access-review"], index.Match("AWS_CONFIG_PROCESS_CHECK", "quarterly-access-review"));
        Assert.Equal(["incident-drill", "quarterly-access-review"], index.Match("AWS_CONFIG_PROCESS_CHECK", null));
    }
}
