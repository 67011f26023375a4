using Evidence.Core.Catalog;

namespace Evidence.Core.Tests.Catalog;

public sealed class CitationComparerTests
{
    [Theory]
    [InlineData("164.308(a)(2)", "164.308(a)(10)")]
    [InlineData("164.312(a)(2)(ii)", "164.312(a)(2)(iv)")]
    [InlineData("164.312(a)(2)(iv)", "164.312(a)(2)(v)")]
    [InlineData("164.312(a)(2)(ix)", "164.312(a)(2)(x)")]
    [InlineData("164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(B)")]
    [InlineData("164.312(a)(1)", "164.312(a)(2)(i)")]
    [InlineData("164.312(a)(2)(iv)", "164.312(b)")]
    [InlineData("164.308(b)(3)", "164.310(a)(1)")]
    public void CitationsSortAsTheRegulationDoes(string earlier, string later)
    {
        Assert.True(CitationComparer.Instance.Compare(earlier, later) < 0, $"{earlier} should come before {later}");
        Assert.True(CitationComparer.Instance.Compare(later, earlier) > 0, $"{later} should come after {earlier}");
    }

    [Fact]
    public void AStandardComesBeforeItsSpecifications()
    {
        Assert.True(CitationComparer.Instance.Compare("164.308(a)(1)(i)", "164.308(a)(1)(ii)(A)") < 0);
    }

    [Fact]
    public void ACitationEqualsItself()
    {
        Assert.Equal(0, CitationComparer.Instance.Compare("164.312(e)(2)(ii)", "164.312(e)(2)(ii)"));
    }

    [Fact]
    public void SortingAListGivesRegulationOrder()
    {
        string[] shuffled = ["164.312(a)(2)(v)", "164.312(a)(10)", "164.312(a)(2)(iv)", "164.312(a)(2)", "164.312(a)(2)(ii)"];

        var sorted = shuffled.Order(CitationComparer.Instance);

        Assert.Equal(["164.312(a)(2)", "164.312(a)(2)(ii)", "164.312(a)(2)(iv)", "164.312(a)(2)(v)", "164.312(a)(10)"], sorted);
    }
}
