using Evidence.Rendering.Templates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Evidence.Rendering.Tests.Pdf.Tagging;

/// <summary>
/// The sample SSP is a tagged PDF: a structure tree in reading order with headings, paragraphs, lists,
/// tables with column headers, the contents and links, every piece of page content either marked for
/// its element or an artifact, and each marked piece found again through the parent tree.
/// </summary>
public sealed class PdfTaggingTests
{
    private static readonly string[] Cells = ["/TH", "/TD"];
    private static readonly string[] TableParts = ["/THead", "/TBody", "/Caption"];
    private static readonly string[] TableSections = ["/THead", "/TBody"];
    private static readonly string[] Blocks = ["/H1", "/H2", "/H3", "/P", "/L", "/LI", "/LBody", "/Table", "/THead", "/TBody", "/TR", "/TH", "/TD", "/Caption", "/TOC", "/TOCI", "/Link", "/Figure"];

    private static readonly Lazy<byte[]> Ssp = new(() =>
        Rendered.WriteBytes(SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document));

    [Fact]
    public void TheSspIsMarkedAndItsTreeHoldsEveryKindOfBlock()
    {
        using var pdf = new TaggedPdf(Ssp.Value);

        var markInfo = TaggedPdf.Resolve(pdf.Catalog.Elements["/MarkInfo"])!;
        Assert.True(markInfo.Elements.GetBoolean("/Marked"));
        Assert.Equal("en-US", pdf.Catalog.Elements.GetString("/Lang"));
        var root = TaggedPdf.Resolve(pdf.Catalog.Elements["/StructTreeRoot"])!;
        Assert.Equal("/Document", TaggedPdf.Role(TaggedPdf.Resolve(root.Elements["/K"])!));
        var roles = pdf.Elements().Select(TaggedPdf.Role).ToHashSet();
        Assert.Superset(Blocks.ToHashSet(), roles);
    }

    [Fact]
    public void HeaderCellsHeadTheirColumnAndRowsHoldOnlyCells()
    {
        using var pdf = new TaggedPdf(Ssp.Value);
        var elements = pdf.Elements();

        Assert.All(elements.Where(e => TaggedPdf.Role(e) == "/TH"), th =>
        {
            var attributes = TaggedPdf.Resolve(th.Elements["/A"])!;
            Assert.Equal("/Table", attributes.Elements.GetName("/O"));
            Assert.Equal("/Column", attributes.Elements.GetName("/Scope"));
        });
        Assert.All(elements.Where(e => TaggedPdf.Role(e) == "/TR"), tr =>
            Assert.All(TaggedPdf.Kids(tr).Select(TaggedPdf.Resolve), cell => Assert.Contains(TaggedPdf.Role(cell!), Cells)));
        Assert.All(elements.Where(e => TaggedPdf.Role(e) == "/Table"), table =>
            Assert.All(TaggedPdf.Kids(table).Select(TaggedPdf.Resolve), kid => Assert.Contains(TaggedPdf.Role(kid!), TableParts)));
        Assert.All(elements.Where(e => TableSections.Contains(TaggedPdf.Role(e))), section =>
            Assert.All(TaggedPdf.Kids(section).Select(TaggedPdf.Resolve), kid => Assert.Equal("/TR", TaggedPdf.Role(kid!))));
        Assert.All(elements.Where(e => TaggedPdf.Role(e) == "/THead"), head =>
            Assert.All(TaggedPdf.Kids(head).SelectMany(tr => TaggedPdf.Kids(TaggedPdf.Resolve(tr)!)).Select(TaggedPdf.Resolve), cell => Assert.Equal("/TH", TaggedPdf.Role(cell!))));
        Assert.Contains(elements, e => TaggedPdf.Role(e) == "/THead");
    }

