using System.Text;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Tests.Markdown;

public sealed class MarkdownDocumentWriterTests
{
    private const string Source = """
        ```cover
        title: System Security Plan
        subtitle: Acme
        As of: 2026-11-21 09:00 UTC
        ```

        [[toc 2]]

        <!-- pagebreak -->

        # Summary {#summary}

        Text with *italic*, **bold**, `code`, a [link](#summary) and a break\
        here. Escapes: \*not italic\* and a \| pipe.

        > **Stale.** Evidence is old.

        <small>Fine print.</small>

        - one
        - two
          1. nested
          2. list

        Table: A caption

        | A | B |
        |---|--:|
        | x | `y` |

        ```
        code block
        ```

        ---

        ## Unlisted {#hidden .unlisted}
        """;

    [Fact]
    public void WhatTheWriterWritesReadsBackIntoTheSameDocument()
    {
        var first = Write(Document(new MarkdownConverter().Convert(Source)));

        var second = Write(Document(new MarkdownConverter().Convert(first)));

        Assert.Equal(first, second);
        Assert.Contains("{#hidden .unlisted}", first, StringComparison.Ordinal);
        Assert.Contains(@"\*not italic\*", first, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersAreNotWritten()
    {
        var document = Document([new Paragraph([new TextRun("nul\0 esc\u001b[31m del\u007f c1\u0085 bell\a end")])]);

        var text = Write(document);

        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\n');
        Assert.Contains("nul esc\\[31m del c1 bell end", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataAndAttachmentsAreWrittenAsFrontMatter()
    {
        var document = Document([new Paragraph([new TextRun("x")])]) with
        {
            Attachments = [new Attachment("20261120T060000Z/raw/aws-0001-1.json", "/nowhere", "ab12", "raw page")],
        };

        var text = Write(document);

        Assert.StartsWith("---\ntitle: \"System Security Plan\"\n", text, StringComparison.Ordinal);
        Assert.Contains("generated_at: 2026-11-21T09:00:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("  - name: \"20261120T060000Z/raw/aws-0001-1.json\"\n    sha256: ab12\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TableRowsAreStreamedAndReportedAsProgress()
    {
        var rows = Enumerable.Range(1, 25_000).Select(i => (IReadOnlyList<TableCell>)[TableCell.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var document = Document([new Table([new TableColumn("N")], rows) { RowCount = 25_000 }]);
        var reports = new List<RenderProgress>();

        var text = Write(document, new Recorder(reports));

        Assert.Contains("| 25000 |", text, StringComparison.Ordinal);
        Assert.Equal(25_000, reports[^1].Rows);
        Assert.Contains(reports, r => r.Rows == 10_000);
    }

    private static Document Document(IReadOnlyList<Block> blocks) => new(
        new DocumentInfo
        {
            Title = "System Security Plan", SystemName = "Acme", Author = "Acme Health, Inc.", Subject = "s",
            GeneratedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        },
        blocks);

    private static string Write(Document document, IProgress<RenderProgress>? progress = null)
    {
        using var stream = new MemoryStream();
        new MarkdownDocumentWriter().Write(document, stream, new RenderOptions(), progress);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class Recorder(List<RenderProgress> reports) : IProgress<RenderProgress>
    {
        public void Report(RenderProgress value) => reports.Add(value);
    }
}
