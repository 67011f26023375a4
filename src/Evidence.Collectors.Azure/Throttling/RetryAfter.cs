using System.Globalization;
using Azure;

namespace Evidence.Collectors.Azure.Throttling;

/// <summary>Reads how long a throttled response asks to wait: Retry-After in seconds or as an HTTP date, or Azure's millisecond variants.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(Response response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var header in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValue(header, out var ms) &&
                double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until))
        {
            // Measured against the response's own Date when it has one, so a skewed local clock does not matter.
            var now = response.Headers.Date ?? time.GetUtcNow();
            return until > now ? until - now : TimeSpan.Zero;
        }

        return null;
    }
}
