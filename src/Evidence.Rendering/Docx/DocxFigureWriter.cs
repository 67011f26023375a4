using System.Globalization;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Theme;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// A figure as an inline DrawingML picture, centred, at the size the PDF draws it, its alternative text as
/// the picture's description (<c>wp:docPr/@descr</c>, what Word reads aloud), kept on the page of its caption.
/// </summary>
internal sealed class DocxFigureWriter(DocxBodyContext context)
{
    // English Metric Units in a point.
    private const long EmuPerPoint = 12700;

    public void Write(Figure figure)
    {
        var (id, number) = context.Figures.Of(figure);
        var (width, height) = figure.Image.FitWithin(DocxLayout.TextWidth / 20.0, DocumentTheme.FigureMaxHeight);
        var cx = (long)Math.Round(width * EmuPerPoint);
        var cy = (long)Math.Round(height * EmuPerPoint);
        var name = string.Create(CultureInfo.InvariantCulture, $"Figure {number}");
        var alt = XmlText.Clean(figure.Alt);

        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)number, Name = name, Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = alt },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };

        var keep = figure.CaptionText is not null;
        var properties = new W.ParagraphProperties();
        if (keep)
        {
            properties.Append(new W.KeepNext());
        }

        properties.Append(
            new W.SpacingBetweenLines { Before = "0", After = DocxFormatting.Number(DocxLayout.Twips(keep ? DocumentTheme.FigureCaptionGap : DocumentTheme.ParagraphSpacing)) },
            new W.Justification { Val = W.JustificationValues.Center });
        context.StartParagraph(properties);
        context.Xml.WriteElement(new W.Run(new W.Drawing(inline)));
        context.Xml.WriteEndElement();
        if (figure.CaptionText is { } caption)
        {
            context.StartParagraph(DocxStyleIds.Caption);
            context.StartRun(null);
            context.WriteText(caption);
            context.Xml.WriteEndElement();
            context.Xml.WriteEndElement();
        }
    }
}
