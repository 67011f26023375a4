using System.Globalization;
using Evidence.Rendering.Documents;

namespace Evidence.Benchmarks.Docx;

/// <summary>
/// A binder-shaped document with one large table of failing resources, produced lazily the way the
/// real binder reads rows from disk: account, region, resource type, a long ARN, an annotation.
/// </summary>
internal static class SyntheticBinder
{
    private static readonly string[] Regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"];

    private static readonly (string Type, string Service)[] Types =
    [
        ("AWS::S3::Bucket", "s3"),
        ("AWS::EC2::Volume", "ec2"),
        ("AWS::RDS::DBInstance", "rds"),
        ("AWS::IAM::Role", "iam"),
        ("AWS::Lambda::Function", "lambda"),
    ];

    private static readonly string[] Annotations =
    [
        "Server-side encryption is not enabled.",
        "The volume is not encrypted with a customer managed key.",
        "Automated backups are disabled; retention period is 0 days.",
        "The role trusts an external account without an external id condition.",
        "Function URL allows unauthenticated invocation (AuthType NONE).",
    ];

    public static Document Create(long rows) => new(
        new DocumentInfo
        {
            Title = "Evidence Binder",
            SystemName = "Acme Health Portal",
            Author = "Acme Health",
            Subject = "HIPAA Security Rule evidence",
            GeneratedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
            CustomProperties = [new("EvidenceRunId", "20261120T060000Z"), new("ManifestSha256", new string('a', 64))],
        },
        [
            new CoverPage("Evidence Binder", "Acme Health Portal", [new("System", "Acme Health Portal"), new("As of", "2026-11-21 09:00 UTC")]),
            new TableOfContents(3),
            new Heading(1, [new TextRun("164.312(a)(2)(iv) Encryption and decryption")], "encryption"),
            new Paragraph([new TextRun("Resources that failed the encryption rules at the as-of instant.")]),
            new Table(
            [
                new TableColumn("Account") { RelativeWidth = 1.3 },
                new TableColumn("Region") { RelativeWidth = 1 },
                new TableColumn("Resource type") { RelativeWidth = 1.6 },
                new TableColumn("Resource") { RelativeWidth = 4 },
                new TableColumn("Annotation") { RelativeWidth = 3 },
            ], Rows(rows))
            {
                Caption = "Failing resources",
                RowCount = rows,
            },
        ]);

    private static IEnumerable<IReadOnlyList<TableCell>> Rows(long count)
    {
        for (long i = 0; i < count; i++)
        {
            var account = (123456789000 + (i % 37)).ToString(CultureInfo.InvariantCulture);
            var region = Regions[i % Regions.Length];
            var (type, service) = Types[i % Types.Length];
            var arn = $"arn:aws:{service}:{region}:{account}:{service}-resource/acme-health-phi-workload-{i:D8}/{Guidish(i)}";
            yield return
            [
                TableCell.Of(account),
                TableCell.Of(region),
                TableCell.Of(type),
                new TableCell([new TextRun(arn) { Code = true }]),
                TableCell.Of(Annotations[i % Annotations.Length]),
            ];
        }
    }

    /// <summary>A deterministic 32-hex-digit tail so ids do not compress unrealistically well.</summary>
    private static string Guidish(long i)
    {
        var x = (ulong)i * 0x9E3779B97F4A7C15UL;
        var y = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9UL;
        return x.ToString("x16", CultureInfo.InvariantCulture) + y.ToString("x16", CultureInfo.InvariantCulture);
    }
}
