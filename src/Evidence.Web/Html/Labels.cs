using Evidence.Core.Yaml;

namespace Evidence.Web.Html;

/// <summary>Enum values as words for people and as class names for the stylesheet.</summary>
internal static class Labels
{
    /// <summary>"PartiallySatisfied" as "partially satisfied".</summary>
    public static string Words<T>(T value)
        where T : struct, Enum => EnumNames.ToKebab(value).Replace('-', ' ');

    /// <summary>"PartiallySatisfied" as the class "partially-satisfied".</summary>
    public static string Css<T>(T value)
        where T : struct, Enum => EnumNames.ToKebab(value);

    /// <summary>A family's name as a path segment: "Policies and Documentation" becomes "policies-and-documentation".</summary>
    public static string Slug(string family) => family.ToLowerInvariant().Replace(' ', '-');

    public static string ControlHref(string id) => "/controls/" + Uri.EscapeDataString(id);

    public static string FamilyHref(string family) => "/families/" + Slug(family);

    public static string Date(DateTimeOffset? instant) => instant is { } at ? Timestamps.FormatDate(at) : "—";

    public static string Instant(DateTimeOffset? instant) => instant is { } at ? Timestamps.Format(at) : "—";
}
