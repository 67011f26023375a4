using Evidence.Rendering.Documents;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Templates;

public sealed class SampleDocumentTests
{
    [Fact]
    public void TheSampleSspMatchesItsSnapshot()
    {
        var ssp = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model);

        Snapshot.Match(ssp.Markdown, "sample-ssp");
    }

    [Fact]
    public void TheSampleBinderMatchesItsSnapshot()
    {
        var binder = SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model);

        Snapshot.Match(binder.Markdown, "sample-binder");
    }

    [Fact]
    public void TheSspHasEverySectionTheIssueAsksFor()
    {
        var blocks = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document.Blocks;
        var anchors = blocks.OfType<Heading>().Select(h => h.Anchor).ToList();

        Assert.IsType<CoverPage>(blocks[0]);
        Assert.Contains(blocks, b => b is TableOfContents);
        string[] sections = ["document-control", "system-description", "boundary", "roles", "control-summary", "family-administrative", "family-technical"];
        Assert.Equal(sections, sections.Where(anchors.Contains));
        Assert.Equal(68, anchors.Count(a => a.StartsWith("control-1", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheBinderShowsNotCollectedAndStalePlainlyAndStreamsTheFailingRows()
    {
        var binder = SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model);
        var callouts = binder.Document.Blocks.OfType<Paragraph>().Where(p => p.Style == ParagraphStyle.Callout)
            .Select(p => string.Concat(p.Content.OfType<TextRun>().Select(r => r.Text))).ToList();
        var rowTables = binder.Document.Blocks.OfType<Table>().Where(t => t.Columns.Any(c => c.Header == "Annotation")).ToList();

        Assert.Contains(callouts, c => c.StartsWith("Not collected.", StringComparison.Ordinal) && c.Contains("CLOUDTRAIL_S3_DATAEVENTS_ENABLED", StringComparison.Ordinal));
        Assert.Contains(callouts, c => c.StartsWith("Stale.", StringComparison.Ordinal) && c.Contains("VPC_FLOW_LOGS_ENABLED", StringComparison.Ordinal));
        Assert.Equal(11, rowTables.Count);
        Assert.All(rowTables, t => Assert.IsNotType<List<IReadOnlyList<TableCell>>>(t.Rows));
        Assert.Contains(rowTables.SelectMany(t => t.Rows), r => r.Any(c => c.Content.OfType<TextRun>().Any(x => x.Text == "acme-legacy-exports")));
        Assert.Contains(binder.Document.Blocks.OfType<Heading>(), h => h.Anchor == "evidence-index");
    }

    [Fact]
    public void TheSameModelRendersTheSameMarkdown()
    {
        var first = SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model).Markdown;
        var second = SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model).Markdown;

        Assert.Equal(first, second);
    }
}
