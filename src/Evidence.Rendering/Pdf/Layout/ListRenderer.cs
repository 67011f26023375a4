using System.Globalization;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Bulleted and numbered lists: each item's blocks indented, its marker on its first line.</summary>
internal sealed class ListRenderer(LayoutContext context)
{
    private int depth;

    public void Render(ListBlock list, Action<Block> renderBlock)
    {
        var flow = context.Flow;
        flow.Indent(Typography.ListIndent);
        depth++;
        flow.Tags.Begin("L", holdsContent: false);
        try
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                flow.Marker = list.Ordered ? (i + 1).ToString(CultureInfo.InvariantCulture) + "." : Bullet();
                flow.Tags.Begin("LI", holdsContent: false);
                flow.Tags.Begin("LBody", holdsContent: false);
                foreach (var block in list.Items[i])
                {
                    renderBlock(block);
                }

                flow.Tags.End();
                flow.Tags.End();
                flow.Marker = null;
            }
        }
        finally
        {
            flow.Tags.End();
            depth--;
            flow.Outdent();
        }

        flow.AddSpace(Typography.ParagraphSpacing - 3);
    }

    private string Bullet() => depth % 2 == 1 ? "\u2022" : "\u2013";
}
