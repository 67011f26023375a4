using System.Globalization;
using System.Text.Json;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>AWS JSON 1.1 timestamps: epoch seconds as a number (<c>1.763602297123E9</c>), kept to the whole second as the store records them.</summary>
internal static class AwsTimestamp
{
    public static DateTimeOffset? Read(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var seconds) => FromSeconds(seconds),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => FromSeconds(seconds),
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => Whole(instant),
            _ => null,
        };
    }

    /// <summary>Drops the fraction of a second.</summary>
    public static DateTimeOffset Whole(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static DateTimeOffset? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds is >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds)) : null;
}
