using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Evidence.Rendering;
using Evidence.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Outline;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Cli.Tests.Sample;

/// <summary>
/// Issue 3 on the real sample: <c>evidence build</c> of samples/acme-health as of 2026-11-21T09:00:00Z,
/// read back with PdfPig and the Open XML SDK. Nothing here depends on what the evidence run holds
/// beyond the catalog's 68 citations, so a regenerated run changes the snapshots and nothing else.
/// </summary>
public sealed partial class BuildSampleTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    private const int Citations = 68;

    // The writer's page: US Letter with 0.75 in margins (PageGeometry.Letter), in points.
    private const double PageWidth = 612;
    private const double PageHeight = 792;
    private const double Margin = 54;

    // A glyph's ink may start left of its pen position by its negative side bearing (DejaVu Sans
    // 'J': 0.05 em, half a point at body size); layout that misplaces a glyph is off by far more.
    private static double Tolerance(Letter letter) => Math.Max(0.5, 0.06 * letter.PointSize);

    public static TheoryData<DocumentKind> Kinds => [DocumentKind.Ssp, DocumentKind.Binder];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryControlCitationIsInThePdfText(DocumentKind kind)
    {
        var citations = sample.Model.Controls.Select(c => c.Id).ToList();
        Assert.Equal(Citations, citations.Distinct().Count());

        using var pdf = PdfDocument.Open(sample.Bytes(kind, "pdf"));
        var text = string.Concat(pdf.GetPages().Select(p => PdfText.Squeezed(p)));

        var missing = citations.Where(c => !text.Contains(c, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheBookmarksMirrorTheHeadingsAndOpenTheirPages(DocumentKind kind)
    {
        using var pdf = PdfDocument.Open(sample.Bytes(kind, "pdf"));
        var pages = pdf.GetPages().ToList();
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));

        var expected = Outline(kind).Select(h => $"{h.Depth} {h.Title}");
        var actual = Flatten(bookmarks.Roots, 0).ToList();
        Assert.Equal(expected, actual.Select(b => $"{b.Depth} {b.Node.Title}"));

        var finder = new HeadingFinder(pages);
        foreach (var (heading, (_, node)) in Outline(kind).Zip(actual))
        {
            var page = finder.Find(heading.Title);
            var target = Assert.IsType<DocumentBookmarkNode>(node).PageNumber;
            Assert.True(target == page, $"bookmark '{node.Title}' opens page {target}, but its heading is on page {page}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachTocEntryShowsThePageWhereItsHeadingIs(DocumentKind kind)
    {
        using var pdf = PdfDocument.Open(sample.Bytes(kind, "pdf"));
        var pages = pdf.GetPages().ToList();
        var maxLevel = sample.TocLevel(kind);
        var headings = Outline(kind).Where(h => h.Level <= maxLevel).ToList();

        var entries = TocEntries(pages);

        Assert.Equal(headings.Select(h => PdfText.Squeeze(h.Title)), entries.Select(e => PdfText.Squeeze(e.Title)));
        var finder = new HeadingFinder(pages);
        var wrong = headings.Zip(entries)
            .Select(pair => (pair.First.Title, Shown: pair.Second.Page, Actual: finder.Find(pair.First.Title)))
            .Where(e => e.Shown != e.Actual)
            .Select(e => $"'{e.Title}' shows page {e.Shown} but is on page {e.Actual}");
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NoGlyphLiesOutsideThePageMargins(DocumentKind kind)
    {
        using var pdf = PdfDocument.Open(sample.Bytes(kind, "pdf"));

        var outside = pdf.GetPages()
            .SelectMany(page => page.Letters
                .Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < Margin - Tolerance(l)
                    || l.BoundingBox.Right > PageWidth - Margin + Tolerance(l)
                    || l.BoundingBox.Bottom < Margin - Tolerance(l)
                    || l.BoundingBox.Top > PageHeight - Margin + Tolerance(l))
                .Select(l => $"page {page.Number}: '{l.Value}' at {l.BoundingBox}"))
            .Take(20)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void TheBinderAttachesEveryIndexedFileWithItsRecordedSha256()
    {
        var indexed = sample.Model.EvidenceIndex.Where(e => e.File.Attachment is not null).ToList();
        Assert.NotEmpty(indexed);

        using var pdf = PdfDocument.Open(sample.Bytes(DocumentKind.Binder, "pdf"));

        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
        Assert.Equal(indexed.Select(e => e.File.Attachment!).Append("binder-index.json").Order(StringComparer.Ordinal), files.Select(f => f.Name).Order(StringComparer.Ordinal));
        var mismatched = indexed
            .Where(e => Convert.ToHexStringLower(SHA256.HashData(files.Single(f => f.Name == e.File.Attachment).Bytes.ToArray())) != e.File.Sha256)
            .Select(e => e.File.Attachment);
        Assert.Empty(mismatched);
    }

    [Fact]
    public void TheSspHasNoAttachments()
    {
        using var pdf = PdfDocument.Open(sample.Bytes(DocumentKind.Ssp, "pdf"));

        Assert.False(pdf.Advanced.TryGetEmbeddedFiles(out var files) && files.Count > 0);
    }

    [Fact]
    public void AnEncryptedBuildOpensOnlyWithThePassword()
    {
        const string password = "sample binder password";
        using var folder = new TempDirectory();
        var environment = new Dictionary<string, string> { ["EVIDENCE_TEST_PDF_PASSWORD"] = password };

        SampleBuild.Run(folder.Path, environment, "--only", "ssp", "--pdf-password-env", "EVIDENCE_TEST_PDF_PASSWORD");

        var bytes = File.ReadAllBytes(folder.Combine(SampleBuild.FileName(DocumentKind.Ssp, "pdf")));
        Assert.ThrowsAny<PdfDocumentEncryptedException>(() => PdfDocument.Open(bytes).GetPage(1));
        Assert.ThrowsAny<PdfDocumentEncryptedException>(() => PdfDocument.Open(bytes, new ParsingOptions { Password = "wrong" }).GetPage(1));
        using var pdf = PdfDocument.Open(bytes, new ParsingOptions { Password = password });
        Assert.Contains(sample.Model.Controls[0].Id, string.Concat(pdf.GetPages().Select(p => PdfText.Squeezed(p))), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheDocxHasNoValidationErrors(DocumentKind kind)
    {
        using var docx = OpenDocx(kind);

        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(docx, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .Take(20);

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DocxHeadingsUseWordsHeadingStyles(DocumentKind kind)
    {
        using var docx = OpenDocx(kind);
        var styled = docx.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: Visible(p)))
            .Where(p => p.Style is not null && p.Style.StartsWith("Heading", StringComparison.Ordinal) && !p.Style.EndsWith("Unlisted", StringComparison.Ordinal))
            .Select(p => $"{p.Style} {p.Text}");

        var expected = Outline(kind).Select(h => $"Heading{Math.Min(h.Level, 3)} {h.Title}");

        Assert.Equal(expected, styled);
        Assert.Equal(["Heading1", "Heading2", "Heading3"], Outline(kind).Select(h => $"Heading{Math.Min(h.Level, 3)}").Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DocxHasTocPageAndNumPagesFields(DocumentKind kind)
    {
        using var docx = OpenDocx(kind);
        var main = docx.MainDocumentPart!;
        var parts = new OpenXmlPart[] { main }.Concat(main.HeaderParts).Concat(main.FooterParts);

        var fields = parts
            .SelectMany(part => part.RootElement!.Descendants<W.FieldCode>().Select(f => f.Text)
                .Concat(part.RootElement.Descendants<W.SimpleField>().Select(f => f.Instruction?.Value ?? string.Empty)))
            .Select(instruction => instruction.Trim().Split(' ')[0])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(fields, new HashSet<string>(["TOC", "PAGE", "NUMPAGES"], StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DocxTableHeaderRowsRepeatOnEveryPage(DocumentKind kind)
    {
        using var docx = OpenDocx(kind);
        var tables = docx.MainDocumentPart!.Document.Body!.Descendants<W.Table>()
            .Where(t => t.GetFirstChild<W.TableProperties>()?.TableLook?.FirstRow?.Value == true)
            .ToList();

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ThePdfTextMatchesItsSnapshot(DocumentKind kind)
    {
        using var pdf = PdfDocument.Open(sample.Bytes(kind, "pdf"));
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.Append(CultureInfo.InvariantCulture, $"--- page {page.Number} ---\n");
            foreach (var line in PdfText.Lines(page))
            {
                text.Append(line).Append('\n');
            }
        }

        Snapshot.Match(text.ToString(), $"{Name(kind)}-pdf");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheDocxTextMatchesItsSnapshot(DocumentKind kind)
    {
        using var docx = OpenDocx(kind);
        var text = new StringBuilder();
        foreach (var element in docx.MainDocumentPart!.Document.Body!.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph paragraph:
                    text.Append(Visible(paragraph)).Append('\n');
                    break;
                case W.Table table:
                    foreach (var row in table.Elements<W.TableRow>())
                    {
                        text.Append("| ").AppendJoin(" | ", row.Elements<W.TableCell>().Select(c => string.Join(" / ", c.Elements<W.Paragraph>().Select(Visible)))).Append(" |\n");
                    }

                    break;
            }
        }

        Snapshot.Match(text.ToString(), $"{Name(kind)}-docx");
    }

    [Fact]
    public void TwoBuildsGiveByteIdenticalFiles()
    {
        using var second = new TempDirectory();

        SampleBuild.Run(second.Path);

        foreach (var kind in new[] { DocumentKind.Ssp, DocumentKind.Binder })
        {
            foreach (var extension in new[] { "pdf", "docx" })
            {
                Assert.True(
                    sample.Bytes(kind, extension).AsSpan().SequenceEqual(File.ReadAllBytes(second.Combine(SampleBuild.FileName(kind, extension)))),
                    $"{SampleBuild.FileName(kind, extension)} differs between two builds");
            }
        }
    }

    /// <summary>
    /// A paragraph's text as Word shows it: its text runs and tabs, without field instructions or the
    /// zero-width spaces that let a long identifier break.
    /// </summary>
    private static string Visible(W.Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            W.Text t => t.Text.Replace("\u200B", string.Empty, StringComparison.Ordinal),
            W.TabChar => "\t",
            _ => string.Empty,
        }));

    private static string Name(DocumentKind kind) => kind == DocumentKind.Ssp ? "ssp" : "binder";

    private WordprocessingDocument OpenDocx(DocumentKind kind) =>
        WordprocessingDocument.Open(new MemoryStream(sample.Bytes(kind, "docx")), isEditable: false);

    /// <summary>The headings that belong in the outline, each with its depth in the bookmark tree: under the nearest heading before it of a lower level.</summary>
    private List<(int Level, int Depth, string Title)> Outline(DocumentKind kind)
    {
        var open = new Stack<int>();
        var outline = new List<(int, int, string)>();
        foreach (var heading in sample.Headings(kind).Where(h => h.InOutline))
        {
            while (open.Count > 0 && open.Peek() >= heading.Level)
            {
                open.Pop();
            }

            outline.Add((heading.Level, open.Count, SampleBuild.Text(heading)));
            open.Push(heading.Level);
        }

        return outline;
    }

    private static IEnumerable<(int Depth, BookmarkNode Node)> Flatten(IEnumerable<BookmarkNode> nodes, int depth) =>
        nodes.SelectMany(n => Flatten(n.Children, depth + 1).Prepend((depth, n)));

    /// <summary>The entries of the table of contents, from the line "Contents" on: each title (joined when it wraps) and the page number it shows.</summary>
    private static List<(string Title, int Page)> TocEntries(IReadOnlyList<Page> pages)
    {
        var entries = new List<(string, int)>();
        // The contents may share a page with what comes before (a forced break on a page under half full is skipped).
        var start = pages.First(p => PdfText.BodyLines(p).Contains("Contents")).Number;
        foreach (var page in pages.Skip(start - 1))
        {
            var body = PdfText.BodyLines(page).ToList();
            var lines = page.Number == start ? body.Skip(body.IndexOf("Contents") + 1).ToList() : body;
            if (lines.Count == 0 || !lines.Any(l => TocLine().IsMatch(l)))
            {
                break;
            }

            var pending = string.Empty;
            foreach (var line in lines)
            {
                var match = TocLine().Match(line);
                if (match.Success)
                {
                    entries.Add((pending + match.Groups["title"].Value, int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture)));
                    pending = string.Empty;
                }
                else
                {
                    pending += line + " ";
                }
            }
        }

        return entries;
    }

    [GeneratedRegex(@"^(?<title>.*?) ?(?:\. ?){2,}(?<page>\d+)$")]
    private static partial Regex TocLine();

    /// <summary>
    /// Finds headings in document order by their size: the text of heading size on each page, searched
    /// from just after the heading found before, so a title that repeats ("Documents") is found in turn.
    /// </summary>
    private sealed class HeadingFinder(IReadOnlyList<Page> pages)
    {
        private readonly Dictionary<int, string> _text = [];
        private int _page;
        private int _offset;

        public int Find(string title)
        {
            var squeezed = PdfText.Squeeze(title);
            for (; _page < pages.Count; _page++, _offset = 0)
            {
                if (!_text.TryGetValue(_page, out var text))
                {
                    text = _text[_page] = PdfText.Squeezed(pages[_page], PdfText.SmallestHeading);
                }

                var at = text.IndexOf(squeezed, _offset, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _offset = at + squeezed.Length;
                    return pages[_page].Number;
                }
            }

            Assert.Fail($"heading '{title}' is not on any page after the headings before it");
            return 0;
        }
    }
}
