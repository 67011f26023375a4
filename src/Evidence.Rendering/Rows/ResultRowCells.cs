using System.Collections;
using Evidence.Core.Store;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Rows;

/// <summary>
/// The rows of results files (one after the other) as table cells, read line by line each time they are
/// enumerated: a writer can stream 200,000 rows without them ever being in memory together, and two writers
/// can read them in turn.
/// </summary>
internal sealed class ResultRowCells(IReadOnlyList<string> paths, string filter, IReadOnlyList<RowColumn> columns) : IEnumerable<IReadOnlyList<TableCell>>
{
    public IEnumerator<IReadOnlyList<TableCell>> GetEnumerator() =>
        paths.SelectMany(ResultRowFormat.Read).Where(Matches).Select(Cells).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool Matches(ResultRow row) => filter switch
    {
        "non-compliant" => row.Compliance == "NON_COMPLIANT",
        "compliant" => row.Compliance == "COMPLIANT",
        _ => true,
    };

    private IReadOnlyList<TableCell> Cells(ResultRow row)
    {
        var cells = new TableCell[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = columns[i].Value(row);
            cells[i] = TableCell.Of(string.IsNullOrEmpty(value) ? "–" : value);
        }

        return cells;
    }
}
