using System.Diagnostics;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Templates;

namespace Evidence.Rendering.Tests.Markdown;

/// <summary>
/// Reading Markdown takes time in proportion to its size, whatever it holds: text that Markdig splits at every
/// escape or entity used to be joined run by run, which copies the text so far each time (minutes for a megabyte).
/// The bound is loose on purpose (the machine is shared); the quadratic join took well over a minute for each.
/// </summary>
public sealed class LargeInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("* _ | ` [ ")]
    [InlineData("&amp;")]
    public void AMegabyteOfEscapedTextIsReadInLinearTime(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, (1024 * 1024) / unit.Length));

        var clock = Stopwatch.StartNew();
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(new MarkdownConverter().Convert(TemplateHelpers.Md(text))));
        clock.Stop();

        Assert.Equal(text.TrimEnd(), InlineText.Of(paragraph.Content));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void AParagraphOfTwentyThousandLinesIsReadInLinearTime()
    {
        var lines = Enumerable.Range(1, 20_000).Select(i => $"line {i} of a template that writes one line per resource, \\*escaped\\*");

        var clock = Stopwatch.StartNew();
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(new MarkdownConverter().Convert(string.Join('\n', lines))));
        clock.Stop();

        var run = Assert.IsType<TextRun>(Assert.Single(paragraph.Content));
        Assert.EndsWith("line 20000 of a template that writes one line per resource, *escaped*", run.Text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