    [Fact]
    public void EveryMarkedPieceOfEveryPageLeadsBackToItsElement()
    {
        using var pdf = new TaggedPdf(Ssp.Value);
        var parentTree = TaggedPdf.Resolve(TaggedPdf.Resolve(pdf.Catalog.Elements["/StructTreeRoot"])!.Elements["/ParentTree"])!;
        var nums = parentTree.Elements.GetArray("/Nums")!.Elements;
        var marked = 0;
        for (var i = 0; i < pdf.Document.PageCount; i++)
        {
            var page = pdf.Document.Pages[i];
            var (mcids, balanced) = pdf.Marks(i);
            Assert.True(balanced, $"page {i + 1}: marked-content operators do not pair up");
            Assert.Equal(Enumerable.Range(0, mcids.Count), mcids);
            if (mcids.Count == 0)
            {
                continue;
            }

            var key = page.Elements.GetInteger("/StructParents");
            var at = Enumerable.Range(0, nums.Count / 2).Single(n => ((PdfInteger)nums[2 * n]).Value == key);
            var parents = (PdfArray)nums[(2 * at) + 1];
            Assert.Equal(mcids.Count, parents.Elements.Count);
            for (var mcid = 0; mcid < mcids.Count; mcid++)
            {
                var element = TaggedPdf.Resolve(parents.Elements[mcid])!;
                Assert.Contains(TaggedPdf.Kids(element), kid => Marks(kid, element, page, mcid));
            }

            marked += mcids.Count;
        }

        Assert.True(marked > 1000, $"only {marked} marked pieces in the sample SSP");
    }

    [Fact]
    public void EveryLinkIsALinkElementThatPointsAtItsAnnotation()
    {
        using var pdf = new TaggedPdf(Ssp.Value);
        var links = pdf.Elements().Where(e => TaggedPdf.Role(e) == "/Link").ToList();

        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            var targets = TaggedPdf.Kids(link).Select(TaggedPdf.Resolve).Where(k => k?.Elements.GetName("/Type") == "/OBJR").ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, target =>
            {
                var annotation = TaggedPdf.Resolve(target!.Elements["/Obj"])!;
                Assert.Equal("/Link", annotation.Elements.GetName("/Subtype"));
                Assert.True(annotation.Elements.ContainsKey("/StructParent"));
                Assert.Equal(4, annotation.Elements.GetInteger("/F"));
            });
        });
    }

    [Fact]
    public void ALinkElementHoldsItsLinkText()
    {
        using var pdf = new TaggedPdf(Ssp.Value);
        var elements = pdf.Elements();
        var entries = elements.Where(e => TaggedPdf.Role(e) == "/TOCI").ToList();

        // Every contents entry reads as its link, and links in the text hold their words too, not only the annotation.
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            var link = Assert.Single(TaggedPdf.Kids(entry).Select(TaggedPdf.Resolve));
            Assert.Equal("/Link", TaggedPdf.Role(link!));
            Assert.Contains(TaggedPdf.Kids(link!), kid => kid is PdfInteger);
        });
        Assert.Contains(elements, e => TaggedPdf.Role(e) == "/Link" && TaggedPdf.Resolve(e.Elements["/P"]) is { } parent
            && TaggedPdf.Role(parent) != "/TOCI" && TaggedPdf.Kids(e).Any(kid => kid is PdfInteger));
    }

    // A kid names marked content on the page by MCID: a bare number on the element's own page, or a marked-content reference.
    private static bool Marks(PdfItem kid, PdfDictionary element, PdfPage page, int mcid) => kid switch
    {
        PdfInteger number => number.Value == mcid && SamePage(element.Elements["/Pg"], page),
        _ => TaggedPdf.Resolve(kid) is { } reference && reference.Elements.GetName("/Type") == "/MCR"
            && reference.Elements.GetInteger("/MCID") == mcid && SamePage(reference.Elements["/Pg"], page),
    };

    private static bool SamePage(PdfItem? item, PdfPage page) => item is PdfReference reference && reference.ObjectID == page.Reference!.ObjectID;
}
