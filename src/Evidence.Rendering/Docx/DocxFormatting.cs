using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Builds run and paragraph property children in the order the schema demands (the validator
/// rejects <c>&lt;w:sz/&gt;</c> before <c>&lt;w:b/&gt;</c>), so the style sheet can name only what differs.
/// </summary>
internal static class DocxFormatting
{
    /// <summary>Run properties; <paramref name="size"/> is in half-points, as Word stores it.</summary>
    public static IEnumerable<OpenXmlElement> Run(
        string? font = null,
        bool bold = false,
        bool italic = false,
        bool noProof = false,
        string? color = null,
        int? size = null,
        bool underline = false,
        string? shade = null)
    {
        if (font is not null)
        {
            yield return RunFonts(font);
        }

        if (bold)
        {
            yield return new W.Bold();
        }

        if (italic)
        {
            yield return new W.Italic();
        }

        if (noProof)
        {
            yield return new W.NoProof();
        }

        if (color is not null)
        {
            yield return new W.Color { Val = color };
        }

        if (size is { } halfPoints)
        {
            yield return new W.FontSize { Val = Number(halfPoints) };
            yield return new W.FontSizeComplexScript { Val = Number(halfPoints) };
        }

        if (underline)
        {
            yield return new W.Underline { Val = W.UnderlineValues.Single };
        }

        if (shade is not null)
        {
            yield return Shade(shade);
        }
    }

    /// <summary>Paragraph properties; distances are in twips.</summary>
    public static IEnumerable<OpenXmlElement> Paragraph(
        bool keepNext = false,
        bool keepLines = false,
        W.ParagraphBorders? borders = null,
        string? shade = null,
        W.Tabs? tabs = null,
        int? before = null,
        int? after = null,
        int? line = null,
        bool exactLine = false,
        int? indentLeft = null,
        int? indentRight = null,
        bool contextualSpacing = false,
        int? outlineLevel = null)
    {
        if (keepNext)
        {
            yield return new W.KeepNext();
        }

        if (keepLines)
        {
            yield return new W.KeepLines();
        }

        if (borders is not null)
        {
            yield return borders;
        }

        if (shade is not null)
        {
            yield return Shade(shade);
        }

        if (tabs is not null)
        {
            yield return tabs;
        }

        if (before is not null || after is not null || line is not null)
        {
            // Each attribute only when given: assigning null would still write it, empty.
            var spacing = new W.SpacingBetweenLines();
            if (before is { } b)
            {
                spacing.Before = Number(b);
            }

            if (after is { } a)
            {
                spacing.After = Number(a);
            }

            if (line is { } l)
            {
                spacing.Line = Number(l);
                spacing.LineRule = exactLine ? W.LineSpacingRuleValues.Exact : W.LineSpacingRuleValues.Auto;
            }

            yield return spacing;
        }

        if (indentLeft is not null || indentRight is not null)
        {
            var indentation = new W.Indentation();
            if (indentLeft is { } left)
            {
                indentation.Left = Number(left);
            }

            if (indentRight is { } right)
            {
                indentation.Right = Number(right);
            }

            yield return indentation;
        }

        if (contextualSpacing)
        {
            yield return new W.ContextualSpacing();
        }

        if (outlineLevel is { } level)
        {
            yield return new W.OutlineLevel { Val = level };
        }
    }

    public static W.RunFonts RunFonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    public static W.Shading Shade(string fill) => new() { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = fill };

    /// <summary>A single line border of <paramref name="eighths"/> eighths of a point.</summary>
    public static T Line<T>(int eighths, string color, uint space = 0)
        where T : W.BorderType, new() =>
        new() { Val = W.BorderValues.Single, Size = (uint)eighths, Space = space, Color = color };

    public static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
