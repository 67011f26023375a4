namespace Evidence.Rendering.Pdf.Tagging;

/// <summary>
/// One element of the PDF structure tree (a heading, a paragraph, a table cell...) as the layout meets
/// it. A node that holds content owns what is drawn while it is innermost; a grouping node (a table, a
/// row, a list) only holds other nodes. A node joins the tree when its first content is drawn, so
/// nodes that end up with nothing on any page leave no empty element behind.
/// </summary>
internal sealed class StructureNode(int id, string role, bool holdsContent, StructureNode? parent)
{
    public int Id => id;

    /// <summary>The standard structure type without its slash: <c>H1</c>, <c>P</c>, <c>TD</c>...</summary>
    public string Role => role;

    public bool HoldsContent => holdsContent;

    public StructureNode? Parent => parent;

    /// <summary>Whether the node is in the tree: it, or something below it, has content on a page.</summary>
    public bool Attached { get; set; }

    /// <summary>The child elements, in reading order; null for a leaf, which most are (a million table cells in a large binder).</summary>
    public List<StructureNode>? Children { get; private set; }

    /// <summary>
    /// For a header cell, <c>Column</c>: a table here has one header row, whose cells head their columns. Derived, not
    /// kept: a large binder has over two million nodes, and every field costs each of them (a figure's alternative text
    /// is kept by the tagger for the same reason).
    /// </summary>
    public string? Scope => role == "TH" ? "Column" : null;

    public void Add(StructureNode child) => (Children ??= []).Add(child);
}
