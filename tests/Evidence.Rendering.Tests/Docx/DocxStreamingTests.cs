namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxStreamingTests
{
    [Fact]
    public void TableRowsAreEnumeratedExactlyOnce()
    {
        var enumerations = 0;
        var table = SampleDocuments.FailingResources(2500, () => enumerations++);

        DocxFile.Write(new Documents.Document(SampleDocuments.Info, [table]));

        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void ProgressIsReportedEveryThousandRowsAndAfterEachBlock()
    {
        var reports = new List<RenderProgress>();
        var document = new Documents.Document(SampleDocuments.Info, [SampleDocuments.FailingResources(2500), new Documents.ThematicBreak()]);

        DocxFile.Write(document, new SynchronousProgress(reports.Add));

        Assert.Equal(
        [
            new RenderProgress(0, 1000, 0),
            new RenderProgress(0, 2000, 0),
            new RenderProgress(1, 2500, 0),
            new RenderProgress(2, 2500, 0),
        ], reports);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the reports in order, now.</summary>
    private sealed class SynchronousProgress(Action<RenderProgress> report) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => report(value);
    }
}
