using System.Globalization;
using System.Text.RegularExpressions;
using Evidence.Core.Diagnostics;

namespace Evidence.Core.Yaml;

/// <summary>Typed values on top of <see cref="YamlMap"/>: ids, durations, dates, booleans and enums.</summary>
internal static partial class YamlValues
{
    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^([1-9][0-9]{0,4})([dh])$")]
    private static partial Regex DurationPattern();

    public static bool IsId(string value) => IdPattern().IsMatch(value);

    public static Scalar? Id(this YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is { } value && !IsId(value.Value))
        {
            map.Diagnostics.Error(value.Location, $"'{key}' must be an id of lower-case letters, digits and '-', starting with a letter; '{value.Value}' is not");
            return null;
        }

        return text;
    }

    public static TimeSpan? Duration(this YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text.Value.Value);
        if (!match.Success)
        {
            map.Diagnostics.Error(text.Value.Location, $"'{key}' must be a duration such as 7d or 12h (a whole number of days or hours); '{text.Value.Value}' is not");
            return null;
        }

        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value == "d" ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
    }

    public static DateOnly? Date(this YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Value.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        map.Diagnostics.Error(text.Value.Location, $"'{key}' must be a date as YYYY-MM-DD; '{text.Value.Value}' is not");
        return null;
    }

    public static DateTimeOffset? Timestamp(this YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (Timestamps.TryParseUtc(text.Value.Value, out var instant))
        {
            return instant;
        }

        map.Diagnostics.Error(text.Value.Location, $"'{key}' must be a UTC timestamp such as 2026-10-06T15:04:00Z; '{text.Value.Value}' is not");
        return null;
    }

    public static bool? Bool(this YamlMap map, string key, bool required = false)
    {
        var text = map.Text(key, required);
        return text?.Value switch
        {
            null => null,
            "true" => true,
            "false" => false,
            { } other => Fail<bool>(map, text.Value.Location, $"'{key}' must be true or false; '{other}' is not"),
        };
    }

    /// <summary>Reads an enum written in kebab-case (PartiallyImplemented is partially-implemented).</summary>
    public static T? Enum<T>(this YamlMap map, string key, bool required = false)
        where T : struct, Enum
    {
        var text = map.Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (EnumNames.TryParse<T>(text.Value.Value, out var value))
        {
            return value;
        }

        var names = EnumNames.All<T>();
        var hint = Suggestions.DidYouMean(text.Value.Value, names);
        map.Diagnostics.Error(text.Value.Location, $"'{text.Value.Value}' is not a valid {key}{hint}; use one of: {string.Join(", ", names)}");
        return null;
    }

    private static T? Fail<T>(YamlMap map, SourceLocation location, string message)
        where T : struct
    {
        map.Diagnostics.Error(location, message);
        return null;
    }
}
