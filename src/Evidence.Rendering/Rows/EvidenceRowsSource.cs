using Evidence.Core.Store;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Rows;

/// <summary>Answers <c>```rows</c> blocks from a workspace's evidence runs: each becomes a table over the item's results file.</summary>
public sealed class EvidenceRowsSource(IReadOnlyList<EvidenceRun> runs) : IRowsSource
{
    private readonly Dictionary<string, EvidenceRun> _runs = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);

    public Table Table(RowsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var run = _runs.GetValueOrDefault(spec.Run)
            ?? throw new MarkdownException(spec.Line, $"```rows names run '{spec.Run}', which is not in the workspace's evidence store");
        var item = run.Items.FirstOrDefault(i => i.Id == spec.Item)
            ?? throw new MarkdownException(spec.Line, $"```rows names item '{spec.Item}', which run {spec.Run} does not hold");
        var results = item.Results
            ?? throw new MarkdownException(spec.Line, $"```rows names item '{spec.Item}' of run {spec.Run}, which has no result rows (it was not collected)");
        var columns = spec.Columns.Select(name => RowColumn.Find(name)
            ?? throw new MarkdownException(spec.Line, $"```rows asks for column '{name}'; the columns are {string.Join(", ", RowColumn.All.Select(c => c.Name))}")).ToList();
        var count = spec.Filter switch
        {
            "non-compliant" => item.Counts.NonCompliant,
            "compliant" => item.Counts.Compliant ?? 0,
            _ => item.Rows,
        };
        return new Table(
            columns.Select(c => new TableColumn(c.Header) { RelativeWidth = c.Width }).ToList(),
            new ResultRowCells(Path.Combine(run.Directory, results.Path), spec.Filter, columns))
        {
            Caption = spec.Caption,
            RowCount = count,
        };
    }
}
