using System.Globalization;
using System.Text.RegularExpressions;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Attestations;

/// <summary>
/// A calendar period an attestation covers: <c>2026-Q3</c>, <c>2026-11</c>, <c>2026-H2</c> or <c>2026</c>.
/// Periods are in UTC.
/// </summary>
public readonly partial record struct AttestationPeriod(AttestationCadence Cadence, int Year, int Index)
    : IComparable<AttestationPeriod>
{
    private int MonthsLong => Cadence switch
    {
        AttestationCadence.Monthly => 1,
        AttestationCadence.Quarterly => 3,
        AttestationCadence.Semiannual => 6,
        _ => 12,
    };

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => new(Year, ((Index - 1) * MonthsLong) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => Start.AddMonths(MonthsLong);

    public static bool TryParse(string text, out AttestationPeriod period)
    {
        var match = PeriodPattern().Match(text);
        period = default;
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["q"].Success)
        {
            period = new AttestationPeriod(AttestationCadence.Quarterly, year, match.Groups["q"].Value[0] - '0');
        }
        else if (match.Groups["h"].Success)
        {
            period = new AttestationPeriod(AttestationCadence.Semiannual, year, match.Groups["h"].Value[0] - '0');
        }
        else if (match.Groups["m"].Success)
        {
            period = new AttestationPeriod(AttestationCadence.Monthly, year, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture));
        }
        else
        {
            period = new AttestationPeriod(AttestationCadence.Annual, year, 1);
        }

        return true;
    }

    /// <summary>The period of the given cadence that contains an instant.</summary>
    public static AttestationPeriod Containing(AttestationCadence cadence, DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var probe = new AttestationPeriod(cadence, utc.Year, 1);
        return probe with { Index = ((utc.Month - 1) / probe.MonthsLong) + 1 };
    }

    /// <summary>The period after this one.</summary>
    public AttestationPeriod Next() =>
        Index < 12 / MonthsLong ? this with { Index = Index + 1 } : this with { Year = Year + 1, Index = 1 };

    /// <summary>The first instant at which this period's attestation is overdue: its end plus the grace.</summary>
    public DateTimeOffset Deadline(TimeSpan grace) => End + grace;

    public AttestationPeriod Previous() =>
        Index > 1 ? this with { Index = Index - 1 } : this with { Year = Year - 1, Index = 12 / MonthsLong };

    public int CompareTo(AttestationPeriod other) => Start.CompareTo(other.Start);

    public static bool operator <(AttestationPeriod left, AttestationPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(AttestationPeriod left, AttestationPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(AttestationPeriod left, AttestationPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AttestationPeriod left, AttestationPeriod right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Cadence switch
    {
        AttestationCadence.Monthly => $"{Year:D4}-{Index:D2}",
        AttestationCadence.Quarterly => $"{Year:D4}-Q{Index}",
        AttestationCadence.Semiannual => $"{Year:D4}-H{Index}",
        _ => $"{Year:D4}",
    };

    [GeneratedRegex(@"^(?<year>20[0-9]{2})(-Q(?<q>[1-4])|-H(?<h>[12])|-(?<m>0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();
}
