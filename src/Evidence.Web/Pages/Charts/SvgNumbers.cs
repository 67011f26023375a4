using System.Globalization;

namespace Evidence.Web.Pages.Charts;

/// <summary>Numbers written into SVG: invariant, at most one decimal, so the same data always draws the same bytes.</summary>
internal static class SvgNumbers
{
    public static string Of(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}
