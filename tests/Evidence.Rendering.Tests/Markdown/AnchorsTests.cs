using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Tests.Markdown;

public sealed class AnchorsTests
{
    [Theory]
    [InlineData("164.312(a)(2)(iv)", "164-312-a-2-iv")]
    [InlineData("164.308(a)(1)(ii)(A) Risk analysis", "164-308-a-1-ii-a-risk-analysis")]
    [InlineData("Roles & responsibilities", "roles-responsibilities")]
    [InlineData("Appendix: evidence index", "appendix-evidence-index")]
    [InlineData("***", "section")]
    public void ASlugIsLowerCaseLettersDigitsAndSingleHyphens(string text, string slug) => Assert.Equal(slug, Anchors.Slug(text));

    [Fact]
    public void ControlAnchorsStartWithALetter() => Assert.Equal("control-164-312-a-2-iv", Anchors.Control("164.312(a)(2)(iv)"));
}
