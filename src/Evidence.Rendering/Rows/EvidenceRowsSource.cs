using Evidence.Core.Store;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Rows;

/// <summary>
/// Answers <c>```rows</c> blocks from a workspace's evidence runs: each becomes a table over the results
/// files of its items (one, or several separated by spaces: a rule's failures across an organisation's sources).
/// </summary>
public sealed class EvidenceRowsSource(IReadOnlyList<EvidenceRun> runs) : IRowsSource
{
    private readonly Dictionary<string, EvidenceRun> _runs = runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);

    // A run of an organisation holds hundreds of thousands of items: look them up by id, built once per run asked.
    private readonly Dictionary<string, Dictionary<string, EvidenceItem>> _items = new(StringComparer.Ordinal);

    public Table Table(RowsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var run = _runs.GetValueOrDefault(spec.Run)
            ?? throw new MarkdownException(spec.Line, $"```rows names run '{spec.Run}', which is not in the workspace's evidence store");
        var columns = spec.Columns.Select(name => RowColumn.Find(name)
            ?? throw new MarkdownException(spec.Line, $"```rows asks for column '{name}'; the columns are {string.Join(", ", RowColumn.All.Select(c => c.Name))}")).ToList();
        var paths = new List<string>();
        long count = 0;
        foreach (var id in spec.Item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = Items(run).GetValueOrDefault(id)
                ?? throw new MarkdownException(spec.Line, $"```rows names item '{id}', which run {spec.Run} does not hold");
            var results = item.Results
                ?? throw new MarkdownException(spec.Line, $"```rows names item '{id}' of run {spec.Run}, which has no result rows (it was not collected, or nothing failed in its summary)");
            paths.Add(Path.Combine(run.Directory, results.Path));
            count += spec.Filter switch
            {
                "non-compliant" => item.Counts.NonCompliant,
                "compliant" => item.Counts.Compliant ?? 0,
                _ => item.Rows,
            };
        }

        return new Table(
            columns.Select(c => new TableColumn(c.Header) { RelativeWidth = c.Width }).ToList(),
            new ResultRowCells(paths, spec.Filter, columns))
        {
            Caption = spec.Caption,
            RowCount = count,
        };
    }

    private Dictionary<string, EvidenceItem> Items(EvidenceRun run)
    {
        if (!_items.TryGetValue(run.RunId, out var items))
        {
            items = _items[run.RunId] = run.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        }

        return items;
    }
}
