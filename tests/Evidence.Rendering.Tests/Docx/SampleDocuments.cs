using System.Globalization;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>Documents built in code for the DOCX tests: one with every kind of block, and tables of any size.</summary>
internal static class SampleDocuments
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A 300-character ARN: one unbroken token that must survive as text.</summary>
    public static readonly string LongArn = ("arn:aws:s3:::" + string.Concat(Enumerable.Repeat("acme-health-phi-archive-", 13)))[..300];

    public static DocumentInfo Info => new()
    {
        Title = "Evidence Binder",
        SystemName = "Acme Health Portal",
        Author = "Acme Health",
        Subject = "HIPAA Security Rule evidence",
        Keywords = ["HIPAA", "evidence"],
        GeneratedAt = AsOf,
        CustomProperties =
        [
            new("EvidenceRunId", "20261120T060000Z"),
            new("ManifestSha256", "9f2c4e1ab3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7"),
        ],
    };

    /// <summary>Every block and inline kind the model has, and a table of <paramref name="rows"/> rows.</summary>
    public static Document EveryBlock(int rows = 3000) => new(Info,
    [
        new CoverPage("Evidence Binder", "Acme Health Portal", [new("System", "Acme Health Portal"), new("As of", "2026-11-21 09:00 UTC")]),
        new TableOfContents(3),
        new Heading(1, [new TextRun("Administrative safeguards")], "admin"),
        new Paragraph(
        [
            new TextRun("Plain, "),
            new TextRun("bold") { Bold = true },
            new TextRun(", "),
            new TextRun("italic") { Italic = true },
            new TextRun(" and "),
            new TextRun("arn:aws:iam::123456789012:role/Admin") { Code = true },
            new TextRun(". See "),
            new Link("#access-control", [new TextRun("access control")]),
            new TextRun(" and "),
            new Link("https://www.hhs.gov/hipaa/for-professionals/security/index.html", [new TextRun("the Security Rule")]),
            new LineBreak(),
            new TextRun("A second line."),
        ]),
        new Heading(2, [new TextRun("164.308(a)(1) Security management process")], "security-management"),
        new ListBlock(false,
        [
            [new Paragraph([new TextRun("Risk analysis")])],
            [new Paragraph([new TextRun("Risk management")]), new ListBlock(true, [[new Paragraph([new TextRun("Nested step")])]])],
        ]),
        new ListBlock(true, [[new Paragraph([new TextRun("First")])], [new Paragraph([new TextRun("Second")])]]),
        new Heading(3, [new TextRun("Query")], "query"),
        new CodeBlock("SELECT resourceId\n  WHERE configuration.encrypted = false\n"),
        new ThematicBreak(),
        new Paragraph([new TextRun("Not collected: the Azure subscription was unreachable.")]) { Style = ParagraphStyle.Callout },
        new Paragraph([new TextRun("SHA-256 9f2c4e1a...")]) { Style = ParagraphStyle.Small },
        new PageBreak(),
        new Heading(1, [new TextRun("Technical safeguards")], "technical"),
        new Heading(2, [new TextRun("Access control")], "access-control"),
        new Heading(4, [new TextRun("A fourth-level heading")], "deep"),
        new Heading(2, [new TextRun("Not in the outline")], "unlisted") { InOutline = false },
        FailingResources(rows),
        new Paragraph([new TextRun("Figure 1: failing resources")]) { Style = ParagraphStyle.Caption },
    ]);

    /// <summary>A table of failing resources, produced lazily as the binder's rows are.</summary>
    public static Table FailingResources(int rows, Action? onEnumerate = null) =>
        new(
        [
            new TableColumn("Account") { RelativeWidth = 1.2 },
            new TableColumn("Region") { RelativeWidth = 1 },
            new TableColumn("Resource type") { RelativeWidth = 1.5 },
            new TableColumn("Resource") { RelativeWidth = 4 },
            new TableColumn("Age (days)") { Alignment = ColumnAlignment.Right },
        ],
        Rows(rows, onEnumerate))
        {
            Caption = "Failing resources",
            RowCount = rows,
        };

    private static IEnumerable<IReadOnlyList<TableCell>> Rows(int count, Action? onEnumerate)
    {
        onEnumerate?.Invoke();
        for (var i = 0; i < count; i++)
        {
            var id = i == 0 ? LongArn : $"arn:aws:s3:::acme-phi-{i.ToString("D6", CultureInfo.InvariantCulture)}";
            yield return
            [
                TableCell.Of("123456789012"),
                TableCell.Of("us-east-1"),
                TableCell.Of("AWS::S3::Bucket"),
                new TableCell([new TextRun(id) { Code = true }]),
                TableCell.Of((i % 400).ToString(CultureInfo.InvariantCulture)),
            ];
        }
    }
}
