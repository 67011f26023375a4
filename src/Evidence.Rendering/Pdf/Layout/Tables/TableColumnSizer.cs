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

    private readonly StyledText scratch = new();

    public double[] Size(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> sample, double available)
    {
        var count = columns.Count;
        var hinted = columns.Any(c => c.RelativeWidth is > 0);
        var padding = 2 * Typography.CellPaddingX;
        var preferred = new double[count];
        var minimum = new double[count];
        var naturals = new double[sample.Count];
        for (var c = 0; c < count; c++)
        {
            var (header, headerWord) = Measure([new TextRun(columns[c].Header)], FontFace.Bold);
            var word = Math.Min(headerWord, HeaderWordCap);
            for (var r = 0; r < sample.Count; r++)
            {
                var (natural, longest) = c < sample[r].Count ? Measure(sample[r][c].Content, FontFace.Regular) : (0, 0);
                naturals[r] = Math.Min(natural, available);
                word = Math.Max(word, natural <= ShortValue ? natural : hinted ? 0 : Math.Min(longest, WordCap));
            }

            preferred[c] = Math.Max(header, Percentile(naturals, 0.75)) + padding;
            minimum[c] = word + padding;
        }

        return Fit(hinted ? Hints(columns) : preferred, minimum, available);
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
}
