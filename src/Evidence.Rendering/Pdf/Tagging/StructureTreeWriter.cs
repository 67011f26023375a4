using Evidence.Rendering.Pdf.Finishing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Evidence.Rendering.Pdf.Tagging;

/// <summary>
/// Makes the PDF tagged: the structure tree with its parent tree, the link annotations as Link elements
/// of the paragraph or cell that holds their text, and <c>/MarkInfo &lt;&lt;/Marked true&gt;&gt;</c>. The page
/// content was marked as it was finished (<see cref="MarkedContent"/>). A large binder has an element
/// per table cell, over a million: as PDFsharp objects they would double the memory and the time of the
/// save, so the elements are written after PDFsharp has saved the rest, as an incremental update, one
/// after the other, keeping only numbers. <see cref="Prepare"/> runs before the save: it numbers the
/// parent tree's keys into the pages and annotations, and puts a placeholder root in the catalog, which
/// <see cref="Append"/> writes again in full with the elements.
/// </summary>
internal sealed class StructureTreeWriter(PdfDocument pdf, StructureTagger tagger)
{
    private readonly MarkedContent content = tagger.Content;
    private readonly Dictionary<int, List<PdfAnnotation>> links = [];
    private readonly Dictionary<int, PdfStringObject> alts = [];
    private readonly List<int> markedPages = [];
    private PdfDictionary? root;

    // Object numbers, given once PDFsharp has saved: each element's by node id, and the Link elements' in tree order.
    private int[] numbers = [];
    private readonly List<(PdfAnnotation Annotation, int Number)> linkElements = [];

    /// <param name="annotations">Each link annotation with the id of the element its text was drawn in (-1 for none).</param>
    public void Prepare(IEnumerable<(PdfAnnotation Annotation, int Node)> annotations)
    {
        foreach (var (annotation, node) in annotations.Where(a => a.Node >= 0 && tagger.Nodes[a.Node].Attached))
        {
            (links.TryGetValue(node, out var list) ? list : links[node] = []).Add(annotation);
        }

        // Keys of the parent tree: one per page with marked content, then one per link annotation, in tree order.
        for (var i = 0; i < pdf.PageCount; i++)
        {
            if (content.Owners(i).Count > 0)
            {
                pdf.Pages[i].Elements.SetInteger("/StructParents", markedPages.Count);
                markedPages.Add(i);
            }
        }

        var key = markedPages.Count;
        Visit(tagger.Root, node =>
        {
            if (tagger.AltOf(node) is { } alt)
            {
                // Indirect, so PDFsharp encrypts it with the rest when the binder has a password.
                var text = new PdfStringObject(alt, PdfStringEncoding.Unicode);
                pdf.Internals.AddObject(text);
                alts[node.Id] = text;
            }

            foreach (var annotation in links.TryGetValue(node.Id, out var list) ? list : [])
            {
                annotation.Elements.SetInteger("/StructParent", key++);
            }
        });

        root = new PdfDictionary(pdf);
        pdf.Internals.AddObject(root);
        root.Elements.SetName("/Type", "/StructTreeRoot");
        if (alts.Count > 0)
        {
            // Keeps the alternative texts in the saved file; the root written by Append replaces this one.
            var held = new PdfArray(pdf);
            foreach (var text in alts.Values)
            {
                held.Elements.Add(text.Reference!);
            }

            root.Elements["/EvidenceAltTexts"] = held;
        }

        var catalog = pdf.Internals.Catalog;
        catalog.Elements.SetReference("/StructTreeRoot", root);
        var markInfo = new PdfDictionary(pdf);
        markInfo.Elements.SetBoolean("/Marked", true);
        catalog.Elements["/MarkInfo"] = markInfo;
    }

