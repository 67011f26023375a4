using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>The one section: US Letter, one-inch margins, the running header and footer.</summary>
internal static class DocxSection
{
    public static W.SectionProperties Build() => new(
        new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = DocxParts.HeaderId },
        new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = DocxParts.FooterId },
        new W.PageSize { Width = DocxLayout.PageWidth, Height = DocxLayout.PageHeight },
        new W.PageMargin
        {
            Top = DocxLayout.Margin,
            Right = DocxLayout.Margin,
            Bottom = DocxLayout.Margin,
            Left = DocxLayout.Margin,
            Header = DocxLayout.HeaderDistance,
            Footer = DocxLayout.HeaderDistance,
            Gutter = 0,
        },
        new W.Columns { Space = "720" },
        new W.DocGrid { LinePitch = 360 });
}
