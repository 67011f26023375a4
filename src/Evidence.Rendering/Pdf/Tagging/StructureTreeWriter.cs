using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;

namespace Evidence.Rendering.Pdf.Tagging;

/// <summary>
/// Makes the PDF tagged: turns the layout's marker comments into marked content (each page's unmarked
/// content wrapped as an artifact), and writes the structure tree with its parent tree, the link
/// annotations as Link elements of the paragraph or cell that holds their text, and
/// <c>/MarkInfo &lt;&lt;/Marked true&gt;&gt;</c>. Runs before anything hashes the pages' content.
/// </summary>
internal sealed class StructureTreeWriter(PdfDocument pdf, StructureTagger tagger)
{
    // A large binder has an element per table cell, over a million: what is kept per element is kept
    // in arrays by node id, not in an object or a dictionary entry each. Almost every element has one
    // piece of marked content; the pieces after the first, when it crosses pages, are kept apart.
    private readonly (int Page, int Mcid)[] firstContent = Unmarked(tagger.Nodes.Count);
    private readonly Dictionary<int, List<(int Page, int Mcid)>> moreContent = [];
    private readonly PdfDictionary?[] elements = new PdfDictionary?[tagger.Nodes.Count];
    private readonly Dictionary<string, PdfName> roles = new(StringComparer.Ordinal);
    private readonly PdfName structElem = new("/StructElem");
    private readonly PdfArray nums = new();
    private readonly Dictionary<StructureNode, List<PdfAnnotation>> links = [];
    private readonly List<(PdfAnnotation Annotation, PdfDictionary Link)> linkElements = [];

    /// <param name="annotations">Each link annotation with the id of the element its text was drawn in (-1 for none).</param>
    public void Write(IEnumerable<(PdfAnnotation Annotation, int Node)> annotations)
    {
        foreach (var (annotation, node) in annotations.Where(a => a.Node >= 0 && tagger.Nodes[a.Node].Attached))
        {
            Links(tagger.Nodes[node]).Add(annotation);
        }

        var pages = new List<List<StructureNode>>();
        for (var i = 0; i < pdf.PageCount; i++)
        {
            pages.Add(MarkPage(i));
        }

        var root = Add(new PdfDictionary(pdf));
        root.Elements.SetName("/Type", "/StructTreeRoot");
        var document = Element(tagger.Root, root);
        root.Elements.SetReference("/K", document);

        // The parent tree maps each page's marked content (by MCID) and each link annotation back to its element.
        var key = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Count == 0)
            {
                continue;
            }

            var parents = new PdfArray(pdf);
            foreach (var node in pages[i])
            {
                parents.Elements.Add(elements[node.Id]!.Reference!);
            }

