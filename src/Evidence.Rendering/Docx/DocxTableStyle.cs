using Evidence.Rendering.Theme;
using static Evidence.Rendering.Docx.DocxFormatting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>The table styles: Word's default "Normal Table", and "Evidence Table", which every table uses.</summary>
internal static class DocxTableStyle
{
    private const string BorderColor = DocumentTheme.Rule;
    private const string HeaderShade = DocumentTheme.HeaderFill;
    private const string HeaderRule = DocumentTheme.Rule;

    /// <summary>The base of every table style; Word assumes it exists.</summary>
    public static W.Style TableNormal() => new(
        new W.StyleName { Val = "Normal Table" },
        new W.UIPriority { Val = 99 },
        new W.SemiHidden(),
        new W.UnhideWhenUsed(),
        new W.StyleTableProperties(
            new W.TableIndentation { Width = 0, Type = W.TableWidthUnitValues.Dxa },
            Margins(top: 0, side: 108)))
    {
        Type = W.StyleValues.Table,
        StyleId = "TableNormal",
        Default = true,
    };

    /// <summary>
    /// Thin grey grid, the PDF's cell padding (the column sizer counts it in each width), and a shaded bold first row. The shading comes from the
    /// style's first-row formatting, which applies when a table's look has <c>firstRow</c> set.
    /// </summary>
    public static W.Style EvidenceTable() => new(
        new W.StyleName { Val = "Evidence Table" },
        new W.BasedOn { Val = "TableNormal" },
        new W.UIPriority { Val = 59 },
        new W.PrimaryStyle(),
        new W.StyleTableProperties(
            new W.TableBorders(
                Line<W.TopBorder>(4, BorderColor),
                Line<W.LeftBorder>(4, BorderColor),
                Line<W.BottomBorder>(4, BorderColor),
                Line<W.RightBorder>(4, BorderColor),
                Line<W.InsideHorizontalBorder>(4, BorderColor),
                Line<W.InsideVerticalBorder>(4, BorderColor)),
            Margins(top: DocxLayout.Twips(DocumentTheme.CellPaddingY), side: DocxLayout.Twips(DocumentTheme.CellPaddingX))),
        new W.TableStyleProperties(
            new W.RunPropertiesBaseStyle(new W.Bold()),
            new W.TableStyleConditionalFormattingTableCellProperties(
                new W.TableCellBorders(Line<W.BottomBorder>(8, HeaderRule)),
                Shade(HeaderShade)))
        {
            Type = W.TableStyleOverrideValues.FirstRow,
        })
    {
        Type = W.StyleValues.Table,
        StyleId = DocxStyleIds.Table,
    };

    private static W.TableCellMarginDefault Margins(int top, int side) => new(
        new W.TopMargin { Width = Number(top), Type = W.TableWidthUnitValues.Dxa },
        new W.TableCellLeftMargin { Width = (short)side, Type = W.TableWidthValues.Dxa },
        new W.BottomMargin { Width = Number(top), Type = W.TableWidthUnitValues.Dxa },
        new W.TableCellRightMargin { Width = (short)side, Type = W.TableWidthValues.Dxa });
}
