using System.Text.RegularExpressions;

namespace Evidence.Core.Catalog;

/// <summary>The shape of a Security Rule citation, such as <c>164.308(a)(1)(ii)(A)</c>.</summary>
public static partial class Citation
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    [GeneratedRegex(@"^164\.3(08|10|12|14|16)(\([a-zA-Z0-9]+\))+$")]
    private static partial Regex Pattern();
}
