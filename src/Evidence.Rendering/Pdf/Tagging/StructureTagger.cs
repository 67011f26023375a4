using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace Evidence.Rendering.Pdf.Tagging;

/// <summary>
/// Follows the layout as it draws and notes, in each page's content stream, where the content of each
/// structure element starts and ends. The block renderers open and close elements around what they
/// draw; the text painter reports every string it draws, and the first one for an element writes a
/// marker comment (after closing any text object, so marked content never straddles one). PDFsharp's
/// own accessibility manager cannot do this: it refuses drawing on a page after the next one has begun,
/// which the running headers and page references drawn after layout need. When a page ends
/// with an element still open, its marked content ends there and starts again on the next page.
/// <see cref="StructureTreeWriter"/> later turns the markers into marked-content operators and builds
/// the tree. Anything drawn outside a content-holding element (rules, fills, running headers, repeated
/// table headers) is left unmarked and becomes an artifact.
/// </summary>
internal sealed class StructureTagger
{
    /// <summary>The comment that opens an element's marked content; the element's id follows.</summary>
    public const string BeginMarker = "evidence-tag ";

    /// <summary>The comment that closes it.</summary>
    public const string EndMarker = "evidence-tag-end";

    private readonly List<StructureNode>? nodes;
    private readonly Stack<StructureNode?> open = new();
    private StructureNode? active;
    private XGraphics? activeGraphics;
    private int opened;
    private readonly Dictionary<int, string> alts = [];

    /// <summary>
    /// A tagger that keeps every element it opens, for the tree; with <paramref name="keepsNodes"/> false (a layout that
    /// only measures, where nothing is marked) elements still open and close in pairs but are not kept: a large binder
    /// opens more than a million.
    /// </summary>
    public StructureTagger(bool keepsNodes = true)
    {
        nodes = keepsNodes ? [] : null;
        Content = new MarkedContent(this);
    }

    /// <summary>Each page's marked content, as its streams are finished.</summary>
    public MarkedContent Content { get; }

    /// <summary>The Document element: the root of everything tagged.</summary>
    public StructureNode Root { get; } = new(-1, "Document", holdsContent: false, parent: null) { Attached = true };

    /// <summary>Gives a figure its alternative text.</summary>
    public void SetAlt(StructureNode node, string alt) => alts[node.Id] = alt;

    /// <summary>A figure's alternative text; null for any other element.</summary>
    public string? AltOf(StructureNode node) => alts.GetValueOrDefault(node.Id);

    /// <summary>Every node opened, by id (a marker names a node by its index here).</summary>
    public IReadOnlyList<StructureNode> Nodes => nodes ?? [];

    /// <summary>The element that owns what is drawn now; null inside an artifact or a grouping element.</summary>
    public StructureNode? Owner => open.Count > 0 && open.Peek() is { HoldsContent: true } node ? node : null;

    /// <summary>The innermost open grouping element (the Document when none is open); null inside an artifact.</summary>
    public StructureNode? Group => open.FirstOrDefault(n => n is null || !n.HoldsContent, Root);

    /// <summary>Opens an element under the innermost open grouping element (a leaf open around it does not take it as a child).</summary>
    public StructureNode Begin(string role, bool holdsContent = true) => Begin(role, holdsContent, Group);

    /// <summary>
    /// Opens an element under <paramref name="parent"/>: a heading is drawn only when the block after it
    /// asks for room, perhaps inside that block's table or list, but belongs where it was written.
    /// </summary>
    public StructureNode Begin(string role, bool holdsContent, StructureNode? parent)
    {
        var node = new StructureNode(opened++, role, holdsContent, parent);
        nodes?.Add(node);
        // Inside an artifact the node is opened, so that Begin and End still pair, but never drawn as content.
        open.Push(parent is null ? null : node);
        return node;
    }

    /// <summary>Opens again an element that is already known (a table cell drawn in several passes).</summary>
    public void Resume(StructureNode node) => open.Push(open.Count > 0 && open.Peek() is null ? null : node);

    /// <summary>Opens an artifact: what is drawn until the matching <see cref="End"/> is decoration, repeated or not part of the text.</summary>
    public void BeginArtifact() => open.Push(null);

    public void End()
    {
        var closed = open.Pop();
        if (closed is not null && closed == active)
        {
            Close();
        }
    }

    /// <summary>Ends any marked content on <paramref name="graphics"/> before its page is closed.</summary>
    public void PageClosing(XGraphics graphics)
    {
        if (activeGraphics == graphics)
        {
            Close();
        }
    }

    /// <summary>Called before text is drawn on <paramref name="graphics"/>: starts the marked content of the element that owns it, if not started.</summary>
    public void Mark(XGraphics graphics)
    {
        var owner = Owner;
        if (active is not null && (active != owner || activeGraphics != graphics))
        {
            Close();
        }

        if (owner is null || active is not null)
        {
            return;
        }

        Attach(owner);
        PdfRendererExtensions.BeginGraphicMode(graphics);
        graphics.WriteComment(BeginMarker + owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        active = owner;
        activeGraphics = graphics;
    }

    private void Close()
    {
        PdfRendererExtensions.BeginGraphicMode(activeGraphics!);
        activeGraphics!.WriteComment(EndMarker);
        active = null;
        activeGraphics = null;
    }

    private static void Attach(StructureNode node)
    {
        if (node.Attached || node.Parent is null)
        {
            return;
        }

        Attach(node.Parent);
        node.Parent.Add(node);
        node.Attached = true;
    }
}
