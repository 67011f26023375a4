using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;
using Evidence.Rendering.Theme;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Headings: bold, sized by level, kept with what follows, their place recorded for the TOC, links and bookmarks.</summary>
internal sealed class HeadingRenderer(LayoutContext context)
{
    private const double SpaceAfter = DocumentTheme.HeadingSpaceAfter;

    public void Render(Heading heading)
    {
        var ordinal = context.TakeHeadingOrdinal();
        context.Fonts.Fallback.Section = context.Headings[ordinal].Title;
        var size = Typography.HeadingSize(heading.Level);
        var text = new StyledText();
        text.Reset(size);
        InlineFlattener.Flatten(heading.Content, text, FontFace.Bold);
        text.Measure(context.Fonts);
        var flow = context.Flow;
        var lines = new List<TextLine>();
        LineBreaker.Break(text.Chars, text.Widths, flow.Width, lines);
        var metrics = LineMetrics.For(context.Fonts, size, 1.25);
        var ruled = heading.Level <= 1;
        var height = (lines.Count * metrics.Height) + (ruled ? 4 : 0) + SpaceAfter;
        var title = context.Headings[ordinal].Title;
        var left = flow.Left;
        var width = flow.Width;
        var group = flow.Tags.Group;

        context.Flow.AddPending(new PendingHeading(Typography.HeadingSpaceBefore(heading.Level), height, f =>
        {
            context.Map.Add(new HeadingPlace(ordinal, heading.Level, title, heading.Anchor, heading.InOutline, f.PageIndex, f.Y));
            f.Tags.Begin("H" + Math.Clamp(heading.Level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture), holdsContent: true, group);
            foreach (var line in lines)
            {
                context.Painter.Draw(f, text, line, left, f.Y + metrics.Baseline, context.Palette.Text);
                f.Y += metrics.Height;
            }

            f.Tags.End();

            if (ruled)
            {
                f.Y += 2;
                f.Canvas?.DrawLine(context.Palette.Heading, left, f.Y, left + width, f.Y);
                f.Y += 2;
            }

            f.Y += SpaceAfter;
        }));
    }
}
