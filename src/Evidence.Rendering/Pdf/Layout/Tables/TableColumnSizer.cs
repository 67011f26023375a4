using System.Runtime.CompilerServices;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout.Tables;

/// <summary>
/// Column widths from the header and a sample of the first rows, fitted to the width available.
/// Each column has a preferred width, the unbroken width of its typical long cell (the 75th
/// percentile, so a few outliers do not claim the page), and a minimum: its widest short value
/// (an account number, a region) kept whole, else the longest stretch the line breaker would
/// rather not break (a word, a piece of an id between punctuation), up to a cap beyond which
/// breaking is unavoidable. The width is shared in proportion to the preferred widths, no column
/// below its minimum. Hinted columns (<see cref="TableColumn.RelativeWidth"/>) share it in
/// proportion to their hints instead, a column without a hint among hinted ones counting as the
/// average hint; a hint still never breaks a header word or a short value (an account number
/// split over two lines reads as two numbers), so those minimums hold there too.
/// </summary>
internal sealed class TableColumnSizer(PdfFonts fonts)
{
    /// <summary>How many rows are measured: enough to see typical content, cheap for any table.</summary>
    public const int SampleSize = 300;

    private const double WordCap = 100;

    /// <summary>A value this narrow (an account number, a region, a status) is never broken.</summary>
    private const double ShortValue = 70;
    private const double HeaderWordCap = 150;

    // What a table's header and sample measure, kept as long as the table: a Word build lays the binder out as PDF for
    // its page numbers, then sizes the same tables again from the same rows, with the same fonts.
    private static readonly ConditionalWeakTable<Table, Measured> Cache = [];

    private readonly StyledText scratch = new();

    /// <summary>Widths in points for <paramref name="table"/>, whose first rows (up to <see cref="SampleSize"/>) are <paramref name="sample"/>.</summary>
    public double[] Size(Table table, IReadOnlyList<IReadOnlyList<TableCell>> sample, double available)
    {
        var columns = table.Columns;
        if (!Cache.TryGetValue(table, out var measured) || !ReferenceEquals(measured.Fonts, fonts) || measured.Rows != sample.Count)
        {
            measured = Measure(columns, sample);
            Cache.AddOrUpdate(table, measured);
        }

        var padding = 2 * Typography.CellPaddingX;
        var preferred = measured.Columns.Select(m => Math.Max(m.Header, Math.Min(m.Typical, available)) + padding).ToArray();
        var minimum = measured.Columns.Select(m => m.Word + padding).ToArray();
        return Fit(measured.Hinted ? Hints(columns) : preferred, minimum, available);
    }

    /// <summary>
    /// Each column's header width, its typical cell's unbroken width (the 75th percentile of the sample) and the widest
    /// stretch to keep whole. None depends on the width available, so one measure serves every page size.
    /// </summary>
    private Measured Measure(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> sample)
    {
        var hinted = columns.Any(c => c.RelativeWidth is > 0);
        var measures = new ColumnMeasure[columns.Count];
        var naturals = new double[sample.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var (header, headerWord) = Measure([new TextRun(columns[c].Header)], FontFace.Bold);
            var word = Math.Min(headerWord, HeaderWordCap);
            for (var r = 0; r < sample.Count; r++)
            {
                var (natural, longest) = c < sample[r].Count ? Measure(sample[r][c].Content, FontFace.Regular) : (0, 0);
                naturals[r] = natural;
                word = Math.Max(word, natural <= ShortValue ? natural : hinted ? 0 : Math.Min(longest, WordCap));
            }

            measures[c] = new ColumnMeasure(header, Percentile(naturals, 0.75), word);
        }

        return new Measured(fonts, sample.Count, hinted, measures);
    }

    private static double Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        return values[(int)Math.Ceiling(fraction * (values.Length - 1))];
    }

    private static double[] Fit(double[] preferred, double[] minimum, double available)
    {
        var sumMinimum = minimum.Sum();
        if (sumMinimum >= available)
        {
            return [.. minimum.Select(m => m * available / sumMinimum)];
        }

        // Share in proportion to preference; a column that would fall below its minimum is held
        // there and the rest share what remains, until no column is below its minimum.
        var widths = new double[preferred.Length];
        var held = new bool[preferred.Length];
        while (true)
        {
            var free = available - Enumerable.Range(0, widths.Length).Where(c => held[c]).Sum(c => minimum[c]);
            var wanted = Enumerable.Range(0, widths.Length).Where(c => !held[c]).Sum(c => preferred[c]);
            var changed = false;
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = held[c] ? minimum[c] : preferred[c] * free / wanted;
                if (!held[c] && widths[c] < minimum[c])
                {
                    held[c] = changed = true;
                }
            }

            if (!changed)
            {
                return widths;
            }
        }
    }

    private static double[] Hints(IReadOnlyList<TableColumn> columns)
    {
        var average = columns.Where(c => c.RelativeWidth is > 0).Average(c => c.RelativeWidth!.Value);
        return [.. columns.Select(c => c.RelativeWidth is > 0 ? c.RelativeWidth.Value : average)];
    }

    private (double Natural, double LongestWord) Measure(IReadOnlyList<Inline> content, FontFace face)
    {
        scratch.Reset(Typography.TableSize);
        InlineFlattener.Flatten(content, scratch, face);
        scratch.Measure(fonts);
        return (scratch.NaturalWidth(), scratch.LongestUnbreakable());
    }

    private readonly record struct ColumnMeasure(double Header, double Typical, double Word);

    private sealed record Measured(PdfFonts Fonts, int Rows, bool Hinted, ColumnMeasure[] Columns);
}
