using System.Globalization;
using Evidence.Rendering.Documents;

namespace Evidence.Benchmarks;

/// <summary>
/// A lazy, repeatable stream of failing-resource rows as a binder lists them: account or
/// subscription, region, resource type, resource id (long ARNs and Azure ids), annotation.
/// </summary>
internal static class FailingResourceRows
{
    private static readonly string[] Regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eastus", "westeurope"];

    private static readonly (string Type, string Service, string Path)[] AwsTypes =
    [
        ("AWS::EC2::Instance", "ec2", "instance/i-0{0:x16}"),
        ("AWS::EC2::Volume", "ec2", "volume/vol-0{0:x16}"),
        ("AWS::S3::Bucket", "s3", "acme-health-phi-archive-{0:D8}-replica"),
        ("AWS::RDS::DBInstance", "rds", "db:acme-health-patient-records-{0:D6}"),
        ("AWS::IAM::Role", "iam", "role/service-role/AcmeHealthIngestionPipelineExecutionRole-{0:D10}"),
        ("AWS::Lambda::Function", "lambda", "function:acme-health-hl7-normalizer-{0:D6}:$LATEST"),
    ];

    private static readonly string[] Annotations =
    [
        "Encryption at rest is not enabled.",
        "The resource is not tagged with a data classification.",
        "Default security group allows inbound traffic from 0.0.0.0/0 on port 22.",
        "Server access logging is disabled; requests to PHI cannot be audited.",
        "The DB instance is publicly accessible and its storage is not encrypted with a customer managed key.",
        "MFA is not enforced for the role's trust policy.",
    ];

    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Account / subscription"),
        new("Region"),
        new("Resource type"),
        new("Resource id"),
        new("Annotation"),
    ];

    public static IEnumerable<IReadOnlyList<TableCell>> Generate(long count)
    {
        for (long i = 0; i < count; i++)
        {
            var n = (ulong)i * 2654435761UL;
            var region = Regions[i % Regions.Length];
            var annotation = Annotations[(int)((n >> 7) % (ulong)Annotations.Length)];
            if (i % 5 == 4)
            {
                var subscription = string.Create(CultureInfo.InvariantCulture, $"6f1c{n % 10000:D4}-2b7e-4c1a-9f3d-{n % 1000000000000:D12}");
                var id = string.Create(CultureInfo.InvariantCulture, $"/subscriptions/{subscription}/resourceGroups/rg-acme-health-prod-{i % 40:D2}/providers/Microsoft.Compute/virtualMachines/vm-phi-worker-{i:D7}");
                yield return [TableCell.Of(subscription), TableCell.Of(region), TableCell.Of("Microsoft.Compute/virtualMachines"), Code(id), TableCell.Of(annotation)];
                continue;
            }

            var account = (100000000000 + (long)(n % 900000000000)).ToString(CultureInfo.InvariantCulture);
            var (type, service, path) = AwsTypes[(int)(n % (ulong)AwsTypes.Length)];
            var resource = string.Format(CultureInfo.InvariantCulture, path, i);
            var arn = "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
            yield return [TableCell.Of(account), TableCell.Of(region), TableCell.Of(type), Code(arn), TableCell.Of(annotation)];
        }
    }

    private static TableCell Code(string text) => new([new TextRun(text) { Code = true }]);
}
