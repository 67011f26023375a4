using Spectre.Console;

namespace Evidence.Cli.Output;

/// <summary>
/// A table: a bordered Spectre.Console table on a terminal, plain aligned columns otherwise (so pipes,
/// CI logs and tests get stable text).
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(CliContext context)
    {
        if (context.IsTerminal)
        {
            WriteSpectre(context);
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        context.Out.WriteLine(Line(headers, widths));
        context.Out.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in _rows)
        {
            context.Out.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private void WriteSpectre(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(c => (Spectre.Console.Rendering.IRenderable)new Markup(Colorize(c))).ToArray());
        }

        console.Write(table);
    }

    private static string Colorize(string cell)
    {
        var escaped = Markup.Escape(cell);
        return cell switch
        {
            "satisfied" => $"[green]{escaped}[/]",
            "partially satisfied" => $"[yellow]{escaped}[/]",
            "not satisfied" => $"[red]{escaped}[/]",
            _ when cell.StartsWith("missing", StringComparison.Ordinal) || cell.StartsWith("overdue", StringComparison.Ordinal) => $"[red]{escaped}[/]",
            _ => escaped,
        };
    }
}
