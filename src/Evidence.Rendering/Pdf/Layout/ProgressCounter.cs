namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Counts blocks, rows and pages and tells the caller's progress sink on each page and every 1,000 rows.</summary>
internal sealed class ProgressCounter(IProgress<RenderProgress>? sink)
{
    private const int RowsPerReport = 1000;

    private int blocks;
    private long rows;
    private int pages;

    public void Block() => blocks++;

    public void Page()
    {
        pages++;
        Report();
    }

    public void Row()
    {
        if (++rows % RowsPerReport == 0)
        {
            Report();
        }
    }

    public void Report() => sink?.Report(new RenderProgress(blocks, rows, pages));
}
