using System.Globalization;
using Evidence.Core.Yaml;

namespace Evidence.Cli;

/// <summary>
/// "Now" for a command: <c>--as-of</c>, else <c>SOURCE_DATE_EPOCH</c>, else the clock. Fixing it makes
/// output reproducible.
/// </summary>
public static class AsOf
{
    public static DateTimeOffset Resolve(string? option, CliContext context)
    {
        if (option is not null)
        {
            return Parse(option) ?? throw UserException.Usage($"--as-of '{option}' is not a UTC timestamp (2026-11-21T09:00:00Z) or a date (2026-11-21)");
        }

        var epoch = context.Environment("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrEmpty(epoch))
        {
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw UserException.Usage($"SOURCE_DATE_EPOCH '{epoch}' is not a whole number of seconds since 1970");
        }

        var now = context.Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static DateTimeOffset? Parse(string text)
    {
        if (Timestamps.TryParseUtc(text, out var instant))
        {
            return instant;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
    }
}
