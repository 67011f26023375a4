using Evidence.Core.Diagnostics;

namespace Evidence.Core.Tests.Diagnostics;

public sealed class SuggestionsTests
{
    private static readonly string[] OverlayKeys = ["control", "owner", "status", "statement", "decision", "max_age", "evidence"];

    [Theory]
    [InlineData("ownr", "owner")]
    [InlineData("stauts", "status")]
    [InlineData("maxage", "max_age")]
    [InlineData("Owner", "owner")]
    [InlineData("evidenc", "evidence")]
    public void TheClosestCandidateWithinAFewEditsIsSuggested(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, OverlayKeys));
    }

    [Theory]
    [InlineData("headquarters")]
    [InlineData("xyz")]
    public void NothingIsSuggestedWhenNoCandidateIsClose(string input)
    {
        Assert.Null(Suggestions.Closest(input, OverlayKeys));
    }

    [Fact]
    public void LongerInputsAllowMoreEdits()
    {
        // A third of the length: 'IAM_ROOT_ACCES_KEY_CHK' is three edits from the rule.
        Assert.Equal("IAM_ROOT_ACCESS_KEY_CHECK", Suggestions.Closest("IAM_ROOT_ACCES_KEY_CHK", ["IAM_ROOT_ACCESS_KEY_CHECK", "IAM_USER_MFA_ENABLED"]));
    }

    [Fact]
    public void TiesGoToTheOrdinallyFirstCandidate()
    {
        Assert.Equal("bat", Suggestions.Closest("cat", ["rat", "bat"]));
    }

    [Fact]
    public void NoCandidatesMeansNoSuggestion()
    {
        Assert.Null(Suggestions.Closest("owner", []));
    }

    [Fact]
    public void DidYouMeanIsWrittenToFollowAMessage()
    {
        Assert.Equal(" (did you mean 'owner'?)", Suggestions.DidYouMean("ownr", OverlayKeys));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("headquarters", OverlayKeys));
    }
}
