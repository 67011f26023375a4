using System.Globalization;
using Evidence.Core.Attestations;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Tests.Attestations;

public sealed class AttestationPeriodTests
{
    [Theory]
    [InlineData("2026-Q3", AttestationCadence.Quarterly, 2026, 3)]
    [InlineData("2026-11", AttestationCadence.Monthly, 2026, 11)]
    [InlineData("2026-01", AttestationCadence.Monthly, 2026, 1)]
    [InlineData("2026-H2", AttestationCadence.Semiannual, 2026, 2)]
    [InlineData("2026", AttestationCadence.Annual, 2026, 1)]
    public void EachCadenceHasItsOwnSpelling(string text, AttestationCadence cadence, int year, int index)
    {
        Assert.True(AttestationPeriod.TryParse(text, out var period));

        Assert.Equal(new AttestationPeriod(cadence, year, index), period);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("2026-H3")]
    [InlineData("2026Q3")]
    [InlineData("26-Q3")]
    [InlineData("Q3-2026")]
    [InlineData("")]
    public void TextThatIsNoPeriodIsRejected(string text)
    {
        Assert.False(AttestationPeriod.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2026-Q3", "2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z")]
    [InlineData("2026-Q4", "2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("2026-02", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z")]
    [InlineData("2026-H2", "2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("2026", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    public void APeriodStartsAtItsFirstInstantAndEndsAtTheFirstInstantAfterIt(string text, string start, string end)
    {
        var period = Parse(text);

        Assert.Equal(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), period.End);
        Assert.Equal(TimeSpan.Zero, period.Start.Offset);
    }

    [Theory]
    [InlineData(AttestationCadence.Quarterly, "2026-11-20T12:00:00Z", "2026-Q4")]
    [InlineData(AttestationCadence.Quarterly, "2026-09-30T23:59:59Z", "2026-Q3")]
    [InlineData(AttestationCadence.Quarterly, "2026-10-01T00:00:00Z", "2026-Q4")]
    [InlineData(AttestationCadence.Monthly, "2026-11-20T12:00:00Z", "2026-11")]
    [InlineData(AttestationCadence.Semiannual, "2026-06-30T12:00:00Z", "2026-H1")]
    [InlineData(AttestationCadence.Annual, "2026-11-20T12:00:00Z", "2026")]
    public void ContainingFindsThePeriodOfAnInstant(AttestationCadence cadence, string instant, string expected)
    {
        var period = AttestationPeriod.Containing(cadence, DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(expected, period.ToString());
    }

    [Fact]
    public void ContainingJudgesAnInstantInUtc()
    {
        // 2026-10-01 01:00 in Berlin is still 2026-09-30 in UTC.
        var instant = new DateTimeOffset(2026, 10, 1, 1, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2026-Q3", AttestationPeriod.Containing(AttestationCadence.Quarterly, instant).ToString());
    }

    [Theory]
    [InlineData("2026-Q3", "2026-Q2")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-H1", "2025-H2")]
    [InlineData("2026", "2025")]
    public void PreviousStepsBackOnePeriodAcrossYearEnds(string text, string expected)
    {
        var period = Parse(text);

        Assert.Equal(expected, period.Previous().ToString());
    }

    [Fact]
    public void PeriodsCompareByWhenTheyStart()
    {
        var earlier = Parse("2025-Q4");
        var later = Parse("2026-Q1");

        Assert.True(earlier < later);
        Assert.True(later > earlier);
        Assert.True(earlier <= later);
        Assert.True(later >= earlier);
        Assert.Equal([earlier, later], new[] { later, earlier }.Order());
    }

    private static AttestationPeriod Parse(string text)
    {
        Assert.True(AttestationPeriod.TryParse(text, out var period), $"'{text}' should parse");
        return period;
    }
}
