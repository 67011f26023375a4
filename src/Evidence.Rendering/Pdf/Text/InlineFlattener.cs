using System.Text;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>Turns inline content into a <see cref="StyledText"/>, or into plain text for bookmarks and the TOC.</summary>
internal static class InlineFlattener
{
    public static void Flatten(IReadOnlyList<Inline> content, StyledText target, FontFace baseFace)
    {
        foreach (var inline in content)
        {
            Append(inline, target, baseFace, link: -1);
        }
    }

    private static void Append(Inline inline, StyledText target, FontFace baseFace, int link)
    {
        switch (inline)
        {
            case TextRun run:
                target.Append(run.Text, Face(baseFace, run), link);
                break;
            case Link { Content: var content, Target: var destination }:
                var index = link >= 0 ? link : target.AddLink(destination);
                foreach (var child in content)
                {
                    Append(child, target, baseFace, index);
                }

                // An internal link names the page it leads to, so a reader of the printed document can follow it too.
                if (link < 0 && destination.StartsWith('#'))
                {
                    var face = Face(baseFace, new TextRun(string.Empty));
                    target.Append(" ", face);
                    target.Append(Layout.PageReference.Placeholder, face, target.AddLink(Layout.PageReference.Marker + destination));
                }

                break;
            case LineBreak:
                target.AppendLineBreak(baseFace);
                break;
        }
    }

    private static FontFace Face(FontFace baseFace, TextRun run)
    {
        if (run.Code || baseFace == FontFace.Mono)
        {
            return FontFace.Mono;
        }

        var bold = run.Bold || baseFace is FontFace.Bold or FontFace.BoldItalic;
        var italic = run.Italic || baseFace is FontFace.Italic or FontFace.BoldItalic;
        return (bold, italic) switch
        {
            (true, true) => FontFace.BoldItalic,
            (true, false) => FontFace.Bold,
            (false, true) => FontFace.Italic,
            _ => FontFace.Regular,
        };
    }
}
