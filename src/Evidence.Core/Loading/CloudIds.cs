using System.Text.RegularExpressions;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Shape checks for AWS account ids, region names and Azure subscription ids.</summary>
internal static partial class CloudIds
{
    public static readonly string[] AzureClouds = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"];

    public static bool IsAccount(string value) => AccountPattern().IsMatch(value);

    public static bool IsRegion(string value) => RegionPattern().IsMatch(value);

    public static bool IsGuid(string value) => Guid.TryParseExact(value, "D", out _);

    public static void CheckAccount(YamlMap map, Scalar? account)
    {
        if (account is { } a && !IsAccount(a.Value))
        {
            map.Diagnostics.Error(a.Location, $"'{a.Value}' is not an AWS account id: use the 12 digits, in quotes so YAML keeps leading zeros");
        }
    }

    public static void CheckRegion(YamlMap map, Scalar? region)
    {
        if (region is { } r && !IsRegion(r.Value))
        {
            map.Diagnostics.Error(r.Location, $"'{r.Value}' is not an AWS region name such as us-east-1 or us-gov-west-1");
        }
    }

    public static void CheckSubscription(YamlMap map, Scalar? subscription)
    {
        if (subscription is { } s && !IsGuid(s.Value))
        {
            map.Diagnostics.Error(s.Location, $"'{s.Value}' is not an Azure subscription id (a GUID such as 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f)");
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();
}
