using System.Globalization;
using DocumentFormat.OpenXml;
using Evidence.Rendering.Theme;
using static Evidence.Rendering.Docx.DocxFormatting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// The style sheet. A new package has no styles at all, so every style the body names is defined
/// here. Built-in styles keep Word's own names ("heading 1", "toc 1", "caption") so that Word
/// treats them as its built-ins: the TOC field collects "heading 1" to "heading 3".
/// </summary>
internal static class DocxStyles
{
    private const string Ink = DocumentTheme.Text;
    private const string Grey = DocumentTheme.Muted;
    private const string RuleGrey = DocumentTheme.Rule;
    private const string CodeShade = DocumentTheme.CodeFill;

    /// <summary>Word's single line is about 1.17 times the font size for the theme's font; the PDF's leading is relative to the size itself.</summary>
    private const double SingleLine = 1.17;

    public static W.Styles Build()
    {
        var styles = new W.Styles(Defaults());
        styles.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        styles.Append(ParagraphStyle(DocxStyleIds.Normal, "Normal", basedOn: null, primary: true));
        styles.Append(new W.Style(new W.StyleName { Val = "Default Paragraph Font" }, new W.UIPriority { Val = 1 }, new W.SemiHidden(), new W.UnhideWhenUsed())
        {
            Type = W.StyleValues.Character,
            StyleId = "DefaultParagraphFont",
            Default = true,
        });
        styles.Append(DocxTableStyle.TableNormal());
        styles.Append(DocxTableStyle.EvidenceTable());

        styles.Append(ParagraphStyle(DocxStyleIds.Title, "Title", primary: true, priority: 10,
            paragraph: Paragraph(before: 2400, after: 240, contextualSpacing: true),
            run: Run(color: Ink, bold: true, size: DocxLayout.HalfPoints(DocumentTheme.TitleSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.Subtitle, "Subtitle", primary: true, priority: 11,
            paragraph: Paragraph(after: 480),
            run: Run(color: Grey, size: DocxLayout.HalfPoints(DocumentTheme.SubtitleSize))));

        for (var level = 1; level <= 3; level++)
        {
            // As in the PDF: dark bold text, the top level ruled in the accent colour.
            var before = DocxLayout.Twips(DocumentTheme.HeadingSpaceBefore(level));
            var after = DocxLayout.Twips(DocumentTheme.HeadingSpaceAfter);
            var rule = level == 1 ? new W.ParagraphBorders(Line<W.BottomBorder>(6, DocumentTheme.Accent, space: 2)) : null;
            styles.Append(ParagraphStyle(DocxStyleIds.Heading(level), $"heading {level}", primary: true, priority: 9,
                paragraph: Paragraph(keepNext: true, keepLines: true, borders: rule, before: before, after: after, outlineLevel: level - 1),
                run: Run(bold: true, color: Ink, size: DocxLayout.HalfPoints(DocumentTheme.HeadingSize(level)))));
            styles.Append(ParagraphStyle(DocxStyleIds.UnlistedHeading(level), $"Heading {level} (not in contents)", basedOn: DocxStyleIds.Heading(level),
                paragraph: Paragraph(outlineLevel: 9)));
        }

        styles.Append(ParagraphStyle(DocxStyleIds.TocHeading, "TOC Heading", basedOn: DocxStyleIds.Heading(1), priority: 39,
            paragraph: Paragraph(outlineLevel: 9)));
        for (var level = 1; level <= 3; level++)
        {
            var tabs = new W.Tabs(new W.TabStop { Val = W.TabStopValues.Right, Leader = W.TabStopLeaderCharValues.Dot, Position = DocxLayout.TextWidth });
            styles.Append(ParagraphStyle(DocxStyleIds.Toc(level), $"toc {level}", priority: 39,
                paragraph: Paragraph(tabs: tabs, after: 60, indentLeft: (level - 1) * 220),
                run: level == 1 ? Run(bold: true) : null));
        }

        styles.Append(ParagraphStyle(DocxStyleIds.Caption, "caption", primary: true, priority: 35,
            paragraph: Paragraph(keepNext: true, before: 120, after: 60),
            run: Run(italic: true, color: Grey, size: DocxLayout.HalfPoints(DocumentTheme.CaptionSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.TableSpacer, "Space After Table",
            paragraph: Paragraph(before: 0, after: 0, line: DocxLayout.Twips(DocumentTheme.TableSpaceAfter), exactLine: true),
            run: Run(size: 2)));
        styles.Append(ParagraphStyle(DocxStyleIds.Small, "Small", run: Run(color: Grey, size: DocxLayout.HalfPoints(DocumentTheme.SmallSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.Callout, "Callout", primary: true,
            paragraph: Paragraph(keepLines: true, borders: new W.ParagraphBorders(Line<W.LeftBorder>(24, DocumentTheme.CalloutBar, space: 8)), shade: DocumentTheme.CalloutFill, before: 120, after: 120, indentLeft: 144, indentRight: 144)));
        styles.Append(ParagraphStyle(DocxStyleIds.Code, "Code Block",
            paragraph: Paragraph(shade: CodeShade, before: 60, after: 60, line: 240, contextualSpacing: true),
            run: Run(font: DocxLayout.MonospaceFont, noProof: true, size: DocxLayout.HalfPoints(DocumentTheme.CodeSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.ListParagraph, "List Paragraph", primary: true, priority: 34,
            paragraph: Paragraph(after: 60, indentLeft: 720)));
        styles.Append(ParagraphStyle(DocxStyleIds.Rule, "Horizontal Rule",
            paragraph: Paragraph(borders: new W.ParagraphBorders(Line<W.BottomBorder>(6, RuleGrey, space: 1)), after: 240),
            run: Run(size: 8)));

        // One right-aligned stop: the running text sits left, the marking and page number right.
        var runningTabs = new W.Tabs(new W.TabStop { Val = W.TabStopValues.Right, Position = DocxLayout.TextWidth });
        styles.Append(ParagraphStyle(DocxStyleIds.Header, "header", priority: 99,
            paragraph: Paragraph(borders: new W.ParagraphBorders(Line<W.BottomBorder>(4, RuleGrey, space: 4)), tabs: runningTabs, after: 0, line: 240),
            run: Run(color: Grey, size: DocxLayout.HalfPoints(DocumentTheme.RunningSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.Footer, "footer", priority: 99,
            paragraph: Paragraph(tabs: (W.Tabs)runningTabs.CloneNode(true), after: 0, line: 240),
            run: Run(color: Grey, size: DocxLayout.HalfPoints(DocumentTheme.RunningSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.TableText, "Table Text",
            paragraph: Paragraph(after: 0, line: 240),
            run: Run(size: DocxLayout.HalfPoints(DocumentTheme.TableSize))));
        styles.Append(ParagraphStyle(DocxStyleIds.TableHeading, "Table Heading", basedOn: DocxStyleIds.TableText, next: DocxStyleIds.TableText,
            paragraph: Paragraph(keepNext: true),
            run: Run(bold: true)));

        styles.Append(CharacterStyle(DocxStyleIds.CodeChar, "Inline Code", Run(font: DocxLayout.MonospaceFont, noProof: true, shade: CodeShade)));
        styles.Append(CharacterStyle(DocxStyleIds.Hyperlink, "Hyperlink", Run(color: DocumentTheme.Accent, underline: true)));
        return styles;
    }

    private static W.DocDefaults Defaults() => new(
        new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
            RunFonts(DocxLayout.BodyFont),
            new W.FontSize { Val = Body },
            new W.FontSizeComplexScript { Val = Body },
            new W.Languages { Val = "en-US", EastAsia = "en-US", Bidi = "ar-SA" })),
        new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
            new W.SpacingBetweenLines
            {
                After = DocxLayout.Twips(DocumentTheme.ParagraphSpacing).ToString(CultureInfo.InvariantCulture),
                Line = ((int)Math.Round(240 * DocumentTheme.BodyLeading / SingleLine)).ToString(CultureInfo.InvariantCulture),
                LineRule = W.LineSpacingRuleValues.Auto,
            })));

    private static string Body => DocxLayout.HalfPoints(DocumentTheme.BodySize).ToString(CultureInfo.InvariantCulture);

    private static W.Style ParagraphStyle(
        string id,
        string name,
        string? basedOn = DocxStyleIds.Normal,
        string? next = null,
        bool primary = false,
        int? priority = null,
        IEnumerable<OpenXmlElement>? paragraph = null,
        IEnumerable<OpenXmlElement>? run = null)
    {
        var style = new W.Style(new W.StyleName { Val = name }) { Type = W.StyleValues.Paragraph, StyleId = id };
        if (id == DocxStyleIds.Normal)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new W.BasedOn { Val = basedOn });
            style.Append(new W.NextParagraphStyle { Val = next ?? DocxStyleIds.Normal });
        }

        if (priority is { } p)
        {
            style.Append(new W.UIPriority { Val = p });
        }

        if (primary)
        {
            style.Append(new W.PrimaryStyle());
        }

        if (paragraph?.ToList() is { Count: > 0 } paragraphChildren)
        {
            style.Append(new W.StyleParagraphProperties(paragraphChildren));
        }

        if (run?.ToList() is { Count: > 0 } runChildren)
        {
            style.Append(new W.StyleRunProperties(runChildren));
        }

        return style;
    }

    private static W.Style CharacterStyle(string id, string name, IEnumerable<OpenXmlElement> run) =>
        new(new W.StyleName { Val = name }, new W.BasedOn { Val = "DefaultParagraphFont" }, new W.UIPriority { Val = 99 }, new W.StyleRunProperties(run))
        {
            Type = W.StyleValues.Character,
            StyleId = id,
        };
}
