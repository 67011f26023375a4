using System.Text.RegularExpressions;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>Shape checks for AWS account ids and region names in the boundary.</summary>
internal static partial class AwsIds
{
    public static void CheckAccount(YamlMap map, Scalar? account)
    {
        if (account is { } a && !AccountPattern().IsMatch(a.Value))
        {
            map.Diagnostics.Error(a.Location, $"'{a.Value}' is not an AWS account id: use the 12 digits, in quotes so YAML keeps leading zeros");
        }
    }

    public static void CheckRegion(YamlMap map, Scalar? region)
    {
        if (region is { } r && !RegionPattern().IsMatch(r.Value))
        {
            map.Diagnostics.Error(r.Location, $"'{r.Value}' is not an AWS region name such as us-east-1 or us-gov-west-1");
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();
}
