using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfTableTests
{
    private static readonly string[] Headers = ["Account", "Region", "Resource type", "Resource id", "Annotation"];

    [Fact]
    public void ATableOf5000RowsSpansPagesAndEveryPageAfterTheFirstStartsWithTheHeaderRow()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new[] { $"row-{i:D5}", "us-east-1", "AWS::S3::Bucket", Build.Arn(70, i), $"Logging is disabled end-{i:D5}" });
        var document = Build.Document(Build.Heading(1, "Failing resources"), Build.Table(Headers, rows));

        using var pdf = Rendered.Write(document);

        var pages = pdf.Pages.ToList();
        Assert.True(pages.Count > 20);
        Assert.Equal("Account Region Resource type Resource id Annotation", Rendered.BodyLines(pages[0])[1]);
        Assert.All(pages.Skip(1), page => Assert.Equal("Account Region Resource type Resource id Annotation", Rendered.BodyLines(page)[0]));
    }

    [Fact]
    public void ARowIsNeverSplitAcrossPages()
    {
        var rows = Enumerable.Range(0, 600).Select(i => new[] { $"row-{i:D5}", "eu-west-1", "AWS::EC2::Instance", Build.Arn(90, i), $"Public IP with open port 22 and no flow logs; {new string('x', i % 40)} end-{i:D5}" });

        using var pdf = Rendered.Write(Build.Document(Build.Table(Headers, rows)));

        var firstPageOf = new Dictionary<string, int>();
        foreach (var page in pdf.Pages)
        {
            foreach (var word in page.GetWords().Where(w => w.Text.StartsWith("row-", StringComparison.Ordinal) || w.Text.StartsWith("end-", StringComparison.Ordinal)))
            {
                firstPageOf.TryAdd(word.Text, page.Number);
            }
        }

        Assert.All(Enumerable.Range(0, 600), i => Assert.Equal(firstPageOf[$"row-{i:D5}"], firstPageOf[$"end-{i:D5}"]));
    }

    [Fact]
    public void AnEmptyTableShowsItsHeaderAndSaysItHasNoRows()
    {
        var document = Build.Document(Build.Paragraph("Before"), Build.Table(Headers, []), Build.Paragraph("After"));

        using var pdf = Rendered.Write(document);

        Assert.Equal(["Before", "Account Region Resource type Resource id Annotation", "No rows.", "After"], Rendered.BodyLines(pdf.Pages.Single()));
    }

    [Fact]
    public void ColumnsAreAsWideAsTheirContentNeeds()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new[] { "us-east-1", $"A long annotation that explains in many words why resource {i} fails the encryption rule." });

        using var pdf = Rendered.Write(Build.Document(Build.Table(["Region", "Annotation"], rows)));

        var words = pdf.Pages.Single().GetWords().ToList();
        var region = words.First(w => w.Text == "us-east-1").BoundingBox;
        var annotation = words.First(w => w.Text == "A").BoundingBox;
        Assert.InRange(annotation.Left - region.Right, 0, 40);
        Assert.Equal(20, words.Count(w => w.Text == "us-east-1"));
    }

    [Fact]
    public void RelativeWidthsShareTheWidthInProportion()
    {
        TableColumn[] columns = [new("Narrow") { RelativeWidth = 1 }, new("Wide") { RelativeWidth = 3 }];
        var table = new Table(columns, [[TableCell.Of("left"), TableCell.Of("right")]]);

        using var pdf = Rendered.Write(Build.Document(table));

        var words = pdf.Pages.Single().GetWords().ToList();
        var wide = words.First(w => w.Text == "Wide").BoundingBox.Left;
        Assert.InRange(wide, 54 + (504 / 4.0), 54 + (504 / 4.0) + 4);
    }

    [Fact]
    public void AWidthHintNeverBreaksAShortValueOrAHeaderWord()
    {
        TableColumn[] columns = [new("Account") { RelativeWidth = 1 }, new("Items") { RelativeWidth = 1 }, new("Annotation") { RelativeWidth = 40 }];
        var table = new Table(columns, [[TableCell.Of("210987654321"), TableCell.Of("624"), TableCell.Of("Bucket allows public read access.")]]);

        using var pdf = Rendered.Write(Build.Document(table));

        var words = pdf.Pages.Single().GetWords().Select(w => w.Text).ToList();
        Assert.Contains("210987654321", words);
        Assert.Contains("Items", words);
        Assert.Contains("624", words);
    }

    [Fact]
    public void TheTableHeaderRowIsKeptWithItsFirstRow()
    {
        var blocks = Build.Filler(47).Append(Build.Table(Headers, [["row-00001", "us-east-1", "AWS::S3::Bucket", "bucket", "end"]])).ToArray();

        using var pdf = Rendered.Write(Build.Document(blocks));

        var headerPage = pdf.Pages.First(p => Rendered.BodyLines(p).Any(l => l.StartsWith("Account", StringComparison.Ordinal)));
        Assert.Contains(Rendered.BodyLines(headerPage), l => l.StartsWith("row-00001", StringComparison.Ordinal));
    }
}
