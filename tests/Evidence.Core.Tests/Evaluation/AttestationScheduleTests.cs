using Evidence.Core.Attestations;
using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Tests.Evaluation;

/// <summary>
/// Due dates from the cadence and the grace: a period's attestation is on time until the last second of
/// its grace and overdue from the next one, across quarter and year ends and leap days.
/// </summary>
public sealed class AttestationScheduleTests
{
    private const string Control = "164.312(a)(2)(iii)";
    private static readonly AttestationSettings Quarterly = new(AttestationCadence.Quarterly, TimeSpan.FromDays(14));

    [Fact]
    public void OnTheGraceWindowsLastSecondThePeriodIsStillDueAndOneSecondLaterItIsOverdue()
    {
        var attestations = new[] { Record("2026-Q2", "2026-07-03T10:00:00Z") };

        var lastSecond = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2026-10-14T23:59:59Z"));
        var deadline = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2026-10-15T00:00:00Z"));

        Assert.Equal("2026-Q3", lastSecond.Due.ToString());
        Assert.Equal(Utc("2026-10-14T23:59:59Z"), lastSecond.DueBy);
        Assert.Empty(lastSecond.Missed);
        Assert.Equal(["2026-Q3"], deadline.Missed.Select(p => p.ToString()));
        Assert.Equal(Utc("2026-10-15T00:00:00Z"), deadline.OverdueSince);
        Assert.Equal("2026-Q4", deadline.Due.ToString());
        Assert.Equal(Utc("2027-01-14T23:59:59Z"), deadline.DueBy);
    }

    [Fact]
    public void TheJudgeAgreesWithTheScheduleAtTheDeadline()
    {
        var attestations = new[] { Record("2026-Q2", "2026-07-03T10:00:00Z") };

        var before = AttestationJudge.Judge(Control, attestations, Quarterly, Utc("2026-10-14T23:59:59Z"), out _);
        var at = AttestationJudge.Judge(Control, attestations, Quarterly, Utc("2026-10-15T00:00:00Z"), out _);

        Assert.Equal(ReasonKind.AttestationCurrent, before.Kind);
        Assert.Equal(ReasonKind.AttestationOverdue, at.Kind);
    }

    [Fact]
    public void TheFourthQuarterIsDueInTheNextYearAndOverdueFromItsFifteenthOfJanuary()
    {
        var attestations = new[] { Record("2026-Q3", "2026-10-06T15:04:00Z") };

        var newYearsEve = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2026-12-31T23:59:59Z"));
        var newYear = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2027-01-01T00:00:00Z"));
        var late = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2027-01-15T00:00:00Z"));

        Assert.Equal(("2026-Q4", Utc("2027-01-14T23:59:59Z")), (newYearsEve.Due.ToString(), newYearsEve.DueBy));
        Assert.Equal(("2026-Q4", Utc("2027-01-14T23:59:59Z")), (newYear.Due.ToString(), newYear.DueBy));
        Assert.Equal(["2026-Q4"], late.Missed.Select(p => p.ToString()));
        Assert.Equal(("2027-Q1", Utc("2027-04-14T23:59:59Z")), (late.Due.ToString(), late.DueBy));
    }

    [Fact]
    public void OverdueCountsFromTheFirstMissedDeadlineAndListsEveryMissedPeriod()
    {
        var attestations = new[] { Record("2025-Q4", "2026-01-05T09:00:00Z") };

        var schedule = AttestationSchedule.For(Control, attestations, Quarterly, Utc("2026-11-21T09:00:00Z"));

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], schedule.Missed.Select(p => p.ToString()));
        Assert.Equal(Utc("2026-04-15T00:00:00Z"), schedule.OverdueSince);
        Assert.Equal("2026-Q4", schedule.Due.ToString());
    }

    [Theory]
    [InlineData("2028-01", "2028-03-01T23:59:59Z")] // 2028 is a leap year: February has 29 days
    [InlineData("2027-01", "2027-03-02T23:59:59Z")]
    public void AMonthlyGraceOfThirtyDaysCountsTheLeapDay(string period, string dueBy)
    {
        var settings = new AttestationSettings(AttestationCadence.Monthly, TimeSpan.FromDays(30));
        Assert.True(AttestationPeriod.TryParse(period, out var january));
        var december = january.Previous();

        var schedule = AttestationSchedule.For(Control, [Record(december.ToString(), $"{january.Year}-01-03T09:00:00Z")], settings, january.End.AddDays(1));

        Assert.Equal(january, schedule.Due);
        Assert.Equal(Utc(dueBy), schedule.DueBy);
    }

    [Fact]
    public void AFebruaryThatEndsOnALeapDayIsDueFourteenDaysAfterTheFirstOfMarch()
    {
        var settings = new AttestationSettings(AttestationCadence.Monthly, TimeSpan.FromDays(14));

        var schedule = AttestationSchedule.For(Control, [Record("2028-01", "2028-02-02T09:00:00Z")], settings, Utc("2028-02-29T12:00:00Z"));

        Assert.Equal("2028-02", schedule.Due.ToString());
        Assert.Equal(Utc("2028-03-14T23:59:59Z"), schedule.DueBy);
    }

    [Fact]
    public void AnAnnualCadenceRollsOverTheYearWithItsGrace()
    {
        var settings = new AttestationSettings(AttestationCadence.Annual, TimeSpan.FromDays(31));

        var schedule = AttestationSchedule.For(Control, [Record("2025", "2026-01-10T09:00:00Z")], settings, Utc("2027-01-31T23:59:59Z"));
        var late = AttestationSchedule.For(Control, [Record("2025", "2026-01-10T09:00:00Z")], settings, Utc("2027-02-01T00:00:00Z"));

        Assert.Equal(("2026", Utc("2027-01-31T23:59:59Z")), (schedule.Due.ToString(), schedule.DueBy));
        Assert.Equal(["2026"], late.Missed.Select(p => p.ToString()));
    }

    [Fact]
    public void AControlAttestedForTheCurrentPeriodOwesNothing()
    {
        var schedule = AttestationSchedule.For(Control, [Record("2026-Q4", "2026-11-20T09:00:00Z")], Quarterly, Utc("2026-11-21T09:00:00Z"));

        Assert.Null(schedule.Due);
        Assert.Empty(schedule.Missed);
    }

    private static Attestation Record(string period, string at)
    {
        Assert.True(AttestationPeriod.TryParse(period, out var parsed));
        var location = new SourceLocation("a.yaml", 1, 1);
        return new Attestation(new Scalar(Control, location), parsed, location, new Scalar("dana", location), Utc(at), AttestationResult.Implemented, "checked", location)
        {
            RecordPath = $"{period}/x.yaml",
        };
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
