using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Rows;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Markdown;

public sealed class EvidenceRowsTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARowsBlockBecomesATableOverTheItemsResultsFile()
    {
        using var workspace = new WorkspaceBuilder();
        new RunBuilder(workspace.Root, Started).Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 3, nonCompliant: 2).Write();
        var runs = WorkspaceLoader.Load(workspace.Root).Runs;

        var table = Assert.IsType<Table>(Assert.Single(new MarkdownConverter(new EvidenceRowsSource(runs))
            .Convert("```rows\nrun: 20261120T060000Z\nitem: item-0001\ncolumns: account, region, resource_type, resource_id\n```")));

        Assert.Equal(["Account", "Region", "Resource type", "Resource id"], table.Columns.Select(c => c.Header));
        Assert.Equal(2, table.RowCount);
        var rows = table.Rows.Select(r => r.Select(c => ((TextRun)c.Content[0]).Text).ToList()).ToList();
        Assert.Equal(["111122223333", "us-east-1", "AWS::S3::Bucket", "non-compliant-1"], rows[0]);
        Assert.Equal("non-compliant-2", rows[1][3]);
    }

    [Fact]
    public void RowsAreReadFromDiskEachTimeTheTableIsEnumeratedNotHeldInMemory()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, Started).Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 1, nonCompliant: 2).Write();
        var table = new EvidenceRowsSource(WorkspaceLoader.Load(workspace.Root).Runs)
            .Table(new RowsSpec("20261120T060000Z", "item-0001", "all", ["resource_id"], null, 1));
        Assert.Equal(3, table.Rows.Count());

        File.AppendAllText(Path.Combine(run, "results", "item-0001.jsonl"), "{\"resource_type\":\"AWS::S3::Bucket\",\"resource_id\":\"late\",\"compliance\":\"COMPLIANT\"}\n");

        Assert.IsNotAssignableFrom<System.Collections.ICollection>(table.Rows);
        Assert.Equal("late", ((TextRun)table.Rows.Last()[0].Content[0]).Text);
    }

    [Fact]
    public void AnnotationsAreRedactedAsTheyAreRead()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, Started).Collected("aws-config/IAM_USER_MFA_ENABLED", compliant: 0, nonCompliant: 0).Write();
        File.WriteAllText(Path.Combine(run, "results", "item-0001.jsonl"),
            "{\"resource_type\":\"AWS::IAM::User\",\"resource_id\":\"u\",\"compliance\":\"NON_COMPLIANT\",\"annotation\":\"key AKIAIOSFODNN7EXAMPLE owned by jane@example.org\"}\n");
        var table = new EvidenceRowsSource(WorkspaceLoader.Load(workspace.Root, verifyHashes: false).Runs)
            .Table(new RowsSpec("20261120T060000Z", "item-0001", "all", ["annotation"], null, 1));

        var annotation = ((TextRun)table.Rows.Single()[0].Content[0]).Text;

        Assert.Equal("key [REDACTED: aws-access-key-id] owned by [REDACTED: email]", annotation);
    }

    [Theory]
    [InlineData("run: 19990101T000000Z\nitem: item-0001", "run '19990101T000000Z', which is not in the workspace's evidence store")]
    [InlineData("run: 20261120T060000Z\nitem: item-9999", "item 'item-9999', which run 20261120T060000Z does not hold")]
    [InlineData("run: 20261120T060000Z\nitem: item-0002", "has no result rows (it was not collected, or nothing failed in its summary)")]
    [InlineData("run: 20261120T060000Z\nitem: item-0001\ncolumns: resource_id, colour", "column 'colour'")]
    public void ARowsBlockThatNamesNothingCollectedIsAnError(string body, string message)
    {
        using var workspace = new WorkspaceBuilder();
        new RunBuilder(workspace.Root, Started).Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").Failed("aws-config/IAM_USER_MFA_ENABLED").Write();
        var converter = new MarkdownConverter(new EvidenceRowsSource(WorkspaceLoader.Load(workspace.Root).Runs));

        var error = Assert.Throws<MarkdownException>(() => converter.Convert($"Intro\n\n```rows\n{body}\n```"));

        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