            pdf.Pages[i].Elements.SetInteger("/StructParents", key);
            nums.Elements.Add(new PdfInteger(key++));
            nums.Elements.Add(parents);
        }

        foreach (var (annotation, link) in linkElements)
        {
            annotation.Elements.SetInteger("/StructParent", key);
            nums.Elements.Add(new PdfInteger(key++));
            nums.Elements.Add(link.Reference!);
        }

        var parentTree = new PdfDictionary(pdf);
        parentTree.Elements["/Nums"] = nums;
        root.Elements["/ParentTree"] = parentTree;
        root.Elements.SetInteger("/ParentTreeNextKey", key);

        var catalog = pdf.Internals.Catalog;
        catalog.Elements.SetReference("/StructTreeRoot", root);
        var markInfo = new PdfDictionary(pdf);
        markInfo.Elements.SetBoolean("/Marked", true);
        catalog.Elements["/MarkInfo"] = markInfo;
    }

    private static (int Page, int Mcid)[] Unmarked(int count)
    {
        var result = new (int Page, int Mcid)[count];
        Array.Fill(result, (-1, 0));
        return result;
    }

    private PdfName Role(string role) => roles.TryGetValue(role, out var name) ? name : roles[role] = new PdfName("/" + role);

    private void AddContent(StructureNode node, int page, int mcid)
    {
        if (firstContent[node.Id].Page < 0)
        {
            firstContent[node.Id] = (page, mcid);
        }
        else
        {
            (moreContent.TryGetValue(node.Id, out var list) ? list : moreContent[node.Id] = []).Add((page, mcid));
        }
    }

    private List<PdfAnnotation> Links(StructureNode node) => links.TryGetValue(node, out var list) ? list : links[node] = [];

    private PdfDictionary Add(PdfDictionary dictionary)
    {
        pdf.Internals.AddObject(dictionary);
        return dictionary;
    }

    private PdfDictionary Element(StructureNode node, PdfDictionary parent)
    {
        var element = Add(new PdfDictionary(pdf));
        if (node.Id >= 0)
        {
            elements[node.Id] = element;
        }

        // Names are immutable: one instance of each serves every element.
        element.Elements["/Type"] = structElem;
        element.Elements["/S"] = Role(node.Role);
        element.Elements.SetReference("/P", parent);
        if (node.Alt is { } alt)
        {
            element.Elements["/Alt"] = new PdfString(alt, PdfStringEncoding.Unicode);
        }

        if (node.Scope is { } scope)
        {
            var attributes = new PdfDictionary(pdf);
            attributes.Elements.SetName("/O", "/Table");
            attributes.Elements.SetName("/Scope", "/" + scope);
            element.Elements["/A"] = attributes;
        }

        var kids = new PdfArray(pdf);
        if (node.Id >= 0 && firstContent[node.Id] is { Page: >= 0 } first)
        {
            var firstPage = first.Page;
            element.Elements.SetReference("/Pg", pdf.Pages[firstPage]);
            kids.Elements.Add(new PdfInteger(first.Mcid));
            foreach (var (page, mcid) in moreContent.TryGetValue(node.Id, out var more) ? more : [])
            {
                if (page == firstPage)
                {
                    kids.Elements.Add(new PdfInteger(mcid));
                    continue;
                }

                var reference = new PdfDictionary(pdf);
                reference.Elements.SetName("/Type", "/MCR");
                reference.Elements.SetReference("/Pg", pdf.Pages[page]);
                reference.Elements.SetInteger("/MCID", mcid);
                kids.Elements.Add(reference);
            }
        }

        foreach (var child in node.Children ?? [])
        {
            kids.Elements.Add(Element(child, element).Reference!);
        }

        if (links.TryGetValue(node, out var annotations))
        {
            foreach (var annotation in annotations)
            {
                var link = Add(new PdfDictionary(pdf));
                link.Elements.SetName("/Type", "/StructElem");
                link.Elements.SetName("/S", "/Link");
                link.Elements.SetReference("/P", element);
                var target = new PdfDictionary(pdf);
                target.Elements.SetName("/Type", "/OBJR");
                target.Elements.SetReference("/Obj", annotation);
                link.Elements["/K"] = target;
                kids.Elements.Add(link.Reference!);
                linkElements.Add((annotation, link));
            }
        }

        element.Elements["/K"] = kids;
        return element;
    }

    /// <summary>Rewrites the page's content streams; returns the element of each MCID, in order.</summary>
    private List<StructureNode> MarkPage(int index)
    {
        var owners = new List<StructureNode>();
        foreach (var stream in Streams(pdf.Pages[index].Elements["/Contents"]))
        {
            stream.Stream.TryUncompress();
            var text = Encoding.Latin1.GetString(stream.Stream.Value);
            stream.Stream.Value = Deflate(Encoding.Latin1.GetBytes(Rewrite(text, index, owners)));
            stream.Elements.SetName("/Filter", "/FlateDecode");
        }

        return owners;
    }

    // Everything outside an element's markers is an artifact: the markers only ever sit between
    // graphics objects (the tagger ends any text object first), so the wrapping nests properly.
    private string Rewrite(string text, int page, List<StructureNode> owners)
    {
        var result = new StringBuilder(text.Length + 64);
        result.Append("/Artifact BMC\n");
        var position = 0;
        while (true)
        {
            var marker = text.IndexOf("% " + StructureTagger.BeginMarker.TrimEnd(), position, StringComparison.Ordinal);
            if (marker < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            var lineEnd = text.IndexOf('\n', marker);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            result.Append(text, position, marker - position);
            var comment = text[(marker + 2)..lineEnd].TrimEnd('\r');
            if (comment == StructureTagger.EndMarker)
            {
                result.Append("EMC\n/Artifact BMC");
            }
            else
            {
                var node = tagger.Nodes[int.Parse(comment[StructureTagger.BeginMarker.Length..], CultureInfo.InvariantCulture)];
                var mcid = owners.Count;
                owners.Add(node);
                AddContent(node, page, mcid);
                result.Append(CultureInfo.InvariantCulture, $"EMC\n/{node.Role} <</MCID {mcid}>> BDC");
            }

            position = lineEnd;
        }

        result.Append("\nEMC\n");
        return result.ToString();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static IEnumerable<PdfDictionary> Streams(PdfItem? contents) => contents switch
    {
        PdfReference reference => Streams(reference.Value),
        PdfArray array => array.Elements.SelectMany(Streams),
        PdfDictionary { Stream: not null } dictionary => [dictionary],
        _ => [],
    };
}