    /// <summary>Appends the structure tree to the PDF just saved to <paramref name="output"/>.</summary>
    public void Append(RevisionStream output)
    {
        var writer = new RevisionWriter(output);
        numbers = new int[tagger.Nodes.Count];
        // Numbered in the order they are written: each element, its Link elements, then its children.
        var document = writer.Next;
        var next = document;
        Visit(tagger.Root, node =>
        {
            var number = next++;
            if (node.Id >= 0)
            {
                numbers[node.Id] = number;
            }

            foreach (var annotation in links.TryGetValue(node.Id, out var list) ? list : [])
            {
                linkElements.Add((annotation, node.Role == "Link" ? number : next++));
            }
        });

        var link = 0;
        var rootNumber = root!.Reference!.ObjectNumber;
        Visit(tagger.Root, node => WriteElement(writer, node, node.Id < 0 ? document : numbers[node.Id], node.Parent is { } parent ? Number(parent, document) : rootNumber, ref link));

        writer.BeginReplacement(rootNumber);
        writer.Append("<</Type/StructTreeRoot/K").Reference(document).Append("/ParentTree<</Nums[");
        for (var key = 0; key < markedPages.Count; key++)
        {
            writer.Append(key).Append("[");
            foreach (var owner in content.Owners(markedPages[key]))
            {
                writer.Reference(numbers[owner]);
            }

            writer.Append("]");
        }

        for (var i = 0; i < linkElements.Count; i++)
        {
            writer.Append(" ").Append(markedPages.Count + i).Reference(linkElements[i].Number);
        }

        writer.Append("]>>/ParentTreeNextKey ").Append(markedPages.Count + linkElements.Count).Append(">>");
        writer.EndObject();
        writer.Finish();
    }

    private int Number(StructureNode node, int document) => node.Id < 0 ? document : numbers[node.Id];

    private void WriteElement(RevisionWriter writer, StructureNode node, int number, int parent, ref int link)
    {
        var expected = writer.BeginObject();
        if (expected != number)
        {
            throw new InvalidOperationException($"structure element numbered {number} written as {expected}");
        }

        writer.Append("<</Type/StructElem/S/").Append(node.Role).Append("/P").Reference(parent);
        if (alts.TryGetValue(node.Id, out var alt))
        {
            writer.Append("/Alt").Reference(alt.Reference!.ObjectNumber);
        }

        if (node.Scope is { } scope)
        {
            writer.Append("/A<</O/Table/Scope/").Append(scope).Append(">>");
        }

        var first = node.Id >= 0 ? content.First(node.Id) : (Page: -1, Mcid: 0);
        if (first.Page >= 0)
        {
            writer.Append("/Pg").Reference(PageNumber(first.Page));
        }

        writer.Append("/K[");
        var pieces = first.Page < 0 ? [] : content.More(node.Id).Prepend(first).ToList();
        var done = 0;
        foreach (var child in node.Children ?? [])
        {
            // A child drawn inside this element's text (a Link) comes between the pieces before it and after it.
            var at = content.First(child.Id);
            while (at.Page >= 0 && done < pieces.Count && (pieces[done].Page, pieces[done].Mcid).CompareTo(at) < 0)
            {
                Piece(writer, pieces[done++], first.Page);
            }

            writer.Reference(numbers[child.Id]);
        }

        while (done < pieces.Count)
        {
            Piece(writer, pieces[done++], first.Page);
        }

        // A Link element holds its text and points at its annotations; any other element's links get a Link element each.
        var links = this.links.TryGetValue(node.Id, out var list) ? list : [];
        var own = node.Role == "Link";
        for (var i = 0; i < links.Count; i++)
        {
            if (own)
            {
                writer.Append("<</Type/OBJR/Obj").Reference(links[i].Reference!.ObjectNumber).Append(">>");
            }
            else
            {
                writer.Reference(linkElements[link + i].Number);
            }
        }

        writer.Append("]>>");
        writer.EndObject();
        if (own)
        {
            link += links.Count;
            return;
        }

        foreach (var annotation in links)
        {
            writer.BeginObject();
            writer.Append("<</Type/StructElem/S/Link/P").Reference(number).Append("/K<</Type/OBJR/Obj")
                .Reference(annotation.Reference!.ObjectNumber).Append(">>>>");
            writer.EndObject();
            link++;
        }
    }

    private void Piece(RevisionWriter writer, (int Page, int Mcid) piece, int firstPage)
    {
        if (piece.Page == firstPage)
        {
            writer.Append(" ").Append(piece.Mcid);
        }
        else
        {
            writer.Append("<</Type/MCR/Pg").Reference(PageNumber(piece.Page)).Append("/MCID ").Append(piece.Mcid).Append(">>");
        }
    }

    private int PageNumber(int index) => pdf.Pages[index].Reference!.ObjectNumber;

    // Depth first, which is reading order; the Document element (id -1) first.
    private static void Visit(StructureNode node, Action<StructureNode> action)
    {
        action(node);
        foreach (var child in node.Children ?? [])
        {
            Visit(child, action);
        }
    }
}
