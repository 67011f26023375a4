using Evidence.Core.Yaml;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>Shape checks for Azure cloud names and subscription ids in the boundary.</summary>
internal static class AzureIds
{
    public static readonly string[] Clouds = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"];

    public static bool IsGuid(string value) => Guid.TryParseExact(value, "D", out _);

    public static void CheckSubscription(YamlMap map, Scalar? subscription)
    {
        if (subscription is { } s && !IsGuid(s.Value))
        {
            map.Diagnostics.Error(s.Location, $"'{s.Value}' is not an Azure subscription id (a GUID such as 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f)");
        }
    }
}
